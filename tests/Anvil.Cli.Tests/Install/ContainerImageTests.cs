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
