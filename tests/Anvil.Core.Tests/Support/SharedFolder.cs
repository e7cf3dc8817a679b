using Xunit;

namespace Anvil.Core.Tests.Support;

/// <summary>
/// Finds <c>../shared</c> beside the repository. Tests that need it call <see cref="RequireOrSkip"/>,
/// which skips with a message where it is absent, so the suite passes on any machine.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? Path => Root.Value;

    public static string RequireOrSkip(string relative = "")
    {
        var root = Root.Value;
        if (root is null)
        {
            Assert.Skip("../shared is not present beside the repository; this test needs its documents");
        }

        var full = System.IO.Path.Combine(root!, relative);
        if (!System.IO.Path.Exists(full))
        {
            Assert.Skip($"../shared/{relative} is not present; this test needs it");
        }

        return full;
    }

    /// <summary>The repository root (the folder holding Anvil.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Anvil.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Anvil.slnx)");
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("ANVIL_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
