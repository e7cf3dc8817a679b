using Anvil.Core.Entities;

namespace Anvil.Store.Merging;

/// <summary>
/// <c>merge</c>: every entity named <see cref="Name"/> or one of <see cref="Aliases"/>, and every mention written so,
/// becomes one entity called <see cref="Name"/> (of <see cref="Type"/> when given).
/// </summary>
public sealed record MergeRule(string Name, EntityType? Type, IReadOnlyList<string> Aliases, int Line);

/// <summary>
/// <c>split</c>: mentions written as <see cref="Name"/> or one of <see cref="Aliases"/> become their own entity
/// <see cref="Name"/>, even where extraction gave them another entity's name (only that of <see cref="From"/> when given).
/// </summary>
public sealed record SplitRule(string Name, EntityType? Type, string? From, IReadOnlyList<string> Aliases, int Line);

/// <summary>A user's merge and split rules (<c>anvil.aliases.yaml</c>); <see cref="Fingerprint"/> tells one set from another.</summary>
public sealed record AliasRules(IReadOnlyList<MergeRule> Merge, IReadOnlyList<SplitRule> Split, string Fingerprint)
{
    public static AliasRules None { get; } = new([], [], "");

    public bool IsEmpty => Merge.Count == 0 && Split.Count == 0;
}
