using Anvil.Core.Lexicons;
using Anvil.Data;

namespace Anvil.Core.Entities;

/// <summary>The word lists behind the entity patterns (entities/*.tsv), loaded once.</summary>
public sealed class EntityPatternData
{
    private EntityPatternData()
    {
    }

    public WordTrie<string> CompanySuffixes { get; } = new();

    public WordTrie<BodyWord> GovernmentBodies { get; } = new();

    public WordTrie<bool> PlaceSuffixes { get; } = new();

    /// <summary>Words that name a company's branch in a place (分行, 分公司; entities/branch-words.tsv).</summary>
    public WordTrie<bool> BranchWords { get; } = new();

    /// <summary>Words that make a known place's name a facility's there (站, 口岸, 机场; entities/facility-words.tsv).</summary>
    public WordTrie<bool> FacilityWords { get; } = new();

    /// <summary>Words that, right after a facility, make it part of a body's or company's name (管理, 集团).</summary>
    public WordTrie<bool> FacilityBodyWords { get; } = new();

    public WordTrie<bool> BodyTails { get; } = new();

    /// <summary>The body tails that end an internal department (司, 处), whose name names its body too.</summary>
    public HashSet<string> DepartmentTails { get; } = new(StringComparer.Ordinal);

    public WordTrie<bool> MediaSuffixes { get; } = new();

    public WordTrie<bool> UniversitySuffixes { get; } = new();

    /// <summary>Words that end the name of an association, society or institute (entities/organization-suffixes.tsv).</summary>
    public WordTrie<bool> OrganizationSuffixes { get; } = new();

    public WordTrie<bool> PersonTitles { get; } = new();

    /// <summary>What a person does (导演, 领事; entities/person-roles.tsv): beside a surname, a clause worth tagging, no pattern.</summary>
    public WordTrie<bool> PersonRoles { get; } = new();

    public WordTrie<bool> ProductWords { get; } = new();

    public HashSet<string> GenericPrefixes { get; } = new(StringComparer.Ordinal);

    /// <summary>Ordinary words that end like a company name (注册资本, 高科技).</summary>
    public HashSet<string> CommonCompounds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> StopWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Words of degree and negation (不, 很, 最): an everyday word after one is the word, not a name (entities/degree-words.tsv).</summary>
    public List<string> DegreeWords { get; } = [];

    public int LongestStopWord { get; private set; }

    /// <summary>
    /// Words written after a company's name that only say it is a company (某某 + 公司, 某某 + 总公司;
    /// entities/company-words.tsv): part of the mention, not of the short name.
    /// </summary>
    public HashSet<string> CompanyWords { get; } = new(StringComparer.Ordinal);

    /// <summary>What bounds a registered company name on the left (entities/legal-name-boundaries.tsv).</summary>
    public HashSet<string> LegalNameBoundaries { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Surnames { get; } = new(StringComparer.Ordinal);

    public HashSet<char> NameBreakers { get; } = [];

    /// <summary>Verbs of speaking after a name that opens a clause (entities/speaker-verbs.tsv): 某某某说, 某某估计.</summary>
    public WordTrie<bool> SpeakerVerbs { get; } = new();

    /// <summary>Forms of address after a surname that name no one (entities/address-forms.tsv): 某先生, 某女士, 某总.</summary>
    public HashSet<string> AddressForms { get; } = new(StringComparer.Ordinal);

    /// <summary>Characters that spell foreign names by their sound (贝, 克, 斯, 夫): a long person's name of these alone is a transliteration.</summary>
    public HashSet<char> TransliterationCharacters { get; } = [];

    /// <summary>Words that, just after a name, show it is a listed company (纯利, 股价, 收市报, 派息).</summary>
    public WordTrie<bool> CompanyContext { get; } = new();

    /// <summary>Words that may stand between a company and its results word (税后, 基础, and every period word).</summary>
    public WordTrie<bool> ResultsModifiers { get; } = new();

    /// <summary>What follows a year written in digits (2025 + 年), which may also stand between a company and its results.</summary>
    public List<string> YearMarks { get; } = [];

    /// <summary>The measures figures are about (毛利, 归母净利润), from the indicator thesaurus: no company's name.</summary>
    public WordTrie<bool> MeasureWords { get; } = new();

    /// <summary>Industry words ending many names (航空, 电讯, 酒店) but ordinary phrases too: a name's end only in context.</summary>
    public HashSet<string> IndustryWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that stand for a name given elsewhere (本港, 该公司, 全市): never a name themselves.</summary>
    public HashSet<string> References { get; } = new(StringComparer.Ordinal);

    /// <summary>Conjunctions that join two words inside one body's name (发展和改革委员会).</summary>
    public HashSet<char> NameConjunctions { get; } = [];

    public HashSet<string> GroupNouns { get; } = new(StringComparer.Ordinal);

    // Lookups by span, made once: the matchers ask them at every character, where a substring per question or a new
    // lookup per question (a type check each) cost more than the answer. They are held in one object published by a
    // single reference write: a nullable struct set lazily could be seen half written by another extraction thread
    // (HasValue set before the set inside it), which threw NullReferenceException in parallel ingests.
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup => SpanLookups.StopWords;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalNameBoundaryLookup => SpanLookups.LegalNameBoundaries;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ListCloserLookup => SpanLookups.ListClosers;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SurnameLookup => SpanLookups.Surnames;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompanyWordLookup => SpanLookups.CompanyWords;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationPairWordLookup => SpanLookups.AbbreviationPairWords;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationRunWordLookup => SpanLookups.AbbreviationRunWords;

    /// <summary>
    /// Whether a stop word or a registered name's boundary word may end with the character: most characters end none,
    /// and the matchers that look for one ending at a place ask the sets once for every length up to the longest.
    /// </summary>
    public bool MayEndStopWord(char c) => SpanLookups.StopWordEnds.Contains(c);

    /// <summary>Whether a stop word or a list's closing word may begin with the character (see <see cref="MayEndStopWord"/>).</summary>
    public bool MayStartStopWord(char c) => SpanLookups.StopWordStarts.Contains(c);

    private SpanLookupSet SpanLookups => _spanLookups ??= new SpanLookupSet(this);

    private SpanLookupSet? _spanLookups;

    private sealed class SpanLookupSet(EntityPatternData d)
    {
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = d.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalNameBoundaries = d.LegalNameBoundaries.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ListClosers = d.ListClosers.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Surnames = d.Surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompanyWords = d.CompanyWords.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationPairWords = d.AbbreviationPairWords.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationRunWords = d.AbbreviationRunWords.GetAlternateLookup<ReadOnlySpan<char>>();
        public readonly Lexicons.CharSet StopWordEnds = CharactersOf(d.StopWords, d.LegalNameBoundaries, last: true);
        public readonly Lexicons.CharSet StopWordStarts = CharactersOf(d.StopWords, d.ListClosers, last: false);

        private static Lexicons.CharSet CharactersOf(HashSet<string> words, HashSet<string> more, bool last)
        {
            var set = new Lexicons.CharSet();
            foreach (var word in words.Concat(more))
            {
                if (word.Length > 0)
                {
                    set.Add(last ? word[^1] : word[0]);
                }
            }

            return set;
        }
    }

    /// <summary>Exchange suffixes of stock codes (HK, SH, TW) written after a listed company's name: 某某(00004.HK).</summary>
    public HashSet<string> StockExchanges { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The marks between the names of a list (某甲、某乙).</summary>
    public HashSet<char> ListSeparators { get; } = [];

    /// <summary>Words that close a list before what its names are (某甲、某乙等企业).</summary>
    public HashSet<string> ListClosers { get; } = new(StringComparer.Ordinal);

    /// <summary>Nouns that, after a closed list, say its names are companies (等企业, 等电源领域客户).</summary>
    public HashSet<string> CompanyListHeads { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that introduce a short form of the name before them (entities/short-form-markers.tsv).</summary>
    public WordTrie<bool> ShortFormMarkers { get; } = new();

    /// <summary>Words before a firm's Latin name that quote it for figures (据, 根据, 援引; entities/latin-source-cues.tsv).</summary>
    public WordTrie<bool> LatinSourceLeads { get; } = new();

    /// <summary>Words right after a firm's Latin name that quote it for figures (数据, 报告, 显示).</summary>
    public WordTrie<bool> LatinSourceTails { get; } = new();

    /// <summary>Words that end a news dateline (日电, 本报讯): reporters' names may follow in brackets (entities/dateline-words.tsv).</summary>
    public WordTrie<bool> DatelineWords { get; } = new();

    /// <summary>Titles after which a byline may list several names (记者 王田 肖子琦).</summary>
    public HashSet<string> BylineTitles { get; } = new(StringComparer.Ordinal);

    /// <summary>One-character abbreviations of countries and divisions (美 of 美国, 沪 of 上海; places/abbreviations.tsv).</summary>
    public Dictionary<char, PlaceAbbreviation> PlaceAbbreviations { get; } = [];

    /// <summary>Words after an abbreviation that make it one (中方, 港商; entities/abbreviation-words.tsv): true where only a country's does.</summary>
    public Dictionary<char, bool> AbbreviationWordsAfter { get; } = [];

    /// <summary>
    /// Words after a country's abbreviation that name one of its bodies with it (美军, 日军: its armed forces;
    /// entities/abbreviation-words.tsv, column names = body).
    /// </summary>
    public HashSet<char> AbbreviationBodyWords { get; } = [];

    /// <summary>Words before an abbreviation that make it one (访华, 驻港; entities/abbreviation-words.tsv).</summary>
    public HashSet<char> AbbreviationWordsBefore { get; } = [];

    /// <summary>Two abbreviations that together are an ordinary word or another name (美德, 吉日, 蜀中), never two places.</summary>
    public HashSet<string> AbbreviationPairWords { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Words after a run of abbreviations that make it places even where the word dictionary has the run and the word as
    /// one word (中美关系; entities/abbreviation-words.tsv, side run).
    /// </summary>
    public HashSet<string> AbbreviationRunWords { get; } = new(StringComparer.Ordinal);

    /// <summary>The suffixes that are a legal form (有限公司, 股份有限公司): a name ending so is a registered name.</summary>
    public List<string> LegalForms { get; } = [];

    public static EntityPatternData LoadBuiltIn()
    {
        var d = new EntityPatternData();
        foreach (var line in DataFiles.ReadLines("entities/company-suffixes.tsv"))
        {
            var c = line.Split('\t');
            d.CompanySuffixes.Add(c[0], c.Length > 1 ? c[1] : "keep");
            if (c[0].Contains("公司", StringComparison.Ordinal))
            {
                d.LegalForms.Add(c[0]);
            }
        }

        foreach (var line in DataFiles.ReadLines("entities/government-bodies.tsv"))
        {
            var c = line.Split('\t');
            d.GovernmentBodies.Add(c[0], new BodyWord(c.Length > 1 && c[1] == "yes", c.Length > 2 && c[2] == "yes"));
        }

        foreach (var line in DataFiles.ReadLines("entities/body-tails.tsv"))
        {
            var c = line.Split('\t');
            d.BodyTails.Add(c[0].Trim(), true);
            if (c.Length > 1 && c[1].Trim() == "department")
            {
                d.DepartmentTails.Add(c[0].Trim());
            }
        }

        Fill(d.PlaceSuffixes, "entities/place-suffixes.tsv");
        Fill(d.BranchWords, "entities/branch-words.tsv");
        foreach (var line in DataFiles.ReadLines("entities/facility-words.tsv"))
        {
            var c = line.Split('\t');
            (c.Length > 1 && c[1].Trim() == "body" ? d.FacilityBodyWords : d.FacilityWords).Add(c[0].Trim(), true);
        }
        Fill(d.MediaSuffixes, "entities/media-suffixes.tsv");
        Fill(d.UniversitySuffixes, "entities/university-suffixes.tsv");
        Fill(d.OrganizationSuffixes, "entities/organization-suffixes.tsv");
        foreach (var line in DataFiles.ReadLines("entities/person-titles.tsv"))
        {
            var c = line.Split('\t');
            d.PersonTitles.Add(c[0].Trim(), true);
            if (c.Length > 1 && c[1].Trim() == "byline")
            {
                d.BylineTitles.Add(c[0].Trim());
            }
        }
        Fill(d.ProductWords, "entities/product-words.tsv");
        Fill(d.SpeakerVerbs, "entities/speaker-verbs.tsv");
        Fill(d.PersonRoles, "entities/person-roles.tsv");
        Fill(d.ShortFormMarkers, "entities/short-form-markers.tsv");
        Fill(d.DatelineWords, "entities/dateline-words.tsv");
        foreach (var line in DataFiles.ReadLines("entities/latin-source-cues.tsv"))
        {
            var c = line.Split('\t');
            (c.Length > 1 && c[1].Trim() == "after" ? d.LatinSourceTails : d.LatinSourceLeads).Add(c[0].Trim(), true);
        }
        foreach (var line in DataFiles.ReadLines("entities/company-context.tsv"))
        {
            var c = line.Split('\t');
            string role = c.Length > 1 ? c[1].Trim() : "";
            if (role == "year")
            {
                d.YearMarks.Add(c[0].Trim());
                continue;
            }

            (role == "between" ? d.ResultsModifiers : d.CompanyContext).Add(c[0].Trim(), true);
        }

        d.References.UnionWith(Words("facts/subject-references.tsv"));
        d.IndustryWords.UnionWith(Words("entities/industry-words.tsv"));
        foreach (var line in DataFiles.ReadLines("facts/indicators.tsv"))
        {
            var c = line.Split('\t');
            foreach (var form in c.Take(2).SelectMany(f => f.Split('|')).Select(f => f.Trim().TrimStart('=')).Where(f => f.Length >= 2))
            {
                d.MeasureWords.Add(form, true);
            }
        }


        // a period (去年, 上半年, 首季) may stand between a company and its results: the period lexicon's words
        foreach (var w in Words("periods/words.tsv"))
        {
            d.ResultsModifiers.Add(w, true);
        }

        d.GenericPrefixes.UnionWith(Words("entities/company-generic-prefixes.tsv"));
        d.StopWords.UnionWith(Words("entities/stopwords.tsv"));
        d.DegreeWords.AddRange(Words("entities/degree-words.tsv"));
        d.CommonCompounds.UnionWith(Words("entities/common-compounds.tsv"));
        d.LegalNameBoundaries.UnionWith(Words("entities/legal-name-boundaries.tsv"));
        d.CompanyWords.UnionWith(Words("entities/company-words.tsv"));
        d.LongestStopWord = Math.Max(d.StopWords.Max(w => w.Length), d.LegalNameBoundaries.Max(w => w.Length));
        d.Surnames.UnionWith(Words("entities/surnames.tsv"));
        d.AddressForms.UnionWith(Words("entities/address-forms.tsv"));
        d.NameBreakers.UnionWith(Words("entities/name-breakers.tsv").Where(w => w.Length == 1).Select(w => w[0]));
        d.TransliterationCharacters.UnionWith(Words("entities/transliteration-characters.tsv").Where(w => w.Length == 1).Select(w => w[0]));
        d.NameConjunctions.UnionWith(Words("entities/name-conjunctions.tsv").Where(w => w.Length == 1).Select(w => w[0]));
        d.GroupNouns.UnionWith(Words("entities/group-nouns.tsv"));
        foreach (var line in DataFiles.ReadLines("entities/company-list-marks.tsv"))
        {
            var c = line.Split('\t');
            string mark = c[0].Trim();
            if (c.Length > 1 && c[1].Trim() == "separator" && mark.Length == 1)
            {
                d.ListSeparators.Add(mark[0]);
            }
            else if (mark.Length > 0)
            {
                d.ListClosers.Add(mark);
            }
        }

        d.CompanyListHeads.UnionWith(Words("entities/company-list-heads.tsv"));
        d.StockExchanges.UnionWith(Words("entities/stock-exchanges.tsv"));
        LoadAbbreviations(d);
        return d;
    }

    private static void LoadAbbreviations(EntityPatternData d)
    {
        // columns: abbreviation, place, kind (country | division); one character may have a row of each kind (澳)
        foreach (var c in DataFiles.ReadLines("places/abbreviations.tsv").Select(l => l.Split('\t')).Where(c => c.Length >= 3 && c[0].Trim().Length == 1))
        {
            char a = c[0].Trim()[0];
            var known = d.PlaceAbbreviations.GetValueOrDefault(a);
            d.PlaceAbbreviations[a] = c[2].Trim() == "country" ? known with { Country = c[1].Trim() } : known with { Division = c[1].Trim() };
        }

        // columns: word, side (after | before), of (country or empty), names (body or empty)
        foreach (var c in DataFiles.ReadLines("entities/abbreviation-words.tsv").Select(l => l.Split('\t')).Where(c => c.Length >= 2 && c[0].Trim().Length >= 1))
        {
            char w = c[0].Trim()[0];
            if (c[1].Trim() == "word")
            {
                d.AbbreviationPairWords.Add(c[0].Trim());
            }
            else if (c[1].Trim() == "run")
            {
                d.AbbreviationRunWords.Add(c[0].Trim());
            }
            else if (c[0].Trim().Length > 1)
            {
                continue;
            }
            else if (c[1].Trim() == "before")
            {
                d.AbbreviationWordsBefore.Add(w);
            }
            else if (c[1].Trim() == "after")
            {
                d.AbbreviationWordsAfter[w] = c.Length > 2 && c[2].Trim() == "country";
                if (c.Length > 3 && c[3].Trim() == "body")
                {
                    d.AbbreviationBodyWords.Add(w);
                }
            }
        }
    }

    /// <summary>What a one-character abbreviation stands for: a country, a division of China, or both (澳: 澳大利亚, 澳门).</summary>
    public readonly record struct PlaceAbbreviation(string? Country, string? Division)
    {
        /// <summary>The place it names where nothing else decides: the country where it is one.</summary>
        public string Place => Country ?? Division!;
    }

    /// <summary>A word naming a government body: whether it names one alone, whether it needs 省/市 after the place.</summary>
    public readonly record struct BodyWord(bool Standalone, bool NeedsAdministrativeWord);

    private static IEnumerable<string> Words(string file) =>
        DataFiles.ReadLines(file).Select(l => l.Split('\t')[0].Trim()).Where(w => w.Length > 0);

    private static void Fill(WordTrie<bool> trie, string file)
    {
        foreach (var w in Words(file))
        {
            trie.Add(w, true);
        }
    }
}
