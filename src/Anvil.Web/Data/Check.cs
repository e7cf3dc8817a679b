using System.Globalization;
using Anvil.Core.Facts;
using Anvil.Core.Pipeline;
using Anvil.Store.Matching;
using Anvil.Store.Periods;
using Anvil.Web.Hosting;

namespace Anvil.Web.Data;

/// <summary>
/// Checks what a request asks for before anything reads the knowledge base: a value out of range, an unknown word or
/// an odd path segment is a <see cref="WebException"/> (400) that names the parameter and says what it takes.
/// </summary>
internal static class Check
{
    public const int MaxText = 200;

    private static readonly Lazy<NameMatcher> Matcher = new(() => new NameMatcher(AnvilPipeline.BuiltInLexicon));

    /// <summary>A free-text filter: trimmed, null when empty, refused when too long or holding control characters.</summary>
    public static string? Text(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > MaxText)
        {
            throw WebException.BadParameter($"{parameter}: at most {MaxText} characters, not {text.Length}");
        }

        if (text.Any(char.IsControl))
        {
            throw WebException.BadParameter($"{parameter}: holds control characters; give plain text");
        }

        return text;
    }

    /// <summary>The folded names a typed subject, scope or indicator may be stored under (any script, any alias).</summary>
    public static IReadOnlyCollection<string>? Names(string parameter, string? value) =>
        Text(parameter, value) is { } text ? Matcher.Value.Expand(text) : null;

    /// <summary>Several names, from repeated parameters and comma-separated lists, in order, without repeats.</summary>
    public static List<string> NameList(string parameter, IEnumerable<string?>? values, int max)
    {
        var names = new List<string>();
        foreach (var value in values ?? [])
        {
            foreach (var part in (value ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Text(parameter, part) is { } name && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        if (names.Count > max)
        {
            throw WebException.BadParameter($"{parameter}: at most {max} names, not {names.Count}");
        }

        return names;
    }

    /// <summary>A fact kind by its spec name (<see cref="FactNames.KindNames"/>).</summary>
    public static FactKind? Kind(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return FactNames.TryParseKind(value, out var kind) ? kind
            : throw WebException.BadParameter($"kind: must be {string.Join(", ", FactNames.KindNames)}, not '{Shorten(value)}'");
    }

    public static PeriodRange? Period(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return PeriodRange.TryParseFilter(value.Trim(), out var range) ? range
            : throw WebException.BadParameter($"period: must be a year (2024), a range of years (2023-2024) or a period such as 2024-H1, not '{Shorten(value)}'");
    }

    public static int Range(string parameter, int? value, int fallback, int min, int max)
    {
        int v = value ?? fallback;
        return v >= min && v <= max ? v
            : throw WebException.BadParameter(string.Create(CultureInfo.InvariantCulture, $"{parameter}: must be between {min} and {max}, not {v}"));
    }

    public static double Range(string parameter, double? value, double fallback, double min, double max)
    {
        double v = value ?? fallback;
        return double.IsFinite(v) && v >= min && v <= max ? v
            : throw WebException.BadParameter(string.Create(CultureInfo.InvariantCulture, $"{parameter}: must be between {min} and {max}, not {v}"));
    }

    /// <summary>One of <paramref name="allowed"/> (the first when none is given).</summary>
    public static string OneOf(string parameter, string? value, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return allowed[0];
        }

        var v = value.Trim().ToLowerInvariant();
        return allowed.Contains(v) ? v
            : throw WebException.BadParameter($"{parameter}: must be {string.Join(", ", allowed)}, not '{Shorten(value)}'");
    }

    /// <summary>
    /// A document id from a path: what <c>anvil ingest</c> names documents (a file name without its extension) or the
    /// start of a content hash. Never a path: slashes, <c>..</c> and control characters are refused.
    /// </summary>
    public static string DocumentKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxText || value is "." or ".." ||
            value.Any(c => c is '/' or '\\' || char.IsControl(c)))
        {
            throw WebException.BadParameter($"document: '{Shorten(value)}' is not a document id (a file name without extension, or the start of a content hash)");
        }

        return value;
    }

    /// <summary>A value as it may be quoted in a message: at most 60 characters, control characters shown as '?'.</summary>
    public static string Shorten(string? value)
    {
        var v = new string([.. (value ?? "").Take(60).Select(c => char.IsControl(c) ? '?' : c)]);
        return (value?.Length ?? 0) > 60 ? v + "…" : v;
    }
}
