using Anvil.Core.Entities;

namespace Anvil.Core.Lexicons;

/// <summary>
/// What a surface form in a lexicon stands for. <see cref="Priority"/> decides between entries that
/// share a surface (长安: the car maker over the Xi'an district).
/// </summary>
public sealed record LexiconEntry(string Name, EntityType Type, int Priority, string Origin)
{
    /// <summary>
    /// For a district's or county's short form: the canonical names of the city and province above it.
    /// Such a short form (坪山, 大城) counts only where the text also names one of them, since many
    /// are ordinary words as well (大城市, 产兴城).
    /// </summary>
    public IReadOnlyList<string>? RequiresContext { get; init; }

    /// <summary>For a government body: the canonical name of the place it governs (财政部 → 中国), or null.</summary>
    public string? Place { get; init; }
}
