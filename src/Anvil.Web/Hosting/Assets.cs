using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Anvil.Web.Hosting;

/// <summary>
/// The style sheet and the script, shipped inside the assembly (no wwwroot, nothing to build at run time) and served
/// from memory under <c>/assets/NAME</c>; pages link them with a content hash, so browsers may keep them for good.
/// Only these names exist: no path from a request ever reaches the file system.
/// </summary>
internal static class Assets
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string Hash)> Files = Load();

    public static string Href(string name) => $"/assets/{name}?v={Files[name].Hash}";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                throw WebException.NotFound($"no asset named '{name}'");
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(file.Bytes, file.Type);
        }).ExcludeFromDescription();
    }

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        const string prefix = "anvil/web/";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var name = resource[prefix.Length..];
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            files[name] = (bytes, type, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
