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
        var f = row.Fact;
        json.WriteStartObject();
        json.WriteNumber("id", row.Id);
        json.WriteString("doc", row.Doc);
        json.WriteString("title", row.Title);
        json.WriteString("date", row.Date);
        json.WriteNumber("start", row.Start);
        json.WriteNumber("end", row.End);
        json.WriteString("quote", row.Quote);
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
        json.WriteEndObject();
    }
}
