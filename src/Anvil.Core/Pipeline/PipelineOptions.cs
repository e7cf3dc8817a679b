namespace Anvil.Core.Pipeline;

/// <summary>What a caller may change about extraction.</summary>
public sealed record PipelineOptions
{
    /// <summary>Users' lexicon files (name TAB type TAB aliases), added on top of Anvil's own.</summary>
    public IReadOnlyList<string> LexiconFiles { get; init; } = [];

    /// <summary>
    /// The name tagger reads every clause, not only those where a name is likely: more names found (CLUENER2020
    /// dev F1 0.29 → 0.57) at about half the speed.
    /// </summary>
    public bool TagEveryClause { get; init; }
}
