using System.Buffers;
using System.Text.Json;
using Anvil.Core.Documents;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>What became of one input.</summary>
internal enum FuzzVerdict
{
    /// <summary>Read, extracted and written, every record sound.</summary>
    Passed,

    /// <summary>Refused by the reader with a <see cref="DocumentReadException"/> of a foreseen kind: fine.</summary>
    Rejected,

    /// <summary>Something other than <see cref="DocumentReadException"/> escaped the reader, or it reported an unforeseen error (E0299).</summary>
    ReadCrash,

    /// <summary>The pipeline threw.</summary>
    ExtractCrash,

    /// <summary>The JSON Lines writer threw, or wrote something that is not JSON Lines.</summary>
    WriteCrash,

    /// <summary>A record's span lies outside the text or cuts a surrogate pair, or a quote differs from the text at its span.</summary>
    SpanViolation,

    /// <summary>The input took longer than the time bound.</summary>
    Hang,

    /// <summary>The same document extracted again gave other records: state left behind in the pipeline.</summary>
    Nondeterministic,

    /// <summary>A record breaks the output spec: a kind, unit, qualifier, period, entity type or predicate it does not allow.</summary>
    SpecViolation,
}

internal sealed record FuzzOutcome(FuzzVerdict Verdict, string Detail = "")
{
    public bool Failed => Verdict is not (FuzzVerdict.Passed or FuzzVerdict.Rejected);

    public static readonly FuzzOutcome Pass = new(FuzzVerdict.Passed);
}

/// <summary>
/// The properties every input must keep: reading either succeeds or throws <see cref="DocumentReadException"/>;
/// extraction never throws; every record's span lies inside the text without cutting a surrogate pair; written
/// as JSON Lines, every line is JSON and every <c>quote</c> equals the code-point slice of the text at
/// <c>span</c>, and the document's <c>chars</c> is the text's length in code points.
/// </summary>
internal sealed class FuzzOracle(DocumentReader reader, ExtractionPipeline pipeline)
{
    /// <summary>Sees every analysis once it is checked (the tests hold weak references to find what is never freed).</summary>
    public Action<Analysis>? Observe { get; init; }

    /// <summary>
    /// One input in this many (by size) is extracted a second time, from a fresh document, and must give the same
    /// output: nothing of one document may stay behind in the pipeline to change the next (0: never).
    /// </summary>
    public int RecheckOneIn { get; init; } = 16;

    public FuzzOutcome Check(FuzzInput input)
    {
        Document doc;
        if (input.Text is { } text)
        {
            doc = new Document("fuzz", text, date: input.Date);
        }
        else
        {
            try
            {
                doc = reader.Read(input.Bytes, "fuzz", input.FileName, input.Date is { } date ? new ReadOptions { Date = date } : null);
                if ((IllFormedAt(doc.Text) ?? IllFormedAt(doc.Title ?? "")) is { } at)
                {
                    // the spec's text is decoded text, and JSON Lines in UTF-8 cannot carry a lone surrogate
                    return new(FuzzVerdict.ReadCrash, $"read text: the reader let through a lone surrogate at {at}: {doc.Format} document");
                }
            }
            catch (DocumentReadException e)
            {
                if (e.Code == ReadErrorCodes.Unexpected)
                {
                    return new(FuzzVerdict.ReadCrash, $"{e.Code} {e.Message}\n{e.InnerException}");
                }

                if (e.Message.Contains('\n', StringComparison.Ordinal) || !e.Message.StartsWith(input.FileName ?? "fuzz", StringComparison.Ordinal))
                {
                    return new(FuzzVerdict.ReadCrash, $"error message is not one line naming the input: {e.Message}");
                }

                return new(FuzzVerdict.Rejected, e.Code);
            }
#pragma warning disable CA1031 // anything else escaping the reader is exactly what the fuzzer looks for
            catch (Exception e)
#pragma warning restore CA1031
            {
                return new(FuzzVerdict.ReadCrash, e.ToString());
            }
        }

        Analysis analysis;
        try
        {
            analysis = pipeline.Run(doc);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new(FuzzVerdict.ExtractCrash, e.ToString());
        }

        if (CheckSpans(analysis) is { } spanProblem)
        {
            return new(FuzzVerdict.SpanViolation, spanProblem);
        }

        var output = new ArrayBufferWriter<byte>();
        try
        {
            JsonLinesWriter.Write(analysis, output);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new(FuzzVerdict.WriteCrash, e.ToString());
        }

        Observe?.Invoke(analysis);
        var verdict = CheckJson(doc.Text, output.WrittenSpan);
        if (verdict.Failed || RecheckOneIn <= 0 || input.Size % RecheckOneIn != 0)
        {
            return verdict;
        }

        try
        {
            var again = new ArrayBufferWriter<byte>();
            JsonLinesWriter.Write(pipeline.Run(doc.With()), again);
            return again.WrittenSpan.SequenceEqual(output.WrittenSpan)
                ? verdict
                : new(FuzzVerdict.Nondeterministic, $"second extraction differs:\n{System.Text.Encoding.UTF8.GetString(output.WrittenSpan)}\n---\n{System.Text.Encoding.UTF8.GetString(again.WrittenSpan)}");
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new(FuzzVerdict.ExtractCrash, "second extraction: " + e);
        }
    }

    /// <summary>The spans the pipeline holds, before output: inside the text, start ≤ end, no surrogate pair cut.</summary>
    private static string? CheckSpans(Analysis analysis)
    {
        string text = analysis.Document.Text;
        foreach (var b in analysis.Document.Boilerplate)
        {
            if (Bad(text, b) is { } why)
            {
                return $"boilerplate span {why}: {b}";
            }
        }

        foreach (var m in analysis.Entities)
        {
            if (Bad(text, m.Span) is { } why)
            {
                return $"entity span {why}: {m.Name} ({m.Type}) {m.Span}";
            }
        }

        foreach (var q in analysis.Quantities)
        {
            if ((Bad(text, q.Span) ?? Bad(text, q.NumberSpan) ?? Bad(text, q.UnitSpan)) is { } why)
            {
                return $"quantity span {why}: {q.Value} {q.Unit} {q.Span} number {q.NumberSpan} unit {q.UnitSpan}";
            }

            if (double.IsNaN(q.Value) || double.IsInfinity(q.Value))
            {
                return $"quantity value not finite: {q.Span} {q.Value}";
            }
        }

        foreach (var p in analysis.Periods)
        {
            if (Bad(text, p.Span) is { } why)
            {
                return $"period span {why}: {p.Value} {p.Span}";
            }
        }

        foreach (var (span, f) in analysis.Facts)
        {
            if (Bad(text, span) is { } why)
            {
                return $"fact span {why}: {f.Indicator} {f.Value} {span}";
            }
        }

        foreach (var r in analysis.Relations)
        {
            if (Bad(text, r.Span) is { } why)
            {
                return $"relation span {why}: {r.Subject} {r.Predicate} {r.Object} {r.Span}";
            }
        }

        return null;
    }

    private static string? Bad(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End > text.Length || span.Start > span.End)
        {
            return $"outside the text (of {text.Length} UTF-16 units)";
        }

        if (CutsPair(text, span.Start) || CutsPair(text, span.End))
        {
            return "cuts a surrogate pair";
        }

        return null;
    }

    private static bool CutsPair(string text, int i) =>
        i > 0 && i < text.Length && char.IsHighSurrogate(text[i - 1]) && char.IsLowSurrogate(text[i]);

    /// <summary>The index of the first lone surrogate, or null when the text is well-formed UTF-16.</summary>
    public static int? IllFormedAt(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Every line JSON; spans in code points; quotes equal to the text there. A text built in code may hold lone
    /// surrogates (no reader lets one through: checked above); UTF-8 JSON carries each as U+FFFD, one code point
    /// for one, so the quote is compared with the text as written, lone surrogates replaced.
    /// </summary>
    private static FuzzOutcome CheckJson(string original, ReadOnlySpan<byte> written)
    {
        string text = IllFormedAt(original) is null ? original : ReplaceLoneSurrogates(original);
        int[] starts = CodePointStarts(text);
        int lineNo = 0;
        while (!written.IsEmpty)
        {
            int nl = written.IndexOf((byte)'\n');
            if (nl < 0)
            {
                return new(FuzzVerdict.WriteCrash, "the last line has no line break");
            }

            var line = written[..nl];
            written = written[(nl + 1)..];
            lineNo++;
            try
            {
                using var json = JsonDocument.Parse(line.ToArray());
                var root = json.RootElement;
                string type = root.GetProperty("type").GetString() ?? "";
                if (SpecProblem(type, root) is { } spec)
                {
                    return new(FuzzVerdict.SpecViolation, $"{type} {spec.Field} outside the spec: {spec.Value} (line {lineNo})");
                }

                if (type == "document")
                {
                    int chars = root.GetProperty("chars").GetInt32();
                    if (chars != starts.Length - 1)
                    {
                        return new(FuzzVerdict.SpanViolation, $"document record: chars {chars}, the text has {starts.Length - 1} code points");
                    }
                }
                else if (type == "entity")
                {
                    foreach (var mention in root.GetProperty("mentions").EnumerateArray())
                    {
                        if (CheckQuote(text, starts, mention) is { } problem)
                        {
                            return new(FuzzVerdict.SpanViolation, $"entity record: line {lineNo}, {root.GetProperty("name").GetString()}: {problem}");
                        }
                    }
                }
                else if (CheckQuote(text, starts, root) is { } problem)
                {
                    return new(FuzzVerdict.SpanViolation, $"{type} record: line {lineNo}: {problem}");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                return new(FuzzVerdict.WriteCrash, $"unsound record: line {lineNo}: {e.Message}");
            }
        }

        return FuzzOutcome.Pass;
    }

    private static readonly HashSet<string> Kinds = ["value", "growth", "delta", "share", "rank"];
    private static readonly HashSet<string> Qualifiers = ["eq", "approx", "gt", "ge", "lt", "le", "range"];
    private static readonly HashSet<string> Scripts = ["Hans", "Hant", "mixed"];
    private static readonly HashSet<string> EntityTypes =
        ["place", "company", "person", "government", "organization", "university", "media", "group", "work", "product", "industry"];
    private static readonly HashSet<string> Predicates =
        ["founded", "headquartered_in", "located_in", "member_of", "produces", "holds_position", "leads", "invests_in", "supplies", "subsidiary_of"];

    /// <summary>The closed vocabularies and the period grammar of shared/spec/extraction-output.md.</summary>
    private static (string Field, string Value)? SpecProblem(string type, JsonElement r)
    {
        string Str(string name) => r.GetProperty(name).GetString() ?? "";
        (string, string)? Closed(string field, HashSet<string> allowed) => allowed.Contains(Str(field)) ? null : (field, Str(field));
        switch (type)
        {
            case "document":
                return Closed("script", Scripts);
            case "entity":
                return Str("name").Length == 0 ? ("name", "(empty)") : Closed("entity_type", EntityTypes);
            case "relation":
                return Closed("predicate", Predicates);
            case "fact":
                if ((Closed("kind", Kinds) ?? Closed("qualifier", Qualifiers)) is { } closed)
                {
                    return closed;
                }

                if (Str("unit").Length == 0 || Str("subject").Length == 0)
                {
                    return (Str("unit").Length == 0 ? "unit" : "subject", "(empty)");
                }

                var period = r.GetProperty("period");
                return period.ValueKind == JsonValueKind.Null || IsPeriod(period.GetString()!) ? null : ("period", period.GetString()!);
            default:
                return ("type", type);
        }
    }

    /// <summary>YYYY, YYYY-MM, YYYY-Qn, YYYY-H1/H2, YYYY-MM-DD, or YYYY-MM/YYYY-MM with the first month not after the second.</summary>
    public static bool IsPeriod(string p)
    {
        static bool Year(ReadOnlySpan<char> s) => s.Length == 4 && !s.ContainsAnyExceptInRange('0', '9') && s is not "0000";
        static bool Two(ReadOnlySpan<char> s, int max) => s.Length == 2 && int.TryParse(s, System.Globalization.NumberStyles.None, null, out int v) && v >= 1 && v <= max;
        int slash = p.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            string a = p[..slash], b = p[(slash + 1)..];
            return a.Length == 7 && b.Length == 7 && IsPeriod(a) && IsPeriod(b) && string.CompareOrdinal(a, b) <= 0;
        }

        var parts = p.Split('-');
        return parts.Length switch
        {
            1 => Year(parts[0]),
            2 => Year(parts[0]) && (Two(parts[1], 12) || parts[1] is "Q1" or "Q2" or "Q3" or "Q4" or "H1" or "H2"),
            3 => Year(parts[0]) && Two(parts[1], 12) && Two(parts[2], 31)
                && DateOnly.TryParseExact(p, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
            _ => false,
        };
    }

    private static string? CheckQuote(string text, int[] starts, JsonElement record)
    {
        var span = record.GetProperty("span");
        int start = span[0].GetInt32(), end = span[1].GetInt32();
        int count = starts.Length - 1;
        if (start < 0 || end < start || end > count)
        {
            return $"span [{start},{end}) outside the text of {count} code points";
        }

        string expected = text[starts[start]..starts[end]];
        string? quote = record.GetProperty("quote").GetString();
        return quote == expected ? null : $"quote \"{quote}\" is not the text at [{start},{end}): \"{expected}\"";
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>The UTF-16 index where each code point starts, and the text's length at the end; a lone surrogate is one code point.</summary>
    private static int[] CodePointStarts(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            starts.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        starts.Add(text.Length);
        return [.. starts];
    }
}
