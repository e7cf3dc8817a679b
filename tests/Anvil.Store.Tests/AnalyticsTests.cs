using System.Globalization;
using Anvil.Analytics;
using Anvil.Core.Facts;
using Anvil.Store.Records;

namespace Anvil.Store.Tests;

public sealed class AnalyticsTests
{
    public static TheoryData<string[]> ConflictCases => CaseFiles.Read("conflicts.tsv");

    private static FactRow Fact(double value, string qualifier = "eq", string subject = "深圳", string? period = "2024", string? date = null,
        string indicator = "产业规模", string? scope = "人工智能", string unit = "CNY", string doc = "d", string kind = "value", double? high = null,
        string? status = null, string? basis = null) => new()
    {
        Id = Random.Shared.NextInt64(),
        Doc = doc,
        Date = date,
        Start = 0,
        End = 1,
        Quote = "q",
        Fact = new Fact
        {
            Subject = subject,
            Scope = scope,
            Indicator = indicator,
            Kind = FactNames.ParseKind(kind),
            Value = value,
            ValueHigh = high,
            Unit = new Unit(unit),
            Qualifier = FactNames.ParseQualifier(qualifier),
            Period = period,
            Status = FactNames.ParseStatus(status),
            Basis = FactNames.ParseBasis(basis),
        },
    };

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>One statement as the store sums it up: one document, its value.</summary>
    private static FigureSummary Summary(FactRow f) => new()
    {
        FigureId = f.Id,
        Fact = f.Fact,
        Date = f.Fact.Period is null ? f.Date : null,
        Choice = SummaryChoice.Agreed,
        Statements = 1,
        Documents = 1,
        ChosenDocuments = 1,
        Values = 1,
        Low = f.Fact.Value,
        High = f.Fact.ValueHigh ?? f.Fact.Value,
        Conflict = false,
        FactId = f.Id,
        Doc = f.Doc,
        DocDate = f.Date,
    };

    private static IReadOnlyList<FigureSummary> Summaries(params FactRow[] facts) => [.. facts.Select(Summary)];

    /// <summary>A case file's value: a number, or for a range its two ends (<c>3000..3500</c>).</summary>
    private static FactRow Stated(string value, string qualifier) =>
        value.Split("..") is [var low, var high] ? Fact(Number(low), qualifier, high: Number(high)) : Fact(Number(value), qualifier);

    [Theory]
    [MemberData(nameof(ConflictCases))]
    public void Values_conflict_only_beyond_what_their_qualifiers_allow(string[] row)
    {
        var a = Stated(row[0], row[1]);
        var b = Stated(row[2], row[3]);
        bool expected = row[5] == "yes";

        Assert.Equal(expected, Conflicts.Disagree(a.Fact, b.Fact, Number(row[4])));
        Assert.Equal(expected, Conflicts.Disagree(b.Fact, a.Fact, Number(row[4])));
    }

    [Fact]
    public void Compare_never_lines_up_a_target_with_an_actual_nor_a_yoy_growth_with_a_mom_one()
    {
        var shenzhen = new[]
        {
            Fact(3.6e11),
            Fact(12.5, unit: "percent", kind: "growth", basis: "yoy"),
        };
        var hangzhou = new[]
        {
            Fact(5e11, subject: "杭州", status: "target"),
            Fact(1.5, subject: "杭州", unit: "percent", kind: "growth", basis: "mom"),
        };

        var comparison = Comparisons.Compare([("深圳", Summaries(shenzhen)), ("杭州", Summaries(hangzhou))]);

        Assert.Empty(comparison.Comparable);
        var notes = comparison.Apart.ToDictionary(r => (r.Key.Kind, r.Key.Status, r.Key.Basis, r.Cells.Keys.Single()), r => r.Note);
        Assert.Equal("different status", notes[(FactKind.Value, FactStatus.Target, null, "杭州")]);
        Assert.Equal("different status", notes[(FactKind.Value, FactStatus.Actual, null, "深圳")]);
        Assert.Equal("different basis", notes[(FactKind.Growth, FactStatus.Actual, GrowthBasis.Mom, "杭州")]);

        var same = Comparisons.Compare([("深圳", Summaries(shenzhen)), ("杭州", Summaries([.. hangzhou, Fact(3.2e11, subject: "杭州"), Fact(9.9, subject: "杭州",
            unit: "percent", kind: "growth", basis: "yoy")]))]);
        Assert.Equal([(FactKind.Value, (GrowthBasis?)null), (FactKind.Growth, GrowthBasis.Yoy)],
            same.Comparable.Select(r => (r.Key.Kind, r.Key.Basis)).OrderBy(k => k.Kind));
        Assert.All(same.Comparable, r => Assert.Equal(FactStatus.Actual, r.Key.Status));
    }

    [Fact]
    public void A_timeline_keeps_targets_and_actuals_of_one_period_apart()
    {
        var points = Timelines.Build(Summaries(Fact(5e11, period: "2025", status: "target", doc: "a"), Fact(3.6e11, period: "2025", doc: "b")));

        Assert.Equal([FactStatus.Actual, FactStatus.Target], points.Select(p => p.Summary.Fact.Status));
    }

    [Theory]
    [InlineData(3e11, 3.5e11, "CNY", "3000–3500亿 CNY")]
    [InlineData(3, 5, "percent", "3–5%")]
    [InlineData(10000, 50000, "count", "1–5万")]
    public void A_range_reads_as_both_ends(double low, double high, string unit, string text) =>
        Assert.Equal(text, FigureText.Format(Fact(low, "range", unit: unit, high: high).Fact));

    [Fact]
    public void Compare_aligns_rows_latest_first_and_sets_apart_what_does_not_compare()
    {
        var shenzhen = new[]
        {
            Fact(3.6e11, period: "2024"),
            Fact(3.0e11, period: "2023"),
            Fact(2800, period: "2024", indicator: "企业数量", unit: "count"),
            Fact(2540000, "gt", period: null, date: "2025-02-07", indicator: "企业数量", scope: "民营企业", unit: "count"),
        };
        var hangzhou = new[]
        {
            Fact(3.2e11, subject: "杭州", period: "2024"),
            Fact(2.8e11, subject: "杭州", period: "2023"),
            Fact(4.5e10, subject: "杭州", period: "2024", unit: "USD"),
            Fact(1500, subject: "杭州", period: "2024", indicator: "企业数量", scope: "机器人", unit: "count"),
            Fact(900000, "approx", subject: "杭州", period: null, date: "2025-02-07", indicator: "企业数量", scope: "民营企业", unit: "count"),
        };

        var comparison = Comparisons.Compare([("深圳", Summaries(shenzhen)), ("杭州", Summaries(hangzhou))]);

        Assert.Equal(
            [("企业数量", null), ("产业规模", "2024"), ("产业规模", "2023")],
            comparison.Comparable.Select(r => (r.Key.Indicator, r.Key.Period)));
        Assert.All(comparison.Comparable, r => Assert.Equal(["深圳", "杭州"], r.Cells.Keys.Order().Reverse()));
        var apart = comparison.Apart.ToDictionary(r => (r.Key.Indicator, r.Key.Unit.Code, r.Key.Scope), r => r.Note);
        Assert.Equal("different unit", apart[("产业规模", "USD", "人工智能")]);
        Assert.Equal("different scope", apart[("企业数量", "count", "人工智能")]);
        Assert.Equal("different scope", apart[("企业数量", "count", "机器人")]);
    }

    [Fact]
    public void A_timeline_runs_oldest_first_with_current_figures_at_their_date()
    {
        var points = Timelines.Statements(
        [
            Fact(3.6e11, period: "2024", doc: "b"),
            Fact(3.5e11, period: null, date: "2024-06-30", doc: "c"),
            Fact(3.0e11, period: "2023", doc: "a"),
            Fact(1.0e11, period: "2024-H1", doc: "d"),
            Fact(9.9e11, period: null, doc: "e"),
        ]);

        Assert.Equal(["2023", "2024-H1", "2024-06-30 (current)", "2024", "—"], points.Select(p => p.Label));
        Assert.Equal(["2023", "2024-H1", "2024-06-30 (current)", "2024", "—"], Timelines.Build(points.Select(p => Summary(p.Fact))).Select(p => p.Label));
    }

    [Fact]
    public void Stated_values_cluster_where_their_ranges_meet_most_stated_first()
    {
        StatedValue V(double value, string qualifier, int documents, long id, double? high = null) =>
            new(value, high, FactNames.ParseQualifier(qualifier), documents, documents, id);
        var clusters = Conflicts.Clusters(
        [
            V(3.2e11, "eq", 1, 1),
            V(3.5e11, "approx", 2, 2),   // 3150–3850亿 takes in 3200亿 and 3600亿
            V(3.6e11, "eq", 4, 3),
            V(5e11, "eq", 1, 4),
            V(5.2e11, "gt", 1, 5),       // 超5200亿 is another figure than 5000亿
        ]);

        Assert.Equal([(3.2e11, 3.6e11, 7), (5e11, 5e11, 1), (5.2e11, 5.2e11, 1)], clusters.Select(c => (c.Low, c.High, c.Documents)));
        Assert.Equal(3, clusters[0].FactId); // the most stated value stands for its cluster
    }
}
