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

        Assert.Equal(expected, Conflicts.Disagree(a, b, Number(row[4])));
        Assert.Equal(expected, Conflicts.Disagree(b, a, Number(row[4])));
    }

    [Fact]
    public void Conflicts_need_the_same_subject_scope_indicator_kind_period_and_unit()
    {
        var facts = new[]
        {
            Fact(3.6e11, doc: "a"),
            Fact(3.2e11, doc: "b"),
            Fact(1e11, doc: "c", period: "2023"),
            Fact(1e11, doc: "c", scope: "机器人"),
            Fact(1e11, doc: "c", subject: "杭州"),
            Fact(1e11, doc: "c", unit: "USD"),
            Fact(1e11, doc: "c", kind: "growth"),
            Fact(5, doc: "x", period: null, date: "2025-01-01"),
            Fact(9, doc: "y", period: null, date: "2025-02-01"), // another day: not the same figure
            Fact(7, doc: "z", period: null),                     // no time at all: left out
        };

        var conflict = Assert.Single(Conflicts.Find(facts));
        Assert.Equal(("a", "b"), (conflict.First.Doc, conflict.Second.Doc));
        Assert.Equal(0.4 / 3.6, conflict.Gap, 6);
    }

    [Fact]
    public void A_target_never_conflicts_with_an_actual_nor_a_yoy_growth_with_a_mom_one()
    {
        var facts = new[]
        {
            Fact(3.6e11, doc: "actual"),
            Fact(5e11, doc: "goal", status: "target"),                       // 力争达5000亿: a goal, not a disagreement
            Fact(4e11, doc: "outlook", status: "forecast"),                  // 预计4000亿
            Fact(12.5, doc: "y1", unit: "percent", kind: "growth", basis: "yoy"),
            Fact(1.2, doc: "m1", unit: "percent", kind: "growth", basis: "mom"), // 环比 against 同比: two measures
            Fact(2.1, doc: "q1", unit: "percent", kind: "growth", basis: "qoq"),
        };

        Assert.Empty(Conflicts.Find(facts));
        Assert.Empty(Conflicts.Find(facts, withinDocuments: true));

        // the same status and basis do conflict
        var again = Conflicts.Find([.. facts, Fact(6e11, doc: "goal2", status: "target"), Fact(20, doc: "y2", unit: "percent", kind: "growth", basis: "yoy")]);
        Assert.Equal([("goal", "goal2"), ("y1", "y2")], again.Select(c => (c.First.Doc, c.Second.Doc)).Order());
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

        var comparison = Comparisons.Compare([("深圳", shenzhen), ("杭州", hangzhou)]);

        Assert.Empty(comparison.Comparable);
        var notes = comparison.Apart.ToDictionary(r => (r.Key.Kind, r.Key.Status, r.Key.Basis, r.Cells.Keys.Single()), r => r.Note);
        Assert.Equal("different status", notes[(FactKind.Value, FactStatus.Target, null, "杭州")]);
        Assert.Equal("different status", notes[(FactKind.Value, FactStatus.Actual, null, "深圳")]);
        Assert.Equal("different basis", notes[(FactKind.Growth, FactStatus.Actual, GrowthBasis.Mom, "杭州")]);

        var same = Comparisons.Compare([("深圳", shenzhen), ("杭州", [.. hangzhou, Fact(3.2e11, subject: "杭州"), Fact(9.9, subject: "杭州", unit: "percent",
            kind: "growth", basis: "yoy")])]);
        Assert.Equal([(FactKind.Value, (GrowthBasis?)null), (FactKind.Growth, GrowthBasis.Yoy)],
            same.Comparable.Select(r => (r.Key.Kind, r.Key.Basis)).OrderBy(k => k.Kind));
        Assert.All(same.Comparable, r => Assert.Equal(FactStatus.Actual, r.Key.Status));
    }

    [Fact]
    public void A_timeline_keeps_targets_and_actuals_of_one_period_apart()
    {
        var points = Timelines.Build([Fact(5e11, period: "2025", status: "target", doc: "a"), Fact(3.6e11, period: "2025", doc: "b")]);

        Assert.Equal([FactStatus.Actual, FactStatus.Target], points.Select(p => p.Fact.Fact.Status));
    }

    [Theory]
    [InlineData(3e11, 3.5e11, "CNY", "3000–3500亿 CNY")]
    [InlineData(3, 5, "percent", "3–5%")]
    [InlineData(10000, 50000, "count", "1–5万")]
    public void A_range_reads_as_both_ends(double low, double high, string unit, string text) =>
        Assert.Equal(text, FigureText.Format(Fact(low, "range", unit: unit, high: high).Fact));

    [Fact]
    public void Two_values_in_one_document_count_only_when_asked_for()
    {
        // 环比增长4.4% and 同比增长34.9% extracted as the same growth figure: one text, two measures
        var facts = new[] { Fact(4.4, doc: "nev", unit: "percent", kind: "growth"), Fact(34.9, doc: "nev", unit: "percent", kind: "growth") };

        Assert.Empty(Conflicts.Find(facts));
        Assert.Single(Conflicts.Find(facts, withinDocuments: true));
    }

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

        var comparison = Comparisons.Compare([("深圳", shenzhen), ("杭州", hangzhou)]);

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
        var points = Timelines.Build(
        [
            Fact(3.6e11, period: "2024", doc: "b"),
            Fact(3.5e11, period: null, date: "2024-06-30", doc: "c"),
            Fact(3.0e11, period: "2023", doc: "a"),
            Fact(1.0e11, period: "2024-H1", doc: "d"),
            Fact(9.9e11, period: null, doc: "e"),
        ]);

        Assert.Equal(["2023", "2024-H1", "2024-06-30 (current)", "2024", "—"], points.Select(p => p.Label));
    }
}
