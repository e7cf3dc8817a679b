using Anvil.Core.Facts;

namespace Anvil.Store.Records;

/// <summary>Why a summary's figure is the one it shows.</summary>
public enum SummaryChoice
{
    /// <summary>Every statement gives this value (or there is one).</summary>
    Agreed,

    /// <summary>More documents state this value than any other.</summary>
    MostSources,

    /// <summary>No value has more documents than the others: the one of the latest document.</summary>
    Latest,
}

/// <summary>
/// What the statements of one figure (subject, scope, indicator, kind, unit, status, basis) for one period come to, as the
/// store aggregates them: the value most documents agree on or the latest (<see cref="Choice"/>), how many documents state
/// it and how many state the figure at all, the range of values, and whether they cannot all be true
/// (<see cref="Conflict"/>). <see cref="Fact"/> is the statement that stands for them, <see cref="FactId"/> where it is.
/// </summary>
public sealed record FigureSummary
{
    public required long FigureId { get; init; }

    /// <summary>The chosen statement: its figure, value, qualifier, period and source.</summary>
    public required Fact Fact { get; init; }

    /// <summary>For a figure stated without a period (目前, 现在): the date of the documents it counts for, <c>YYYY-MM-DD</c>.</summary>
    public string? Date { get; init; }

    public required SummaryChoice Choice { get; init; }

    /// <summary>How many facts state the figure for the period (several per document at times).</summary>
    public required int Statements { get; init; }

    public required int Documents { get; init; }

    /// <summary>How many documents state the chosen value.</summary>
    public required int ChosenDocuments { get; init; }

    /// <summary>How many different values are stated.</summary>
    public required int Values { get; init; }

    /// <summary>The lowest and highest value stated (a range's high end counts).</summary>
    public required double Low { get; init; }

    public required double High { get; init; }

    /// <summary>Values stated by different documents that cannot all be true (beyond what their qualifiers allow).</summary>
    public required bool Conflict { get; init; }

    /// <summary>A fact stating the chosen value, in the latest document that does.</summary>
    public required long FactId { get; init; }

    /// <summary>That fact's document id.</summary>
    public required string Doc { get; init; }

    /// <summary>That document's date.</summary>
    public string? DocDate { get; init; }

    /// <summary>
    /// Every value stated for the figure and period, lowest first, where the store read them with the summary (conflict
    /// groups: their values are what a page of conflicts shows, read in the same pass); else null, and
    /// <see cref="IKnowledgeStore.StatedValues"/> reads them.
    /// </summary>
    public IReadOnlyList<StatedValue>? StatedValues { get; init; }
}

/// <summary>One page of summaries (conflict groups) and how many the query finds in all.</summary>
public sealed record SummaryPage(IReadOnlyList<FigureSummary> Summaries, int Total);

/// <summary>One value stated for a figure and period, with how many documents and facts state it and one fact that does.</summary>
public sealed record StatedValue(double Value, double? ValueHigh, Core.Quantities.Qualifier Qualifier, int Documents, int Statements, long FactId);
