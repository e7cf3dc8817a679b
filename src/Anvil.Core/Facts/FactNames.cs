using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>
/// The spec's names for a fact's typed fields (<c>value</c>, <c>growth</c>, <c>approx</c>, <c>yoy</c>…): used only where a
/// fact meets text — the JSON Lines writer, SQL bindings, command-line options and query strings.
/// </summary>
public static class FactNames
{
    private static readonly string[] Kinds = ["value", "growth", "delta", "share", "rank"];
    private static readonly string[] Qualifiers = ["eq", "approx", "gt", "ge", "lt", "le", "range"];
    private static readonly string[] Statuses = ["actual", "target", "forecast"];
    private static readonly string[] Bases = ["yoy", "mom", "qoq"];

    /// <summary>Every kind's spec name, in the enum's order.</summary>
    public static IReadOnlyList<string> KindNames => Kinds;

    public static IReadOnlyList<string> StatusNames => Statuses;

    public static IReadOnlyList<string> BasisNames => Bases;

    public static string ToSpecName(this FactKind kind) => Kinds[(int)kind];

    public static string ToSpecName(this Qualifier qualifier) => Qualifiers[(int)qualifier];

    public static string ToSpecName(this FactStatus status) => Statuses[(int)status];

    public static string ToSpecName(this GrowthBasis basis) => Bases[(int)basis];

    public static bool TryParseKind(string? name, out FactKind kind) => TryParse(Kinds, name, out kind);

    public static bool TryParseQualifier(string? name, out Qualifier qualifier) => TryParse(Qualifiers, name, out qualifier);

    public static bool TryParseStatus(string? name, out FactStatus status) => TryParse(Statuses, name, out status);

    public static bool TryParseBasis(string? name, out GrowthBasis basis) => TryParse(Bases, name, out basis);

    /// <summary>The kind a stored or typed name stands for; throws on a name the spec does not have.</summary>
    public static FactKind ParseKind(string name) =>
        TryParseKind(name, out var kind) ? kind : throw new FormatException($"'{name}' is not a fact kind ({string.Join(", ", Kinds)})");

    public static Qualifier ParseQualifier(string name) =>
        TryParseQualifier(name, out var q) ? q : throw new FormatException($"'{name}' is not a qualifier ({string.Join(", ", Qualifiers)})");

    /// <summary>A status from its name; a missing one is <see cref="FactStatus.Actual"/>, the spec's default.</summary>
    public static FactStatus ParseStatus(string? name) =>
        string.IsNullOrEmpty(name) ? FactStatus.Actual
        : TryParseStatus(name, out var s) ? s : throw new FormatException($"'{name}' is not a fact status ({string.Join(", ", Statuses)})");

    /// <summary>A basis from its name; a missing one is null.</summary>
    public static GrowthBasis? ParseBasis(string? name) =>
        string.IsNullOrEmpty(name) ? null
        : TryParseBasis(name, out var b) ? b : throw new FormatException($"'{name}' is not a growth basis ({string.Join(", ", Bases)})");

    private static bool TryParse<T>(string[] names, string? name, out T value)
        where T : struct, Enum
    {
        int i = name is null ? -1 : Array.IndexOf(names, name.Trim().ToLowerInvariant());
        value = i < 0 ? default : (T)(object)i;
        return i >= 0;
    }
}
