namespace Anvil.Core.Entities;

/// <summary>
/// Companies no lexicon lists, found by the company they are listed with: names joined by list marks (某甲、某乙和某丙)
/// are names of one kind, so a list with a known company in it, or one closed by what its names are (某甲、某乙等企业,
/// 等电源领域客户), is a list of companies. News names peers, customers and competitors so, by their short forms.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int ListNameMaxLength = 8;

    /// <summary>How far after 等 the head noun of a list may stand (等 + 半导体行业 + 客户).</summary>
    private const int ListHeadReach = 8;

    private void AddCompaniesInLists(string view, List<EntityCandidate> chosen)
    {
        var added = new List<EntityCandidate>();
        var items = new List<(int Start, int End)>();
        var index = new ChosenIndex(chosen);
        for (int i = 1; i < view.Length; i++)
        {
            int next = view.AsSpan(i).IndexOfAny(_listSeparators);
            if (next < 0)
            {
                break;
            }

            i += next;
            items.Clear();
            items.Add(FirstListItem(view, index, i));
            int end = ReadListItems(view, i, items);
            i = Math.Max(i, end - 1);
            if (!ListOfCompanies(view, index, items, end))
            {
                continue;
            }

            // a person the tagger found among the items: a firm's short name it read as a person's, where the list is
            // of companies and it is the only person in it (two or more people listed, 某某、某某等企业家, are people)
            int people = 0;
            for (int k = 0; k < items.Count; k++)
            {
                var (s, e) = items[k];
                people += TaggedPersonAt(chosen, s, k == items.Count - 1 ? WithoutTrailingWords(view, s, e) : e) is null ? 0 : 1;
            }

            for (int k = 0; k < items.Count; k++)
            {
                var (start, itemEnd) = items[k];
                if (k == items.Count - 1)
                {
                    itemEnd = WithoutTrailingWords(view, start, itemEnd);
                }

                if (itemEnd - start >= 2 && !index.Overlaps(start, itemEnd) && ListedCompanyName(view, start, itemEnd) is { } name)
                {
                    added.Add(new EntityCandidate(start, itemEnd, name, EntityType.Company, ModelPriority, "list-pattern"));
                }
                else if (people == 1 && items.Count > 1 && TaggedPersonAt(chosen, start, itemEnd) is int person && ListedCompanyName(view, start, itemEnd) is { } company)
                {
                    chosen[person] = chosen[person] with { Name = company, Type = EntityType.Company, Source = "list-pattern" };
                }
            }
        }

        if (added.Count > 0)
        {
            chosen.AddRange(added);
            CandidateOrder.ByStart(chosen);
        }
    }

    /// <summary>The index of a chosen person that only the tagger found, spanning exactly this list item; null if none.</summary>
    private static int? TaggedPersonAt(List<EntityCandidate> chosen, int start, int end)
    {
        for (int k = FirstStartingAt(chosen, start); k < chosen.Count && chosen[k].Start == start; k++)
        {
            if (chosen[k].End == end && chosen[k].Type == EntityType.Person && chosen[k].Source == "model")
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// The name before the first separator: a name already found there (华为, whose last character would stop a
    /// name on the left), else as far back as a name may reach.
    /// </summary>
    private (int Start, int End) FirstListItem(string view, ChosenIndex chosen, int separator)
    {
        // a name may carry its stock code or short form in brackets before the separator: 某某(00123)、
        int nameEnd = separator;
        if (view[separator - 1] == ')' && view.LastIndexOf('(', separator - 1, Math.Min(separator, ListNameMaxLength + 2)) is int open and > 0)
        {
            nameEnd = open;
        }

        if (chosen.FirstEndingAt(nameEnd) is { } c)
        {
            return (c.Start, c.End);
        }

        var (start, bounded) = NameStart(view, separator, ListNameMaxLength);
        return bounded ? (start, separator) : (separator, separator);
    }

    /// <summary>The items after the separator at <paramref name="separator"/>; returns where the list ends.</summary>
    private int ReadListItems(string view, int separator, List<(int Start, int End)> items)
    {
        int position = separator;
        bool joined = false;
        while (position < view.Length && !joined)
        {
            char mark = view[position];
            if (_data.NameConjunctions.Contains(mark))
            {
                joined = true; // 和 joins the last two names: one more item, then the list ends
            }
            else if (!_data.ListSeparators.Contains(mark))
            {
                break;
            }

            int start = position + 1;
            int end = ListItemEnd(view, start);
            items.Add(end - start >= 2 && end - start <= ListNameMaxLength ? (start, end) : (start, start));
            if (end - start > ListNameMaxLength)
            {
                return end;
            }

            position = end;
        }

        return position;
    }

    /// <summary>Where a name in a list ends: at a list mark, a stop word, a closer (等) or what is no name character.</summary>
    private int ListItemEnd(string view, int start)
    {
        int k = start;
        while (k < view.Length && k - start <= ListNameMaxLength)
        {
            char c = view[k];
            bool hyphenated = c == '-' && k > start && k + 1 < view.Length && char.IsAsciiLetter(view[k + 1]);
            if ((!TextClasses.IsNameChar(c) && !hyphenated) || (k > start && StopWordStartsAt(view, k)))
            {
                break;
            }

            k++;
        }

        return k;
    }

    private bool StopWordStartsAt(string view, int at)
    {
        for (int l = _data.MayStartStopWord(view[at]) ? Math.Min(_data.LongestStopWord, view.Length - at) : 0; l >= 1; l--)
        {
            var word = view.AsSpan(at, l);
            if (_data.StopWordLookup.Contains(word) || _data.ListCloserLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A list with a known company in it, or closed by a word for companies (等企业).</summary>
    private bool ListOfCompanies(string view, ChosenIndex chosen, List<(int Start, int End)> items, int end)
    {
        foreach (var (start, itemEnd) in items)
        {
            if (itemEnd > start && chosen.CompanyStartsAt(start, itemEnd))
            {
                return true;
            }
        }

        return ClosedByCompanyHead(view, end);
    }

    private bool ClosedByCompanyHead(string view, int end)
    {
        int closer = 0;
        foreach (var word in _data.ListClosers)
        {
            if (word.Length > closer && view.AsSpan(end).StartsWith(word, StringComparison.Ordinal))
            {
                closer = word.Length;
            }
        }

        if (closer == 0)
        {
            return false;
        }

        int from = end + closer;
        for (int at = from; at < view.Length && at - from <= ListHeadReach && TextClasses.IsHan(view[at]); at++)
        {
            foreach (var head in _data.CompanyListHeads)
            {
                if (view.AsSpan(at).StartsWith(head, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The last name of a list runs on into its clause (某甲跌幅…, 某乙相继送样): it ends before the first ordinary word
    /// of two or more characters, unless that word is a company suffix or an industry word (某丙汽车).
    /// </summary>
    private int WithoutTrailingWords(string view, int start, int end)
    {
        if (_words is null || end - start <= 2)
        {
            return end;
        }

        Span<int> cuts = stackalloc int[ListNameMaxLength + 2];
        int count = _words.Segment(view.AsSpan(start, end - start), cuts);
        for (int k = 1; k < count - 1; k++)
        {
            var next = view.AsSpan(start + cuts[k], cuts[k + 1] - cuts[k]);
            if (cuts[k] >= 2 && next.Length >= 2 && _words.IsCommonWord(next) && !_data.CompanySuffixes.TryGet(next, out _) && !_data.IndustryWords.Contains(next.ToString()))
            {
                return start + cuts[k];
            }
        }

        return end;
    }

    /// <summary>The company's name for a listed short form, or null where the words say it is none.</summary>
    private string? ListedCompanyName(string view, int start, int end)
    {
        string surface = view[start..end];
        if (IsNoShortCompanyName(view, start, surface))
        {
            return null;
        }

        return IsCommonWord(surface) ? surface : CompanyName(view, start, end);
    }

    /// <summary>
    /// The chosen names (sorted by start, as <see cref="Resolve"/> leaves them) for the questions a list asks at every
    /// separator and item. Asked by walking all the names each time, they cost a document the square of its names.
    /// </summary>
    private sealed class ChosenIndex
    {
        // the thread's, emptied for each text: a new one for every text, grown step by step to the text's names, was
        // the largest part of what the joins allocated
        [ThreadStatic]
        private static Dictionary<int, int>? t_firstEndingAt;

        private readonly List<EntityCandidate> _chosen;
        private readonly Dictionary<int, int> _firstEndingAt;
        private readonly int[] _furthestEnd; // at k: the largest end among the names 0..k

        public ChosenIndex(List<EntityCandidate> chosen)
        {
            _chosen = chosen;
            _firstEndingAt = t_firstEndingAt ??= [];
            _firstEndingAt.Clear();
            if (chosen.Count > KeptCandidates)
            {
                t_firstEndingAt = null; // a text's worth of names past the kept size is let go, not kept for good
            }

            _furthestEnd = new int[chosen.Count];
            for (int k = 0; k < chosen.Count; k++)
            {
                System.Diagnostics.Debug.Assert(k == 0 || chosen[k - 1].Start <= chosen[k].Start, "the chosen names are sorted by start");
                _firstEndingAt.TryAdd(chosen[k].End, k);
                _furthestEnd[k] = Math.Max(k > 0 ? _furthestEnd[k - 1] : 0, chosen[k].End);
            }
        }

        /// <summary>The first name (in order) that ends at <paramref name="end"/>.</summary>
        public EntityCandidate? FirstEndingAt(int end) => _firstEndingAt.TryGetValue(end, out int k) ? _chosen[k] : null;

        /// <summary>Whether a company starts at <paramref name="start"/> and ends by <paramref name="end"/>.</summary>
        public bool CompanyStartsAt(int start, int end)
        {
            for (int k = FirstStartingAt(start); k < _chosen.Count && _chosen[k].Start == start; k++)
            {
                if (_chosen[k].Type == EntityType.Company && _chosen[k].End <= end)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether any name overlaps [start, end): one of those starting before the end reaches past the start.</summary>
        public bool Overlaps(int start, int end)
        {
            int last = FirstStartingAt(end) - 1;
            return last >= 0 && _furthestEnd[last] > start;
        }

        private int FirstStartingAt(int position) => EntityRecognizer.FirstStartingAt(_chosen, position);
    }
}
