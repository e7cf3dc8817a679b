namespace Anvil.Core.Pipeline;

/// <summary>What a caller may change about extraction.</summary>
public sealed record PipelineOptions
{
    /// <summary>Users' lexicon files (name TAB type TAB aliases), added on top of Anvil's own.</summary>
    public IReadOnlyList<string> LexiconFiles { get; init; } = [];
}
