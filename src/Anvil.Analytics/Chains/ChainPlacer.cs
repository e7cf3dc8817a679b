using Anvil.Store;
using Anvil.Store.Matching;
using Anvil.Store.Records;

namespace Anvil.Analytics.Chains;

/// <summary>
/// Places the companies of a knowledge base in chain stages and cities, from what the store holds (relations,
/// facts, document text) and from the chain data's files (user placements, company lexicon). It reads the store
/// through <see cref="IKnowledgeStore"/>'s queries only.
/// </summary>
internal sealed class ChainPlacer
{
    private const int DocumentBatch = 32;

    private readonly IKnowledgeStore _store;
    private readonly ChainCatalog _catalog;
    private readonly Dictionary<string, List<StagePlacement>> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CityPlacement>> _cities = new(StringComparer.Ordinal);

    public ChainPlacer(IKnowledgeStore store, ChainCatalog catalog)
    {
        _store = store;
        _catalog = catalog;
    }

    public ChainPlacements Run()
    {
        var companies = _store.TopEntities("company", int.MaxValue);
        var names = new List<(string Company, IEnumerable<string> FoldedNames)>();
        var documents = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // doc key → companies named in it
        foreach (var company in companies)
        {
            var aliases = _store.Aliases(company.Id);
            var folded = aliases.Select(a => Names.Fold(a.Alias)).Append(Names.Fold(company.Name)).ToHashSet(StringComparer.Ordinal);
            names.Add((company.Name, folded));
            FromRelations(company, folded);
            FromFacts(company);
            foreach (var d in _store.EntityDocuments(company.Id))
            {
                if (!documents.TryGetValue(d.Doc, out var set))
                {
                    documents[d.Doc] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(company.Name);
            }
        }

        FromDocuments(_catalog.Sources.TextEvidence ? new TextEvidence(_catalog.Matcher, _catalog.Cues, names, _catalog.Places) : null, documents);

        foreach (var placement in _catalog.Placements)
        {
            FromUser(placement);
        }

        foreach (var entry in _catalog.Lexicon)
        {
            FromLexicon(entry);
        }

        foreach (var (company, stages) in _stages)
        {
            if (_cities.TryGetValue(company, out var cities))
            {
                _stages[company] = Sited(stages, cities);
            }
        }

        var all = _stages.Keys.Union(_cities.Keys).Order(StringComparer.Ordinal).Select(company => new CompanyPlacement(company,
            Strongest(_stages.GetValueOrDefault(company) ?? []),
            [.. Distinct(_cities.GetValueOrDefault(company) ?? []).OrderBy(c => c.Evidence.Kind).ThenBy(c => CityRank(c.Evidence.Detail))
                .ThenBy(c => c.Evidence.Quote?.Length ?? 0).ThenBy(c => c.City, StringComparer.Ordinal)]));
        return new ChainPlacements(_catalog, [.. all]);
    }

    private void FromRelations(EntityRow company, HashSet<string> aliases)
    {
        foreach (var r in _store.Relations(company.Id))
        {
            if (!aliases.Contains(Names.Fold(r.Subject)))
            {
                continue; // the company is the object (华为 leads ...): says nothing about what it makes or where it is
            }

            var evidence = new ChainEvidence(EvidenceKind.Relation, $"{r.Predicate} {r.Object}") { Doc = r.Doc, Start = r.Start, End = r.End, Quote = r.Quote };
            switch (r.Predicate)
            {
                case "produces":
                    foreach (var match in _catalog.Matcher.Place(r.Object))
                    {
                        foreach (var stage in match.Stages)
                        {
                            AddStage(new StagePlacement(company.Name, stage, match.Word, evidence));
                        }
                    }

                    break;
                case "located_in" or "headquartered_in":
                    // a factory or branch (比亚迪的工厂分别坐落在…) places a site of the company, not the company
                    bool site = r.Predicate == "located_in" && _catalog.Cues.NamesSite(r.Quote);
                    AddCity(new CityPlacement(company.Name, _catalog.Places.Resolve(r.Object), site ? evidence with { Detail = evidence.Detail + " (site)" } : evidence)
                    {
                        Role = site ? CityRole.Site : CityRole.Home,
                    });
                    break;
                case "member_of":
                    // a group named for its city (深圳四巨头, 杭州六小龙) says where its members are
                    if (_catalog.Places.CityPrefix(r.Object) is { } city)
                    {
                        AddCity(new CityPlacement(company.Name, city, evidence));
                    }

                    break;
            }
        }
    }

    private void FromFacts(EntityRow company)
    {
        if (company.Facts == 0)
        {
            return;
        }

        var seen = new HashSet<(string, string, string)>();
        foreach (var fact in _store.Facts(new FactQuery { SubjectEntityId = company.Id }))
        {
            foreach (var (field, text) in new[] { ("scope", fact.Fact.Scope), ("indicator", fact.Fact.Indicator) })
            {
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                foreach (var match in _catalog.Matcher.Place(text))
                {
                    foreach (var stage in match.Stages)
                    {
                        // one figure per stage and document is evidence enough (比亚迪 states 新能源汽车 in a dozen figures)
                        if (seen.Add((stage.Key, fact.Doc, match.Word)))
                        {
                            AddStage(new StagePlacement(company.Name, stage, match.Word,
                                new ChainEvidence(EvidenceKind.Fact, $"fact {field} {text}") { Doc = fact.Doc, Start = fact.Start, End = fact.End, Quote = fact.Quote }));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Reads the stored documents stages come from: text evidence (when <paramref name="reader"/> is given) in every document
    /// naming a company, and in every document a stage was read from, where its statement places the work
    /// (<see cref="WorkSites"/>): such a stage counts in that city only, and the city becomes a site of the company.
    /// </summary>
    private void FromDocuments(TextEvidence? reader, Dictionary<string, HashSet<string>> companiesByDocument)
    {
        var stated = _stages.Values.SelectMany(list => list).Where(p => p.City is null && p.Evidence.Doc is not null).ToLookup(p => p.Evidence.Doc!, StringComparer.Ordinal);
        var stored = _store.Documents(withText: false)
            .Where(d => stated.Contains(d.Key) || (reader is not null && companiesByDocument.ContainsKey(d.Key))).Select(d => d.Id).ToList();
        var sited = new Dictionary<StagePlacement, IReadOnlyList<WorkSite>>();
        foreach (var batch in stored.Chunk(DocumentBatch))
        {
            foreach (var document in _store.Documents(withText: true, batch))
            {
                var read = reader is not null && companiesByDocument.TryGetValue(document.Key, out var named)
                    ? reader.Read(document.Key, document.Text, document.Boilerplate, named.Contains).ToList()
                    : [];
                var pending = stated[document.Key].Concat(read).ToList();
                if (pending.Count > 0)
                {
                    var sites = new WorkSites(document.Key, document.Text, _store.DocumentMentions(document.Id), _catalog.Places, _catalog.Cues);
                    foreach (var placement in pending)
                    {
                        if (sites.Of(placement.Company, placement.Evidence) is { Count: > 0 } found)
                        {
                            sited[placement] = found;
                        }
                    }
                }

                read.ForEach(AddStage);
            }
        }

        if (sited.Count == 0)
        {
            return;
        }

        foreach (var (company, list) in _stages)
        {
            _stages[company] = [.. list.SelectMany(p => sited.TryGetValue(p, out var sites) ? sites.Select(site => p with { City = site.City }) : [p])];
        }

        foreach (var (placement, sites) in sited)
        {
            foreach (var site in sites)
            {
                AddCity(new CityPlacement(placement.Company, site.City, site.Evidence) { Role = CityRole.Site });
            }
        }
    }

    private void FromUser(UserPlacement placement)
    {
        var company = CompanyName(placement.Company) ?? Names.Canonical(placement.Company);
        var evidence = new ChainEvidence(EvidenceKind.User, placement.Evidence ?? "user file") { Origin = placement.Origin };
        // a line with a stage and a city places that work in that city; a line with a city alone places the company there
        string? city = placement.City is { } named ? _catalog.Places.Resolve(named) : null;
        foreach (var stage in placement.Stages)
        {
            AddStage(new StagePlacement(company, stage, placement.Stage ?? stage.Stage.Name, evidence) { City = city });
        }

        if (city is not null)
        {
            AddCity(new CityPlacement(company, city, evidence) { Role = placement.Stages.Count > 0 ? CityRole.Site : CityRole.Home });
        }
    }

    private void FromLexicon(LexiconCompany entry)
    {
        // the lexicon speaks only of companies the knowledge base knows: it explains them, it does not add to them
        if (CompanyName(entry.Company) is not { } company)
        {
            return;
        }

        foreach (var product in entry.Products)
        {
            foreach (var match in _catalog.Matcher.Place(product))
            {
                foreach (var stage in match.Stages)
                {
                    AddStage(new StagePlacement(company, stage, match.Word, new ChainEvidence(EvidenceKind.Lexicon, $"lexicon {product}") { Origin = entry.Origin }));
                }
            }
        }

        if (entry.City is { } city)
        {
            AddCity(new CityPlacement(company, _catalog.Places.Resolve(city), new ChainEvidence(EvidenceKind.Lexicon, $"lexicon {city}") { Origin = entry.Origin }));
        }
    }

    /// <summary>The canonical name of the company the knowledge base knows by this name or alias, or null.</summary>
    private string? CompanyName(string name) =>
        _store.FindEntities([Names.Fold(name)]).FirstOrDefault(e => e.Type == "company")?.Name;

    private void AddStage(StagePlacement placement)
    {
        if (!_stages.TryGetValue(placement.Company, out var list))
        {
            _stages[placement.Company] = list = [];
        }

        list.Add(placement);
    }

    private void AddCity(CityPlacement placement)
    {
        if (!_cities.TryGetValue(placement.Company, out var list))
        {
            _cities[placement.Company] = list = [];
        }

        list.Add(placement);
    }

    private static IEnumerable<T> Distinct<T>(IEnumerable<T> items) => items.Distinct();

    /// <summary>
    /// Ties each stage read from a document to the cities the same statement places the company in: a stage whose quote
    /// overlaps the quote of a <c>located_in</c> or <c>headquartered_in</c> relation of the same document (深圳的速騰聚創正在量產
    /// 激光雷達; 在坪山荣耀智能制造产业园…生产制造出一台手机) is work done in that city. Other stages stay said of the company.
    /// </summary>
    private static List<StagePlacement> Sited(List<StagePlacement> stages, List<CityPlacement> cities)
    {
        var sited = new List<StagePlacement>(stages.Count);
        foreach (var stage in stages)
        {
            var e = stage.Evidence;
            var places = stage.City is not null || e.Doc is null ? [] : cities
                .Where(c => c.Evidence.Kind == EvidenceKind.Relation && c.Evidence.Doc == e.Doc && c.Evidence.Start < e.End && e.Start < c.Evidence.End)
                .Select(c => c.City).Distinct(StringComparer.Ordinal).ToList();
            if (places.Count == 0)
            {
                sited.Add(stage);
                continue;
            }

            sited.AddRange(places.Select(city => stage with { City = city }));
        }

        return sited;
    }

    /// <summary>Of relations placing a company in a city, the headquarters say most, a group named for a city least.</summary>
    private static int CityRank(string detail) =>
        detail.StartsWith("headquartered_in", StringComparison.Ordinal) ? 0 : detail.StartsWith("located_in", StringComparison.Ordinal) ? 1 : 2;

    /// <summary>
    /// A company's stage placements, strongest evidence first, without repeats: a placement whose quote overlaps one
    /// already kept for the same stage in the same document says nothing new (华为的昇腾AI芯片 as a relation, and again as
    /// text; 昇腾 and AI芯片 in one product name). Of overlapping quotes of one kind the shortest is kept: it is the one
    /// to the point (a relation whose company was named paragraphs before quotes all of them).
    /// </summary>
    private static List<StagePlacement> Strongest(List<StagePlacement> placements)
    {
        var kept = new List<StagePlacement>();
        foreach (var p in placements.OrderBy(p => p.Evidence.Kind).ThenBy(p => (p.Evidence.End ?? 0) - (p.Evidence.Start ?? 0)))
        {
            bool repeat = kept.Any(k => k.Stage.Equals(p.Stage) && k.City == p.City && (k.Evidence == p.Evidence || (k.Evidence.Doc is not null && k.Evidence.Doc == p.Evidence.Doc
                && k.Evidence.Start < p.Evidence.End && p.Evidence.Start < k.Evidence.End)));
            if (!repeat)
            {
                kept.Add(p);
            }
        }

        // chains by id, stages in the template's order (upstream first); within a stage the strongest kind of evidence
        // first, and of one kind the shortest quote (the most to the point)
        return [.. kept.OrderBy(p => p.Stage.Chain.Id, StringComparer.Ordinal).ThenBy(p => IndexOf(p.Stage)).ThenBy(p => p.Evidence.Kind)
            .ThenBy(p => p.Evidence.Quote?.Length ?? 0)];
    }

    private static int IndexOf(StageRef stage)
    {
        for (int i = 0; i < stage.Chain.Stages.Count; i++)
        {
            if (stage.Chain.Stages[i].Id == stage.Stage.Id)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
