using Anvil.Analytics;
using Anvil.Core.Entities;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;
using Anvil.Store.Ingest;
using Anvil.Store.Matching;
using Anvil.Store.Merging;
using Anvil.Store.Periods;
using Anvil.Store.Records;
using Anvil.Store.Tests.Support;

namespace Anvil.Store.Tests;

/// <summary>
/// What every knowledge base does, whichever database holds it. Each provider runs this whole class through a
/// subclass that says how to make an empty knowledge base and how to open it again.
/// </summary>
public abstract class KnowledgeStoreContract : IDisposable
{
    private readonly List<IKnowledgeStore> _open = [];
    private IKnowledgeStore? _store;

    /// <summary>Where this test's (empty at first) knowledge base lives.</summary>
    protected abstract StoreLocation Location { get; }

    /// <summary>Runs raw SQL against the test's database (to plant what Anvil would never write).</summary>
    protected abstract void ExecuteSql(string sql);

    protected IKnowledgeStore Store => _store ??= Open();

    protected IKnowledgeStore Open(bool create = true)
    {
        var store = KnowledgeStore.Open(Location, create);
        _open.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var s in _open)
        {
            s.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private const string ShenzhenText = "深圳人工智能產業規模達3600億元、同比增長約35%,人工智能企業超2800家。華為、騰訊在深圳市。";

    private static TestAnalysis Shenzhen() =>
        new TestAnalysis("sz", ShenzhenText, new DateOnly(2025, 2, 7))
            .Mention("深圳市", "深圳", EntityType.Place)
            .Mention("深圳", "深圳", EntityType.Place, firstOnly: true)
            .Mention("華為", "华为", EntityType.Company)
            .Mention("騰訊", "腾讯", EntityType.Company)
            .Fact("深圳人工智能產業規模達3600億元", "深圳", "产业规模", 3.6e11, "CNY", period: "2024", scope: "人工智能", source: "新华社")
            .Fact("同比增長約35%", "深圳", "产业规模", 35, "percent", kind: "growth", qualifier: "approx", period: "2024", scope: "人工智能", source: "新华社")
            .Fact("人工智能企業超2800家", "深圳", "企业数量", 2800, qualifier: "gt", period: "2024", scope: "人工智能")
            .Relation("華為、騰訊在深圳市", "华为", "headquartered_in", "深圳");

    // ------------------------------------------------------------------ writing

    [Fact]
    public void A_document_is_stored_with_its_entities_mentions_facts_and_relations()
    {
        Assert.True(Store.Add(Shenzhen().Records()));

        var counts = Store.Counts();
        Assert.Equal(new StoreCounts(1, 3, 4, 3, 1), counts);
        var fact = Assert.Single(Store.Facts(new FactQuery { Kind = FactKind.Growth }));
        var f = fact.Fact;
        Assert.Equal(("深圳", "人工智能", "产业规模", 35.0, Unit.Percent, Qualifier.Approx, "2024", "新华社"),
            (f.Subject, f.Scope, f.Indicator, f.Value, f.Unit, f.Qualifier, f.Period, f.Source));
        Assert.Equal("同比增長約35%", fact.Quote);
        Assert.Equal(ShenzhenText.IndexOf("同比", StringComparison.Ordinal), fact.Start);
        Assert.Equal(("sz", "2025-02-07"), (fact.Doc, fact.Date));
    }

    [Fact]
    public void Every_field_of_a_typed_fact_is_stored_and_read_back()
    {
        var target = new Fact
        {
            Subject = "深圳", Scope = "人工智能", Indicator = "产业规模", IndicatorText = "产业总规模", Kind = FactKind.Value, Value = 4e11, ValueHigh = 4.5e11,
            Unit = Unit.Cny, UnitText = "亿元", Qualifier = Qualifier.Range, Period = "2026", Source = "市政府", Status = FactStatus.Target,
        };
        var growth = new Fact
        {
            Subject = "深圳", Indicator = "产业规模", Kind = FactKind.Growth, Value = 1.2, Unit = Unit.Percent, Qualifier = Qualifier.Eq, Period = "2025-03",
            Basis = GrowthBasis.Mom,
        };
        Store.Add(new TestAnalysis("plan", "深圳力争人工智能产业总规模达4000亿至4500亿元。3月环比增长1.2%。", new DateOnly(2025, 4, 1))
            .Fact("人工智能产业总规模达4000亿至4500亿元", target).Fact("环比增长1.2%", growth).Records());

        var facts = Facts(new FactQuery { Order = FactOrder.Kind, Descending = true });
        Assert.Equal([target, growth], facts.Select(f => f.Fact));
        Assert.Equal(target, Assert.Single(Facts(new FactQuery { Status = FactStatus.Target })).Fact);
        Assert.Equal(growth, Assert.Single(Facts(new FactQuery { Status = FactStatus.Actual })).Fact);
    }

    [Fact]
    public void The_same_content_again_changes_nothing()
    {
        Assert.True(Store.Add(Shenzhen().Records()));
        var before = Store.Counts();

        Assert.False(Store.Add(Shenzhen().Records()));
        Assert.False(Store.Add(new TestAnalysis("another-name", ShenzhenText).Records()));

        Assert.Equal(before, Store.Counts());
        Assert.Single(Store.StoredHashes());
    }

    [Fact]
    public void Spans_are_code_points_of_the_original_text()
    {
        // 𠀀 is one code point and two UTF-16 units: everything after it is one less in code points
        var text = "𠀀深圳人工智能企業超2800家";
        Store.Add(new TestAnalysis("cp", text).Mention("深圳", "深圳", EntityType.Place)
            .Fact("人工智能企業超2800家", "深圳", "企业数量", 2800, qualifier: "gt").Records());

        var fact = Assert.Single(Store.Facts(new FactQuery()));
        Assert.Equal((3, 15), (fact.Start, fact.End));
        var hit = Assert.Single(Store.Search("深圳", 10));
        Assert.Equal((1, 3), (hit.Start, hit.End));
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_nothing_behind()
    {
        var records = Shenzhen().Records();
        var broken = records with { Mentions = [.. records.Mentions, records.Mentions[0] with { Entity = 99 }] };

        Assert.ThrowsAny<Exception>(() => Store.Add(broken));

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), Store.Counts());
        Assert.True(Store.Add(records)); // and the same document can be stored afterwards
    }

    [Fact]
    public void Replace_rewrites_a_documents_records_and_orphaned_entities_can_be_removed()
    {
        Store.Add(Shenzhen().Records());
        var id = Assert.Single(Store.Documents(withText: false)).Id;

        var again = new TestAnalysis("sz", ShenzhenText, new DateOnly(2025, 2, 7))
            .Mention("深圳市", "深圳", EntityType.Place)
            .Fact("人工智能企業超2800家", "深圳", "企业数量", 2800, qualifier: "gt", period: "2024", scope: "人工智能");
        Store.Replace(id, again.Records());

        Assert.Equal(new StoreCounts(1, 3, 1, 1, 0), Store.Counts()); // 华为 and 腾讯 are orphans now
        Assert.Equal(2, Store.RemoveOrphanEntities());
        Assert.Equal(new StoreCounts(1, 1, 1, 1, 0), Store.Counts());
        var stored = Assert.Single(Store.Documents(withText: true));
        Assert.Equal((id, ShenzhenText, "sz"), (stored.Id, stored.Text, stored.Key));
        Assert.Equal("sz", Assert.Single(Store.Search("人工智能", 5)).Doc);
    }

    // ------------------------------------------------------------------ merging

    [Fact]
    public void Entities_merge_across_documents_and_scripts()
    {
        Store.Add(new TestAnalysis("a", "华为发布新芯片。").Mention("华为", "华为", EntityType.Company).Records());
        Store.Add(new TestAnalysis("b", "華為與Huawei是同一家公司。")
            .Mention("華為", "华为", EntityType.Company).Mention("Huawei", "华为", EntityType.Company).Records());

        var entity = Assert.Single(Store.FindEntities(["華為"]));
        Assert.Equal(("华为", "company", 3, 2), (entity.Name, entity.Type, entity.Mentions, entity.Documents));
        var aliases = Store.Aliases(entity.Id);
        Assert.Equal(new AliasRow("华为", "name"), aliases[0]);
        Assert.Contains(new AliasRow("華為", "text"), aliases);
        Assert.Contains(aliases, a => a.Alias == "Huawei");
        Assert.Contains(new AliasRow("华为技术有限公司", "lexicon"), aliases);
        Assert.Equal(entity.Id, Assert.Single(Store.FindEntities([Names.Fold("HUAWEI")])).Id);
        Assert.Equal(entity.Id, Assert.Single(Store.FindEntities([Names.Fold("华为技术有限公司")])).Id);
    }

    [Fact]
    public void A_place_and_its_full_form_are_one_entity_through_the_pipeline()
    {
        var config = TestAnalysis.Configuration;
        var doc = new DocumentReader().Read("深圳市的人工智能企业超过3000家,深圳的机器人企业也多。深度求索(DeepSeek)在杭州。"u8, "p", "p.txt");
        Store.Add(DocumentRecordsBuilder.Build(config.Pipeline.Run(doc), config.Resolver, config.Hash));

        var shenzhen = Assert.Single(Store.FindEntities([Names.Fold("深圳市")]));
        Assert.Equal(("深圳", "place", 2), (shenzhen.Name, shenzhen.Type, shenzhen.Mentions));
        Assert.Contains(new AliasRow("深圳市", "text"), Store.Aliases(shenzhen.Id));
        var deepseek = Assert.Single(Store.FindEntities([Names.Fold("DeepSeek")]));
        Assert.Equal("深度求索", deepseek.Name);
        Assert.Contains(new AliasRow("DeepSeek", "lexicon"), Store.Aliases(deepseek.Id));
    }

    [Fact]
    public void A_merge_rule_joins_names_extraction_keeps_apart()
    {
        var rules = AliasFile.Parse("merge:\n  - name: 华为\n    aliases: [Huawei Technologies, 华为公司]\n", "anvil.aliases.yaml");
        var resolver = new EntityResolver(LexiconFor(), [], rules);
        Store.Add(new TestAnalysis("m", "Huawei Technologies 与华为。")
            .Mention("Huawei Technologies", "Huawei Technologies", EntityType.Organization)
            .Mention("华为", "华为", EntityType.Company).Records(resolver));

        var entity = Assert.Single(Store.FindEntities([Names.Fold("Huawei Technologies")]));
        Assert.Equal(("华为", "company", 2), (entity.Name, entity.Type, entity.Mentions));
        Assert.Contains(new AliasRow("Huawei Technologies", "user"), Store.Aliases(entity.Id));
    }

    [Fact]
    public void A_split_rule_takes_surface_forms_out_of_an_entity()
    {
        var rules = AliasFile.Parse("split:\n  - name: 华为终端\n    from: 华为\n", "anvil.aliases.yaml");
        var resolver = new EntityResolver(LexiconFor(), [], rules);
        Store.Add(new TestAnalysis("s", "华为终端的手机,华为的芯片。")
            .Mention("华为终端", "华为", EntityType.Company)
            .Mention("华为的", "华为", EntityType.Company).Records(resolver));

        Assert.Equal(2, Store.Counts().Entities);
        var split = Assert.Single(Store.FindEntities(["华为终端"]));
        Assert.Equal(("华为终端", "company", 1), (split.Name, split.Type, split.Mentions));
    }

    private static Anvil.Core.Lexicons.EntityLexicon LexiconFor() =>
        Anvil.Core.Lexicons.EntityLexicon.LoadBuiltIn(Anvil.Core.Normalization.TextNormalizer.Default);

    // ------------------------------------------------------------------ queries

    private void AddFactCorpus()
    {
        Store.Add(Shenzhen().Records());
        Store.Add(new TestAnalysis("hz", "杭州人工智能產業規模3200億元。2024年上半年杭州人工智能企業1500家。2023年杭州人工智能企業1200家。據杭州市統計局。", new DateOnly(2025, 1, 5))
            .Mention("杭州", "杭州", EntityType.Place, firstOnly: true)
            .Fact("杭州人工智能產業規模3200億元", "杭州", "产业规模", 3.2e11, "CNY", period: "2024", scope: "人工智能", source: "杭州市统计局")
            .Fact("2024年上半年杭州人工智能企業1500家", "杭州", "企业数量", 1500, period: "2024-H1", scope: "人工智能", source: "杭州市统计局")
            .Fact("2023年杭州人工智能企業1200家", "杭州", "企业数量", 1200, period: "2023", scope: "人工智能", source: "杭州市统计局")
            .Records());
    }

    private IReadOnlyList<FactRow> Facts(FactQuery query) => Store.Facts(query);

    private static NameMatcher Matcher { get; } = new(LexiconFor());

    [Fact]
    public void Facts_match_subject_scope_and_indicator_through_aliases_and_traditional_input()
    {
        AddFactCorpus();

        Assert.Equal(3, Facts(new FactQuery { Subjects = Matcher.Expand("深圳市") }).Count);
        Assert.Equal(3, Facts(new FactQuery { Subjects = Matcher.Expand("杭州") }).Count);
        Assert.Equal(2, Facts(new FactQuery { Indicators = Matcher.Expand("產業規模"), Kind = FactKind.Value }).Count);
        Assert.Equal(6, Facts(new FactQuery { Scopes = Matcher.Expand("人工智能") }).Count);
        Assert.Empty(Facts(new FactQuery { Subjects = Matcher.Expand("北京") }));
    }

    [Fact]
    public void Facts_filter_by_kind_period_source_document_and_text()
    {
        AddFactCorpus();

        Assert.Single(Facts(new FactQuery { Kind = FactKind.Growth }));
        Assert.True(PeriodRange.TryParseFilter("2024", out var y2024));
        Assert.Equal(5, Facts(new FactQuery { Period = y2024 }).Count); // 2024 and 2024-H1, not 2023
        Assert.True(PeriodRange.TryParseFilter("2023-2024", out var both));
        Assert.Equal(6, Facts(new FactQuery { Period = both }).Count);
        Assert.True(PeriodRange.TryParseFilter("2024-H1", out var half));
        Assert.Equal(1500, Assert.Single(Facts(new FactQuery { Period = half })).Fact.Value);
        Assert.Equal(3, Facts(new FactQuery { Source = "統計局" }).Count);
        Assert.Equal(3, Facts(new FactQuery { Doc = "hz" }).Count);
        Assert.Equal(3, Facts(new FactQuery { Doc = Store.Documents(false).Single(d => d.Key == "hz").Sha256[..10] }).Count);
        Assert.Equal(2, Facts(new FactQuery { Text = "企業1" }).Count);
        Assert.Equal(2, Facts(new FactQuery { Text = "企业1" }).Count);
        Assert.Single(Facts(new FactQuery { Subjects = Matcher.Expand("杭州"), Kind = FactKind.Value, Limit = 1 }));
    }

    [Fact]
    public void Facets_count_the_values_of_a_column_among_the_matching_facts()
    {
        AddFactCorpus();

        List<(string?, int)> Facet(FactQuery query, FactFacet facet, int limit = 10) =>
            [.. Store.FactFacet(query, facet, limit).Select(c => (c.Value, c.Facts))];
        var all = new FactQuery();
        Assert.Equal([("杭州", 3), ("深圳", 3)], Facet(all, FactFacet.Subject)); // ties by code point
        Assert.Equal([("产业规模", 3), ("企业数量", 3)], Facet(all, FactFacet.Indicator));
        Assert.Equal([("2024", 5), ("2023", 1)], Facet(all, FactFacet.Period)); // years: 2024-H1 is in 2024, as the filter 2024 takes it
        Assert.Equal([("value", 5), ("growth", 1)], Facet(all, FactFacet.Kind));
        Assert.Equal([("杭州市统计局", 3), ("新华社", 2), (null, 1)], Facet(all, FactFacet.Source)); // no source: null, last

        // the query's filters apply (its order and page do not); the limit takes the first values
        var hangzhou = new FactQuery { Subjects = Matcher.Expand("杭州"), Order = FactOrder.Value, Limit = 1, Offset = 2 };
        Assert.Equal([("企业数量", 2), ("产业规模", 1)], Facet(hangzhou, FactFacet.Indicator));
        Assert.Equal([("企业数量", 2)], Facet(hangzhou, FactFacet.Indicator, limit: 1));
        Assert.Equal([("杭州", 3)], Facet(new FactQuery { Doc = "hz" }, FactFacet.Subject));
        Assert.Empty(Facet(new FactQuery { Subjects = Matcher.Expand("北京") }, FactFacet.Period));
    }

    [Fact]
    public void A_figure_without_a_period_belongs_to_its_documents_date()
    {
        Store.Add(new TestAnalysis("now", "深圳目前有机器人企业5.11万家。", new DateOnly(2025, 2, 7))
            .Fact("深圳目前有机器人企业5.11万家", "深圳", "企业数量", 51100, scope: "机器人").Records());

        Assert.True(PeriodRange.TryParseFilter("2025", out var y2025));
        var fact = Assert.Single(Facts(new FactQuery { Period = y2025 }));
        Assert.Null(fact.Fact.Period);
        Assert.True(PeriodRange.TryParseFilter("2024", out var y2024));
        Assert.Empty(Facts(new FactQuery { Period = y2024 }));
    }

    [Fact]
    public void An_entity_shows_its_facts_relations_and_documents()
    {
        AddFactCorpus();

        var shenzhen = Store.FindEntities(Matcher.Expand("深圳市")).Single(e => e.Type == "place");
        Assert.Equal((3, 1), (shenzhen.Facts, shenzhen.Documents));
        Assert.Equal(3, Store.Facts(new FactQuery { SubjectEntityId = shenzhen.Id }).Count);
        var relation = Assert.Single(Store.Relations(shenzhen.Id));
        Assert.Equal(("华为", "headquartered_in", "深圳", "華為、騰訊在深圳市"), (relation.Subject, relation.Predicate, relation.Object, relation.Quote));
        var document = Assert.Single(Store.EntityDocuments(shenzhen.Id));
        Assert.Equal(("sz", "2025-02-07", 2), (document.Doc, document.Date, document.Mentions));
        Assert.Contains(new AliasRow("深圳市", "text"), Store.Aliases(shenzhen.Id));
        Assert.Equal("place", Assert.Single(Store.TopEntities("place", 1)).Type);
    }

    [Fact]
    public void Facts_come_a_page_at_a_time_with_the_count_of_all_matches()
    {
        AddFactCorpus();

        Assert.Equal(6, Store.CountFacts(new FactQuery { Limit = 2, Offset = 1 }));
        Assert.Equal(3, Store.CountFacts(new FactQuery { Subjects = Matcher.Expand("杭州") }));
        Assert.Equal(3, Store.CountFacts(new FactQuery { Doc = "hz" }));
        Assert.Equal(0, Store.CountFacts(new FactQuery { Subjects = Matcher.Expand("北京") }));

        var byValue = new FactQuery { Order = FactOrder.Value };
        Assert.Equal([35, 1200, 1500, 2800, 3.2e11, 3.6e11], Facts(byValue).Select(f => f.Fact.Value));
        Assert.Equal([1500, 2800], Facts(byValue with { Offset = 2, Limit = 2 }).Select(f => f.Fact.Value));
        Assert.Equal([3.6e11], Facts(byValue with { Descending = true, Limit = 1 }).Select(f => f.Fact.Value));
        Assert.Equal([3.6e11], Facts(byValue with { Offset = 5 }).Select(f => f.Fact.Value)); // an offset without a limit
        Assert.Empty(Facts(byValue with { Offset = 6, Limit = 10 }));
    }

    [Theory]
    [InlineData(FactOrder.Grouped)]
    [InlineData(FactOrder.Subject)]
    [InlineData(FactOrder.Indicator)]
    [InlineData(FactOrder.Scope)]
    [InlineData(FactOrder.Kind)]
    [InlineData(FactOrder.Value)]
    [InlineData(FactOrder.Period)]
    [InlineData(FactOrder.Date)]
    [InlineData(FactOrder.Doc)]
    public void Pages_in_any_order_neither_overlap_nor_leave_gaps(FactOrder order)
    {
        AddFactCorpus();

        foreach (bool descending in (bool[])[false, true])
        {
            var query = new FactQuery { Order = order, Descending = descending };
            var all = Facts(query).Select(f => f.Id).ToList();
            var paged = Enumerable.Range(0, 3).SelectMany(page => Facts(query with { Offset = page * 2, Limit = 2 })).Select(f => f.Id).ToList();
            Assert.Equal(all, paged);
            Assert.Equal(6, all.Distinct().Count());
        }
    }

    [Fact]
    public void Orders_compare_text_by_code_point_and_periods_by_their_end()
    {
        AddFactCorpus();

        Assert.Equal("杭州", Facts(new FactQuery { Order = FactOrder.Subject, Limit = 1 })[0].Fact.Subject); // 杭 U+676D before 深 U+6DF1
        Assert.Equal("深圳", Facts(new FactQuery { Order = FactOrder.Subject, Descending = true, Limit = 1 })[0].Fact.Subject);
        Assert.Equal("产业规模", Facts(new FactQuery { Order = FactOrder.Indicator, Limit = 1 })[0].Fact.Indicator); // 产 U+4EA7 before 企 U+4F01
        Assert.Equal(["2023", "2024-H1"], Facts(new FactQuery { Order = FactOrder.Period, Limit = 2 }).Select(f => f.Fact.Period));
        Assert.Equal("hz", Facts(new FactQuery { Order = FactOrder.Date, Limit = 1 })[0].Doc); // 2025-01-05 before 2025-02-07
        Assert.Equal("sz", Facts(new FactQuery { Order = FactOrder.Doc, Descending = true, Limit = 1 })[0].Doc);
        // ties go by subject, indicator and id whichever way the key runs
        var valueFirst = Facts(new FactQuery { Order = FactOrder.Kind, Descending = true });
        Assert.Equal(["杭州", "杭州", "杭州", "深圳", "深圳"], valueFirst.Take(5).Select(f => f.Fact.Subject));
        Assert.Equal(FactKind.Growth, valueFirst[5].Fact.Kind);
    }

    [Fact]
    public void Indicators_are_ranked_by_facts_with_their_subjects_counted()
    {
        AddFactCorpus();

        Assert.Equal([new IndicatorCount("产业规模", 3, 2), new IndicatorCount("企业数量", 3, 2)], Store.TopIndicators(10));
        Assert.Single(Store.TopIndicators(1));
    }

    [Fact]
    public void Documents_are_listed_latest_first_and_found_by_id_or_hash()
    {
        AddFactCorpus();
        Store.Add(new TestAnalysis("undated", "没有日期的文件。").Records());

        Assert.Equal(["sz", "hz", "undated"], Store.LatestDocuments(0).Select(d => d.Key));
        Assert.Equal(["sz"], Store.LatestDocuments(1).Select(d => d.Key));
        Assert.All(Store.LatestDocuments(0), d => Assert.Equal("", d.Text));

        var hz = Assert.Single(Store.DocumentsByKey("hz"));
        Assert.Equal(hz.Id, Assert.Single(Store.DocumentsByKey(hz.Sha256[..8].ToUpperInvariant())).Id);
        Assert.Empty(Store.DocumentsByKey(hz.Sha256[..5])); // too short to name a document by its hash
        Assert.Empty(Store.DocumentsByKey("no-such-document"));
        Assert.Equal(3, Store.Facts(new FactQuery { DocumentId = hz.Id }).Count);
    }

    [Fact]
    public void Documents_come_a_page_at_a_time_latest_first_with_their_count()
    {
        Assert.Equal(0, Store.CountDocuments());
        AddFactCorpus();
        Store.Add(new TestAnalysis("undated", "没有日期的文件。").Records());
        Store.Add(new TestAnalysis("same-day", "与sz同一天的文件。", new DateOnly(2025, 2, 7)).Records());

        Assert.Equal(4, Store.CountDocuments());
        string[] all = ["same-day", "sz", "hz", "undated"]; // of one date, the last stored first
        Assert.Equal(all, Store.LatestDocuments(0).Select(d => d.Key));
        Assert.Equal(all, Store.LatestDocuments(3).Concat(Store.LatestDocuments(3, offset: 3)).Select(d => d.Key));
        Assert.Equal(["sz", "hz"], Store.LatestDocuments(2, offset: 1).Select(d => d.Key));
        Assert.Equal(["undated"], Store.LatestDocuments(0, offset: 3).Select(d => d.Key)); // an offset without a limit
        Assert.Empty(Store.LatestDocuments(2, offset: 4));
    }

    [Fact]
    public void An_entitys_relations_and_documents_can_be_cut_to_the_first_few_and_counted()
    {
        Store.Add(new TestAnalysis("march", "华为总部在深圳。腾讯总部在深圳。", new DateOnly(2025, 3, 1))
            .Mention("深圳", "深圳", EntityType.Place).Mention("华为", "华为", EntityType.Company).Mention("腾讯", "腾讯", EntityType.Company)
            .Relation("华为总部在深圳", "华为", "headquartered_in", "深圳").Relation("腾讯总部在深圳", "腾讯", "headquartered_in", "深圳").Records());
        Store.Add(new TestAnalysis("undated", "比亚迪总部在深圳。")
            .Mention("深圳", "深圳", EntityType.Place).Mention("比亚迪", "比亚迪", EntityType.Company)
            .Relation("比亚迪总部在深圳", "比亚迪", "headquartered_in", "深圳").Records());
        Store.Add(new TestAnalysis("january", "深圳发布年报。", new DateOnly(2025, 1, 1)).Mention("深圳", "深圳", EntityType.Place).Records());

        var shenzhen = Store.FindEntities(["深圳"]).Single(e => e.Type == "place");
        Assert.Equal(3, Store.CountRelations(shenzhen.Id));
        // by subject in code points: 华 U+534E, 比 U+6BD4, 腾 U+817E
        Assert.Equal(["华为", "比亚迪", "腾讯"], Store.Relations(shenzhen.Id).Select(r => r.Subject));
        Assert.Equal(["华为", "比亚迪"], Store.Relations(shenzhen.Id, limit: 2).Select(r => r.Subject));

        Assert.Equal(3, shenzhen.Documents);
        Assert.Equal(["march", "january", "undated"], Store.EntityDocuments(shenzhen.Id).Select(d => d.Doc));
        Assert.Equal(["march"], Store.EntityDocuments(shenzhen.Id, limit: 1).Select(d => d.Doc));
        Assert.Equal(0, Store.CountRelations(987_654_321));
    }

    [Fact]
    public void A_document_gives_its_mentions_and_relations_and_an_entity_is_read_by_id()
    {
        AddFactCorpus();
        var sz = Assert.Single(Store.DocumentsByKey("sz"));

        var mentions = Store.DocumentMentions(sz.Id);
        Assert.Equal(["深圳", "華為", "騰訊", "深圳市"], mentions.Select(m => m.Quote));
        Assert.Equal(mentions.OrderBy(m => m.Start).Select(m => m.Start), mentions.Select(m => m.Start));
        var shenzhen = mentions[0];
        Assert.Equal((0, 2, "深圳", "place"), (shenzhen.Start, shenzhen.End, shenzhen.Name, shenzhen.Type));
        Assert.Equal("华为", mentions[1].Name);

        var relation = Assert.Single(Store.DocumentRelations(sz.Id));
        Assert.Equal(("华为", "headquartered_in", "深圳", "sz"), (relation.Subject, relation.Predicate, relation.Object, relation.Doc));
        Assert.Empty(Store.DocumentRelations(Assert.Single(Store.DocumentsByKey("hz")).Id));

        Assert.Equal(Store.FindEntities(["深圳"]).Single(e => e.Id == shenzhen.EntityId), Store.Entity(shenzhen.EntityId));
        Assert.Null(Store.Entity(987_654_321));
    }

    [Fact]
    public void A_relation_flagged_wrong_stays_flagged_across_connections_and_a_reindex()
    {
        Store.Add(Shenzhen().Records());
        long huawei = Assert.Single(Store.FindEntities(["华为"])).Id;
        var relation = Assert.Single(Store.Relations(huawei));
        Assert.False(relation.FlaggedWrong);
        long version = Store.DataVersion();

        Assert.True(Store.FlagRelation(relation.Id, wrong: true));
        Assert.True(Store.FlagRelation(relation.Id, wrong: true)); // twice is once
        Assert.True(Store.DataVersion() > version);
        using (var other = Open(create: false))
        {
            Assert.True(Assert.Single(other.Relations(huawei)).FlaggedWrong);
            Assert.True(Assert.Single(other.DocumentRelations(Store.Documents(false).Single().Id)).FlaggedWrong);
        }

        // a reindex writes the relation again (a new row; SQLite may reuse the id); what it states and where is the same, so the flag holds
        Store.Replace(Store.Documents(false).Single().Id, Shenzhen().Records());
        var again = Assert.Single(Store.Relations(huawei));
        Assert.True(again.FlaggedWrong);

        Assert.True(Store.FlagRelation(again.Id, wrong: false));
        Assert.False(Assert.Single(Store.Relations(huawei)).FlaggedWrong);
        Assert.False(Store.FlagRelation(again.Id + 1000, wrong: true));
    }

    [Fact]
    public void The_data_version_grows_with_every_write_seen_from_any_connection()
    {
        long empty = Store.DataVersion();
        Assert.True(Store.Add(Shenzhen().Records()));
        long added = Store.DataVersion();
        Assert.True(added > empty);

        Assert.False(Store.Add(Shenzhen().Records())); // the same content: nothing written
        Assert.Equal(added, Store.DataVersion());

        using var reader = KnowledgeStore.Open(Location, create: false);
        Assert.Equal(added, reader.DataVersion());
        var sz = Assert.Single(Store.DocumentsByKey("sz"));
        Store.Replace(sz.Id, Shenzhen().Records());
        Assert.True(reader.DataVersion() > added);
    }

    [Fact]
    public void Search_finds_chinese_in_either_script_with_the_passage_in_the_original()
    {
        Store.Add(new TestAnalysis("simplified", "2024年深圳人工智能产业规模达3600亿元。华为发布AI芯片。").Records());
        Store.Add(new TestAnalysis("traditional", "香港的人工智能產業正在起步,機械人企業增加。email: mail@example.com").Records());

        var both = Store.Search("人工智能產業", 10); // three characters or more: the index
        Assert.Equal(["simplified", "traditional"], both.Select(h => h.Doc).Order());
        var traditional = both.Single(h => h.Doc == "traditional");
        Assert.Equal("人工智能產業", traditional.Match);
        Assert.Contains("香港的", traditional.Passage);

        Assert.Equal("simplified", Assert.Single(Store.Search("深圳", 10)).Doc); // two characters: a scan
        Assert.Equal("traditional", Assert.Single(Store.Search("机器人", 10)).Doc); // regional term 機械人
        Assert.Equal("simplified", Assert.Single(Store.Search("ai", 10)).Doc); // a Latin word only as a word, any case
        Assert.Equal("simplified", Assert.Single(Store.Search("華為 芯片", 10)).Doc); // every term
        Assert.Empty(Store.Search("華為 機械人", 10));
        Assert.Empty(Store.Search("  ", 10));
    }

    [Fact]
    public void Search_finds_a_latin_word_of_three_letters_or_more_in_any_case()
    {
        Store.Add(new TestAnalysis("latin", "华为与Huawei Cloud发布新一代芯片。").Records());

        Assert.Equal("latin", Assert.Single(Store.Search("HUAWEI", 10)).Doc);
        Assert.Equal("latin", Assert.Single(Store.Search("cloud", 10)).Doc);
        Assert.Equal("latin", Assert.Single(Store.Search("hUaWeI cLoUd", 10)).Doc);
    }

    [Fact]
    public void Compare_timeline_and_conflicts_read_stored_facts()
    {
        AddFactCorpus();
        Store.Add(new TestAnalysis("sz2", "深圳人工智能產業規模3200億元,企業超3000家。", new DateOnly(2025, 3, 1))
            .Fact("深圳人工智能產業規模3200億元", "深圳", "产业规模", 3.2e11, "CNY", period: "2024", scope: "人工智能")
            .Fact("企業超3000家", "深圳", "企业数量", 3000, qualifier: "gt", period: "2024", scope: "人工智能").Records());

        var sz = Store.Summaries(new FactQuery { Subjects = Matcher.Expand("深圳") });
        var hz = Store.Summaries(new FactQuery { Subjects = Matcher.Expand("杭州") });
        var comparison = Comparisons.Compare([("深圳", sz), ("杭州", hz)]);
        var size = Assert.Single(comparison.Comparable);
        Assert.Equal(new CompareKey("产业规模", "人工智能", FactKind.Value, "2024", Unit.Cny), size.Key);
        var cell = size.Cells["深圳"];
        Assert.Equal((2, 2, 3.2e11, 3.6e11, true), (cell.Statements, cell.Documents, cell.Low, cell.High, cell.Conflict));
        Assert.Equal((SummaryChoice.Latest, 3.2e11, "sz2"), (cell.Choice, cell.Fact.Value, cell.Doc)); // one document each: the latest stands
        Assert.Equal("深圳人工智能產業規模3200億元", Assert.Single(Store.Facts(new FactQuery { Ids = [cell.FactId] })).Quote);
        Assert.Equal(2, Store.Facts(new FactQuery { Summary = cell }).Count);

        var timeline = Timelines.Build(Store.Summaries(new FactQuery { Subjects = Matcher.Expand("杭州"), Indicators = ["企业数量"] }));
        Assert.Equal(["2023", "2024-H1"], timeline.Select(p => p.Label));

        var conflict = Assert.Single(Store.ConflictGroups(new FactQuery())); // 超2800 and 超3000 agree
        Assert.Equal(1, Store.CountConflictGroups(new FactQuery()));
        Assert.Equal(("深圳", "产业规模", "2024"), (conflict.Fact.Subject, conflict.Fact.Indicator, conflict.Fact.Period));
        var values = Store.StatedValues(conflict);
        Assert.Equal([(3.2e11, 1), (3.6e11, 1)], values.Select(v => (v.Value, v.Documents)));
        Assert.Equal(2, Conflicts.Clusters(values).Count);
    }

    [Fact]
    public void A_summary_takes_the_value_most_documents_state_and_counts_them()
    {
        for (int i = 0; i < 3; i++)
        {
            Store.Add(new TestAnalysis($"r{i}", $"第{i}期：深圳人工智能产业规模达3600亿元。", new DateOnly(2025, 1, 1 + i))
                .Fact("深圳人工智能产业规模达3600亿元", "深圳", "产业规模", 3.6e11, "CNY", period: "2024", scope: "人工智能").Records());
        }

        Store.Add(new TestAnalysis("late", "另据报道，深圳人工智能产业规模约3500亿元。", new DateOnly(2025, 3, 1))
            .Fact("深圳人工智能产业规模约3500亿元", "深圳", "产业规模", 3.5e11, "CNY", qualifier: "approx", period: "2024", scope: "人工智能").Records());

        var s = Assert.Single(Store.Summaries(new FactQuery { Subjects = ["深圳"] }));
        Assert.Equal((SummaryChoice.MostSources, 3.6e11, 3, 4, 4, 2), (s.Choice, s.Fact.Value, s.ChosenDocuments, s.Documents, s.Statements, s.Values));
        Assert.Equal((3.5e11, 3.6e11, false), (s.Low, s.High, s.Conflict)); // 约3500亿 reaches 3600亿
        Assert.Empty(Store.ConflictGroups(new FactQuery()));
        Assert.Single(Store.ConflictGroups(new FactQuery(), tolerance: 0.01));
    }

    [Fact]
    public void A_document_counts_once_per_figure_and_a_tie_on_documents_goes_to_the_latest_then_the_higher_value()
    {
        // one report states the figure twice with two values: one document, two values, three statements in all
        Store.Add(new TestAnalysis("twice", "甲：苏州生物医药产业规模达2000亿元。乙：苏州生物医药产业规模达2100亿元。", new DateOnly(2025, 1, 1))
            .Fact("甲：苏州生物医药产业规模达2000亿元", "苏州", "产业规模", 2e11, "CNY", period: "2024", scope: "生物医药")
            .Fact("乙：苏州生物医药产业规模达2100亿元", "苏州", "产业规模", 2.1e11, "CNY", period: "2024", scope: "生物医药").Records());
        Store.Add(new TestAnalysis("later", "苏州生物医药产业规模达2000亿元。", new DateOnly(2025, 2, 1))
            .Fact("苏州生物医药产业规模达2000亿元", "苏州", "产业规模", 2e11, "CNY", period: "2024", scope: "生物医药").Records());
        var s = Assert.Single(Store.Summaries(new FactQuery { Subjects = ["苏州"] }));
        Assert.Equal((2, 3, 2, SummaryChoice.MostSources, 2e11, 2), (s.Documents, s.Statements, s.Values, s.Choice, s.Fact.Value, s.ChosenDocuments));

        // an undated report ties 2100亿 with 2000亿 at two documents each: the latest dated document decides, not the value
        Store.Add(new TestAnalysis("undated", "苏州生物医药产业规模达2100亿元。", date: null)
            .Fact("苏州生物医药产业规模达2100亿元", "苏州", "产业规模", 2.1e11, "CNY", period: "2024", scope: "生物医药").Records());
        s = Assert.Single(Store.Summaries(new FactQuery { Subjects = ["苏州"] }));
        Assert.Equal((3, 4, SummaryChoice.Latest, 2e11, "later"), (s.Documents, s.Statements, s.Choice, s.Fact.Value, s.Doc));

        // the same date on both sides: the higher value stands
        Store.Add(new TestAnalysis("same-day", "苏州生物医药产业规模达2100亿元(修订)。", new DateOnly(2025, 2, 1))
            .Fact("苏州生物医药产业规模达2100亿元", "苏州", "产业规模", 2.1e11, "CNY", period: "2024", scope: "生物医药").Records());
        Store.Add(new TestAnalysis("same-day-2", "苏州生物医药产业规模达2000亿元(修订)。", new DateOnly(2025, 2, 1))
            .Fact("苏州生物医药产业规模达2000亿元", "苏州", "产业规模", 2e11, "CNY", period: "2024", scope: "生物医药").Records());
        s = Assert.Single(Store.Summaries(new FactQuery { Subjects = ["苏州"] }));
        Assert.Equal((5, 6, SummaryChoice.Latest, 2.1e11, 3), (s.Documents, s.Statements, s.Choice, s.Fact.Value, s.ChosenDocuments));
    }

    [Fact]
    public void Summaries_a_page_at_a_time_are_the_summaries_of_all_in_code_point_order()
    {
        // subjects past U+FFFF sort after U+F900 by code point, before it by UTF-16 unit: both stores and the page agree
        string[] subjects = ["\uF900城", "\U00020000城", "杭州", "深圳"];
        int n = 0;
        foreach (var subject in subjects)
        {
            foreach (var (period, value, qualifier) in new[] { ("2023", 100.0, "eq"), ("2024", 120.0, "approx"), ("2024", 150.0, "eq"), ((string?)null, 90.0, "gt") })
            {
                string quote = $"{subject}企业数量{value}家";
                Store.Add(new TestAnalysis($"d{n}", quote + "。", new DateOnly(2025, 1, 1 + n++ % 28))
                    .Fact(quote, subject, "企业数量", value, qualifier: qualifier, period: period).Records());
            }
        }

        var all = Store.Summaries(new FactQuery());
        Assert.Equal(subjects.Length * 3, all.Count);
        Assert.Equal(["杭州", "深圳", "\uF900城", "\U00020000城"], all.Select(s => s.Fact.Subject).Distinct());
        var paged = Enumerable.Range(0, 5).SelectMany(page => Store.Summaries(new FactQuery { Limit = 3, Offset = page * 3 })).ToList();
        Assert.Equal(all, paged, SummaryComparer.Instance);
        Assert.Equal(all.Where(s => s.Conflict), Store.ConflictGroups(new FactQuery()), SummaryComparer.Instance);
        Assert.Equal(all.Where(s => s.Conflict).Skip(1), Store.ConflictGroups(new FactQuery { Limit = 10, Offset = 1 }), SummaryComparer.Instance);

        // a page of conflicts counts them all in the same read, past the last page too
        var page = Store.ConflictPage(new FactQuery { Limit = 2, Offset = 1 });
        Assert.Equal((4, 4), (page.Total, Store.CountConflictGroups(new FactQuery())));
        Assert.Equal(all.Where(s => s.Conflict).Skip(1).Take(2), page.Summaries, SummaryComparer.Instance);
        Assert.Equal((0, 4), (Store.ConflictPage(new FactQuery { Limit = 2, Offset = 10 }).Summaries.Count, Store.ConflictPage(new FactQuery { Limit = 2, Offset = 10 }).Total));
        Assert.Equal(4, Store.ConflictPage(new FactQuery()).Total);
    }

    /// <summary>Summaries equal in what they state (their stated values aside, which only conflict groups carry).</summary>
    private sealed class SummaryComparer : IEqualityComparer<FigureSummary>
    {
        public static readonly SummaryComparer Instance = new();

        public bool Equals(FigureSummary? x, FigureSummary? y) => x is not null && y is not null && x with { StatedValues = null } == y with { StatedValues = null };

        public int GetHashCode(FigureSummary obj) => obj.FigureId.GetHashCode();
    }

    [Fact]
    public void Conflict_groups_carry_their_stated_values_as_they_are_read_apart()
    {
        (string Doc, string Text, double Value, int Day)[] reports =
        [
            ("p1", "甲报：杭州服务机器人产业规模达900亿元。", 9e10, 1),
            ("p2", "乙報：杭州服務機器人產業規模達900億元。", 9e10, 2),
            ("p3", "丙报：杭州服务机器人产业规模达700亿元。", 7e10, 3),
            ("p4", "丁报：杭州服务机器人产业规模约800亿元。", 8e10, 4),
        ];
        foreach (var (doc, text, value, day) in reports)
        {
            Store.Add(new TestAnalysis(doc, text, new DateOnly(2025, 1, day))
                .Fact(text[3..^1], "杭州", "产业规模", value, "CNY", qualifier: doc == "p4" ? "approx" : "eq", period: "2024", scope: "服务机器人").Records());
        }

        var group = Assert.Single(Store.ConflictGroups(new FactQuery()));
        Assert.Equal((SummaryChoice.MostSources, 9e10, 2, 3), (group.Choice, group.Fact.Value, group.ChosenDocuments, group.Values));
        Assert.NotNull(group.StatedValues);
        var apart = Store.StatedValues(group with { StatedValues = null });
        Assert.Equal([(7e10, 1, 1), (8e10, 1, 1), (9e10, 2, 2)], apart.Select(v => (v.Value, v.Documents, v.Statements)));
        Assert.Equal(apart, Store.StatedValues(group));
        Assert.Equal(apart.Take(2), Store.StatedValues(group, limit: 2));
        Assert.Null(Assert.Single(Store.Summaries(new FactQuery { Subjects = ["杭州"] })).StatedValues); // only conflict groups read them
    }

    [Fact]
    public void Conflicts_are_groups_of_one_figure_never_a_target_against_an_actual_nor_a_yoy_against_a_mom_growth()
    {
        Fact Figure(double value, FactKind kind = FactKind.Value, FactStatus status = FactStatus.Actual, GrowthBasis? basis = null, string period = "2024") => new()
        {
            Subject = "深圳", Scope = "人工智能", Indicator = "产业规模", Kind = kind, Value = value, Unit = kind == FactKind.Growth ? Unit.Percent : Unit.Cny,
            Qualifier = Qualifier.Eq, Period = period, Status = status, Basis = basis,
        };
        const string text = "深圳数字一。深圳数字二。深圳数字三。";
        Store.Add(new TestAnalysis("a", text, new DateOnly(2025, 1, 1))
            .Fact("深圳数字一", Figure(3.6e11)).Fact("深圳数字二", Figure(12.5, FactKind.Growth, basis: GrowthBasis.Yoy))
            .Fact("深圳数字三", Figure(1.2, FactKind.Growth, basis: GrowthBasis.Mom)).Records());
        Store.Add(new TestAnalysis("b", text + "又。", new DateOnly(2025, 2, 1))
            .Fact("深圳数字一", Figure(5e11, status: FactStatus.Target)).Fact("深圳数字二", Figure(2.1, FactKind.Growth, basis: GrowthBasis.Qoq))
            .Fact("深圳数字三", Figure(4e11, status: FactStatus.Forecast)).Records());

        Assert.Empty(Store.ConflictGroups(new FactQuery()));
        Assert.Equal(0, Store.CountConflictGroups(new FactQuery(), withinDocuments: true));

        // the same status and basis, from another document, do conflict: two groups
        Store.Add(new TestAnalysis("c", text + "再。", new DateOnly(2025, 3, 1))
            .Fact("深圳数字一", Figure(6e11, status: FactStatus.Target)).Fact("深圳数字二", Figure(20, FactKind.Growth, basis: GrowthBasis.Yoy))
            .Fact("深圳数字三", Figure(3.6e11, period: "2023")).Records());
        var groups = Store.ConflictGroups(new FactQuery());
        Assert.Equal([(FactKind.Value, FactStatus.Target, (GrowthBasis?)null), (FactKind.Growth, FactStatus.Actual, GrowthBasis.Yoy)],
            groups.Select(g => (g.Fact.Kind, g.Fact.Status, g.Fact.Basis)).OrderBy(k => k.Kind));
        Assert.Equal(2, Store.CountConflictGroups(new FactQuery()));
        Assert.Single(Store.ConflictGroups(new FactQuery { Limit = 1, Offset = 1 }));
    }

    [Fact]
    public void Two_values_in_one_document_conflict_only_when_asked_for()
    {
        // 环比增长4.4% and 同比增长34.9% extracted as the same growth figure: one text, two measures
        Store.Add(new TestAnalysis("nev", "新能源汽车产量增长4.4%，增长34.9%。", new DateOnly(2025, 1, 1))
            .Fact("增长4.4%", "深圳", "产量", 4.4, "percent", kind: "growth", period: "2024")
            .Fact("增长34.9%", "深圳", "产量", 34.9, "percent", kind: "growth", period: "2024").Records());

        Assert.Equal(0, Store.CountConflictGroups(new FactQuery()));
        Assert.Equal(1, Store.CountConflictGroups(new FactQuery(), withinDocuments: true));
    }

    // ------------------------------------------------------------------ schema

    [Fact]
    public void Migrations_are_recorded_and_applied_once()
    {
        int version = Store.SchemaVersion;
        Assert.True(version >= 1);
        Store.Add(Shenzhen().Records());

        using var again = KnowledgeStore.Open(Location, create: false);
        Assert.Equal(version, again.SchemaVersion);
        Assert.Equal(1, again.Counts().Documents);
    }

    [Fact]
    public void A_knowledge_base_from_a_newer_anvil_is_refused()
    {
        _ = Store.Counts();
        ExecuteSql("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'then')");

        var e = Assert.Throws<StoreException>(() => KnowledgeStore.Open(Location, create: true));
        Assert.Equal(StoreErrorCodes.NewerSchema, e.Code);
        Assert.Contains("999", e.Message);
    }

    [Fact]
    public void A_missing_knowledge_base_is_not_created_by_a_query()
    {
        var e = Assert.Throws<StoreException>(() => KnowledgeStore.Open(Location, create: false));
        Assert.Equal(StoreErrorCodes.NotFound, e.Code);
        Assert.Contains("anvil ingest", e.Message);
    }

    [Fact]
    public void A_database_holding_other_tables_is_refused_and_left_alone()
    {
        ExecuteSql("CREATE TABLE customers (name TEXT); INSERT INTO customers (name) VALUES ('kept')");

        var e = Assert.Throws<StoreException>(() => KnowledgeStore.Open(Location, create: true));
        Assert.Equal(StoreErrorCodes.NotAnvil, e.Code);
        ExecuteSql("SELECT name FROM customers"); // still there
    }

    // ------------------------------------------------------------------ batches

    [Fact]
    public void A_batch_that_fails_midway_stores_none_of_its_documents_and_the_store_goes_on()
    {
        var first = Shenzhen().Records();
        var second = new TestAnalysis("hz", "杭州数字经济核心产业增加值达5675亿元。").Mention("杭州", "杭州", EntityType.Place)
            .Fact("杭州数字经济核心产业增加值达5675亿元", "杭州", "增加值", 5.675e11, "CNY", scope: "数字经济核心产业").Records();
        // a relation without its quote: the database refuses it after the batch's documents, mentions and facts were written
        var broken = first with { Sha256 = new string('0', 64), Relations = [first.Relations[0] with { Quote = null! }] };

        Assert.Throws<StoreException>(() => Store.AddMany([first, broken, second]));

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), Store.Counts());
        Assert.Equal([true, true], Store.AddMany([first, second]));
        Assert.Equal(new StoreCounts(2, 4, 5, 4, 1), Store.Counts());
    }

    [Fact]
    public void Facts_whose_figures_differ_only_by_an_empty_scope_and_none_share_one_figure()
    {
        var records = new TestAnalysis("two", "深圳企业超2800家,深圳企业约2900家。").Mention("深圳", "深圳", EntityType.Place)
            .Fact("深圳企业超2800家", "深圳", "企业数量", 2800, qualifier: "gt", period: "2024", scope: "")
            .Fact("深圳企业约2900家", "深圳", "企业数量", 2900, qualifier: "approx", period: "2024").Records();

        Assert.True(Store.Add(records));

        Assert.Equal(2, Store.Counts().Facts);
        Assert.Single(Store.Summaries(new FactQuery { Subjects = Matcher.Expand("深圳") }));
    }

    [Fact]
    public void A_document_that_cannot_be_read_is_reported_and_the_others_of_its_batch_are_stored_whole()
    {
        var items = Enumerable.Range(0, 6).Select(i => i == 3
            ? new IngestItem("broken", 10, () => throw new DocumentReadException("broken", "cannot be read", ReadErrorCodes.Unexpected))
            : new IngestItem($"doc-{i}", 100, () => new Anvil.Core.Documents.Document($"doc-{i}", $"第{i}份:深圳人工智能企業超2800家,華為、騰訊在深圳市。"))).ToList();

        var summary = new Ingestor(Store, TestAnalysis.Configuration, threads: 2) { BatchDocuments = 4 }
            .Run(items, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("broken", Assert.Single(summary.Failures).Name);
        Assert.Equal(5, summary.Added);
        var counts = Store.Counts();
        Assert.Equal((5L, 20L), (counts.Documents, counts.Mentions)); // 深圳, 華為, 騰訊, 深圳市 in each
    }

    [Fact]
    public void A_bulk_load_into_an_empty_knowledge_base_stores_what_an_ordinary_one_does()
    {
        var items = Enumerable.Range(0, 12).Select(i => new IngestItem($"doc-{i}", 100, () => new Anvil.Core.Documents.Document($"doc-{i}",
            $"第{i}份:2024年,深圳人工智能產業規模達{3000 + i}億元,同比增長{10 + i}%。華為在深圳市。"))).ToList();
        var token = TestContext.Current.CancellationToken;

        var bulk = new Ingestor(Store, TestAnalysis.Configuration, threads: 2) { BatchDocuments = 5, BulkLoadDocuments = 10 }.Run(items, cancellationToken: token);
        var counts = Store.Counts();
        var facts = Store.Facts(new FactQuery { Subjects = Matcher.Expand("深圳") });
        var more = new Ingestor(Store, TestAnalysis.Configuration, threads: 2) { BulkLoadDocuments = 10 }.Run(items, cancellationToken: token);

        Assert.Equal((12, 0), (bulk.Added, more.Added));
        Assert.Equal(12, counts.Documents);
        Assert.Equal(24, facts.Count);
        Assert.Equal(counts, Store.Counts());
    }

    // ------------------------------------------------------------------ real documents

    [Fact]
    public void The_seed_and_the_dev_corpus_ingested_twice_give_the_same_counts()
    {
        var folders = new[] { SharedFolder.RequireOrSkip("seeds"), SharedFolder.RequireOrSkip("corpus/dev") };
        var reader = new DocumentReader();
        var items = folders.SelectMany(f => Directory.EnumerateFiles(f).Where(DocumentReader.IsReadableExtension))
            .Select(path => new IngestItem(path, new FileInfo(path).Length, () => reader.Read(path))).ToList();
        var ingestor = new Ingestor(Store, TestAnalysis.Configuration, threads: 2);

        var first = ingestor.Run(items, cancellationToken: TestContext.Current.CancellationToken);
        var counts = Store.Counts();
        var second = ingestor.Run(items, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(first.Failures);
        Assert.Equal((items.Count, 0), (first.Added, first.AlreadyStored));
        Assert.Equal((0, items.Count), (second.Added, second.AlreadyStored));
        Assert.Equal(counts, Store.Counts());
        Assert.Equal(items.Count, counts.Documents);
        Assert.True(counts.Entities > 100 && counts.Relations > 10, counts.ToString());
    }

    [Fact]
    public void Huawei_is_found_from_its_traditional_form_in_the_seed()
    {
        var seed = Path.Combine(SharedFolder.RequireOrSkip("seeds"), "000_aa59eec68af4f562.txt");
        var config = TestAnalysis.Configuration;
        Store.Add(DocumentRecordsBuilder.Build(config.Pipeline.Run(new DocumentReader().Read(seed)), config.Resolver, config.Hash));

        var huawei = Assert.Single(Store.FindEntities(Matcher.Expand("华为")));
        Assert.Equal(("华为", "company"), (huawei.Name, huawei.Type));
        Assert.Contains(new AliasRow("華為", "text"), Store.Aliases(huawei.Id));
    }

    [Fact]
    public void The_seed_compares_private_firms_of_shenzhen_and_hangzhou()
    {
        var seed = Path.Combine(SharedFolder.RequireOrSkip("seeds"), "000_aa59eec68af4f562.txt");
        var config = TestAnalysis.Configuration;
        Store.Add(DocumentRecordsBuilder.Build(config.Pipeline.Run(new DocumentReader().Read(seed)), config.Resolver, config.Hash));
        var shenzhen = Store.Summaries(new FactQuery { Subjects = Matcher.Expand("深圳") });
        if (shenzhen.Count == 0)
        {
            Assert.Skip("no facts about 深圳 in the seed yet: fact extraction has not landed");
        }

        var hangzhou = Store.Summaries(new FactQuery { Subjects = Matcher.Expand("杭州") });
        var comparison = Comparisons.Compare([("深圳", shenzhen), ("杭州", hangzhou)]);
        var row = comparison.Comparable.SingleOrDefault(r => r.Key is { Indicator: "企业数量", Scope: "民营企业", Kind: FactKind.Value });
        static string Firms(IEnumerable<FigureSummary> facts) =>
            string.Join("; ", facts.Where(f => f.Fact.Indicator == "企业数量").Select(f => $"scope {f.Fact.Scope ?? "-"} {f.Fact.Qualifier.ToSpecName()} {f.Fact.Value} period {f.Fact.Period ?? "-"}"));
        Assert.True(row is not null,
            $"no comparable row 企业数量 / 民营企业 / value; extraction gives 深圳: {Firms(shenzhen)} | 杭州: {Firms(hangzhou)}");
        Assert.Equal((2540000, Qualifier.Gt), (row.Cells["深圳"].Fact.Value, row.Cells["深圳"].Fact.Qualifier));
        Assert.Equal((900000, Qualifier.Approx), (row.Cells["杭州"].Fact.Value, row.Cells["杭州"].Fact.Qualifier));
    }
}
