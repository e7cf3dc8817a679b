using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests.Install;

/// <summary>
/// The Dockerfile builds an image whose anvil answers <c>--version</c> and runs the demo, and compose.yaml is a
/// valid compose file; only where a container engine (docker or podman) answers, else skipped with a message.
/// </summary>
[Collection(Installing.Name)]
public sealed class ContainerImageTests
{
    [Fact]
    public void The_image_builds_and_its_anvil_runs_the_demo()
    {
        Installing.RequirePackagingRun("The container image test");
        string engine = Engine() ?? SkipNoEngine();
        string root = SharedFolder.RepositoryRoot;
        string tag = "anvil-smoke-" + Guid.NewGuid().ToString("N")[..8];

        var build = Installing.Run(engine, ["build", "-t", tag, "."], root, minutes: 20);
        Assert.True(build.ExitCode == 0, build.Output);
        try
        {
            var about = Installing.Run(engine, ["run", "--rm", tag, "--version"], root);
            Assert.True(about.ExitCode == 0, about.Output);
            Assert.StartsWith("anvil ", about.Stdout, StringComparison.Ordinal);

            var demo = Installing.Run(engine, ["run", "--rm", tag, "demo"], root);
            Assert.True(demo.ExitCode == 0, demo.Output);
            Assert.Contains("ingested 4 new document(s)", demo.Stdout, StringComparison.Ordinal);

            var compose = Installing.Run(engine, ["compose", "-f", "compose.yaml", "config", "--quiet"], root);
            if (!compose.Output.Contains("unknown", StringComparison.OrdinalIgnoreCase)) // an engine without compose says so
            {
                Assert.True(compose.ExitCode == 0, compose.Output);
            }
        }
        finally
        {
            Installing.Run(engine, ["rmi", "-f", tag], root);
        }
    }

    /// <summary>
    /// Where no container engine answers (most machines that run the tests), the recipe is still checked: every file it
    /// copies exists, and the restore step copies the project file of every project the CLI is built from (a new project
    /// left out would fail only in <c>docker build</c>).
    /// </summary>
    [Fact]
    public void The_dockerfile_copies_every_project_the_cli_is_built_from_before_restoring()
    {
        string root = SharedFolder.RepositoryRoot;
        var lines = File.ReadAllLines(Path.Combine(root, "Dockerfile"));
        int restore = Array.FindIndex(lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "the Dockerfile restores before it copies the sources");
        var copies = lines.Select((l, i) => (Line: l, At: i))
            .Where(c => c.Line.StartsWith("COPY ", StringComparison.Ordinal) && !c.Line.Contains("--from", StringComparison.Ordinal))
            .SelectMany(c => c.Line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1].Select(path => (Path: path, c.At)))
            .ToList();
        foreach (var (path, _) in copies)
        {
            var full = Path.Combine(root, path);
            Assert.True(File.Exists(full) || Directory.Exists(full), $"the Dockerfile copies {path}, which is not in the repository");
        }

        var beforeRestore = copies.Where(c => c.At < restore).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var project in ProjectsOf(Path.Combine(root, "src", "Anvil.Cli", "Anvil.Cli.csproj")))
        {
            var relative = Path.GetRelativePath(root, project).Replace('\\', '/');
            Assert.True(beforeRestore.Contains(relative), $"the Dockerfile does not copy {relative} before it restores");
        }
    }

    /// <summary>A project and every project it references, transitively.</summary>
    private static HashSet<string> ProjectsOf(string project, HashSet<string>? seen = null)
    {
        seen ??= new HashSet<string>(StringComparer.Ordinal);
        if (seen.Add(project))
        {
            foreach (var reference in System.Xml.Linq.XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                ProjectsOf(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)), seen);
            }
        }

        return seen;
    }

    /// <summary>docker or podman, where it is on the PATH and its daemon answers.</summary>
    private static string? Engine()
    {
        foreach (var candidate in new[] { "docker", "podman" })
        {
            try
            {
                if (Installing.Run(candidate, ["info"], Path.GetTempPath(), minutes: 1).ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }

        return null;
    }

    private static string SkipNoEngine()
    {
        Assert.Skip("no container engine here (docker or podman, with a daemon that answers): the image is not built");
        return "";
    }
}
