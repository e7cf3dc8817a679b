using Anvil.Core.Entities;
using Anvil.Core.Documents;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Facts;

// Where the document is from: whether a place is on the mainland, the place it names most, and the currency its plain
// 元 means there.
internal partial class FactDocument
{
    private readonly List<(int From, string Code)> _declaredCurrencies;

    /// <summary>
    /// The currency a declaration (（美元，下同）, 单位：亿美元) sets for bare amounts at a position: declared in the same
    /// section, in the position's sentence or before it. Null when none is declared.
    /// </summary>
    public string? DeclaredCurrencyAt(int position)
    {
        int i = FirstStartingAt(_declaredCurrencies, position + 1, d => d.From) - 1;
        if (i < 0)
        {
            return null;
        }

        int sectionStart = FirstStartingAt(_topics, position + 1, t => t.Start) - 1;
        return sectionStart >= 0 && _declaredCurrencies[i].From < _topics[sectionStart].Start ? null : _declaredCurrencies[i].Code;
    }

    private List<(int From, string Code)> FindCurrencyDeclarations(IReadOnlyList<TextSpan> sentences)
    {
        var found = new List<(int From, string Code)>();
        var cues = Data.Measures;
        List<TextSpan>? sorted = null; // the sentences as a list to search, copied once and only when a declaration is found
        foreach (var (word, code) in Data.Currencies)
        {
            for (int at = Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                int end = at + word.Length;
                bool after = Text.AsSpan(end, Math.Min(3, Text.Length - end)).Contains(cues.CurrencyDeclaredAfter, StringComparison.Ordinal);
                bool before = Text.AsSpan(Math.Max(0, at - 6), Math.Min(6, at)).Contains(cues.CurrencyDeclaredBefore, StringComparison.Ordinal);
                if (after || before)
                {
                    // from the start of the declaring sentence: 上半年赚102.4亿（美元，下同） declares the figure before it too
                    sorted ??= [.. sentences];
                    int s = FirstStartingAt(sorted, at + 1, x => x.Start) - 1;
                    found.Add((s >= 0 ? sentences[s].Start : 0, code));
                }
            }
        }

        found.Sort((a, b) => a.From.CompareTo(b.From));
        return found;
    }

    /// <summary>
    /// 台湾 for a text written in Taiwan (Traditional script, its dollar Taiwan's, no mainland place named): its 我國 and
    /// 國內 are Taiwan. Null elsewhere.
    /// </summary>
    public string? WrittenInTaiwan => (_writtenInTaiwan ??= RegionPlace == Data.RegionPlaces.Taiwan
        && !PlaceNames.Any(p => p != Data.Subjects.Country && IsMainlandPlace(p)) ? RegionPlace! : "") is { Length: > 0 } place ? place : null;

    private string? _writtenInTaiwan;

    /// <summary>
    /// 人民网北京8月10日电, 新华社深圳8月4日电, 【本報台北訊】: the place a report was filed from. It says where the writer was, not
    /// what the text is about: it counts for no topic.
    /// </summary>
    public bool IsDateline(Mention m)
    {
        int k = m.View.End;
        int limit = Math.Min(Text.Length, k + 8);
        while (k < limit && (char.IsAsciiDigit(Text[k]) || Text[k] == ' ' || Array.IndexOf(Data.Subjects.DatelineMarks, Text[k]) >= 0))
        {
            k++;
        }

        if (k >= Text.Length || Array.IndexOf(Data.Subjects.DatelineEnds, Text[k]) < 0)
        {
            return false;
        }

        // 北京8月10日电; with no day between, only where no word goes on after the end (【本報台北訊】, not 深圳电子)
        return k > m.View.End || k + 1 >= Text.Length || !TextClasses.IsHan(Text[k + 1]);
    }


    /// <summary>What a bare 元 means in this text: CNY, or the local dollar of a text in Traditional script.</summary>
    public string LocalCurrency { get; }

    /// <summary>
    /// A mainland place (or the country), whose bare 元 is CNY whatever the text's script: a division of China outside
    /// Hong Kong, Macau and Taiwan. A foreign country, a company or an unknown name is not.
    /// </summary>
    public bool IsMainlandPlace(string subject)
    {
        if (subject == Data.Subjects.Country)
        {
            return true;
        }

        if (Data.Regions.ContainsKey(subject) || !PlaceNames.Contains(subject))
        {
            return false;
        }

        var levels = PlaceLevels.Default;
        var level = levels.LevelOf(subject);
        if (level == PlaceLevel.Region)
        {
            return IsInMainland(subject);
        }

        if (level is PlaceLevel.Country or PlaceLevel.Unknown)
        {
            return level == PlaceLevel.Unknown && !Data.Regions.ContainsKey(subject);
        }

        return IsMainlandDivision(subject);
    }

    /// <summary>A division of China (province, city, district) outside Hong Kong, Macau and Taiwan.</summary>
    private bool IsMainlandDivision(string division) =>
        PlaceLevels.Default.AtLevel(division, PlaceLevel.Province) is not { } province || !Data.Regions.ContainsKey(province);

    /// <summary>
    /// Whether a region lies in the mainland by what the place data says it lies in, mentioned or not: 华南 in the country,
    /// 华强北 in a mainland city, not 北台湾 (Taiwan), 硅谷 (a country abroad) or 亚洲 (no one country).
    /// </summary>
    private bool IsInMainland(string region)
    {
        var levels = PlaceLevels.Default;
        for (string? p = levels.ParentOf(region); p is not null; p = levels.ParentOf(p))
        {
            if (p == Data.Subjects.Country)
            {
                return true;
            }

            switch (levels.LevelOf(p))
            {
                case PlaceLevel.Country:
                    return false;
                case PlaceLevel.Province or PlaceLevel.City or PlaceLevel.District:
                    return IsMainlandDivision(p);
            }
        }

        return false;
    }

    /// <summary>The name <paramref name="accept"/> takes that is mentioned most; of equals, the one mentioned first.</summary>
    private string? MostNamed(Func<Mention, bool> accept)
    {
        // counted in one pass, not grouped and the groups sorted through LINQ (twice per document)
        var counts = new Dictionary<string, (int Count, int FirstStart)>(StringComparer.Ordinal);
        var names = new List<string>(); // in order of first mention
        foreach (var m in Mentions)
        {
            if (accept(m))
            {
                if (counts.TryGetValue(m.Name, out var c))
                {
                    counts[m.Name] = (c.Count + 1, c.FirstStart);
                }
                else
                {
                    counts[m.Name] = (1, m.View.Start);
                    names.Add(m.Name);
                }
            }
        }

        // of equals, the first in order of first mention wins, as the stable sort by count and first start kept it
        string? best = null;
        (int Count, int FirstStart) bestScore = default;
        foreach (var name in names)
        {
            var score = counts[name];
            if (best is null || score.Count > bestScore.Count || (score.Count == bestScore.Count && score.FirstStart < bestScore.FirstStart))
            {
                best = name;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// A bare 元 in a text written in Traditional script means the local dollar: Hong Kong's, or Taiwan's when the text
    /// leans to Taiwan. Each place named votes for the region it lies in (台南 and 新竹 as 台湾 itself; facts/regions.tsv
    /// for the places the divisions do not hang there, 北台湾), and so does each sum written in the region's own dollar
    /// (新台幣4523億, 港元), and each government body by the region it governs: a Taiwanese company's results name no place,
    /// and their bare 元 were read as Hong Kong's.
    /// </summary>
    private string FindLocalCurrency()
    {
        if (Script != Script.Hant)
        {
            return "CNY";
        }

        int hk = 0, tw = 0;
        foreach (var m in PlaceMentions)
        {
            Vote(RegionCurrencyOf(m.Name));
        }

        // each body named votes once for the region it governs (經濟部 and 經濟部統計處 are Taiwan's; 統計處 alone is Hong
        // Kong's): a ministry's release of export orders in US dollars names no place and no local dollar
        foreach (var body in Mentions.Where(m => m.Type == EntityType.Government).Select(m => m.Name).Distinct(StringComparer.Ordinal))
        {
            if (GovernedPlace(body) is { } governed)
            {
                Vote(RegionCurrencyOf(governed));
            }
        }

        foreach (var f in Figures)
        {
            if (!f.Quantity.IsCurrencyAssumed && f.Quantity.Unit is "TWD" or "HKD")
            {
                Vote(f.Quantity.Unit);
            }
        }

        // a year written in Taiwan's own calendar (113年10月) is Taiwan's whatever else the text names; it votes once,
        // as a place named does: a stock exchange's monthly release may name no place but its own
        if (Periods.Any(p => p.IsMinguoYear))
        {
            tw++;
        }

        return tw > hk ? "TWD" : "HKD";

        void Vote(string? currency)
        {
            hk += currency == "HKD" ? 1 : 0;
            tw += currency == "TWD" ? 1 : 0;
        }
    }

    /// <summary>
    /// The place a body governs as the lexicon gives it (财政部 → 中国), or as it gives it for the known body its name begins
    /// with (经济部 + 统计处 → 台湾) where the rest names no place of its own (国家统计局 + 某市调查队); else null.
    /// </summary>
    public string? GovernedPlace(string body)
    {
        if (Lexicon is null)
        {
            return null;
        }

        if (Lexicon.Lookup(body)?.Place is { } place)
        {
            return place;
        }

        if (PlaceNames.Any(n => body.Contains(n, StringComparison.Ordinal)))
        {
            return null;
        }

        for (int length = body.Length - 2; length >= 2; length--)
        {
            if (Lexicon.Lookup(body[..length]) is { Type: EntityType.Government, Place: { } governs })
            {
                return governs;
            }
        }

        return null;
    }

    /// <summary>The local dollar of the region a place is or lies in (facts/regions.tsv, else its province), or null.</summary>
    private string? RegionCurrencyOf(string place)
    {
        if (Data.Regions.TryGetValue(place, out var currency))
        {
            return currency;
        }

        return PlaceLevels.Default.AtLevel(place, PlaceLevel.Province) is { } province && Data.Regions.TryGetValue(province, out var regional)
            ? regional
            : null;
    }
}
