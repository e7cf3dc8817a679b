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

    /// <summary>value, growth, delta, share or rank.</summary>
    public string? Kind { get; init; }

    /// <summary>Facts whose period falls inside this range.</summary>
    public PeriodRange? Period { get; init; }

    /// <summary>Part of the source's (normalised) name.</summary>
    public string? Source { get; init; }

    /// <summary>The document id, or the start of its content hash.</summary>
    public string? Doc { get; init; }

    /// <summary>Part of the (normalised) quote.</summary>
    public string? Text { get; init; }

    /// <summary>At most this many facts; 0 for all.</summary>
    public int Limit { get; init; }
}
