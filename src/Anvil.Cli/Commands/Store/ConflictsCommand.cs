using System.ComponentModel;
using System.Globalization;
using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class ConflictsSettings : QuerySettings
{
    [CommandOption("--subject <NAME>")]
    [Description("Only figures about this place, company or body")]
    public string? Subject { get; init; }

    [CommandOption("--indicator <INDICATOR>")]
    [Description("Only this indicator")]
    public string? Indicator { get; init; }

    [CommandOption("--within-documents")]
    [Description("Also pairs of figures from one document (usually two measures extraction could not tell apart)")]
    public bool WithinDocuments { get; init; }

    [CommandOption("--tolerance <PERCENT>")]
    [Description("How far an approximate figure (约, 近, 左右) may be off, in percent (default 10)")]
    [DefaultValue(10.0)]
    public double Tolerance { get; init; } = 10;

    [CommandOption("--clusters <N>")]
    [Description("Clusters of values listed per conflicting figure, most stated first (default 5; 0: all)")]
    [DefaultValue(5)]
    public int Clusters { get; init; } = 5;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return Tolerance is >= 0 and <= 100
            ? ValidationResult.Success()
            : ValidationResult.Error($"E0511: --tolerance must be a percentage between 0 and 100, not {Tolerance.ToString(CultureInfo.InvariantCulture)}");
    }
}

/// <summary>
/// <c>anvil conflicts</c>: figures (subject, scope, indicator, kind, period, unit, status, basis) that different documents
/// state with values that cannot all be true, counted and paged in the store; each as the clusters of values that agree,
/// most stated first, with how many documents give them and one quote. <c>--limit</c> takes the first N figures.
/// </summary>
internal sealed class ConflictsCommand : StoreCommand<ConflictsSettings>
{
    protected override int Run(ConflictsSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        double tolerance = settings.Tolerance / 100;
        var filter = new FactQuery
        {
            Subjects = Filters.Expand(settings.Subject),
            Indicators = Filters.ExpandIndicator(settings.Indicator),
        };
        // the figures and their values in one pass of the store, counted in the same pass when a page of them is shown
        var (groups, total) = store.ConflictPage(filter with { Limit = settings.Limit }, tolerance, settings.WithinDocuments);
        int wanted = groups.Count;
        var rows = new List<(FigureSummary Group, int Cluster, int Clusters, ValueCluster Values)>();
        foreach (var group in groups)
        {
            var clusters = Conflicts.Clusters(store.StatedValues(group), tolerance);
            int shown = settings.Clusters > 0 ? Math.Min(settings.Clusters, clusters.Count) : clusters.Count;
            rows.AddRange(clusters.Take(shown).Select((c, i) => (group, i + 1, clusters.Count, c)));
        }

        var facts = rows.Select(r => r.Values.FactId).Distinct().Chunk(500).SelectMany(ids => store.Facts(new FactQuery { Ids = ids })).ToDictionary(f => f.Id);
        FactRow? Fact((FigureSummary, int, int, ValueCluster Values) r) => facts.GetValueOrDefault(r.Values.FactId);
        var people = settings.ParsedFormat == OutputFormat.Table;
        SheetWriter.Write([ResultSheet.From("conflicts", "conflict", rows,
            ("subject", r => Cell.Of(r.Group.Fact.Subject)),
            ("scope", r => Cell.Of(r.Group.Fact.Scope)),
            ("indicator", r => Cell.Of(r.Group.Fact.Indicator)),
            ("kind", r => Cell.Of(r.Group.Fact.Kind.ToSpecName())),
            ("period", r => Cell.Of(EffectivePeriod.Label(r.Group))),
            ("unit", r => Cell.Of(r.Group.Fact.Unit.Code)),
            ("status", r => Cell.Of(r.Group.Fact.Status.ToSpecName())),
            ("basis", r => Cell.Of(r.Group.Fact.Basis?.ToSpecName())),
            ("cluster", r => people ? Cell.Of($"{r.Cluster} of {r.Clusters}") : Cell.Of(r.Cluster)),
            ("clusters", r => Cell.Of(r.Clusters)),
            ("values", r => people ? Cell.Of(ClusterText(r.Group, r.Values)) : Cell.Of(r.Values.Low)),
            ("high", r => Cell.Of(r.Values.High)),
            ("documents", r => Cell.Of(r.Values.Documents)),
            ("statements", r => Cell.Of(r.Values.Statements)),
            ("doc", r => Cell.Of(Fact(r)?.Doc)),
            ("source", r => Cell.Of(Fact(r)?.Fact.Source)),
            ("quote", r => Cell.Of(Fact(r)?.Quote)))], settings.ParsedFormat, settings.Output);
        if (total == 0)
        {
            Console.Error.WriteLine("anvil: no conflicting figures");
        }
        else if (people)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"anvil: {total} conflicting figure(s){(wanted < total ? $", the first {wanted} shown" : "")}"));
        }

        return 0;
    }

    /// <summary>A cluster's values for people: one value as stated (≈3600亿元), several as their range.</summary>
    private static string ClusterText(FigureSummary group, ValueCluster c) =>
        c.Values.Count == 1 ? PeopleFigures.Format(group.Fact, c.Values[0].Value, c.Values[0].Qualifier, c.Values[0].ValueHigh)
        : PeopleFigures.Format(group.Fact, c.Low, Anvil.Core.Quantities.Qualifier.Range, c.High);
}
