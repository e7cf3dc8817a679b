using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Anvil.Web.Hosting;

/// <summary>How the API writes JSON: snake_case names as in the extraction spec and the CLI's JSON Lines, Chinese as characters.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All); // still escapes < > & ' " for safety
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        options.Converters.Add(new FactRowJson());
        options.Converters.Add(new FigureSummaryJson());
        return options;
    }
}
