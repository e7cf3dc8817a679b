using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Anvil.Data;

namespace Anvil.Cli.CommandLine;

/// <summary>
/// <c>anvil --version</c>: the program's version (with the commit it was built from, when known), the runtime, and the
/// language data it carries: a fingerprint of all of it, then each folder with the versions its files state.
/// </summary>
internal static class VersionReport
{
    /// <summary>Asked alone (Spectre's help lists -v, --version; Program answers before Spectre, which would print less).</summary>
    public static bool IsAsked(string[] args) => args is ["--version"] or ["-v"] or ["-V"];

    public static string Write()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"anvil {ProgramVersion()} (.NET {Environment.Version}, {RuntimeInformation.RuntimeIdentifier})\n");
        var folders = DataManifest.Folders();
        text.Append(CultureInfo.InvariantCulture, $"data {DataManifest.Fingerprint()}, {folders.Sum(f => f.Files)} files:\n");
        int width = folders.Max(f => f.Name.Length);
        foreach (var f in folders)
        {
            string versions = f.Versions.Count switch
            {
                0 => "no version header",
                1 => "version " + f.Versions[0],
                _ => "versions " + string.Join(", ", f.Versions),
            };
            string sources = f.DerivedFrom.Count == 0 ? "" : "; derived from " + string.Join(", ", f.DerivedFrom);
            text.Append(CultureInfo.InvariantCulture, $"  {f.Name.PadRight(width)} {f.Files,3} {(f.Files == 1 ? "file " : "files")}  {versions}{sources}\n");
        }

        var models = DataManifest.Models();
        text.Append(models.Count == 0
            ? "model: none (names are recognised by the lexicons and rules above)\n"
            : "model: " + string.Join(", ", models.Select(m => $"{m.Path} ({Megabytes(m.Bytes)}, {m.Fingerprint})")) + "\n");
        return text.ToString();
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB");

    /// <summary>0.1.0+4bb9e34 (the version and, when the build knew it, the commit's first seven hex digits).</summary>
    public static string ProgramVersion()
    {
        var version = typeof(VersionReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;
    }
}
