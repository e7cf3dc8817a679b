using Anvil.Core.Documents;
using Anvil.Core.Entities.Tagging;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Entities;

/// <summary>
/// Finds entity mentions in the normalised view: lexicon matches first (places, companies, bodies,
/// media, people...), then patterns that build names from parts (a place + a body word, a name + a
/// company suffix, a title + a personal name, 《works》, quoted groups, brand + product word).
/// Overlaps are resolved longest first; names found by patterns are then looked for again in the
/// rest of the document, so a person named once with a title is found where the title is absent.
/// Read-only after construction and safe to share across threads.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int PatternPriority = 45;
    private readonly EntityLexicon _lexicon;
    private readonly EntityPatternData _data;
    private readonly NameTagger? _tagger;
    private readonly WordDictionary? _words;
    private readonly bool _tagEveryClause;
    private readonly bool[] _mayBeginName;
    private readonly CharSet _mayOpenClause; // where a name may open by a character's own look (OpensClause)
    private readonly float _pairThreshold; // PairThresholdUnits in the model's score
    private readonly float _openingThreshold; // OpeningThresholdUnits in the model's score
    private readonly System.Buffers.SearchValues<char> _listSeparators;
    private readonly CharSet _suffixStarts = new(); // where any suffix list's word can start: one look for most characters
    private readonly CharSet _abbreviationChars = new(); // the one-character place abbreviations (美, 沪)
    private readonly Dictionary<string, string[]> _abbreviationContexts = new(StringComparer.Ordinal); // each place as an abbreviation's context, made once

    /// <param name="model">the trained name tagger, or null to rely on lexicons and patterns alone</param>
    /// <param name="words">the word dictionary, or null to skip word-boundary checks</param>
    /// <param name="tagEveryClause">run the tagger on every clause, not only where a name is likely (slower, finds more)</param>
    public EntityRecognizer(EntityLexicon lexicon, EntityPatternData data, NameTaggerModel? model = null, WordDictionary? words = null, bool tagEveryClause = false)
    {
        _tagEveryClause = tagEveryClause;
        _lexicon = lexicon;
        _data = data;
        _words = words;
        _listSeparators = System.Buffers.SearchValues.Create([.. data.ListSeparators]);
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (data.CompanySuffixes.CanStartWith((char)c) || data.MediaSuffixes.CanStartWith((char)c)
                || data.PlaceSuffixes.CanStartWith((char)c) || data.UniversitySuffixes.CanStartWith((char)c)
                || data.OrganizationSuffixes.CanStartWith((char)c) || data.FacilityWords.CanStartWith((char)c))
            {
                _suffixStarts.Add((char)c);
            }
        }
        foreach (var (a, places) in data.PlaceAbbreviations)
        {
            _abbreviationChars.Add(a);
            foreach (var place in new[] { places.Country, places.Division })
            {
                if (place is not null)
                {
                    _abbreviationContexts[place] = [place];
                }
            }
        }

        _tagger = model is null ? null : new NameTagger(model, new NameFeatures(lexicon, data));
        _mayBeginName = model is null ? [] : MayBeginName(model);
        _mayOpenClause = MayOpenClause(_mayBeginName, data);
        _pairThreshold = model is null ? 0 : PairThresholdUnits * model.ScoreUnit;
        _openingThreshold = model is null ? 0 : OpeningThresholdUnits * model.ScoreUnit;
    }

    /// <summary>
    /// Mentions in view coordinates, sorted by position and not overlapping. Known is true for a name the lexicon holds
    /// (canonical, never read back from the text); the others are made of the view's own characters.
    /// </summary>
    /// <param name="timings">where the time of each step is added when the run is profiled, else null</param>
    public IReadOnlyList<(int Start, int End, string Name, EntityType Type, bool Known)> Find(string view, Pipeline.StageTimings? timings = null)
    {
        var candidates = t_candidates ?? [];
        var lexiconEndingAt = t_lexiconEndingAt ?? new NamesByEnd();
        var chosen = t_chosen ?? [];
        t_candidates = null; // taken: a call within this one (none today) would start its own
        t_lexiconEndingAt = null;
        t_chosen = null;
        try
        {
            return Find(view, candidates, lexiconEndingAt, chosen, timings);
        }
        finally
        {
            candidates.Clear();
            lexiconEndingAt.Clear();
            chosen.Clear();
            if (candidates.Capacity <= KeptCandidates)
            {
                t_candidates = candidates;
                t_lexiconEndingAt = lexiconEndingAt;
                t_chosen = chosen;
            }
        }
    }

    /// <summary>
    /// A thread's candidate list, lexicon names by end and list of the names chosen, emptied and kept for its next text:
    /// a text has a candidate every few characters, and growing these afresh for each document was about a tenth of all
    /// extraction allocated.
    /// Those of a text with more than <see cref="KeptCandidates"/> candidates are let go, not kept for good.
    /// </summary>
    [ThreadStatic]
    private static List<EntityCandidate>? t_candidates;

    [ThreadStatic]
    private static NamesByEnd? t_lexiconEndingAt;

    [ThreadStatic]
    private static List<EntityCandidate>? t_chosen;

    private const int KeptCandidates = 1 << 16;

    /// <summary>
    /// A thread's table of the longest lexicon entry at each character of its text, written by the lexicon's walk
    /// and read by the tagger's features (<see cref="NameFeatures.Extract(ReadOnlySpan{char}, Span{ulong}, ReadOnlySpan{LexiconMatch})"/>),
    /// which walked the lexicon again over every clause it tagged; kept for the thread's next text up to
    /// <see cref="KeptCandidates"/> characters.
    /// </summary>
    [ThreadStatic]
    private static LexiconMatch[]? t_lexiconMatches;

    private List<(int Start, int End, string Name, EntityType Type, bool Known)> Find(string view, List<EntityCandidate> candidates, NamesByEnd lexiconEndingAt,
        List<EntityCandidate> resolved, Pipeline.StageTimings? timings)
    {
        var steps = Pipeline.StageTimings.Steps(timings);
        var lexiconMatches = t_lexiconMatches is { } kept && kept.Length >= view.Length ? kept : new LexiconMatch[Math.Max(view.Length, 1024)];
        t_lexiconMatches = lexiconMatches.Length <= KeptCandidates ? lexiconMatches : null;
        FindLexiconMatches(view, candidates, lexiconEndingAt, lexiconMatches);
        steps.Lap("entities/lexicon");
        FindGovernmentBodies(view, candidates, lexiconEndingAt);
        FindSuffixNames(view, candidates, lexiconEndingAt);
        FindPeople(view, candidates);
        FindDatelineCredits(view, candidates);
        FindLatinSources(view, candidates);
        FindBracketed(view, candidates);
        FindProducts(view, candidates, lexiconEndingAt);
        FindCompaniesBeforeResults(view, candidates);
        FindCompaniesBeforeStockCodes(view, candidates);
        steps.Lap("entities/patterns");
        if (_words is not null)
        {
            DropNamesCuttingWords(view, candidates);
            steps.Lap("entities/word-cuts");
        }

        FindPlaceAbbreviations(view, candidates); // after the cut words are dropped: 中 of 中方 is one, on purpose

        if (_tagger is not null)
        {
            var gaps = new Dictionary<(int Start, int End), float>();
            var names = TagNames(view, candidates, gaps, lexiconMatches);
            steps.Lap("entities/tagger");
            CheckPatternNames(view, candidates, names, gaps);
            AddTaggedNames(view, candidates, names);
            steps.Lap("entities/tagged-names");
        }

        var chosen = Resolve(candidates, view.Length, resolved);
        steps.Lap("entities/resolve");
        ShortenToKnownCompanies(view, chosen);
        chosen = DropWithoutContext(chosen);
        JoinGroupsToFullNames(chosen);
        JoinProductsToFullNames(chosen);
        AddNamesInsideNames(candidates, chosen);
        AddCompaniesInLists(view, chosen);
        chosen = RegionsOfCompanies(view, chosen);
        chosen = JoinPlacesToTheirBodies(view, chosen);
        steps.Lap("entities/joins");
        chosen = FindAgain(view, chosen, ShortForms(view, chosen));
        ShortFormsOfNamedBodies(view, chosen);
        chosen = FindSurnamesBeforeTitles(view, chosen);
        // sized once: grown by LINQ's list from its default capacity, its copies of the five-field entries showed in the profile
        var found = new List<(int Start, int End, string Name, EntityType Type, bool Known)>(chosen.Count);
        foreach (var c in chosen)
        {
            found.Add((c.Start, c.End, c.Name, c.Type, LookupView(c.Name) is not null));
        }

        steps.Lap("entities/find-again");
        return found;
    }

    /// <param name="longestAt">receives, for each character of the view, the longest entry of two or more characters that begins there</param>
    private void FindLexiconMatches(string view, List<EntityCandidate> output, NamesByEnd endingAt, Span<LexiconMatch> longestAt)
    {
        var trie = _lexicon.Trie;
        var text = view.AsSpan();
        for (int i = 0; i < text.Length; i++)
        {
            longestAt[i] = default;
            if (!trie.CanStartWith(text[i]))
            {
                continue;
            }

            int longest = 0;
            LexiconEntry[]? best = null;
            int node = WordTrie<LexiconEntry[]>.Root;
            // the pair filter first at the second step: most walks end there, and the filter mostly answers from the cache
            for (int k = i; k < text.Length && (k != i + 1 || trie.MayContinue(text[i], text[k])) && trie.TryStep(node, text[k], out node); k++)
            {
                if (!trie.IsWord(node))
                {
                    continue;
                }

                var entries = trie.ValueOf(node);
                int len = k - i + 1;
                // every place that ends here may start a longer name (深圳市 + 委常委会 needs 深圳 too)
                if (entries[0].Type == EntityType.Place && len > 1)
                {
                    endingAt.Add(new EntityCandidate(i, i + len, entries[0].Name, EntityType.Place, entries[0].Priority, entries[0].Origin)
                    {
                        RequiresContext = entries[0].RequiresContext,
                    });
                }

                longest = len;
                best = entries;
            }

            if (longest >= 2)
            {
                longestAt[i] = new LexiconMatch(longest, best![0].Type);
            }

            if (longest == 0 || !WordBoundaryOk(text, i, i + longest) || EverydayWordAfterDegreeWord(text, i, i + longest, best![0].Type))
            {
                continue;
            }

            var e = best![0];
            var c = new EntityCandidate(i, i + longest, e.Type == EntityType.University ? view.Substring(i, longest) : e.Name, e.Type, e.Priority, e.Origin)
            {
                RequiresContext = e.RequiresContext,
            };
            output.Add(c);
            if (e.Type != EntityType.Place)
            {
                endingAt.Add(c);
            }
        }
    }

    /// <summary>
    /// A known name that is also an everyday word, right after a word of degree or negation, is the word there (销量不理想,
    /// 最理想的方案: not the carmaker 理想). Places are left alone: their lexicon holds no such words.
    /// </summary>
    private bool EverydayWordAfterDegreeWord(ReadOnlySpan<char> text, int start, int end, EntityType type)
    {
        if (type == EntityType.Place || start == 0 || _words is null || !_words.IsCommonWord(text[start..end]))
        {
            return false;
        }

        foreach (string w in _data.DegreeWords)
        {
            if (text[..start].EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Latin-script names must stand as whole words: "AMD" not inside "AMDX".</summary>
    private static bool WordBoundaryOk(ReadOnlySpan<char> text, int start, int end)
    {
        if (TextClasses.IsAsciiLetterOrDigit(text[start]) && start > 0 && TextClasses.IsAsciiLetterOrDigit(text[start - 1]))
        {
            return false;
        }

        return !(TextClasses.IsAsciiLetterOrDigit(text[end - 1]) && end < text.Length && TextClasses.IsAsciiLetterOrDigit(text[end]));
    }

    private static EntityCandidate? PlaceEndingAt(NamesByEnd endingAt, int end, string view)
    {
        if (endingAt.First(end, EntityType.Place) is { } place)
        {
            return place;
        }

        // 深圳 + 市 + 统计局: the administrative word between the place and the body
        if (end > 0 && "省市区县".Contains(view[end - 1], StringComparison.Ordinal) && endingAt.First(end - 1, EntityType.Place) is { } before)
        {
            return before with { End = end };
        }

        return null;
    }

    private void FindGovernmentBodies(string view, List<EntityCandidate> output, NamesByEnd endingAt)
    {
        var text = view.AsSpan();
        for (int j = 0; j < text.Length; j++)
        {
            if (!_data.GovernmentBodies.CanStartWith(text[j]))
            {
                continue;
            }

            int len = _data.GovernmentBodies.LongestMatch(text, j, out var body);
            if (len == 0)
            {
                continue;
            }

            int end = j + len;
            var place = PlaceEndingAt(endingAt, j, view);
            // 深圳市政府, not 深圳政府; a country's government needs no such word (日本政府)
            bool adminWordOk = !body.NeedsAdministrativeWord || (j > 0 && IsAdministrativeWord(view[j - 1]))
                || (place is { } country && PlaceLevels.Default.LevelOf(country.Name) == PlaceLevel.Country);
            if (place is { } p && adminWordOk)
            {
                end = ExtendBodyTail(view, end, endingAt);
                output.Add(new EntityCandidate(p.Start, end, view[p.Start..end], EntityType.Government, PatternPriority + 5, "body-pattern"));
            }
            else if (body.Standalone)
            {
                output.Add(new EntityCandidate(j, end, view[j..end], EntityType.Government, PatternPriority, "body-pattern"));
            }
        }

        // 国家统计局 + 城市司 / + 杭州调查队: a unit inside a known body
        foreach (var gov in output.Where(c => c.Type == EntityType.Government).ToList())
        {
            int end = ExtendBodyTail(view, gov.End, endingAt);
            if (end > gov.End)
            {
                output.Add(new EntityCandidate(gov.Start, end, view[gov.Start..end], EntityType.Government, gov.Priority + 1, "body-pattern"));
            }
        }
    }

    /// <summary>After a body: an optional place and a short unit name ending in 司/处/调查队.</summary>
    private int ExtendBodyTail(string view, int end, NamesByEnd endingAt)
    {
        var text = view.AsSpan();
        int max = Math.Min(text.Length, end + 8);
        for (int k = end; k < max && TextClasses.IsHan(text[k]); k++)
        {
            if (_data.BodyTails.CanStartWith(text[k]))
            {
                int len = _data.BodyTails.LongestMatch(text, k, out _);
                if (len > 0 && k - end <= 4)
                {
                    // the part between must be a place or at most two characters (城市司, 杭州调查队)
                    bool placeBetween = k > end && PlaceEndingAt(endingAt, k, view) is { } p && p.Start == end;
                    if (k - end <= 2 || placeBetween)
                    {
                        return k + len;
                    }
                }
            }

            if (_data.StopWordLookup.Contains(text.Slice(k, 1)))
            {
                break;
            }
        }

        return end;
    }

    private void FindSuffixNames(string view, List<EntityCandidate> output, NamesByEnd endingAt)
    {
        var text = view.AsSpan();
        for (int j = 1; j < text.Length; j++)
        {
            char c = text[j];
            if (!_suffixStarts.Contains(c))
            {
                continue;
            }

            if (_data.CompanySuffixes.CanStartWith(c))
            {
                int len = _data.CompanySuffixes.LongestMatch(text, j, out var keep);
                if (len > 0)
                {
                    AddCompany(view, j, j + len, keep, output, endingAt);
                }
            }

            if (_data.MediaSuffixes.CanStartWith(c))
            {
                int len = _data.MediaSuffixes.LongestMatch(text, j, out _);
                if (len > 0)
                {
                    AddPrefixedName(view, j, j + len, EntityType.Media, 4, output, endingAt);
                }
            }

            if (_data.PlaceSuffixes.CanStartWith(c))
            {
                int len = _data.PlaceSuffixes.LongestMatch(text, j, out _);
                if (len > 0)
                {
                    AddPrefixedName(view, j, j + len, EntityType.Place, 10, output, endingAt);
                }
            }

            if (_data.FacilityWords.WordAt(text, j) is > 0 and var facility)
            {
                AddFacility(view, j, j + facility, output, endingAt);
            }

            if (_data.UniversitySuffixes.CanStartWith(c))
            {
                int len = _data.UniversitySuffixes.LongestMatch(text, j, out _);
                if (len > 0)
                {
                    AddPrefixedName(view, j, j + len, EntityType.University, 8, output, endingAt);
                }
            }

            if (_data.OrganizationSuffixes.CanStartWith(c))
            {
                int len = _data.OrganizationSuffixes.LongestMatch(text, j, out _);
                if (len > 0)
                {
                    AddPrefixedName(view, j, j + len, EntityType.Organization, 10, output, endingAt);
                }
            }
        }
    }

    /// <summary>
    /// The start of the name part before a suffix at <paramref name="suffixStart"/>: name characters
    /// going left, at most <paramref name="maxLength"/>, stopping after a stop word. <c>Bounded</c> is
    /// false when only the length limit stopped the walk: then nothing says where the name begins.
    /// </summary>
    private (int Start, bool Bounded) NameStart(string view, int suffixStart, int maxLength, bool allowParentheses = false)
    {
        int s = suffixStart;
        int limit = Math.Max(0, suffixStart - maxLength);
        while (true)
        {
            if (s == 0)
            {
                return (0, true);
            }

            char prev = view[s - 1];
            if (allowParentheses && prev == ')')
            {
                int open = view.LastIndexOf('(', s - 1, Math.Min(s - 1, 8));
                if (open < 0)
                {
                    return (s, true);
                }

                s = open;
                limit = Math.Max(0, limit - (suffixStart - open));
                continue;
            }

            if (!TextClasses.IsNameChar(prev))
            {
                return (s, true);
            }

            // a stop word ending here closes the name on the left (for a registered name, a boundary word)
            var stops = allowParentheses ? _data.LegalNameBoundaryLookup : _data.StopWordLookup;
            for (int l = _data.MayEndStopWord(prev) ? Math.Min(_data.LongestStopWord, s) : 0; l >= 1; l--)
            {
                if (stops.Contains(view.AsSpan(s - l, l)))
                {
                    return (s, true);
                }
            }

            if (s <= limit)
            {
                return (s, false);
            }

            s--;
        }
    }

    /// <summary>
    /// A registered name holds ordinary words, so only few words bound it on the left; but a stop word that stands as a
    /// word of its own in the best segmentation (包销商 + 为 + 某某(亚洲)有限公司) is the clause's, not the name's: the
    /// name starts after the last one. One inside a word (华为技术) is the name's.
    /// </summary>
    private int AfterStopWordInClause(string view, int start, int end)
    {
        if (_words is null || end - start <= 2)
        {
            return start;
        }

        Span<int> cuts = stackalloc int[end - start + 2];
        int count = _words.Segment(view.AsSpan(start, end - start), cuts);
        for (int k = count - 2; k >= 1; k--)
        {
            var word = view.AsSpan(start + cuts[k], cuts[k + 1] - cuts[k]);
            if (word.Length == 1 && _data.StopWordLookup.Contains(word) && end - (start + cuts[k + 1]) >= 2)
            {
                return start + cuts[k + 1];
            }
        }

        return start;
    }

    /// <summary>
    /// The words before a suffix are a company the lexicon knows and then a verb (汇丰 + 宣布回购 + 股份, 华星 + 出售 + 股份): a
    /// sentence about the company, whose suffix word is what it acts on, not one name.
    /// </summary>
    private bool KnownCompanyThenVerb(string view, int s, int j, NamesByEnd endingAt)
    {
        if (_words is null)
        {
            return false;
        }

        for (int k = j - 1; k >= s + 2; k--)
        {
            if (endingAt.First(k, EntityType.Company) is { } known && known.Start == s)
            {
                var rest = view.AsSpan(k, j - k);
                Span<int> cuts = stackalloc int[rest.Length + 1];
                int count = _words.Segment(rest, cuts);
                for (int w = 0; w + 1 < count; w++)
                {
                    if (_words.ClassOf(rest[cuts[w]..cuts[w + 1]]) == WordClass.Verb)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    private void AddCompany(string view, int j, int end, string keep, List<EntityCandidate> output, NamesByEnd endingAt)
    {
        bool legal = keep == "drop" || keep.StartsWith("keep-", StringComparison.Ordinal);
        var (s, bounded) = NameStart(view, j, legal ? 14 : 4, allowParentheses: legal);
        if (legal)
        {
            s = AfterStopWordInClause(view, s, j);
        }

        if (j - s < 2)
        {
            return;
        }

        // a known company right before a suffix (比亚迪 + 股份) is that company
        if (endingAt.First(j, EntityType.Company) is { } company && company.Start >= s)
        {
            output.Add(new EntityCandidate(company.Start, end, company.Name, EntityType.Company, PatternPriority + 5, "company-pattern"));
            return;
        }

        if (KnownCompanyThenVerb(view, s, j, endingAt))
        {
            return; // 汇丰宣布回购 + 股份: a company and what it does, the suffix word its object
        }

        string prefix = view[s..j];
        int nameStart = s;
        // a registered name starts with its place (深圳市大疆创新): the short name drops it
        if (PlaceEndingAt(endingAt, FindPlaceEnd(view, s, j, endingAt), view) is { } place && place.Start == s && j - place.End >= 2)
        {
            nameStart = place.End;
            prefix = view[nameStart..j];
        }

        prefix = StripParenthetical(prefix);
        bool startsAtPlace = nameStart > s;
        for (int k = Math.Max(s, j - 4); k < j; k++)
        {
            if (_data.CommonCompounds.Contains(view[k..end]))
            {
                return; // 新增注册资本, 世界高科技: an ordinary word, not a name
            }
        }

        if (prefix.Length < 2 || IsGeneric(prefix) || char.IsAsciiDigit(prefix[0]) || !(bounded || startsAtPlace))
        {
            return;
        }

        string name = keep switch
        {
            "keep" => prefix + view[j..end],
            "drop" => prefix,
            _ => prefix + keep["keep-".Length..],
        };
        var lexiconEntry = _lexicon.Lookup(name) ?? _lexicon.Lookup(prefix);
        if (lexiconEntry is { Type: not EntityType.Company and not EntityType.Organization })
        {
            return; // 深圳科技 is a place and a word, not a company
        }

        output.Add(new EntityCandidate(s, end, lexiconEntry?.Name ?? name, EntityType.Company, PatternPriority, "company-pattern"));
    }

    private static int FindPlaceEnd(string view, int start, int end, NamesByEnd endingAt)
    {
        for (int e = Math.Min(end, start + 8); e > start; e--)
        {
            if (PlaceEndingAt(endingAt, e, view) is { } p && p.Start == start)
            {
                return e;
            }
        }

        return start;
    }

    private static string StripParenthetical(string s)
    {
        int open = s.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? s[..open] : s;
    }

    private bool IsGeneric(string prefix)
    {
        if (_data.GenericPrefixes.Contains(prefix))
        {
            return true;
        }

        // made only of generic words (人工智能 + 信息)
        for (int cut = 1; cut < prefix.Length; cut++)
        {
            if (_data.GenericPrefixes.Contains(prefix[..cut]) && IsGeneric(prefix[cut..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name by the word that ends it (a medium, park, university, association): a place right before the word opens it,
    /// else name characters back to a clear boundary. An association's name runs past a place (美国中国商会 is one name).
    /// </summary>
    private void AddPrefixedName(string view, int j, int end, EntityType type, int maxLength, List<EntityCandidate> output, NamesByEnd endingAt)
    {
        // a place right before the suffix (深圳 + 特区报, 深圳 + 理工大学)
        if (type != EntityType.Organization && PlaceEndingAt(endingAt, j, view) is { } place)
        {
            int start = place.Start;
            output.Add(new EntityCandidate(start, end, view[start..end], type, PatternPriority + 2, "suffix-pattern"));
            return;
        }

        var (s, bounded) = NameStart(view, j, maxLength);
        if (j - s < 2)
        {
            return;
        }

        // the name must begin at a clear boundary, not in the middle of running text; a place's or an association's
        // name must be more than an ordinary word (现代化 + 都市圈, 统计 + 协会 are kinds) unless quotation marks make it a
        // name (「北部都会区」), while media and universities are often an ordinary word and their suffix (法制日报)
        string prefix = view[s..j];
        if (!bounded || IsGeneric(prefix) || (type is EntityType.Place or EntityType.Organization && IsOrdinaryWordUnquoted(view, prefix, s, end)))
        {
            return;
        }

        output.Add(new EntityCandidate(s, end, view[s..end], type, PatternPriority - 5, "suffix-pattern"));
    }

    /// <summary>
    /// A known place and a facility word (上水 + 站, 皇岗 + 口岸): the facility is a place of its own, named so only where
    /// its place is (a district's short form keeps needing its city) and where the word does not begin a longer word
    /// (深圳 + 站上: a verb) or run on into the name of the body that runs it (香港机场管理局).
    /// </summary>
    private void AddFacility(string view, int j, int end, List<EntityCandidate> output, NamesByEnd endingAt)
    {
        if (PlaceEndingAt(endingAt, j, view) is not { } place || place.Length < 2 || (_words is not null && !_words.KeepsWords(view, place.Start, end)))
        {
            return;
        }

        if (_data.FacilityBodyWords.WordAt(view, end) > 0)
        {
            return; // 香港机场 + 管理局: the body that runs it, not the facility
        }

        output.Add(new EntityCandidate(place.Start, end, view[place.Start..end], EntityType.Place, PatternPriority + 2, "suffix-pattern")
        {
            RequiresContext = place.RequiresContext,
        });
    }

    private bool IsOrdinaryWordUnquoted(string view, string prefix, int start, int end) =>
        IsCommonWord(prefix) && LookupView(prefix) is null
        && !(start > 0 && Punctuation.OpeningQuotesOrStraight.Contains(view[start - 1]) && end < view.Length
            && Punctuation.ClosingQuotesOrStraight.Contains(view[end]));

    private void FindPeople(string view, List<EntityCandidate> output)
    {
        var text = view.AsSpan();
        for (int j = 0; j < text.Length; j++)
        {
            if (!_data.PersonTitles.CanStartWith(text[j]))
            {
                continue;
            }

            int len = _data.PersonTitles.LongestMatch(text, j, out _);
            if (len == 0)
            {
                continue;
            }

            string title = view.Substring(j, len);
            int k = j + len;
            // a colon follows a byline's title (记者：张三), but after a position it opens what was said
            // (台积电董事长：相信的人不多)
            bool byline = _data.BylineTitles.Contains(title);
            while (k < text.Length && (char.IsWhiteSpace(text[k]) || (byline && text[k] == ':')))
            {
                k++;
            }

            int nameEnd = ReadPersonName(view, k);
            // after a position, a surname and a character that are an ordinary word together (教授 + 成立) are no name, as
            // with the tagger's names; a byline's title is followed by a name however it reads (记者 + 马力)
            // nor is a surname and a form of address (负责人 + 姚先生): the person goes unnamed
            if (nameEnd <= k || (!byline && _words is not null && _words.IsCommonWord(text[k..nameEnd])) || SurnameAndAddressForm(view[k..nameEnd]))
            {
                continue;
            }

            if (byline && TwoNamesWrittenTogether(view, k) is var (firstEnd, secondEnd))
            {
                output.Add(new EntityCandidate(k, firstEnd, view[k..firstEnd], EntityType.Person, PatternPriority + 10, "title-pattern"));
                output.Add(new EntityCandidate(firstEnd, secondEnd, view[firstEnd..secondEnd], EntityType.Person, PatternPriority + 10, "title-pattern"));
                j = secondEnd - 1;
                continue;
            }

            output.Add(new EntityCandidate(k, nameEnd, view[k..nameEnd], EntityType.Person, PatternPriority + 10, "title-pattern"));
            j = nameEnd - 1;

            // bylines list several names: 记者 邱嘉熙 肖艺嘉
            if (byline)
            {
                int next = nameEnd;
                while (next < text.Length && char.IsWhiteSpace(text[next]) && text[next] != '\n')
                {
                    int start = next + 1;
                    int end = ReadPersonName(view, start);
                    if (end <= start)
                    {
                        break;
                    }

                    output.Add(new EntityCandidate(start, end, view[start..end], EntityType.Person, PatternPriority + 10, "title-pattern"));
                    next = end;
                    j = end - 1;
                }
            }
        }
    }

    /// <summary>
    /// Reporters credited in brackets right after a dateline, with no title (某某网重庆8月7日电(王大明 李小红)): every
    /// part between the brackets, apart by spaces or 、, must read as a personal name, or none is taken (a bracket
    /// after a dateline may also hold a note).
    /// </summary>
    private void FindDatelineCredits(string view, List<EntityCandidate> output)
    {
        var text = view.AsSpan();
        var datelines = _data.DatelineWords;
        for (int j = datelines.NextStart(text, 0); j >= 0; j = datelines.NextStart(text, j + 1))
        {
            int len = datelines.WordAt(text, j);
            int open = j + len;
            while (len > 0 && open < text.Length && text[open] == ' ')
            {
                open++;
            }

            if (len == 0 || open >= text.Length || text[open] is not ('(' or '（'))
            {
                continue;
            }

            var names = new List<(int Start, int End)>();
            int k = open + 1;
            while (true)
            {
                while (k < text.Length && text[k] is ' ' or '、')
                {
                    k++;
                }

                int end = ReadPersonName(view, k);
                if (end <= k || end >= text.Length || text[end] is not (' ' or '、' or ')' or '）'))
                {
                    names.Clear(); // a part that is no name: the bracket holds something else
                    break;
                }

                names.Add((k, end));
                k = end;
                if (text[k] is ')' or '）')
                {
                    break;
                }
            }

            foreach (var (start, end) in names)
            {
                output.Add(new EntityCandidate(start, end, view[start..end], EntityType.Person, PatternPriority + 10, "title-pattern"));
            }

            j = Math.Max(j, k - 1);
        }
    }

    /// <summary>
    /// A firm quoted for figures under its Latin name, which no lexicon holds and the tagger (trained on Chinese names)
    /// does not see: a name of capitalised words or letters between a word that quotes (据, 根据, 援引) and one that
    /// says what it gave (数据, 报告, 显示): 据 SNE Research 数据, 根据Wedbush报告.
    /// </summary>
    private void FindLatinSources(string view, List<EntityCandidate> output)
    {
        var text = view.AsSpan();
        var leads = _data.LatinSourceLeads;
        for (int j = leads.NextStart(text, 0); j >= 0; j = leads.NextStart(text, j + 1))
        {
            int len = leads.WordAt(text, j);
            if (len == 0)
            {
                continue;
            }

            int start = j + len;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            int end = LatinNameEnd(text, start);
            if (end == start)
            {
                continue;
            }

            int tail = end;
            while (tail < text.Length && text[tail] == ' ')
            {
                tail++;
            }

            if (_data.LatinSourceTails.WordAt(text, tail) > 0)
            {
                output.Add(new EntityCandidate(start, end, view[start..end], EntityType.Company, PatternPriority, "latin-source-pattern"));
                j = end - 1;
            }
        }
    }

    /// <summary>
    /// The end of a name in Latin letters at <paramref name="start"/>: words that begin with a capital letter (or are
    /// an acronym with digits), at most five, one space between them; <paramref name="start"/> itself when none begins there.
    /// </summary>
    private static int LatinNameEnd(ReadOnlySpan<char> text, int start)
    {
        int end = start, words = 0;
        int k = start;
        while (k < text.Length && char.IsAsciiLetterUpper(text[k]) && words < 5)
        {
            while (k < text.Length && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '&' or '-' or '+' or '.'))
            {
                k++;
            }

            end = k;
            words++;
            if (k + 1 < text.Length && text[k] == ' ' && char.IsAsciiLetterUpper(text[k + 1]))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>
    /// Two reporters credited after one byline title with nothing between their names ((记者李明张小红), 记者王丽马力（): the run of
    /// Han characters from <paramref name="start"/> up to a bracket, a space or the line's end is not one name but reads, in
    /// one way only, as two, each a surname with one or two characters. A run that goes on into the sentence (记者王小明报道，)
    /// is left to the name read alone, and so is a run whose second part would end in an ordinary word (王小 + 明报道).
    /// </summary>
    private (int FirstEnd, int SecondEnd)? TwoNamesWrittenTogether(string view, int start)
    {
        int runEnd = start;
        while (runEnd < view.Length && TextClasses.IsHan(view[runEnd]))
        {
            runEnd++;
        }

        if (runEnd - start is < 4 or > 6 || ReadPersonName(view, start) == runEnd
            || !(runEnd == view.Length || view[runEnd] is ' ' or '\n' or '\r' or '（' or '(' or '）' or ')'))
        {
            return null;
        }

        int surname = start + 2 <= view.Length && _data.SurnameLookup.Contains(view.AsSpan(start, 2)) ? 2 : 1;
        int firstLongest = ReadPersonName(view, start);
        (int, int)? split = null;
        for (int firstEnd = start + surname + 1; firstEnd <= Math.Min(firstLongest, start + surname + 2); firstEnd++)
        {
            if (runEnd - firstEnd < 2 || ReadPersonName(view, firstEnd) != runEnd
                || (runEnd - firstEnd == 3 && _words is not null && _words.IsCommonWord(view.AsSpan(firstEnd + 1, 2))))
            {
                continue;
            }

            if (split is not null)
            {
                return null; // two ways to read the run: neither is sure
            }

            split = (firstEnd, runEnd);
        }

        return split;
    }

    /// <summary>A Chinese personal name at <paramref name="start"/>: a surname and one or two characters.</summary>
    private int ReadPersonName(string view, int start)
    {
        int surname = 0;
        if (start + 2 <= view.Length && _data.SurnameLookup.Contains(view.AsSpan(start, 2)))
        {
            surname = 2;
        }
        else if (start < view.Length && _data.SurnameLookup.Contains(view.AsSpan(start, 1)))
        {
            surname = 1;
        }

        if (surname == 0)
        {
            return start;
        }

        int g = start + surname;
        // a surname right before a title (向 + 记者 after 主任) is a word of the sentence: the name has no given name
        if (g >= view.Length || !TextClasses.IsHan(view[g]) || _data.NameBreakers.Contains(view[g]) || TextClasses.IsChineseNumeral(view[g])
            || _data.PersonTitles.CanStartWithTitle(view, g))
        {
            return start;
        }

        // a name never runs into a title (王田编辑) or a stop character
        int g2 = g + 1;
        bool second = g2 < view.Length && TextClasses.IsHan(view[g2]) && !_data.NameBreakers.Contains(view[g2])
            && !_data.PersonTitles.CanStartWithTitle(view, g2) && !TextClasses.IsChineseNumeral(view[g2]);
        // a surname that is also a word of the sentence (和, 向, 于) before two characters that are an ordinary word (总统 + 和 +
        // 夫人) is that word, not a name; 于 + 丹, 曾 + 庆红 stay names
        if (second && surname == 1 && _data.NameBreakers.Contains(view[start]) && _words is not null && _words.IsCommonWord(view.AsSpan(g, 2)))
        {
            return start;
        }

        return second ? g2 + 1 : g2;
    }

    private void FindBracketed(string view, List<EntityCandidate> output)
    {
        for (int i = 0; i < view.Length; i++)
        {
            char open = view[i];
            char close = open switch
            {
                '《' => '》',
                '「' => '」',
                '“' => '”',
                '『' => '』',
                '"' => '"',
                _ => '\0',
            };
            if (close == '\0')
            {
                continue;
            }

            int max = open == '《' ? 80 : 14;
            int end = view.IndexOf(close, i + 1, Math.Min(max, view.Length - i - 1));
            if (end <= i + 1 || view.AsSpan(i + 1, end - i - 1).IndexOfAny('\n', '\r') >= 0)
            {
                continue;
            }

            string inner = view[(i + 1)..end];
            if (open == '《')
            {
                var entry = _lexicon.Lookup(inner);
                var type = entry?.Type == EntityType.Media || EndsWithMediaSuffix(inner) ? EntityType.Media : EntityType.Work;
                output.Add(new EntityCandidate(i + 1, end, entry?.Name ?? inner, type, PatternPriority + 20, "bracket"));
            }
            else if (LooksLikeGroup(inner))
            {
                output.Add(new EntityCandidate(i + 1, end, inner, EntityType.Group, PatternPriority + 20, "bracket"));
            }
        }
    }

    private bool EndsWithMediaSuffix(string name)
    {
        for (int k = 1; k < name.Length; k++)
        {
            if (_data.MediaSuffixes.TryGet(name.AsSpan(k), out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>杭州六小龙, 深圳四巨头: a place or a numeral, then a group noun.</summary>
    private bool LooksLikeGroup(string inner)
    {
        foreach (var noun in _data.GroupNouns)
        {
            if (inner.Length > noun.Length && inner.EndsWith(noun, StringComparison.Ordinal))
            {
                string head = inner[..^noun.Length];
                if (head.Length > 0 && TextClasses.IsChineseNumeral(head[^1]))
                {
                    return true;
                }
            }
        }

        return _lexicon.Lookup(inner)?.Type == EntityType.Group;
    }

    private void FindProducts(string view, List<EntityCandidate> output, NamesByEnd endingAt)
    {
        foreach (int end in endingAt.Ends)
        {
            foreach (var c in endingAt.EndingAt(end))
            {
                if (c.Type is not (EntityType.Product or EntityType.Company))
                {
                    continue;
                }

                int k = end;
                while (k < view.Length && (char.IsAsciiLetterOrDigit(view[k]) || (view[k] == ' ' && k + 1 < view.Length && char.IsAsciiLetterUpper(view[k + 1]) && k > end)))
                {
                    k++;
                }

                int wordLength = k < view.Length && _data.ProductWords.CanStartWith(view[k]) ? _data.ProductWords.LongestMatch(view, k, out _) : 0;
                bool model = k > end && char.IsAsciiLetterUpper(view[end]) && view[end..k].Any(char.IsAsciiDigit);
                bool brandWithWord = c.Type == EntityType.Product && wordLength > 0;
                bool companyWithCodeAndWord = c.Type == EntityType.Company && k > end && wordLength > 0;
                if (brandWithWord || companyWithCodeAndWord)
                {
                    int stop = k + wordLength;
                    // 讯飞 + 星火 + 认知大模型: the maker's name written before the brand belongs to it
                    int start = c.Start;
                    if (c.Type == EntityType.Product && endingAt.First(c.Start, EntityType.Company) is { } maker)
                    {
                        start = maker.Start;
                    }

                    output.Add(new EntityCandidate(start, stop, view[start..stop], EntityType.Product, PatternPriority + 15, "product-pattern"));
                }
                else if (c.Type == EntityType.Company && model)
                {
                    output.Add(new EntityCandidate(c.Start, k, view[c.Start..k].TrimEnd(), EntityType.Product, PatternPriority + 15, "product-pattern"));
                }
            }
        }
    }

    /// <summary>Longest first, then priority; a taken character is never taken twice.</summary>
    /// <param name="chosen">an empty list, filled with the candidates chosen and returned</param>
    private static List<EntityCandidate> Resolve(List<EntityCandidate> candidates, int length, List<EntityCandidate> chosen)
    {
        // a pattern that only adds words on the left of a known name of the same type (据 + 深圳特区报)
        // took too much: the lexicon knows where the name starts. One that begins with a known name of that type
        // itself (经济部 + 统计处, where 统计处 alone is another body's short name) is a longer name, not a slip.
        // the thread's tables of the last text, emptied (only looked up, never walked): filling them afresh for every
        // document was most of what this step allocated
        var knownStart = t_knownStart ??= [];
        var knownBegins = t_knownBegins ??= [];
        knownStart.Clear();
        knownBegins.Clear();
        foreach (var c in candidates)
        {
            if (c.Source is not ("lexicon" or "user"))
            {
                continue;
            }

            knownStart[(c.End, c.Type)] = knownStart.TryGetValue((c.End, c.Type), out int s) ? Math.Min(s, c.Start) : c.Start;
            knownBegins.Add((c.Start, c.Type));
        }

        // longest first, then higher priority, then leftmost; ties keep the order found. The keys of the candidates
        // that stay are copied out once (comparing through the list copied two whole candidates for every
        // comparison), with their index in the list: no filtered copy of the candidates is made
        var order = System.Buffers.ArrayPool<ResolveOrder>.Shared.Rent(candidates.Count);
        int count = 0;
        for (int k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.Source is "lexicon" or "user" || c.OwnStart || !knownStart.TryGetValue((c.End, c.Type), out int start) || start <= c.Start
                || knownBegins.Contains((c.Start, c.Type)))
            {
                order[count++] = new ResolveOrder(c.Length, c.Priority, c.Start, k);
            }
        }

        Array.Sort(order, 0, count);

        var taken = System.Buffers.ArrayPool<bool>.Shared.Rent(length);
        taken.AsSpan(0, length).Clear();
        foreach (var o in order.AsSpan(0, count))
        {
            var c = candidates[o.Index];
            if (taken.AsSpan(c.Start, c.Length).Contains(true))
            {
                continue;
            }

            taken.AsSpan(c.Start, c.Length).Fill(true);
            chosen.Add(c);
        }

        System.Buffers.ArrayPool<bool>.Shared.Return(taken);
        System.Buffers.ArrayPool<ResolveOrder>.Shared.Return(order);
        if (knownStart.Count > KeptCandidates)
        {
            t_knownStart = null; // a text's worth of names past the kept size is let go, not kept for good
            t_knownBegins = null;
        }

        CandidateOrder.ByStart(chosen);
        return chosen;
    }

    [ThreadStatic]
    private static Dictionary<(int End, EntityType Type), int>? t_knownStart;

    [ThreadStatic]
    private static HashSet<(int Start, EntityType Type)>? t_knownBegins;

    /// <summary>
    /// A pattern-found company whose name ends with another company's name found in the same text
    /// took a word too many on the left (当宇树科技 beside 宇树科技): it becomes that company.
    /// </summary>
    private static void ShortenToKnownCompanies(string view, List<EntityCandidate> chosen)
    {
        // most texts have no pattern-found company: then the companies' names are not even listed. The names are those
        // before any is shortened; plain loops, as this runs for every document (LINQ over the candidates allocated
        // and was compiled at run time for each of its uses)
        if (!Any(chosen, EntityType.Company, "company-pattern"))
        {
            return;
        }

        var names = new List<string>();
        foreach (var c in chosen)
        {
            if (c.Type == EntityType.Company)
            {
                names.Add(c.Name);
            }
        }

        for (int i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            if (c.Type != EntityType.Company || c.Source != "company-pattern")
            {
                continue;
            }

            // the longest, the first of equal length
            string? shorter = null;
            foreach (string n in names)
            {
                if (n.Length >= 2 && n.Length < c.Name.Length && n.Length > (shorter?.Length ?? 0) && c.Name.EndsWith(n, StringComparison.Ordinal))
                {
                    shorter = n;
                }
            }

            if (shorter is not null && view.AsSpan(c.Start, c.Length).EndsWith(shorter, StringComparison.Ordinal))
            {
                chosen[i] = c with { Start = c.End - shorter.Length, Name = shorter };
            }
        }
    }

    /// <summary>
    /// A district's short form stays only where the text also names its city or province, or a body the lexicon
    /// knows as governing it (港府 names Hong Kong); a one-character abbreviation only where the place itself is named.
    /// </summary>
    private List<EntityCandidate> DropWithoutContext(List<EntityCandidate> chosen)
    {
        bool any = false;
        foreach (var c in chosen)
        {
            any |= c.RequiresContext is not null;
        }

        if (!any)
        {
            return chosen;
        }

        // the sets are the thread's, emptied for each text (only asked what they hold), and the names that stay are
        // kept in place: a new set and list for every text that names a district were most of what the joins allocated
        var names = t_contextNames ??= new HashSet<string>(StringComparer.Ordinal);
        names.Clear();
        foreach (var c in chosen)
        {
            if (c.RequiresContext is null)
            {
                names.Add(c.Name);
            }
        }

        var places = names;
        if (chosen.Exists(c => c.Source == "abbreviation"))
        {
            places = t_contextPlaces ??= new HashSet<string>(StringComparer.Ordinal);
            places.Clear();
            foreach (var c in chosen)
            {
                if (c.RequiresContext is null && c.Type == EntityType.Place)
                {
                    places.Add(c.Name);
                }
            }
        }

        foreach (var c in chosen)
        {
            if (c.Type == EntityType.Government && c.RequiresContext is null && LookupView(c.Name) is { Place: { } place })
            {
                names.Add(place);
            }
        }

        // an abbreviation (中 of 中港) needs its place written out, not only a body of it (中国人民银行)
        chosen.RemoveAll(c => c.RequiresContext is not null && !c.RequiresContext.Any(c.Source == "abbreviation" ? places.Contains : names.Contains));
        if (names.Count > KeptCandidates)
        {
            t_contextNames = t_contextPlaces = null; // a text's worth of names past the kept size is let go, not kept for good
        }

        names.Clear();
        places.Clear();
        return chosen;
    }

    [ThreadStatic]
    private static HashSet<string>? t_contextNames;

    [ThreadStatic]
    private static HashSet<string>? t_contextPlaces;

    /// <summary>A group written short (六小龙) after its full name (杭州六小龙) is the same group.</summary>
    private static void JoinGroupsToFullNames(List<EntityCandidate> chosen)
    {
        // a text of one group or none (most) has nothing to join: the names are listed only where two may be one
        var groups = NamesOf(chosen, EntityType.Group);
        if (groups.Count < 2)
        {
            return;
        }

        for (int i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            if (c.Type != EntityType.Group)
            {
                continue;
            }

            // the shortest that ends with it, the first of equal length
            string? full = null;
            foreach (string g in groups)
            {
                if (g.Length > c.Name.Length && (full is null || g.Length < full.Length) && g.EndsWith(c.Name, StringComparison.Ordinal))
                {
                    full = g;
                }
            }

            if (full is not null)
            {
                chosen[i] = c with { Name = full };
            }
        }
    }

    /// <summary>
    /// A product written short (讯飞星火大模型) beside its full name (讯飞星火认知大模型) is the same product:
    /// same first and last two characters, and every character of the short form in the long one, in order.
    /// </summary>
    private static void JoinProductsToFullNames(List<EntityCandidate> chosen)
    {
        var products = NamesOf(chosen, EntityType.Product);
        if (products.Count < 2)
        {
            return;
        }

        for (int i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            if (c.Type != EntityType.Product || c.Name.Length < 4)
            {
                continue;
            }

            // the longest, the first of equal length; a plain loop over spans: the lambda that did this held a copy of
            // every chosen name, made for each one whatever its type, and the comparison cut four strings per product
            string? full = null;
            var name = c.Name.AsSpan();
            foreach (string p in products)
            {
                if (p.Length > name.Length && p.Length > (full?.Length ?? 0) && p.AsSpan(0, 2).SequenceEqual(name[..2])
                    && p.AsSpan(p.Length - 2).SequenceEqual(name[^2..]) && IsSubsequence(c.Name, p))
                {
                    full = p;
                }
            }

            if (full is not null)
            {
                chosen[i] = c with { Name = full };
            }
        }
    }

    /// <summary>Whether a chosen name has the type and source.</summary>
    private static bool Any(List<EntityCandidate> chosen, EntityType type, string source)
    {
        foreach (var c in chosen)
        {
            if (c.Type == type && c.Source == source)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The distinct names of a type in the order first chosen, where at least two names have the type (one name alone is
    /// never joined to another); else an empty list.
    /// </summary>
    private static List<string> NamesOf(List<EntityCandidate> chosen, EntityType type)
    {
        int count = 0;
        foreach (var c in chosen)
        {
            count += c.Type == type ? 1 : 0;
        }

        var names = new List<string>();
        if (count < 2)
        {
            return names;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in chosen)
        {
            if (c.Type == type && seen.Add(c.Name))
            {
                names.Add(c.Name);
            }
        }

        return names;
    }

    private static bool IsSubsequence(string shorter, string longer)
    {
        int k = 0;
        foreach (char ch in longer)
        {
            if (k < shorter.Length && shorter[k] == ch)
            {
                k++;
            }
        }

        return k == shorter.Length;
    }

    private bool EndsWithDepartmentTail(string name)
    {
        foreach (var tail in _data.DepartmentTails)
        {
            if (name.EndsWith(tail, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A named park (坪山荣耀智能制造产业园) still names the place and the company inside it; a department (某部 + 统计处)
    /// names its body.
    /// </summary>
    private void AddNamesInsideNames(List<EntityCandidate> candidates, List<EntityCandidate> chosen)
    {
        // the parks and the registered companies in one plain pass over the chosen names, each list in their order (what the
        // parks add below are lexicon names, never registered companies: the companies are those of the names chosen here)
        var parks = new List<EntityCandidate>();
        var registered = new List<EntityCandidate>();
        foreach (var c in chosen)
        {
            if (c.Type == EntityType.Place && c.Source == "suffix-pattern")
            {
                parks.Add(c);
            }
            else if (c.Type == EntityType.Company && c.Source == "company-pattern")
            {
                registered.Add(c);
            }
        }

        // the names chosen, for districts' short forms inside a park: only a text with a park needs the set
        var names = parks.Count == 0 ? [] : chosen.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        // plain loops over the lists: a text of many parks goes through all its candidates for each, and the enumerable's
        // interface calls per candidate were about 1% of the bench input's perf samples
        foreach (var park in parks)
        {
            foreach (var c in candidates)
            {
                if (c.Source == "lexicon" && c.Start >= park.Start && c.End <= park.End && c.Length < park.Length
                    && (c.RequiresContext is null || c.RequiresContext.Any(names.Contains)) && c.Type is EntityType.Place or EntityType.Company)
                {
                    chosen.Add(c);
                }
            }
        }

        // a registered name begins with its place (东莞市 + 某某电子有限公司) and its short name leaves the place
        // out: the text names the place too. A place that is part of the name itself (九龙 + 仓置业) is not one.
        // The companies and units come from the chosen names, so they are sorted by start and none shares one: each
        // candidate is matched to the one starting where it starts in a single pass over the candidates (looking
        // through every candidate for every company cost a text of many companies the square of its names)
        if (registered.Count > 0)
        {
            var places = new EntityCandidate?[registered.Count]; // each company's first place in candidate order
            foreach (var c in candidates)
            {
                if (c.Type == EntityType.Place && c.Source != "model" && FirstStartingAt(registered, c.Start) is int k && k < registered.Count
                    && registered[k].Start == c.Start && places[k] is null && c.End < registered[k].End
                    && !registered[k].Name.StartsWith(c.Name, StringComparison.Ordinal))
                {
                    places[k] = c;
                }
            }

            AddFound(chosen, places);
        }

        // a department of a known body (国家能源局 + 某某司, 经济部 + 统计处) names the body too: the one the lexicon knows that
        // opens it (the longest, the first of equal length). An office with a standing of its own (国家统计局 + 杭州调查队) does not.
        var units = chosen.Where(c => c.Type == EntityType.Government && c.Source != "lexicon" && EndsWithDepartmentTail(c.Name)).ToList();
        if (units.Count > 0)
        {
            var bodies = new EntityCandidate?[units.Count];
            foreach (var c in candidates)
            {
                if (c.Type == EntityType.Government && c.Source == "lexicon" && FirstStartingAt(units, c.Start) is int k && k < units.Count
                    && units[k].Start == c.Start && c.End < units[k].End && c.Name != units[k].Name && (bodies[k] is not { } b || c.Length > b.Length))
                {
                    bodies[k] = c;
                }
            }

            AddFound(chosen, bodies);
        }

        // a country's body written with its abbreviation (日军) names the country too, as the abbreviation does before 方
        List<EntityCandidate>? countryBodies = null;
        foreach (var c in chosen)
        {
            if (c.Type == EntityType.Government && c.Source == "abbreviation")
            {
                (countryBodies ??= []).Add(c);
            }
        }

        if (countryBodies is not null)
        {
            var countries = new EntityCandidate?[countryBodies.Count];
            foreach (var c in candidates)
            {
                if (c.Type == EntityType.Place && c.Source == "abbreviation" && FirstStartingAt(countryBodies, c.Start) is int k && k < countryBodies.Count
                    && countryBodies[k].Start == c.Start)
                {
                    countries[k] = c;
                }
            }

            AddFound(chosen, countries);
        }

        if (parks.Count > 0 || registered.Count > 0 || units.Count > 0 || countryBodies is not null)
        {
            CandidateOrder.ByStart(chosen);
        }
    }

    private static void AddFound(List<EntityCandidate> chosen, EntityCandidate?[] found)
    {
        foreach (var c in found)
        {
            if (c is { } name)
            {
                chosen.Add(name);
            }
        }
    }

    /// <summary>The index of the first name starting at or after <paramref name="position"/> in names sorted by start.</summary>
    private static int FirstStartingAt(List<EntityCandidate> sorted, int position) =>
        FirstStartingAt(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sorted), position);

    /// <inheritdoc cref="FirstStartingAt(List{EntityCandidate}, int)"/>
    private static int FirstStartingAt(ReadOnlySpan<EntityCandidate> sorted, int position)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// A place in brackets right after the name of a company of the text (某某(亚洲) once 某某(亚洲)有限公司 was named) is
    /// the part of that company's name that says its region, not a place the text speaks of: the whole is the company.
    /// </summary>
    private static List<EntityCandidate> RegionsOfCompanies(string view, List<EntityCandidate> chosen)
    {
        // most texts have no place in brackets: then the companies' names are not even listed
        bool bracketed = false;
        foreach (var c in chosen)
        {
            bracketed |= IsBracketedPlace(view, c);
        }

        if (!bracketed)
        {
            return chosen;
        }

        var companies = chosen.Where(c => c.Type == EntityType.Company).Select(c => c.Name).Where(n => n.Length >= 2).Distinct().ToList();
        if (companies.Count == 0)
        {
            return chosen;
        }

        var result = new List<EntityCandidate>(chosen.Count);
        foreach (var c in chosen)
        {
            int open = c.Start - 1;
            string? company = IsBracketedPlace(view, c) ? CompanyEndingAt(view, open, companies) : null;
            if (company is null)
            {
                result.Add(c);
                continue;
            }

            int start = open - company.Length;
            if (result.Count > 0 && result[^1].End > start)
            {
                result.RemoveAt(result.Count - 1); // the company's short name, found alone before its bracket
            }

            result.Add(new EntityCandidate(start, c.End + 1, company, EntityType.Company, c.Priority, "company-region"));
        }

        return result;
    }

    /// <summary>
    /// The first of the companies written right before <paramref name="end"/>; a plain loop, as a lambda here was made
    /// for every name of every text with a place in brackets, not only for the places.
    /// </summary>
    private static string? CompanyEndingAt(string view, int end, List<string> companies)
    {
        foreach (string n in companies)
        {
            if (end >= n.Length && view.AsSpan(end - n.Length, n.Length).SequenceEqual(n))
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>
    /// The text from <paramref name="start"/> to <paramref name="end"/> is a part of a web address (the cn of gov.cn, Korvo of
    /// Korvo.com): a dot or slash joins it to letters or digits on either side.
    /// </summary>
    private static bool InWebAddress(string view, int start, int end) =>
        (start > 1 && view[start - 1] is '.' or '/' && TextClasses.IsAsciiLetterOrDigit(view[start - 2]))
        || (end + 1 < view.Length && view[end] is '.' or '/' && TextClasses.IsAsciiLetterOrDigit(view[end + 1]));

    private static bool IsBracketedPlace(string view, EntityCandidate c) =>
        c.Type == EntityType.Place && c.Start > 1 && view[c.Start - 1] == '(' && c.End < view.Length && view[c.End] == ')';

    /// <summary>
    /// Names that patterns found (people, companies, groups) are looked for again in the whole text. A name that is also an
    /// everyday word (a reporter called 金融, a tagged firm 理想) is not: elsewhere in the text the word is meant, not the
    /// name; a short form the text itself declares (以下简称…) is looked for however it reads. A Latin name is found again
    /// only as a whole word (not DOTA of DOTA2) and not inside a web address (not cn of gov.cn).
    /// </summary>
    private List<EntityCandidate> FindAgain(string view, List<EntityCandidate> chosen, List<(string Surface, string Name, EntityType Type)> aliases)
    {
        // each surface once, the first that names it; a surface is cut out of the view only when it is new
        var found = new List<(string Surface, string Name, EntityType Type)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenSpan = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var c in chosen)
        {
            if (((c.Source is "title-pattern" or "company-pattern" or "results-pattern" or "list-pattern" or "stock-code" or "bracket" && c.Type is EntityType.Person or EntityType.Company or EntityType.Group)
                || (c.Source == "model" && c.Type is EntityType.Person or EntityType.Company or EntityType.Organization or EntityType.Government))
                && c.Length >= 2 && !c.NotFoundAgain && !seenSpan.Contains(view.AsSpan(c.Start, c.Length)))
            {
                string surface = view[c.Start..c.End];
                if (!IsEverydayWord(surface))
                {
                    seen.Add(surface);
                    found.Add((surface, c.Name, c.Type));
                }
            }
        }

        // a registered name's short form (某某电子 of 佛山市某某电子股份有限公司) is how the text goes on to
        // call it; three characters at least, as a two-character remainder is too often an ordinary word
        var shortNames = chosen.Where(c => c.Source == "company-pattern" && c.Type == EntityType.Company && c.Name.Length >= 3 && c.Name.Length < c.Length)
            .Select(c => (Surface: c.Name, c.Name, c.Type));
        foreach (var f in aliases.Concat(shortNames))
        {
            if (f.Surface.Length >= 2 && seen.Add(f.Surface))
            {
                found.Add(f);
            }
        }

        if (found.Count == 0)
        {
            return chosen;
        }

        // a handful of names per document: a list per first character, longest first, costs far less
        // than building a trie (whose first-character table alone is 64 KB) for each document
        var byFirst = new Dictionary<char, List<(string Surface, string Name, EntityType Type)>>();
        Span<ulong> firstBits = stackalloc ulong[4]; // the first characters' low eight bits: most positions are ruled out before the lookup
        foreach (var f in found.OrderByDescending(f => f.Surface.Length))
        {
            if (!byFirst.TryGetValue(f.Surface[0], out var list))
            {
                byFirst[f.Surface[0]] = list = [];
            }

            list.Add(f);
            firstBits[(f.Surface[0] & 0xFF) >> 6] |= 1UL << f.Surface[0];
        }

        var taken = System.Buffers.ArrayPool<bool>.Shared.Rent(view.Length);
        taken.AsSpan(0, view.Length).Clear();
        foreach (var c in chosen)
        {
            taken.AsSpan(c.Start, c.Length).Fill(true);
        }

        var more = new List<EntityCandidate>();
        for (int i = 0; i < view.Length; i++)
        {
            if (taken[i] || (firstBits[(view[i] & 0xFF) >> 6] & (1UL << view[i])) == 0 || !byFirst.TryGetValue(view[i], out var names))
            {
                continue;
            }

            var rest = view.AsSpan(i);
            int hit = 0;
            while (hit < names.Count && !rest.StartsWith(names[hit].Surface, StringComparison.Ordinal))
            {
                hit++;
            }

            if (hit == names.Count)
            {
                continue;
            }

            var (surface, name, type) = names[hit];
            if (taken.AsSpan(i, surface.Length).Contains(true) || !WordBoundaryOk(view, i, i + surface.Length) || InWebAddress(view, i, i + surface.Length))
            {
                continue;
            }

            more.Add(new EntityCandidate(i, i + surface.Length, name, type, PatternPriority, "found-again"));
            i += surface.Length - 1;
        }

        System.Buffers.ArrayPool<bool>.Shared.Return(taken);
        if (more.Count == 0)
        {
            return chosen;
        }

        chosen.AddRange(more);
        CandidateOrder.ByStart(chosen);
        return chosen;
    }
}

/// <summary>
/// Where a candidate stands in <c>Resolve</c>'s order: longest first, then higher priority, then leftmost, then
/// the order found. No two are equal, so any sort gives the one order.
/// </summary>
internal readonly record struct ResolveOrder(int Length, int Priority, int Start, int Index) : IComparable<ResolveOrder>
{
    public int CompareTo(ResolveOrder other)
    {
        int by = other.Length.CompareTo(Length);
        if (by == 0)
        {
            by = other.Priority.CompareTo(Priority);
        }

        if (by == 0)
        {
            by = Start.CompareTo(other.Start);
        }

        return by != 0 ? by : Index.CompareTo(other.Index);
    }
}

internal static class TitleTrieExtensions
{
    public static bool CanStartWithTitle(this WordTrie<bool> titles, string view, int position) =>
        titles.CanStartWith(view[position]) && titles.LongestMatch(view, position, out _) > 0;
}
