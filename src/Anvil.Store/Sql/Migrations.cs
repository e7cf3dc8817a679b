using System.Globalization;
using System.Text;

namespace Anvil.Store.Sql;

/// <summary>One numbered SQL file of a provider's schema history (<c>Sqlite/Migrations/0001_initial.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// The migrations built into the assembly for a provider, in order. A file is named <c>NNNN_what.sql</c>; its
/// number is the schema version it brings the knowledge base to. Files are only ever added, never edited.
/// </summary>
internal static class Migrations
{
    // read once per provider: every connection opened checks against them
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Migration>> Loaded = new(StringComparer.Ordinal);

    public static IReadOnlyList<Migration> For(string provider) => Loaded.GetOrAdd(provider, Load);

    private static IReadOnlyList<Migration> Load(string provider)
    {
        var assembly = typeof(Migrations).Assembly;
        string prefix = $"anvil/migrations/{provider}/";
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            int underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            {
                throw new InvalidOperationException($"migration file '{file}' must be named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(new Migration(version, Path.GetFileNameWithoutExtension(file)[(underscore + 1)..], reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{provider} migrations must be numbered 1, 2, 3... without gaps; found {list[i].Version} at position {i + 1}");
            }
        }

        return list;
    }
}
