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
        var id = JsonEncodedText.Encode(doc.Id, Options.Encoder); // repeated in every record
        using var json = new Utf8JsonWriter(output, Options);
        WriteDocument(json, doc, analysis.Script);
        NewLine(json, output);

        foreach (var group in GroupEntities(analysis.Entities))
        {
            json.Reset(output);
            WriteEntity(json, doc, id, group);
            NewLine(json, output);
        }

        foreach (var fact in analysis.Facts)
        {
            json.Reset(output);
            WriteFact(json, doc, id, fact);
            NewLine(json, output);
        }

        foreach (var relation in analysis.Relations)
        {
            json.Reset(output);
            WriteRelation(json, doc, id, relation);
            NewLine(json, output);
        }
    }

    /// <summary>One entry per distinct (name, type), in order of first mention. Industries stay internal.</summary>
    public static IEnumerable<(string Name, EntityType Type, List<EntityMention> Mentions)> GroupEntities(IEnumerable<EntityMention> mentions)
    {
        // grouped in order of first appearance; the mentions come sorted from the pipeline, so the stable sorts that
        // put them in text order are skipped when they would change nothing
        var groups = new Dictionary<(string Name, EntityType Type), List<EntityMention>>();
        var entities = new List<(string Name, EntityType Type, List<EntityMention> Mentions)>();
        foreach (var m in mentions)
        {
            if (m.Type == EntityType.Industry)
            {
                continue;
            }

            if (!groups.TryGetValue((m.Name, m.Type), out var list))
            {
                groups[(m.Name, m.Type)] = list = [];
                entities.Add((m.Name, m.Type, list));
            }

            list.Add(m);
        }

        for (int k = 0; k < entities.Count; k++)
        {
            if (!IsSorted(entities[k].Mentions, m => m.Span.Start))
            {
                entities[k] = (entities[k].Name, entities[k].Type, [.. entities[k].Mentions.OrderBy(m => m.Span.Start)]);
            }
        }

        return IsSorted(entities, e => e.Mentions[0].Span.Start) ? entities : entities.OrderBy(e => e.Mentions[0].Span.Start);
    }

    private static bool IsSorted<T>(List<T> items, Func<T, int> key)
    {
        for (int k = 1; k < items.Count; k++)
        {
            if (key(items[k]) < key(items[k - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static void NewLine(Utf8JsonWriter json, IBufferWriter<byte> output)
    {
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteDocument(Utf8JsonWriter json, Document doc, Script script)
    {
        json.WriteStartObject();
        json.WriteString(Names.Type, Names.DocumentRecord);
        json.WriteString(Names.Doc, doc.Id);
        WriteNullable(json, Names.Title, doc.Title);
        json.WriteString(Names.Script, script switch
        {
            Script.Hans => "Hans",
            Script.Hant => "Hant",
            _ => "mixed",
        });
        WriteNullable(json, Names.Date, doc.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber(Names.Chars, doc.CodePointLength);
        json.WriteString(Names.Sha256, doc.Sha256());
        json.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter json, Document doc, JsonEncodedText id, (string Name, EntityType Type, List<EntityMention> Mentions) entity)
    {
        json.WriteStartObject();
        json.WriteString(Names.Type, Names.EntityRecord);
        json.WriteString(Names.Doc, id);
        json.WriteString(Names.Name, entity.Name);
        json.WriteString(Names.EntityType, entity.Type.ToSpecName());
        json.WriteStartArray(Names.Mentions);
        foreach (var m in entity.Mentions)
        {
            json.WriteStartObject();
            WriteSpan(json, doc, m.Span);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter json, Document doc, JsonEncodedText id, FactRecord record)
    {
        var f = record.Fact;
        json.WriteStartObject();
        json.WriteString(Names.Type, Names.FactRecord);
        json.WriteString(Names.Doc, id);
        WriteSpan(json, doc, record.Span);
        json.WriteString(Names.Subject, f.Subject);
        WriteNullable(json, Names.Scope, f.Scope);
        json.WriteString(Names.Indicator, f.Indicator);
        if (f.IndicatorText is not null)
        {
            json.WriteString(Names.IndicatorText, f.IndicatorText);
        }

        json.WriteString(Names.Kind, f.Kind.ToSpecName());
        json.WriteNumber(Names.Value, f.Value);
        if (f.ValueHigh is { } high)
        {
            json.WriteNumber(Names.ValueHigh, high);
        }

        json.WriteString(Names.Unit, f.Unit.Code);
        WriteNullable(json, Names.UnitText, f.UnitText);
        json.WriteString(Names.Qualifier, f.Qualifier.ToSpecName());
        WriteNullable(json, Names.Period, f.Period);
        WriteNullable(json, Names.Source, f.Source);
        // the spec's defaults (actual, no basis) are left out, so a reader of older output sees the same records
        if (f.Status != FactStatus.Actual)
        {
            json.WriteString(Names.Status, f.Status.ToSpecName());
        }

        if (f.Basis is { } basis)
        {
            json.WriteString(Names.Basis, basis.ToSpecName());
        }

        json.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter json, Document doc, JsonEncodedText id, RelationRecord r)
    {
        json.WriteStartObject();
        json.WriteString(Names.Type, Names.RelationRecord);
        json.WriteString(Names.Doc, id);
        WriteSpan(json, doc, r.Span);
        json.WriteString(Names.Subject, r.Subject);
        json.WriteString(Names.Predicate, r.Predicate);
        json.WriteString(Names.Object, r.Object);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, Document doc, TextSpan span)
    {
        json.WriteStartArray(Names.Span);
        json.WriteNumberValue(doc.ToCodePointIndex(span.Start));
        json.WriteNumberValue(doc.ToCodePointIndex(span.End));
        json.WriteEndArray();
        json.WriteString(Names.Quote, doc.Text.AsSpan(span.Start, span.Length));
    }

    private static void WriteNullable(Utf8JsonWriter json, JsonEncodedText name, string? value)
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

    /// <summary>
    /// Property names and record types, escaped and turned into UTF-8 once: written as strings they were checked for
    /// characters to escape and transcoded again in every record (a text of many facts writes tens of thousands).
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText Basis = JsonEncodedText.Encode("basis");
        public static readonly JsonEncodedText Chars = JsonEncodedText.Encode("chars");
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
        public static readonly JsonEncodedText Doc = JsonEncodedText.Encode("doc");
        public static readonly JsonEncodedText EntityType = JsonEncodedText.Encode("entity_type");
        public static readonly JsonEncodedText Indicator = JsonEncodedText.Encode("indicator");
        public static readonly JsonEncodedText IndicatorText = JsonEncodedText.Encode("indicator_text");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Mentions = JsonEncodedText.Encode("mentions");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Object = JsonEncodedText.Encode("object");
        public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
        public static readonly JsonEncodedText Predicate = JsonEncodedText.Encode("predicate");
        public static readonly JsonEncodedText Qualifier = JsonEncodedText.Encode("qualifier");
        public static readonly JsonEncodedText Quote = JsonEncodedText.Encode("quote");
        public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
        public static readonly JsonEncodedText Script = JsonEncodedText.Encode("script");
        public static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Span = JsonEncodedText.Encode("span");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        public static readonly JsonEncodedText UnitText = JsonEncodedText.Encode("unit_text");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText ValueHigh = JsonEncodedText.Encode("value_high");
        public static readonly JsonEncodedText DocumentRecord = JsonEncodedText.Encode("document");
        public static readonly JsonEncodedText EntityRecord = JsonEncodedText.Encode("entity");
        public static readonly JsonEncodedText FactRecord = JsonEncodedText.Encode("fact");
        public static readonly JsonEncodedText RelationRecord = JsonEncodedText.Encode("relation");
    }
}
