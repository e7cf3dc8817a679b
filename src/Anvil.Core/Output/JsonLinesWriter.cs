using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Facts;
using Anvil.Core.Normalization;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Output;

/// <summary>
/// Writes an analysis as JSON Lines per <c>shared/spec/extraction-output.md</c>: the document record,
/// then one entity record per distinct entity, then facts and relations. Spans become code points.
/// </summary>
public static class JsonLinesWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays readable: only what JSON itself requires is escaped
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Analysis analysis, IBufferWriter<byte> output)
    {
        var doc = analysis.Document;
        using var json = new Utf8JsonWriter(output, Options);
        WriteDocument(json, doc, analysis.Script);
        NewLine(json, output);

        foreach (var group in GroupEntities(analysis.Entities))
        {
            json.Reset(output);
            WriteEntity(json, doc, group);
            NewLine(json, output);
        }

        foreach (var fact in analysis.Facts)
        {
            json.Reset(output);
            WriteFact(json, doc, fact);
            NewLine(json, output);
        }

        foreach (var relation in analysis.Relations)
        {
            json.Reset(output);
            WriteRelation(json, doc, relation);
            NewLine(json, output);
        }
    }

    /// <summary>One entry per distinct (name, type), in order of first mention. Industries stay internal.</summary>
    public static IEnumerable<(string Name, EntityType Type, List<EntityMention> Mentions)> GroupEntities(IEnumerable<EntityMention> mentions) =>
        mentions.Where(m => m.Type != EntityType.Industry)
            .GroupBy(m => (m.Name, m.Type))
            .Select(g => (g.Key.Name, g.Key.Type, g.OrderBy(m => m.Span.Start).ToList()))
            .OrderBy(g => g.Item3[0].Span.Start);

    private static void NewLine(Utf8JsonWriter json, IBufferWriter<byte> output)
    {
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteDocument(Utf8JsonWriter json, Document doc, Script script)
    {
        json.WriteStartObject();
        json.WriteString("type", "document");
        json.WriteString("doc", doc.Id);
        WriteNullable(json, "title", doc.Title);
        json.WriteString("script", script switch
        {
            Script.Hans => "Hans",
            Script.Hant => "Hant",
            _ => "mixed",
        });
        WriteNullable(json, "date", doc.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("chars", doc.CodePointLength);
        json.WriteString("sha256", doc.Sha256());
        json.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter json, Document doc, (string Name, EntityType Type, List<EntityMention> Mentions) entity)
    {
        json.WriteStartObject();
        json.WriteString("type", "entity");
        json.WriteString("doc", doc.Id);
        json.WriteString("name", entity.Name);
        json.WriteString("entity_type", entity.Type.ToSpecName());
        json.WriteStartArray("mentions");
        foreach (var m in entity.Mentions)
        {
            json.WriteStartObject();
            WriteSpan(json, doc, m.Span);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter json, Document doc, FactRecord record)
    {
        var f = record.Fact;
        json.WriteStartObject();
        json.WriteString("type", "fact");
        json.WriteString("doc", doc.Id);
        WriteSpan(json, doc, record.Span);
        json.WriteString("subject", f.Subject);
        WriteNullable(json, "scope", f.Scope);
        json.WriteString("indicator", f.Indicator);
        if (f.IndicatorText is not null)
        {
            json.WriteString("indicator_text", f.IndicatorText);
        }

        json.WriteString("kind", f.Kind.ToSpecName());
        json.WriteNumber("value", f.Value);
        if (f.ValueHigh is { } high)
        {
            json.WriteNumber("value_high", high);
        }

        json.WriteString("unit", f.Unit.Code);
        WriteNullable(json, "unit_text", f.UnitText);
        json.WriteString("qualifier", f.Qualifier.ToSpecName());
        WriteNullable(json, "period", f.Period);
        WriteNullable(json, "source", f.Source);
        // the spec's defaults (actual, no basis) are left out, so a reader of older output sees the same records
        if (f.Status != FactStatus.Actual)
        {
            json.WriteString("status", f.Status.ToSpecName());
        }

        if (f.Basis is { } basis)
        {
            json.WriteString("basis", basis.ToSpecName());
        }

        json.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter json, Document doc, RelationRecord r)
    {
        json.WriteStartObject();
        json.WriteString("type", "relation");
        json.WriteString("doc", doc.Id);
        WriteSpan(json, doc, r.Span);
        json.WriteString("subject", r.Subject);
        json.WriteString("predicate", r.Predicate);
        json.WriteString("object", r.Object);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, Document doc, TextSpan span)
    {
        json.WriteStartArray("span");
        json.WriteNumberValue(doc.ToCodePointIndex(span.Start));
        json.WriteNumberValue(doc.ToCodePointIndex(span.End));
        json.WriteEndArray();
        json.WriteString("quote", doc.Text.AsSpan(span.Start, span.Length));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
