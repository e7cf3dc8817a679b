using Anvil.Core.Facts;
using Anvil.Store.Periods;

namespace Anvil.Store.Records;

/// <summary>
/// Which facts to return. Name sets hold normalised (Simplified, half-width) names; <see cref="Matching.NameMatcher"/>
/// builds them from what a user typed. Null means no filter. A subject matches by its name or through any alias of
/// the entity it was linked to.
/// </summary>
public sealed record FactQuery
{
    public IReadOnlyCollection<string>? Subjects { get; init; }

    public IReadOnlyCollection<string>? Scopes { get; init; }

    public IReadOnlyCollection<string>? Indicators { get; init; }

    /// <summary>Only facts about this entity (by link, after merging).</summary>
    public long? SubjectEntityId { get; init; }

    public FactKind? Kind { get; init; }

    /// <summary>Only actual figures, only targets or only forecasts.</summary>
    public FactStatus? Status { get; init; }

    /// <summary>Facts whose period falls inside this range.</summary>
    public PeriodRange? Period { get; init; }

    /// <summary>Part of the source's (normalised) name.</summary>
    public string? Source { get; init; }

    /// <summary>The document id, or the start of its content hash.</summary>
    public string? Doc { get; init; }

    /// <summary>Only the facts of this stored document (<see cref="StoredDocument.Id"/>).</summary>
    public long? DocumentId { get; init; }

    /// <summary>Part of the (normalised) quote.</summary>
    public string? Text { get; init; }

    /// <summary>Only these facts (by <see cref="FactRow.Id"/>).</summary>
    public IReadOnlyCollection<long>? Ids { get; init; }

    /// <summary>Only the statements a summary sums up: its figure in its period.</summary>
    public FigureSummary? Summary { get; init; }

    /// <summary>At most this many facts; 0 for all.</summary>
    public int Limit { get; init; }

    /// <summary>Skips this many facts first: with <see cref="Limit"/>, one page of the ordered matches.</summary>
    public int Offset { get; init; }

    /// <summary>How the facts are ordered; every order ends in the fact's id, so pages never overlap.</summary>
    public FactOrder Order { get; init; }

    /// <summary>The <see cref="Order"/> key descending (its tie-breakers stay ascending); ignored by <see cref="FactOrder.Grouped"/>.</summary>
    public bool Descending { get; init; }
}

/// <summary>
/// Orders of <see cref="FactQuery"/>. <see cref="Grouped"/> keeps the figures of one subject and indicator together, latest
/// period first; the others sort by one column, then by subject, indicator and id. Text compares by code point in
/// both providers; a missing scope, date or period sorts as the empty text.
/// </summary>
public enum FactOrder
{
    /// <summary>Subject, indicator, scope, kind, latest period first, document, place in it.</summary>
    Grouped,
    Subject,
    Indicator,
    Scope,
    Kind,
    Value,

    /// <summary>By when the figure holds: its period's end, or its document's date when it has no period.</summary>
    Period,

    /// <summary>By the document's date.</summary>
    Date,

    /// <summary>By the document id.</summary>
    Doc,
}
