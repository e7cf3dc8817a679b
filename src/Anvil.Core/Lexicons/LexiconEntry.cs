using Anvil.Core.Entities;

namespace Anvil.Core.Lexicons;

/// <summary>
/// What a surface form in a lexicon stands for. <see cref="Priority"/> decides between entries that
/// share a surface (长安: the car maker over the Xi'an district).
/// </summary>
public sealed record LexiconEntry(string Name, EntityType Type, int Priority, string Origin);
