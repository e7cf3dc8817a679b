using System.Diagnostics;
using Anvil.Core.Tests.Support;
using Npgsql;

[assembly: AssemblyFixture(typeof(Anvil.Store.Tests.Support.PostgresServer))]

namespace Anvil.Store.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: <c>ANVIL_TEST_PG</c> (a connection string or URL of a user who may create
/// databases; CI sets it), else a throw-away cluster started here with <c>tests/pg/start.sh</c> and stopped at the end.
/// Where neither works (no server binaries, <c>ANVIL_TEST_PG=off</c>), PostgreSQL tests skip with the reason.
/// Each test gets a database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string? _admin;
    private readonly string? _unavailable;
    private readonly string? _clusterFolder;

    public PostgresServer()
    {
        var env = Environment.GetEnvironmentVariable("ANVIL_TEST_PG");
        if (env?.Trim().ToLowerInvariant() is "off" or "skip" or "no" or "0")
        {
            _unavailable = "ANVIL_TEST_PG=off";
            return;
        }

        if (!string.IsNullOrWhiteSpace(env))
        {
            _admin = StoreLocation.Parse(env).Target;
            return;
        }

        var script = Path.Combine(SharedFolder.RepositoryRoot, "tests", "pg", "start.sh");
        var folder = Directory.CreateTempSubdirectory("anvil-pg-").FullName;
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(folder);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                p.Kill(entireProcessTree: true);
            }

            var line = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (p.HasExited && p.ExitCode == 0 && line is not null)
            {
                _admin = line.Trim() + ";Pooling=false";
                _clusterFolder = folder;
                return;
            }

            _unavailable = $"ANVIL_TEST_PG is unset and tests/pg/start.sh could not start a server ({stderr.Result.Trim().Split('\n').LastOrDefault()})";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _unavailable = $"ANVIL_TEST_PG is unset and tests/pg/start.sh could not be run ({e.Message})";
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Creates an empty database for one test and returns its connection string; skips the test without a server.</summary>
    public string CreateDatabase()
    {
        if (_admin is null)
        {
            Assert.Skip($"PostgreSQL tests skipped: {_unavailable}");
        }

        var name = "anvil_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public void DropDatabase(string connectionString)
    {
        if (_admin is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_clusterFolder is null)
        {
            return;
        }

        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(SharedFolder.RepositoryRoot, "tests", "pg", "stop.sh"));
        psi.ArgumentList.Add(_clusterFolder);
        using var p = Process.Start(psi)!;
        p.WaitForExit(TimeSpan.FromSeconds(30));
    }
}
