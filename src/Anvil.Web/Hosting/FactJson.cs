using System.Text.Json;
using System.Text.Json.Serialization;
using Anvil.Core.Facts;
using Anvil.Store.Records;

namespace Anvil.Web.Hosting;

/// <summary>
/// A stored fact in the API as the extraction spec names its fields: where it was stated (<c>id</c>, <c>doc</c>,
/// <c>title</c>, <c>date</c>, <c>start</c>, <c>end</c>, <c>quote</c>), then the fact's own fields flat beside them
/// (<c>subject</c>, <c>kind</c> as <c>growth</c>, <c>qualifier</c> as <c>approx</c>, <c>status</c>, <c>basis</c>…), as
/// <c>anvil facts --format jsonl</c> and the extraction output write them. Written only: the API takes no facts.
/// </summary>
internal sealed class FactRowJson : JsonConverter<FactRow>
{
    public override FactRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the API writes facts; it never reads them");

    public override void Write(Utf8JsonWriter json, FactRow row, JsonSerializerOptions options)
    {
        json.WriteStartObject();
        json.WriteNumber("id", row.Id);
        json.WriteString("doc", row.Doc);
        json.WriteString("title", row.Title);
        json.WriteString("date", row.Date);
        json.WriteNumber("start", row.Start);
        json.WriteNumber("end", row.End);
        json.WriteString("quote", row.Quote);
        WriteFact(json, row.Fact);
        json.WriteEndObject();
    }

    /// <summary>A fact's own fields, by their spec names, into the object being written.</summary>
    public static void WriteFact(Utf8JsonWriter json, Fact f)
    {
        json.WriteString("subject", f.Subject);
        json.WriteString("scope", f.Scope);
        json.WriteString("indicator", f.Indicator);
        json.WriteString("indicator_text", f.IndicatorText);
        json.WriteString("kind", f.Kind.ToSpecName());
        json.WriteNumber("value", f.Value);
        if (f.ValueHigh is { } high)
        {
            json.WriteNumber("value_high", high);
        }
        else
        {
            json.WriteNull("value_high");
        }

        json.WriteString("unit", f.Unit.Code);
        json.WriteString("unit_text", f.UnitText);
        json.WriteString("qualifier", f.Qualifier.ToSpecName());
        json.WriteString("period", f.Period);
        json.WriteString("source", f.Source);
        json.WriteString("status", f.Status.ToSpecName());
        json.WriteString("basis", f.Basis?.ToSpecName());
    }
}

/// <summary>
/// A summary in the API: the chosen statement's fields as a fact's (<c>subject</c> … <c>basis</c>), then how it was
/// chosen (<c>chosen_by</c>: agreed, most_sources or latest), the counts, the range, <c>conflict</c>, and the fact that
/// stands for it (<c>fact_id</c>, <c>doc</c>). Written only.
/// </summary>
internal sealed class FigureSummaryJson : JsonConverter<FigureSummary>
{
    public override FigureSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the API writes summaries; it never reads them");

    public override void Write(Utf8JsonWriter json, FigureSummary s, JsonSerializerOptions options)
    {
        json.WriteStartObject();
        FactRowJson.WriteFact(json, s.Fact);
        json.WriteString("current_date", s.Date);
        json.WriteString("chosen_by", s.Choice switch { SummaryChoice.Agreed => "agreed", SummaryChoice.MostSources => "most_sources", _ => "latest" });
        json.WriteNumber("documents_with_value", s.ChosenDocuments);
        json.WriteNumber("documents", s.Documents);
        json.WriteNumber("statements", s.Statements);
        json.WriteNumber("values", s.Values);
        json.WriteNumber("low", s.Low);
        json.WriteNumber("high", s.High);
        json.WriteBoolean("conflict", s.Conflict);
        json.WriteNumber("fact_id", s.FactId);
        json.WriteString("doc", s.Doc);
        json.WriteString("doc_date", s.DocDate);
        json.WriteEndObject();
    }
}
