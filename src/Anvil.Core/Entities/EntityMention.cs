using Anvil.Core.Documents;

namespace Anvil.Core.Entities;

/// <summary>
/// One mention of an entity: where it stands in the original text, its canonical Simplified name
/// and its type. <see cref="Source"/> says which recogniser found it (lexicon, pattern, title...), for debugging
/// and for deciding between overlapping candidates.
/// </summary>
public sealed record EntityMention(TextSpan Span, string Name, EntityType Type, string Source = "lexicon")
{
    /// <summary>Higher wins when candidates overlap with the same extent.</summary>
    public int Priority { get; init; }
}
