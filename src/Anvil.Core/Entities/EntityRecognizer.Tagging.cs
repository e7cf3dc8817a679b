using Anvil.Core.Entities.Tagging;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Entities;

/// <summary>
/// Where the statistical tagger and the word dictionary meet the lexicons and patterns: pattern names
/// the tagger does not see as names are dropped or trimmed to what it sees, names that cut through a
/// dictionary word are dropped, and names only the tagger found join the candidates below the lexicons.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int ModelPriority = 20;

    // The thresholds below are in the model's score unit (NameTaggerModel.ScoreUnit: the pair score one adjoining pair of
    // training characters in twenty passes), so that a retrained model, whose weights have another scale, gates and
    // vetoes about as much text as the one they were set on (a unit of 79 score points when they were set).

    /// <summary>
    /// How much worse (in units) the best reading that makes a pattern company a name may be before the tagger vetoes
    /// it. Junk such as 着力抓科技 or 很多半导体 costs 4 units and more, real names the tagger does not itself mark
    /// (强脑科技, 恒基兆业地产) under 1.
    /// </summary>
    private const float VetoGapUnits = 2.5f;

    /// <summary>
    /// Where no lexicon or pattern sees a name, a clause is still tagged when two adjoining characters, each
    /// alone, favour opening a name this much (<see cref="NameTaggerModel.PairScore"/>, in units): a surname and a given
    /// name, a transliteration's first syllables, a place's first characters. One training pair in twenty passes
    /// (by the unit's definition); about a quarter of news text is tagged, and on CLUENER2020 dev, MSRA test
    /// and dev2 most of what tagging every clause finds is found.
    /// </summary>
    private const float PairThresholdUnits = 1f;

    /// <summary>
    /// Where the pair of characters alone does not pass <see cref="PairThresholdUnits"/>, a clause is still tagged when
    /// the pair with what stands around it (<see cref="NameTaggerModel.OpeningScore"/>: the characters up to two either
    /// side and the character pairs) favours opening a name this much: names whose first characters are common
    /// characters alone but a name's start beside their neighbours. It tags little more text (a quarter of news text
    /// before, 26% after) and finds most of what tagging every clause finds beyond the pair alone: CLUENER2020 dev
    /// F1 0.528 -> 0.571, MSRA test 0.717 -> 0.726.
    /// </summary>
    private const float OpeningThresholdUnits = 2f;

    /// <summary>A first character that favours opening a name less than this (in units) is not looked at with the next (a table lookup, not two).</summary>
    private const float BeginThresholdUnits = 0.125f;

    /// <summary>For each character, whether it favours opening a name more than <see cref="BeginThresholdUnits"/>.</summary>
    private static bool[] MayBeginName(NameTaggerModel model)
    {
        var table = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            table[c] = model.BeginScore((char)c) > BeginThresholdUnits * model.ScoreUnit;
        }

        return table;
    }

    /// <summary>
    /// The tagger's names, in view coordinates, over the clauses worth its time: those where a lexicon or
    /// pattern already sees a company, person, body, organisation, medium or university (names come in
    /// company: lists of firms, officials beside their bodies), and those where two adjoining characters look
    /// like the start of a name to the tagger's character weights alone. A clause of known places and figures
    /// alone is left to the lexicons: tagging every character would cost more than all the rest of extraction.
    /// </summary>
    private List<TaggedName> TagNames(string view, List<EntityCandidate> candidates, Dictionary<(int Start, int End), float> gaps,
        ReadOnlySpan<LexiconMatch> lexiconMatches)
    {
        var names = new List<TaggedName>();
        var cue = System.Buffers.ArrayPool<bool>.Shared.Rent(view.Length + 1); // a document's length each time: from the pool
        cue.AsSpan(0, view.Length + 1).Clear();
        var proposals = new List<(int Start, int End)>();
        foreach (var c in candidates)
        {
            if (c.Type is EntityType.Company or EntityType.Person or EntityType.Organization or EntityType.Government or EntityType.Media or EntityType.University)
            {
                cue[c.Start] = true;
            }

            if (c.Source == "company-pattern")
            {
                proposals.Add((c.Start, c.End));
            }

            if (c.Type == EntityType.Place && PlaceMayOpenLongerName(view, c))
            {
                cue[c.Start] = true;
            }
        }

        proposals.Sort();
        int nextProposal = 0;
        var inClause = new List<TaggedName>();
        var clauseGaps = new float[proposals.Count];

        int start = 0;
        bool worth = false;
        for (int i = 0; i <= view.Length; i++)
        {
            if (!worth)
            {
                worth = _tagEveryClause || cue[i] || (i < view.Length && _mayOpenClause.Contains(view[i]) && OpensClause(view, i, start))
                    || (i == start && SpeakerOpensClause(view, start, candidates));
            }

            if (worth)
            {
                i = ClauseEnd(view, i, start); // the clause is tagged: whatever else its characters may open changes nothing
            }
            else if (!EndsClause(view, i, start))
            {
                continue;
            }

            int stop = Math.Min(view.Length, i + 1);
            worth |= NameAlone(view, start, i);
            if (worth && stop - start > 1)
            {
                inClause.Clear();
                while (nextProposal < proposals.Count && proposals[nextProposal].Start < stop)
                {
                    var (s, e) = proposals[nextProposal++];
                    if (s >= start && e <= stop)
                    {
                        inClause.Add(new TaggedName(s - start, e - start, NameKind.Company));
                    }
                }

                _tagger!.Tag(view.AsSpan(start, stop - start), start, names, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(inClause), clauseGaps,
                    lexiconMatches.Slice(start, stop - start));
                for (int k = 0; k < inClause.Count; k++)
                {
                    gaps[(inClause[k].Start + start, inClause[k].End + start)] = clauseGaps[k];
                }
            }

            start = stop;
            worth = false;
        }

        System.Buffers.ArrayPool<bool>.Shared.Return(cue);
        return names;
    }

    /// <summary>
    /// A listed place may open a longer name the tagger should read (青岛 + 港, 某某区 + a village or an estate, 某地 + 国际信托投资公司,
    /// 某某区 + 房产管理局): a Han character follows it that is no one-character function word, and the dictionary's word
    /// there is a noun or unknown, or runs on from inside the place. Before, a clause whose only names were known places was
    /// left to the lexicons. It tags about a twentieth more text (the dev corpus 26.4% -> 27.8%, dev2 18.7% -> 19.4%):
    /// CLUENER2020 dev names right 1181 -> 1188, wrong 651 -> 644.
    /// </summary>
    private bool PlaceMayOpenLongerName(string view, EntityCandidate place)
    {
        if (!IsListed(place) || place.End >= view.Length || !TextClasses.IsHan(view[place.End]) || _data.StopWordLookup.Contains(view.AsSpan(place.End, 1)))
        {
            return false;
        }

        if (_words is null)
        {
            return true;
        }

        var (start, end) = _words.WordAround(view, place.End, place.End + 1);
        return start < place.End || _words.ClassOf(view.AsSpan(start, end - start)) is WordClass.Content or WordClass.Unknown;
    }

    /// <summary>
    /// Whether a name may open at <paramref name="at"/> by a character's own look: its first characters, a capitalised Latin
    /// word, a spelling in brackets, names around a list mark, a title beside a surname. Only characters of
    /// <see cref="_mayOpenClause"/> can.
    /// </summary>
    private bool OpensClause(string view, int at, int clauseStart)
    {
        char c = view[at];
        return (at + 1 < view.Length && _mayBeginName[c] && MayOpenName(view, at))
            || OpensCapitalisedLatinWord(view, at, clauseStart)
            || (c == '(' && LatinSpellingInBrackets(view, at))
            || (c == '、' && NamesAroundListMark(view, at, clauseStart))
            || (_data.PersonTitles.CanStartWith(c) && TitleBesideSurname(view, at, clauseStart, _data.PersonTitles))
            || (_data.PersonRoles.CanStartWith(c) && TitleBesideSurname(view, at, clauseStart, _data.PersonRoles));
    }

    /// <summary>
    /// The characters at which <see cref="OpensClause"/> may be true: one look per character instead of six conditions. Where
    /// none may open, the gate's loop over the bench input's characters was about 3% of the extraction's time.
    /// </summary>
    private static CharSet MayOpenClause(bool[] mayBeginName, EntityPatternData data)
    {
        var set = new CharSet();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if ((c < mayBeginName.Length && mayBeginName[c]) || char.IsAsciiLetterUpper(ch) || ch is '(' or '、'
                || data.PersonTitles.CanStartWith(ch) || data.PersonRoles.CanStartWith(ch))
            {
                set.Add(ch);
            }
        }

        return set;
    }

    /// <summary>The sentence ends (<see cref="IsSentenceEnd"/>) and the commas: what ends a clause of fewer than 120 characters.</summary>
    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create("。!?！？\n;；,，");

    /// <summary>The tagging gate's clauses end at <paramref name="i"/>: the text's end, a sentence's, a comma, or a long clause's list mark or space.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool EndsClause(string view, int i, int start) =>
        i == view.Length || IsSentenceEnd(view[i]) || view[i] is ',' or '，' || (i - start >= 120 && view[i] is '、' or ' ') || i - start >= 400;

    /// <summary>The first position from <paramref name="i"/> at which the clause begun at <paramref name="start"/> ends (<see cref="EndsClause"/>).</summary>
    private static int ClauseEnd(string view, int i, int start)
    {
        // up to the clause's 120th character only a sentence end or a comma ends it: a vectorised search finds the next
        int plain = Math.Min(view.Length, start + 120);
        if (i < plain)
        {
            int next = view.AsSpan(i, plain - i).IndexOfAny(ClauseMarks);
            if (next >= 0)
            {
                return i + next;
            }

            i = plain;
        }

        while (!EndsClause(view, i, start))
        {
            i++;
        }

        return i;
    }

    /// <summary>The two characters at <paramref name="at"/> look like a name's start: alone, or with what stands around them.</summary>
    private bool MayOpenName(string view, int at)
    {
        // the wider look costs some lookups in the pair table: only where the pair alone leans towards a name at all
        float pair = _tagger!.Model.PairScore(view[at], view[at + 1]);
        return pair > _pairThreshold || (pair > 0 && _tagger.Model.OpensAbove(view, at, _openingThreshold));
    }

    /// <summary>
    /// A capitalised Latin word of three letters or more (Relic, Svensson) set in Chinese text opens at <paramref name="at"/>:
    /// the name of a foreign firm, studio or person, which the tagger reads but whose letters its character weights do not
    /// favour as a name's start. Acronyms (AI, ICT, GDP) are mostly terms and are left to the other cues, and a word inside
    /// Latin text (a web address, an English line) is not set in Chinese text. It tags 26.1% of news text instead of 26.0%:
    /// CLUENER2020 dev 0.608 -> 0.612.
    /// </summary>
    private static bool OpensCapitalisedLatinWord(string view, int at, int clauseStart)
    {
        if (!char.IsAsciiLetterUpper(view[at])
            || !(at == clauseStart || TextClasses.IsHan(view[at - 1]) || view[at - 1] is '“' or '「' or '（' or '(' or '《'))
        {
            return false;
        }

        int end = at + 1;
        while (end < view.Length && char.IsAsciiLetter(view[end]))
        {
            end++;
        }

        bool capitalised = view.AsSpan(at + 1, end - at - 1).IndexOfAnyInRange('a', 'z') >= 0;
        return end - at >= 3 && capitalised
            && (end == view.Length || TextClasses.IsHan(view[end]) || view[end] is '，' or ',' or '。' or '、' or '”' or '」' or '）' or ')' or '》');
    }

    /// <summary>
    /// A person's title (副总经理, 教授) or role (导演) at <paramref name="at"/> with a surname right after it (副总经理 + 曾世民) or two to three
    /// characters before it in the clause (某某某 + 教授): a name beside its title, whose characters alone may not favour a
    /// name's start (曾 and 世 are words of their own).
    /// </summary>
    private bool TitleBesideSurname(string view, int at, int clauseStart, WordTrie<bool> titles)
    {
        int length = titles.LongestMatch(view, at, out _);
        if (length == 0)
        {
            return false;
        }

        int after = at + length;
        if (after + 1 < view.Length && _data.SurnameLookup.Contains(view.AsSpan(after, 1)) && TextClasses.IsHan(view[after + 1]))
        {
            return true;
        }

        for (int before = at - 3; before <= at - 2; before++)
        {
            if (before >= clauseStart && _data.SurnameLookup.Contains(view.AsSpan(before, 1)) && TextClasses.IsHan(view[before + 1]) && TextClasses.IsHan(view[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A clause opens with a surname, one or two characters and a verb of speaking or a colon (某某某估计, 某某某分析说,
    /// 某某某：): the person a report quotes, whose given name is often of ordinary characters the pair weights do not favour.
    /// Looked at once per clause. A person the text has already named (after a title) is found again without the tagger.
    /// </summary>
    private bool SpeakerOpensClause(string view, int start, List<EntityCandidate> candidates)
    {
        int at = start;
        while (at < view.Length && view[at] is ' ' or '“' or '”' or '「' or '」' or '"')
        {
            at++;
        }

        if (at + 3 >= view.Length || !_data.SurnameLookup.Contains(view.AsSpan(at, 1)))
        {
            return false;
        }

        for (int after = at + 2; after <= at + 3; after++)
        {
            if (!TextClasses.IsHan(view[after - 1]))
            {
                return false;
            }

            if (view[after] is '：' or ':'
                || (_data.SpeakerVerbs.CanStartWith(view[after]) && _data.SpeakerVerbs.LongestMatch(view, after, out _) > 0))
            {
                return !NamedBefore(view, at, after, candidates);
            }
        }

        return false;
    }

    /// <summary>A person candidate before <paramref name="start"/> has the name written from there to <paramref name="end"/>.</summary>
    private static bool NamedBefore(string view, int start, int end, List<EntityCandidate> candidates)
    {
        var name = view.AsSpan(start, end - start);
        foreach (var c in candidates)
        {
            if (c.Type == EntityType.Person && c.End <= start && c.End - c.Start == name.Length && view.AsSpan(c.Start, c.End - c.Start).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A line that holds only a surname and one or two characters (a byline or a caption under its own line): a name alone,
    /// tagged at the cost of three characters.
    /// </summary>
    private bool NameAlone(string view, int start, int end)
    {
        bool lineEnds = end == view.Length || view[end] == '\n';
        bool lineStarts = start == 0 || view[start - 1] == '\n';
        int length = end - start;
        return lineEnds && lineStarts && length is 2 or 3 && _data.SurnameLookup.Contains(view.AsSpan(start, 1))
            && TextClasses.IsHan(view[start + 1]) && TextClasses.IsHan(view[end - 1]);
    }

    /// <summary>
    /// A name in Han characters with its own spelling in brackets after it (某某某(menez), 某某(Relic)): a foreign person or
    /// firm written both ways, whose transliteration the pair weights may not favour.
    /// </summary>
    private static bool LatinSpellingInBrackets(string view, int open) =>
        open >= 2 && open + 2 < view.Length && TextClasses.IsHan(view[open - 1]) && TextClasses.IsHan(view[open - 2])
        && char.IsAsciiLetter(view[open + 1]) && char.IsAsciiLetter(view[open + 2]);

    /// <summary>
    /// A list mark between two short runs that each begin with a surname (某无极、某冠中、): a list of persons, whose given
    /// names may be ordinary characters. Each run is two or three Han characters bounded by the clause, a list mark or a
    /// character that is no Han character.
    /// </summary>
    private bool NamesAroundListMark(string view, int mark, int clauseStart)
    {
        bool before = false;
        for (int length = 2; length <= 3 && !before; length++)
        {
            int at = mark - length;
            before = at >= clauseStart && (at == clauseStart || view[at - 1] == '、' || !TextClasses.IsHan(view[at - 1]))
                && IsSurnameAndHan(view, at, mark);
        }

        if (!before)
        {
            return false;
        }

        for (int end = mark + 3; end <= mark + 4 && end <= view.Length; end++)
        {
            // the run ends the clause, meets a mark (、 , 。) or any other character that is no Han character
            if ((end == view.Length || !TextClasses.IsHan(view[end])) && IsSurnameAndHan(view, mark + 1, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run from <paramref name="start"/> to <paramref name="end"/> is a surname and Han characters.</summary>
    private bool IsSurnameAndHan(string view, int start, int end)
    {
        if (!_data.SurnameLookup.Contains(view.AsSpan(start, 1)))
        {
            return false;
        }

        for (int k = start + 1; k < end; k++)
        {
            if (!TextClasses.IsHan(view[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '!' or '?' or '！' or '？' or '\n' or ';' or '；';

    /// <summary>
    /// Pattern names (a name built from a suffix or a title) must be names to the tagger too: one it
    /// marks nowhere and cannot read as a name is dropped (着力抓科技, 完善保险), one it marks shorter on the left is trimmed
    /// (包销商为永升(亚洲)有限公司 → 永升(亚洲)有限公司), a person it marks shorter on the right likewise
    /// (陈帆上 → 陈帆).
    /// </summary>
    private void CheckPatternNames(string view, List<EntityCandidate> candidates, List<TaggedName> names, Dictionary<(int Start, int End), float> gaps)
    {
        for (int k = candidates.Count - 1; k >= 0; k--)
        {
            var c = candidates[k];
            bool company = c.Source == "company-pattern";
            bool person = c.Source == "title-pattern" && c.Type == EntityType.Person;
            if (!company && !person)
            {
                continue;
            }

            TaggedName? over = null;
            // names are in text order and do not overlap: start from the first that ends after the candidate starts
            for (int at = FirstEndingAfter(names, c.Start); at < names.Count && names[at].Start < c.End; at++)
            {
                var n = names[at];
                if (person ? n.Kind == NameKind.Person : n.Kind is NameKind.Company or NameKind.Organization or NameKind.Government)
                {
                    over = n;
                    break;
                }
            }

            if (over is not { } m)
            {
                // the tagger marks nothing here: it vetoes the name only where no reading of the clause makes it one
                // or where the name before its suffix is an ordinary word (区域 + 科技, 民生 + 科技)
                // a registered name (…有限公司) is what a company calls itself: only an ordinary word before its suffix vetoes it
                // a name followed by what only a listed company has (its profit, its closing price) stands
                bool vetoed = company && gaps.TryGetValue((c.Start, c.End), out float gap)
                    && ((gap > VetoGapUnits * _tagger!.Model.ScoreUnit && !IsRegisteredName(view, c)) || OrdinaryWordBeforeSuffix(view, c))
                    && !CompanyContextAfter(view, c.End);
                if (vetoed)
                {
                    candidates.RemoveAt(k);
                }

                continue;
            }

            if (company && m.Start > c.Start && m.Start < c.End - 2)
            {
                // the name part shrinks from the left; the suffix and the way it is kept stay. The name may
                // begin after a place the pattern already left out (佛山市 + 某某电子股份有限公司): the cut is
                // counted from where the name begins in the text, and a cut inside that place changes nothing
                string surface = view[c.Start..c.End];
                int nameAt = surface.IndexOf(c.Name[..Math.Min(2, c.Name.Length)], StringComparison.Ordinal);
                int cut = m.Start - c.Start - Math.Max(0, nameAt);
                // a registered name that opens with its place (广州 + 某某珠宝有限公司) begins where the place ends: the
                // place already bounds it on the left, and a later start the tagger reads cuts the firm's own name
                bool placeBounds = nameAt > 0 && IsRegisteredName(view, c);
                string shorter = nameAt >= 0 && cut > 0 && c.Name.Length > cut && !placeBounds ? c.Name[cut..] : "";
                bool atWord = _words is null || _words.KeepsWords(view, m.Start, c.End) || _words.KeepsWords(view, m.Start, m.Start + Math.Min(2, c.End - m.Start));
                if (shorter.Length >= 2 && atWord && !IsGeneric(shorter) && !IsCommonWord(shorter) && !StartsWithSuffix(view, m.Start))
                {
                    candidates[k] = c with { Start = m.Start, Name = shorter };
                }

                // else the tagger's start cuts a word (大众 → 众), leaves an ordinary word (设备) or only the
                // suffix (电子股份有限公司), or the name is a lexicon's name for it: the pattern stands
            }
            else if (person && m.End < c.End && m.End - c.Start >= 2 && m.Start <= c.Start
                && (_words is null || !_words.KeepsWords(view, c.Start, c.End)))
            {
                // only where the longer name ends inside a word (陈帆上任): 辛国斌出席 keeps its third character
                candidates[k] = c with { End = m.End, Name = view[c.Start..m.End] };
            }
            else if (person && c.Length == 2 && m.Start == c.Start && m.End == c.End + 1 && _data.NameBreakers.Contains(view[c.End])
                && (_words is null || _words.KeepsWords(view, c.Start, m.End)))
            {
                // a surname and one character before a character that often ends a name (刚, 正, 在) where the tagger reads
                // the name through it and the words around keep it whole (主任某永刚 + 告诉): the third character is the name's
                candidates[k] = c with { End = m.End, Name = view[c.Start..m.End] };
            }
        }
    }

    /// <summary>
    /// A word only a company has (纯利, 股价, 收市报) begins within a few characters after a name: room for a
    /// period between them (某某科技去年纯利…, 某某实业今年上半年营收…).
    /// </summary>
    private bool CompanyContextAfter(string view, int end)
    {
        var words = _data.CompanyContext;
        for (int at = end; at < Math.Min(view.Length, end + 6); at++)
        {
            if (!TextClasses.IsHan(view[at]) && !char.IsAsciiDigit(view[at]))
            {
                return false; // the clause ends (or a figure begins) before any such word
            }

            if (words.CanStartWith(view[at]) && words.LongestMatch(view, at, out _) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A company suffix (电子, 股份有限公司) begins at this position.</summary>
    private bool StartsWithSuffix(string view, int at) =>
        _data.CompanySuffixes.CanStartWith(view[at]) && _data.CompanySuffixes.LongestMatch(view, at, out _) > 0;

    /// <summary>A company name ending in a legal form (有限公司, 股份有限公司): the name a company registers.</summary>
    private bool IsRegisteredName(string view, EntityCandidate c) =>
        _data.LegalForms.Any(f => view.AsSpan(c.Start, c.End - c.Start).EndsWith(f, StringComparison.Ordinal));

    private bool OrdinaryWordBeforeSuffix(string view, EntityCandidate c)
    {
        for (int k = c.Start + 2; k < c.End; k++)
        {
            if (_data.CompanySuffixes.TryGet(view.AsSpan(k, c.End - k), out _))
            {
                return IsCommonWord(view[c.Start..k]);
            }
        }

        return false;
    }

    private static int FirstEndingAfter(List<TaggedName> names, int position)
    {
        int lo = 0, hi = names.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (names[mid].End > position)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// A place, company or person that begins or ends inside a dictionary word of the best segmentation
    /// around it is no name there: 长治 in 长治久安, 范县 in 示范县, 海地 in 上海地区, 三星 in 三星堆, a body cut
    /// out of a title (财政司司 in 财政司司长). A place
    /// may end inside a word through its administrative word (广州市 in 广州市长), or begin a longer proper
    /// name of a place (上海 in 上海地区).
    /// </summary>
    private void DropNamesCuttingWords(string view, List<EntityCandidate> candidates)
    {
        for (int k = 0; k < candidates.Count; k++)
        {
            if ((CompanyWordAfterKnownCompany(view, candidates[k]) ?? WordBeforeStockCode(view, candidates[k])) is int end)
            {
                candidates[k] = candidates[k] with { End = end }; // the mention takes in 公司, as a tagged 某某公司 does; the name stays
            }
        }

        candidates.RemoveAll(c => CutsWords(view, c)); // in one pass: removing one at a time moved the rest each time
    }

    private bool CutsWords(string view, EntityCandidate c)
    {
        if (c.Source == "body-pattern")
        {
            // a body cut out of a title: its last character begins a title running past it (财政司 + 司长)
            int title = c.End < view.Length && _data.PersonTitles.CanStartWith(view[c.End - 1]) ? _data.PersonTitles.LongestMatch(view, c.End - 1, out _) : 0;
            return title > 1;
        }

        // a short name found by its context opens its clause and ends where its context word (公告, 盈利) or its stock
        // code starts: a dictionary word across that edge (电子公告) is the context's, not the name's
        if (c.Type is not (EntityType.Place or EntityType.Company or EntityType.Person) || c.Source is "user" or "bracket" or "results-pattern" or "stock-code" || c.Length > 4)
        {
            return false;
        }

        return !_words!.KeepsWords(view, c.Start, c.End)
            && !(c.Length > 2 && IsAdministrativeWord(view[c.End - 1]) && _words.KeepsWords(view, c.Start, c.End - 1))
            && !KnownCompanyBeforeFunctionWord(view, c)
            && !(c.Type == EntityType.Place && (BeginsProperName(view, c) || OpensWordBeforeRunWord(view, c.Start, c.End)));
    }

    /// <summary>
    /// A company the lexicon knows, before a one-character function word that makes a word with its last character (建行 + 为:
    /// 行为, 中行 + 为): the segmenter reads the common word, but the known name stands whole from the word boundary before
    /// it, and the function word goes on the sentence (建行为小微企业提供贷款).
    /// </summary>
    private bool KnownCompanyBeforeFunctionWord(string view, EntityCandidate c)
    {
        if (c.Type != EntityType.Company || c.Source != "lexicon" || c.End >= view.Length
            || !_data.StopWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(view.AsSpan(c.End, 1)))
        {
            return false;
        }

        var (start, end) = _words!.WordAround(view, c.End - 1, c.End);
        return start == c.End - 1 && end == c.End + 1 && _words.KeepsWords(view, c.Start, c.End - 1);
    }

    /// <summary>
    /// Where a company the lexicon knows stands before a word that only says it is a company and the dictionary holds the two as
    /// one word (某某 + 公司 as 某某公司), the end of that word: the known name cuts no word there, it is the known company's
    /// name and the word for a company, as where the dictionary has no such word.
    /// </summary>
    private int? CompanyWordAfterKnownCompany(string view, EntityCandidate c)
    {
        if (c.Type != EntityType.Company || c.Source != "lexicon")
        {
            return null;
        }

        var (start, end) = _words!.WordAround(view, c.Start, c.End);
        return start == c.Start && end > c.End && _data.CompanyWordLookup.Contains(view.AsSpan(c.End, end - c.End)) ? end : null;
    }

    /// <summary>
    /// Where a company the lexicon knows stands before one dictionary word and a stock code (美团 + 点评 + (03690.HK)), the end of
    /// that word: the text writes the listed company under a longer name, and the word is part of the mention, not a scope.
    /// </summary>
    private int? WordBeforeStockCode(string view, EntityCandidate c)
    {
        if (c.Type != EntityType.Company || c.Source != "lexicon" || _words is null)
        {
            return null;
        }

        int open = view.IndexOf('(', c.End, Math.Min(MaxWordBeforeCode + 1, view.Length - c.End));
        return open > c.End + 1 && IsStockCode(view, open + 1) && _words.Contains(view.AsSpan(c.End, open - c.End)) ? open : null;
    }

    private const int MaxWordBeforeCode = 4;

    private bool BeginsProperName(string view, EntityCandidate c)
    {
        var (start, end) = _words!.WordAround(view, c.Start, c.End);
        return start == c.Start && end > c.End && _words.IsProperName(view.AsSpan(start, end - start));
    }

    private static bool IsAdministrativeWord(char c) => c is '省' or '市' or '区' or '县';

    /// <summary>Names only the tagger found, where no lexicon or pattern candidate stands, with their canonical names.</summary>
    private void AddTaggedNames(string view, List<EntityCandidate> candidates, List<TaggedName> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        // the working copies below come from the pools: a document's worth of candidates and characters each time
        var covered = System.Buffers.ArrayPool<bool>.Shared.Rent(view.Length);
        covered.AsSpan(0, view.Length).Clear();
        var spans = System.Buffers.ArrayPool<(int Start, int End)>.Shared.Rent(candidates.Count);
        var sorted = System.Buffers.ArrayPool<EntityCandidate>.Shared.Rent(candidates.Count);
        int longest = 0;
        for (int k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            covered.AsSpan(c.Start, c.Length).Fill(true);
            spans[k] = (c.Start, c.End);
            sorted[k] = c;
            longest = Math.Max(longest, c.Length);
        }

        var byStart = spans.AsSpan(0, candidates.Count);
        byStart.Sort();
        // the lexicon and pattern names in text order (longer first at one start): each tagged name looks only
        // at those that can reach into it, not at every candidate of a long document
        var listed = sorted.AsSpan(0, candidates.Count);
        CandidateOrder.ByStartLongerFirst(listed);
        AddTaggedNames(view, candidates, names, covered, byStart, listed, longest);
        System.Buffers.ArrayPool<bool>.Shared.Return(covered);
        System.Buffers.ArrayPool<(int Start, int End)>.Shared.Return(spans);
        System.Buffers.ArrayPool<EntityCandidate>.Shared.Return(sorted, clearArray: true); // it holds strings
    }

    /// <summary>Each tagged name checked against the candidates as they stood before any tagged name joined them.</summary>
    private void AddTaggedNames(string view, List<EntityCandidate> candidates, List<TaggedName> names, bool[] covered,
        ReadOnlySpan<(int Start, int End)> byStart, ReadOnlySpan<EntityCandidate> listed, int longest)
    {
        foreach (var found in SplitDoubledNames(view, names, byStart, longest))
        {
            var n = CutRelationWord(view, TrimToNameChars(view, found));
            if (n.Length < 2 || n.Length > 30 || CrossesCandidate(byStart, longest, n))
            {
                continue;
            }

            var near = Near(listed, longest, n);

            if (StartsWithMeasure(view, n.Start))
            {
                continue; // 毛利, 归母净利润: the measure a figure is about, not a name
            }

            if (n.Kind == NameKind.Company && KnownCompanyThenPlace(near, n, out var company, out int placeEnd))
            {
                // 某银行 + 深圳 + 分行: the company's branch there is written as one name and reported as the company
                if (IsBranchWord(view, placeEnd, n.End))
                {
                    candidates.Add(new EntityCandidate(n.Start, n.End, company.Name, EntityType.Company, ModelPriority, "model"));
                }

                continue; // 某车企 + 长沙 + 工厂: a known company and where its site is, not a new name
            }

            if (n.Kind is NameKind.Company or NameKind.Organization && IsAbbreviationRun(near, n))
            {
                continue; // 中德 + 两国, 中德 + 关系: a run of places' one-character abbreviations names the places, no firm
            }

            if (n.Kind is NameKind.Government or NameKind.Organization && SecondHalfOfJoinedName(view, n, covered, names) && !BeginsWithKnownName(near, n))
            {
                continue; // 发展和 + 改革委员会: the body's name began before the conjunction
            }

            bool overlaps = covered.AsSpan(n.Start, n.Length).Contains(true);
            // a longer body or company may take in known names (深圳市 + 某某局): Resolve keeps the longest;
            // so may a place that names more than the places inside it (芬兰 + 湾, 上海 + 国际博览中心)
            if (overlaps && ((n.Kind == NameKind.Person && !IsTransliteratedFullName(view, n)) || (n.Kind == NameKind.Place && !NamesMoreThanPlacesInside(view, near, covered, n))))
            {
                continue;
            }

            if (_words is not null && n.Length <= 8 && !_words.KeepsWords(view, n.Start, n.End)
                && !(n.Length > 2 && IsAdministrativeWord(view[n.End - 1]) && _words.KeepsWords(view, n.Start, n.End - 1)))
            {
                continue; // 科大讯飞旗(下): a name does not end inside a word
            }

            string surface = view[n.Start..n.End];
            var known = LookupView(surface);
            if (known is { Type: EntityType.Place } && n.Kind == NameKind.Organization && SamePlaceCandidate(near, n) is { } place)
            {
                // 罗马 + 在客场击败 + 米兰: where the tagger reads a known place alone as an organisation, the text speaks of
                // a team or a body named for it, not of the place; the reading outranks the gazetteer's there, and only there
                // (古罗马时代 later in the same text is the city's past, no club)
                candidates.Add(new EntityCandidate(n.Start, n.End, surface, EntityType.Organization, place.Priority + 1, "model") { NotFoundAgain = true });
                continue;
            }

            if (known is not null)
            {
                // a district's short form (兴城) still needs its city or province in the text
                candidates.Add(new EntityCandidate(n.Start, n.End, known.Name, known.Type, ModelPriority, "model") { RequiresContext = known.RequiresContext });
                continue;
            }

            if (ListOfKnownNames(view, near, n))
            {
                continue; // 华为比亚迪大疆: known names written one after another are a list, not one name
            }

            if (n.Kind == NameKind.Government && EndsWithOrdinaryWord(view, near, n) && !PlaceThenOneWord(view, near, n))
            {
                continue; // 国务院 + 内部, 佛山市 + 加速布局: a body's name ends with its body word (a place's own 消防局 is one)
            }

            bool anotherPlacesBody = false;
            if (n.Kind is NameKind.Government or NameKind.Organization && WidensKnownBody(view, near, n, out anotherPlacesBody) && !anotherPlacesBody)
            {
                continue; // 中共 + 广东省委, 国家 + 交通运输部: the known body stands; the tagger only widened it on the left
            }

            if (n.Kind == NameKind.Organization && TwoOrdinaryWords(view, n))
            {
                continue; // 统计 + 协会, 聘请 + 大学: two ordinary words are no organisation's name
            }

            string? name = n.Kind switch
            {
                NameKind.Company => CompanyName(view, n.Start, n.End),
                NameKind.Place => PlaceName(surface),
                NameKind.Person => PersonName(surface),
                _ => BodyName(surface),
            };
            if (name is not null)
            {
                candidates.Add(new EntityCandidate(n.Start, n.End, name, n.Kind.ToEntityType(), ModelPriority, "model") { OwnStart = anotherPlacesBody });
            }
        }
    }

    /// <summary>
    /// A name the tagger marks written twice in a row (凯尔特人凯尔特人, as a heading repeats a team's name) is that name
    /// twice: each half is read as a name of its own, unless a known name crosses the middle (京东京东 holds 东京: the
    /// halves would give way to it, and the whole stays). Other names pass as they are; the list is copied only where one is doubled.
    /// </summary>
    private static List<TaggedName> SplitDoubledNames(string view, List<TaggedName> names, ReadOnlySpan<(int Start, int End)> byStart, int longest)
    {
        static bool Doubled(string view, TaggedName n) =>
            n.Length >= 4 && n.Length % 2 == 0 && !view.AsSpan(n.Start, n.Length).ContainsAnyInRange('A', 'z') // Latin doubles (XiXi) are one name
            && view.AsSpan(n.Start, n.Length / 2).SequenceEqual(view.AsSpan(n.Start + n.Length / 2, n.Length / 2));

        if (!names.Exists(n => Doubled(view, n)))
        {
            return names;
        }

        var split = new List<TaggedName>(names.Count + 1);
        foreach (var n in names)
        {
            if (Doubled(view, n) && !CrossesCandidate(byStart, longest, n with { End = n.Start + n.Length / 2 })
                && !CrossesCandidate(byStart, longest, n with { Start = n.Start + n.Length / 2 }))
            {
                int half = n.Start + n.Length / 2;
                split.Add(n with { End = half });
                split.Add(n with { Start = half });
            }
            else
            {
                split.Add(n);
            }
        }

        return split;
    }

    /// <summary>
    /// Short forms a text gives for a name just named: 某某电子股份有限公司(以下简称“某某电子”), 证券简称为“某某”.
    /// The short form stands for the nearest company, body or organisation before the marker in its sentence.
    /// A company takes the short form as its canonical name (the short common name the spec asks for, which
    /// the text itself gives); a body or organisation keeps its full name. Every mention of the short form is
    /// renamed, and the short form is returned to be found again in the whole document.
    /// </summary>
    private static bool ContainsHan(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (TextClasses.IsHan(c))
            {
                return true;
            }
        }

        return false;
    }

    private List<(string Surface, string Name, EntityType Type)> ShortForms(string view, List<EntityCandidate> chosen)
    {
        var aliases = new List<(string Surface, string Name, EntityType Type)>();
        var markers = _data.ShortFormMarkers;
        for (int i = 0; i < view.Length; i++)
        {
            if (!markers.CanStartWith(view[i]))
            {
                continue;
            }

            int len = markers.LongestMatch(view, i, out _);
            if (len == 0)
            {
                continue;
            }

            int k = i + len;
            while (k < view.Length && view[k] is '为' or ':' or '是' or ' ' or '“' or '"' or '「' or '『' or '‘')
            {
                k++;
            }

            int s = k;
            while (k < view.Length && k - s <= 8 && TextClasses.IsNameChar(view[k]))
            {
                k++;
            }

            if (k - s < 2 || k - s > 8 || (k < view.Length && TextClasses.IsNameChar(view[k])))
            {
                continue;
            }

            // the name it shortens: the nearest one before the marker, no sentence end between
            int full = -1;
            for (int c = 0; c < chosen.Count && chosen[c].End <= i; c++)
            {
                if (chosen[c].Type is EntityType.Company or EntityType.Organization or EntityType.Government && i - chosen[c].End <= 30)
                {
                    full = c;
                }
            }

            // it ends right before the marker (某某有限公司(以下简称…): a name further back is not the one shortened when
            // words stand between (某某公司与某开发区管委会(以下简称…)
            if (full >= 0 && !ContainsHan(view.AsSpan(chosen[full].End, i - chosen[full].End)))
            {
                var f = chosen[full];
                string shortForm = view[s..k];
                string name = f.Type == EntityType.Company ? LookupView(shortForm)?.Name ?? shortForm : f.Name;
                RenameAll(view, chosen, f.Name, shortForm, name, f.Type);
                aliases.Add((shortForm, name, f.Type));
            }

            i = k;
        }

        return aliases;
    }

    /// <summary>Every chosen mention of the full name or written as the short form takes the one canonical name.</summary>
    private static void RenameAll(string view, List<EntityCandidate> chosen, string fullName, string shortForm, string name, EntityType type)
    {
        for (int c = 0; c < chosen.Count; c++)
        {
            var x = chosen[c];
            bool same = (x.Type == type && x.Name == fullName) || view.AsSpan(x.Start, x.Length).SequenceEqual(shortForm);
            if (same && x.Type is EntityType.Company or EntityType.Organization or EntityType.Government)
            {
                chosen[c] = x with { Name = name, Type = type };
            }
        }
    }

    /// <summary>
    /// A tagged company that begins with a company the lexicons know and holds a place after it: Chinese
    /// names put their place first (深圳市某某), so a place after a known name says where the company's site
    /// is (工厂, 总部, 基地), and the name is the known company alone. A registered name with its place in
    /// brackets (某某（深圳）有限公司) is not read this way: the bracket is no place candidate of its own.
    /// </summary>
    private static bool KnownCompanyThenPlace(ReadOnlySpan<EntityCandidate> candidates, TaggedName n, out EntityCandidate company, out int placeEnd)
    {
        company = default;
        placeEnd = -1;
        foreach (var c in candidates)
        {
            if (c.Type == EntityType.Company && c.Source is "lexicon" or "user" && c.Start == n.Start && c.End < n.End && (placeEnd < 0 || c.End > company.End))
            {
                company = c;
                placeEnd = c.End;
            }
        }

        if (placeEnd < 0)
        {
            return false;
        }

        int companyEnd = placeEnd;
        placeEnd = -1;
        foreach (var c in candidates)
        {
            if (c.Type == EntityType.Place && c.Start >= companyEnd && c.End <= n.End)
            {
                placeEnd = Math.Max(placeEnd, c.End);
            }
        }

        return placeEnd > 0;
    }

    /// <summary>
    /// Every character of the tagged name is a place's one-character abbreviation read as one (a run of different
    /// places that keeps the text's words whole, as <see cref="FindPlaceAbbreviations"/> reads it): neither benchmark
    /// nor Anvil's gold has a firm or an organisation named by such a run alone (中德, 中美, 港台).
    /// </summary>
    private static bool IsAbbreviationRun(ReadOnlySpan<EntityCandidate> candidates, TaggedName n)
    {
        int next = n.Start;
        foreach (var c in candidates)
        {
            if (c.Start == next && c.Source == "abbreviation")
            {
                next++;
            }
        }

        return next == n.End;
    }

    /// <summary>
    /// What stands from <paramref name="placeEnd"/> to <paramref name="end"/> names a branch (分行, 分公司), after the
    /// place's administrative word if it has one (某银行 + 福建 + 省 + 分行).
    /// </summary>
    private bool IsBranchWord(string view, int placeEnd, int end)
    {
        if (placeEnd < end && IsAdministrativeWord(view[placeEnd]))
        {
            placeEnd++;
        }

        return placeEnd < end && _data.BranchWords.TryGet(view.AsSpan(placeEnd, end - placeEnd), out _);
    }

    /// <summary>
    /// A person's name written as a foreign or minority full name, given name and surname joined by a middle dot between
    /// Chinese characters (某某·某某某): one person's name however many known names its syllables happen to spell, as
    /// Chinese writes such names (a place or a shorter name inside it is part of it).
    /// </summary>
    private static bool IsTransliteratedFullName(string view, TaggedName n)
    {
        for (int k = n.Start + 1; k < n.End - 1; k++)
        {
            if (view[k] is '·' or '‧' or '・' && TextClasses.IsHan(view[k - 1]) && TextClasses.IsHan(view[k + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A body the tagger starts right after a conjunction that joins two words of one name (发展和改革委员会,
    /// 工业和信息化部) where the word before the conjunction is no name of its own: the tagger saw only the second half.
    /// Where the tagger itself ends a name right before the conjunction (某军 + 与 + 某军), the conjunction joins two names.
    /// </summary>
    private bool SecondHalfOfJoinedName(string view, TaggedName n, bool[] covered, List<TaggedName> tagged)
    {
        int before = n.Start - 1;
        return before >= 2 && _data.NameConjunctions.Contains(view[before]) && TextClasses.IsHan(view[before - 1])
            && !covered[before - 1] && !tagged.Exists(t => t.End == before);
    }

    /// <summary>The lexicon and pattern names (sorted by start) that start at most <paramref name="longest"/> before the name and before its end.</summary>
    private static ReadOnlySpan<EntityCandidate> Near(ReadOnlySpan<EntityCandidate> known, int longest, TaggedName n)
    {
        int from = FirstStartingAt(known, n.Start - longest), to = FirstStartingAt(known, n.End);
        return known[from..to];
    }

    /// <summary>
    /// A known body or organisation of the tagged name's type ends where it ends and begins after it begins.
    /// <paramref name="anotherPlacesBody"/>: what stands before it is a known place other than the one the lexicon says
    /// the body governs (印度 + 外交部, 美国 + 国务院, where 外交部 and 国务院 alone are China's): that place's own body,
    /// a name of its own.
    /// </summary>
    private bool WidensKnownBody(string view, ReadOnlySpan<EntityCandidate> candidates, TaggedName n, out bool anotherPlacesBody)
    {
        anotherPlacesBody = false;
        var type = n.Kind.ToEntityType();
        foreach (var c in candidates)
        {
            // a known body whose first character ends a word begun where the tagged name or a place before it begins (崇 +
            // 礼县政府: 崇礼; 张家口 + 崇 + 礼县政府) is cut out of a longer name there: the tagger's reading stands
            if (c.End == n.End && c.Start > n.Start && c.Type == type && !CutOutOfLongerName(view, candidates, n, c.Start))
            {
                if (c.Source == "lexicon" && LookupView(view.AsSpan(c.Start, c.Length)) is { Place: { } governs })
                {
                    foreach (var p in candidates)
                    {
                        anotherPlacesBody |= p.Start == n.Start && p.End == c.Start && p.Type == EntityType.Place && IsListed(p) && p.Name != governs;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The best segmentation puts the character at <paramref name="at"/> inside a word that began before it, where the tagged
    /// name begins or right after a place inside it.
    /// </summary>
    private bool CutOutOfLongerName(string view, ReadOnlySpan<EntityCandidate> candidates, TaggedName n, int at)
    {
        if (_words is null)
        {
            return false;
        }

        // the word ends inside the body (崇礼 of 崇礼县政府); a word over all of it (a compound name the dictionary holds whole,
        // 中共 + 广东省委) leaves the known body standing
        var (wordStart, wordEnd) = _words.WordAround(view, at, at + 1);
        if (wordStart >= at || wordStart < n.Start || wordEnd >= n.End)
        {
            return false;
        }

        if (wordStart == n.Start)
        {
            return true;
        }

        foreach (var p in candidates)
        {
            if (p.Type == EntityType.Place && p.End == wordStart && p.Start >= n.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The place a lexicon or the gazetteer found over exactly the tagged name's span, if any.</summary>
    private static EntityCandidate? SamePlaceCandidate(ReadOnlySpan<EntityCandidate> candidates, TaggedName n)
    {
        foreach (var c in candidates)
        {
            if (c.Start == n.Start && c.End == n.End && c.Type == EntityType.Place && IsListed(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>A name a lexicon or the place gazetteer lists, not one a pattern or the tagger made.</summary>
    private static bool IsListed(EntityCandidate c) => c.Source is "lexicon" or "places" or "user";

    /// <summary>
    /// A known place and one dictionary noun after it make the whole name (北京市 + 消防局, 某某区 + 法院): the place's own
    /// body, though the noun alone is an ordinary word. Two words or more after the place (佛山市 + 加速 + 布局) are not.
    /// </summary>
    private bool PlaceThenOneWord(string view, ReadOnlySpan<EntityCandidate> candidates, TaggedName n)
    {
        if (_words is null)
        {
            return false;
        }

        foreach (var c in candidates)
        {
            if (c.Start == n.Start && c.End < n.End - 1 && c.Type == EntityType.Place && IsListed(c))
            {
                var word = view.AsSpan(c.End, n.End - c.End);
                if (_words.ClassOf(word) == WordClass.Content && _words.KeepsWords(view, c.End, n.End))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Two or more known names of the tagged name's type cover all of it.</summary>
    private static bool ListOfKnownNames(string view, ReadOnlySpan<EntityCandidate> candidates, TaggedName n)
    {
        var type = n.Kind.ToEntityType();
        int names = 0, at = n.Start;
        foreach (var c in candidates)
        {
            if (c.Start < n.Start || c.End > n.End || c.Type != type || c.Start < at)
            {
                continue;
            }

            while (at < c.Start && !TextClasses.IsNameChar(view[at]))
            {
                at++;
            }

            if (c.Start != at)
            {
                return false;
            }

            names++;
            at = c.End;
        }

        return names >= 2 && at == n.End;
    }

    /// <summary>
    /// The last dictionary word of the name is an ordinary word and no body word, after a name already known
    /// (国务院 + 内部) or after a verb (佛山市 + 加速 + 布局). An ordinary noun that ends a longer name of the
    /// tagger's (某县 + 文化市场综合 + 执法局, 某国 + 空军, 某军区 + 司令部) is the body's own head word.
    /// </summary>
    private bool EndsWithOrdinaryWord(string view, ReadOnlySpan<EntityCandidate> near, TaggedName n)
    {
        if (_words is null)
        {
            return false;
        }

        var (start, end) = _words.WordAround(view, n.End - 1, n.End);
        if (!(end == n.End && start > n.Start && end - start >= 2 && IsCommonWord(view[start..end])
            && !EndsWithBodyWord(view.AsSpan(start, end - start))))
        {
            return false;
        }

        foreach (var c in near)
        {
            if (c.Start == n.Start && c.End == start && c.Type != EntityType.Place)
            {
                return true;
            }
        }

        for (int at = start; at > n.Start;)
        {
            var (s, e) = _words.WordAround(view, at - 1, at);
            if (s < n.Start || s >= at)
            {
                break;
            }

            if (_words.ClassOf(view.AsSpan(s, e - s)) == WordClass.Verb)
            {
                return true;
            }

            at = s;
        }

        return false;
    }

    /// <summary>The word is or ends with a word that names a body (委员会, 常务委员会; 法院, 终审法院).</summary>
    private bool EndsWithBodyWord(ReadOnlySpan<char> word)
    {
        for (int k = 0; k + 2 <= word.Length; k++)
        {
            if (_data.GovernmentBodies.TryGet(word[k..], out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Four characters that are two ordinary two-character words of the dictionary.</summary>
    private bool TwoOrdinaryWords(string view, TaggedName n) =>
        n.Length == 4 && IsCommonWord(view.Substring(n.Start, 2)) && IsCommonWord(view.Substring(n.Start + 2, 2))
        && _words!.KeepsWords(view, n.Start + 2, n.End);

    /// <summary>A lexicon or pattern name of any type begins where the tagged name begins (美国 + 中国商会 after 和).</summary>
    private static bool BeginsWithKnownName(ReadOnlySpan<EntityCandidate> candidates, TaggedName n)
    {
        foreach (var c in candidates)
        {
            if (c.Start == n.Start && c.End < n.End && c.Source != "model")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A tagged place over known names says more than they do when it takes in a character no candidate covers
    /// besides an administrative word (芬兰湾, 上海国际博览中心), or is one known place and its administrative word
    /// (洛杉矶市: the same place, named as written). Known places and their administrative words alone
    /// (深圳市南山区) are the places they name, one by one. An ordinary word beside the places (伦敦 + 市场,
    /// 郑州市 + 外贸, 深圳河 + 以北) or a conjunction between them (元朗 + 及 + 北区) makes it no place at all.
    /// </summary>
    private bool NamesMoreThanPlacesInside(string view, ReadOnlySpan<EntityCandidate> candidates, bool[] covered, TaggedName n)
    {
        int inside = 0;
        foreach (var c in candidates)
        {
            if (c.Start < n.End && c.End > n.Start)
            {
                if (c.Start < n.Start || c.End > n.End)
                {
                    return false; // a known name reaches out of it (Resolve would choose between them)
                }

                inside++;
            }
        }

        bool more = false;
        for (int k = n.Start; k < n.End; k++)
        {
            if (covered[k] || !TextClasses.IsHan(view[k]))
            {
                continue;
            }

            int run = k;
            while (run < n.End && !covered[run])
            {
                run++;
            }

            if ((run - k > 1 && IsCommonWord(view[k..run])) || _data.NameConjunctions.Contains(view[k]))
            {
                return false;
            }

            more |= run - k > 1 || !IsAdministrativeWord(view[k]);
            k = run - 1;
        }

        return more || inside == 1;
    }

    /// <summary>A company followed by a word that opens the next name (华润微 + 子公司) ends before it.</summary>
    private TaggedName CutRelationWord(string view, TaggedName n)
    {
        if (n.Kind != NameKind.Company)
        {
            return n;
        }

        for (int k = n.Start + 2; k < n.End - 1; k++)
        {
            // a word that only says the name is a company's (贝恩 + 公司) belongs to it; 子公司 opens the next name
            if (_data.LegalNameBoundaryLookup.Contains(view.AsSpan(k, n.End - k)) && !_data.CompanyWordLookup.Contains(view.AsSpan(k, n.End - k)))
            {
                return n with { End = k };
            }
        }

        return n;
    }

    /// <summary>A name begins and ends with a character a name can hold (not －大学).</summary>
    private static TaggedName TrimToNameChars(string view, TaggedName n)
    {
        int s = n.Start, e = n.End;
        while (s < e && !TextClasses.IsNameChar(view[s]))
        {
            s++;
        }

        while (e > s && !TextClasses.IsNameChar(view[e - 1]) && view[e - 1] != ')')
        {
            e--;
        }

        return n with { Start = s, End = e };
    }

    /// <summary>True when the name begins or ends inside a candidate without taking it in whole.</summary>
    private static bool CrossesCandidate(ReadOnlySpan<(int Start, int End)> byStart, int longest, TaggedName n)
    {
        // only candidates starting at most `longest` before the name can reach into it
        int lo = 0, hi = byStart.Length, from = n.Start - longest;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (byStart[mid].Start < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int k = lo; k < byStart.Length && byStart[k].Start < n.End; k++)
        {
            var (start, end) = byStart[k];
            bool overlap = start < n.End && end > n.Start;
            bool inside = start >= n.Start && end <= n.End;
            bool around = n.Start >= start && n.End <= end;
            if (overlap && !inside && !around)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A body or organisation the tagger found, unless it is an ordinary word (研究院), a body word alone
    /// (统计局) or a place and a body word that needs the place's administrative word (杭州政府).
    /// </summary>
    private string? BodyName(string surface)
    {
        if (IsEverydayWord(surface) || _data.GovernmentBodies.TryGet(surface, out _))
        {
            return null;
        }

        for (int k = 2; k < surface.Length - 1; k++)
        {
            if (_data.GovernmentBodies.TryGet(surface.AsSpan(k), out var body) && body.NeedsAdministrativeWord && !IsAdministrativeWord(surface[k - 1]))
            {
                return null;
            }
        }

        return surface;
    }

    /// <summary>The lexicon entry for text already in the view's normal form (no second normalisation).</summary>
    private LexiconEntry? LookupView(ReadOnlySpan<char> text) => _lexicon.Trie.TryGet(text, out var entries) ? entries[0] : null;

    private bool IsCommonWord(string text) => _words is not null && _words.IsCommonWord(text);

    /// <summary>
    /// A common word frequent enough that a name the tagger marks there is the word (金融, 理想). A rarer one is more
    /// often a name the dictionary happens to hold as a noun (a transliterated name, a brand, a league: 温格, 暴雪, 意甲),
    /// so it no longer drops the tagger's name: CLUENER2020 dev 0.593 -> 0.607, MSRA test 0.757 -> 0.758.
    /// </summary>
    private bool IsEverydayWord(string text) => IsCommonWord(text) && _words!.LogProbability(text) > EverydayWordLogProbability;

    /// <summary>
    /// ln p above which a dictionary word vetoes a tagged name: about 370 in jieba's 60 million (皇马 -12.4, 意甲 -12.9 and
    /// 温格 -13.6 below; 理想 -9.6 and 金融 -9.1 above). At -11 a wrong name joins the seed and dev documents.
    /// </summary>
    private const float EverydayWordLogProbability = -12f;

    /// <summary>A company's short name: without its legal suffix (有限公司) and the place it starts with.</summary>
    private string? CompanyName(string view, int start, int end)
    {
        int nameEnd = end;
        int suffixAt = end;
        string kept = "";
        for (int k = start + 2; k < end; k++)
        {
            if (suffixAt == end && _data.CompanySuffixes.TryGet(view.AsSpan(k, end - k), out var whole) && whole == "keep")
            {
                suffixAt = k; // 商业 + 银行: the name keeps its suffix, but what stands before it must still be a name
            }

            if (_data.CompanySuffixes.TryGet(view.AsSpan(k, end - k), out var keep) && keep != "keep")
            {
                nameEnd = k;
                kept = keep.StartsWith("keep-", StringComparison.Ordinal) ? keep["keep-".Length..] : "";
                break;
            }

            if (_data.CompanyWordLookup.Contains(view.AsSpan(k, end - k)))
            {
                nameEnd = k; // 贝恩 + 公司: the word for a company is in the mention, not in the short name
                break;
            }
        }

        int nameStart = start;
        if (_lexicon.Trie.CanStartWith(view[start]))
        {
            int len = _lexicon.Trie.LongestMatch(view.AsSpan(0, nameEnd), start, out var entries);
            if (len > 0 && entries[0].Type == EntityType.Place && nameEnd - (start + len) >= 2)
            {
                nameStart = start + len;
            }
        }

        string name = StripParenthetical(view[nameStart..nameEnd]) + kept;
        if (nameStart > start && PlacesOwnCompany(view, nameEnd, end, name))
        {
            return LookupView(view.AsSpan(start, nameEnd - start))?.Name ?? view[start..nameEnd];
        }

        // 深圳工厂, 深圳PCT: a place and an ordinary word or a bare code is no company
        // 商业银行, 股份制银行: generic words before a kept suffix are a class of firms, as the company pattern reads them
        if (name.Length < 2 || IsGeneric(name) || IsEverydayWord(name) || (nameStart > start && !name.Any(TextClasses.IsHan))
            || (suffixAt < nameEnd && suffixAt > nameStart && IsGeneric(view[nameStart..suffixAt])))
        {
            return null;
        }

        return LookupView(name)?.Name ?? name;
    }

    /// <summary>
    /// A place and a word that says what kind of firm it is, the whole of the name (北京 + 银行, 某市 + 证券), or a place and an
    /// ordinary word before a word for a company (中国 + 邮政 + 集团公司): the place's own firm, named with its place, where
    /// the place and an ordinary word alone (深圳 + 工厂) are none.
    /// </summary>
    private bool PlacesOwnCompany(string view, int nameEnd, int end, string name) =>
        (nameEnd == end && _data.CompanySuffixes.TryGet(name, out var keep) && keep == "keep")
        || (nameEnd < end && name.Length >= 2 && IsCommonWord(name) && !IsGeneric(name) && _data.CompanyWordLookup.Contains(view.AsSpan(nameEnd, end - nameEnd)));

    /// <summary>A place without its administrative word where the rest is a known place (深圳市 → 深圳).</summary>
    private string? PlaceName(string surface)
    {
        if (surface.Length > 2 && IsAdministrativeWord(surface[^1]) && LookupView(surface.AsSpan(0, surface.Length - 1)) is { Type: EntityType.Place } p)
        {
            return p.Name;
        }

        return IsGeneric(surface) || IsEverydayWord(surface) ? null : surface;
    }

    /// <summary>
    /// A personal name of Han characters has two to four, a foreign one may run longer with a middle dot;
    /// in Latin letters, capitalised words (an acronym is too often no name; a lone capitalised word the tagger marks
    /// as a person is one: CLUENER2020 dev 0.607 -> 0.609, dev2 unchanged).
    /// </summary>
    private string? PersonName(string surface)
    {
        if (!surface.Any(TextClasses.IsHan))
        {
            var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // one word must be a capitalised word of three letters or more, not an acronym (CEO, AI) nor a short syllable
            bool capitalised = words.Length >= 1 && words.All(w => char.IsAsciiLetterUpper(w[0]) && w.Skip(1).All(char.IsAsciiLetterLower));
            // a text that writes Latin in lower case only (filip, tomaszewski, as web copy often does) keeps a lone
            // lower-case word of three letters or more the tagger marks as a person: it has no capital to show it
            bool lowerCase = words.Length == 1 && words[0].Length >= 3 && words[0].All(char.IsAsciiLetterLower) && words[0].Distinct().Count() > 1;
            return (capitalised && (words.Length >= 2 || words[0].Length >= 3)) || lowerCase ? surface : null;
        }

        if (surface.Contains(' ', StringComparison.Ordinal) && surface.All(c => c == ' ' || TextClasses.IsHan(c)))
        {
            // a two-character name spaced out to the width of three in a byline (李 婷) is the name without the space
            surface = surface.Replace(" ", "", StringComparison.Ordinal);
        }

        if (IsEverydayWord(surface) || SurnameAndAddressForm(surface))
        {
            return null;
        }

        return surface.Length <= 4 || surface.Contains('·', StringComparison.Ordinal) || IsTransliteration(surface) ? surface : null;
    }

    /// <summary>
    /// A surname and a form of address, title or role (姚 + 先生, 张 + 总, 杨 + 律师): the text speaks of a person without
    /// naming them, and the pair is no personal name (a compound surname counts: 欧阳 + 先生).
    /// </summary>
    private bool SurnameAndAddressForm(string surface)
    {
        for (int cut = 1; cut <= 2 && cut < surface.Length; cut++)
        {
            string rest = surface[cut..];
            if (_data.Surnames.Contains(surface[..cut])
                && (_data.AddressForms.Contains(rest) || _data.PersonTitles.LongestMatch(rest, 0, out _) == rest.Length
                    || _data.PersonRoles.LongestMatch(rest, 0, out _) == rest.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A foreign name spelled by sound, as long as Chinese writes it (普里马科夫, 米哈伊洛维奇), or with a hyphen for the middle dot
    /// (某某-某某某, as the sports pages write it): every character is one that transliterations use. A Han name runs to four
    /// characters at most, and a longer run the tagger marks as a person is otherwise mostly a name and the words after it.
    /// </summary>
    private bool IsTransliteration(string surface)
    {
        if (surface.Length > 10 || surface[0] == '-' || surface[^1] == '-')
        {
            return false;
        }

        foreach (char c in surface)
        {
            if (c != '-' && !_data.TransliterationCharacters.Contains(c))
            {
                return false;
            }
        }

        return true;
    }
}
