using Npgsql;

namespace Anvil.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where a knowledge base lives: a SQLite file (a path) or a PostgreSQL database (a connection string,
/// <c>Host=...;Database=...</c>, or a URL, <c>postgres://user:pass@host:5432/db</c>).
/// <see cref="Display"/> names it for messages without the password.
/// </summary>
public sealed record StoreLocation
{
    /// <summary>The knowledge base when neither <c>--db</c> nor <c>ANVIL_DB</c> names one.</summary>
    public const string DefaultPath = "anvil.db";

    /// <summary>The environment variable that names a knowledge base.</summary>
    public const string EnvironmentVariable = "ANVIL_DB";

    private StoreLocation(StoreProvider provider, string target, string display)
    {
        Provider = provider;
        Target = target;
        Display = display;
    }

    public StoreProvider Provider { get; }

    /// <summary>The full path of the SQLite file, or the Npgsql connection string.</summary>
    public string Target { get; }

    /// <summary>The path, or <c>postgresql://user@host:port/database</c>: safe to print.</summary>
    public string Display { get; }

    /// <summary>
    /// The option's value if given, else <c>ANVIL_DB</c>, else <see cref="DefaultPath"/> in the working folder.
    /// </summary>
    public static StoreLocation Resolve(string? option) =>
        Parse(!string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : DefaultPath);

    /// <summary>Reads a path or a PostgreSQL connection string; throws <see cref="StoreException"/> for one that cannot work.</summary>
    public static StoreLocation Parse(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(text));
        }

        return LooksLikeConnectionString(text) ? FromConnectionString(text) : Sqlite(text);
    }

    // PostgreSQL's forms are read apart: a method that names Npgsql's types loads its assembly, which a SQLite file does not need

    private static StoreLocation FromConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or KeyNotFoundException)
        {
            throw new StoreException(StoreErrorCodes.BadConnectionString,
                $"--db: not a PostgreSQL connection string ({e.Message}); write Host=HOST;Database=DB;Username=USER or postgres://USER@HOST/DB");
        }

        return Postgres(builder);
    }

    private static bool LooksLikeConnectionString(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        // key=value: the key is a word (Host, Server, Database, User ID...), never a path
        var key = text.AsSpan(0, eq).Trim();
        foreach (char c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static StoreLocation Sqlite(string path)
    {
        if (path.Length == 0)
        {
            throw new StoreException(StoreErrorCodes.BadPath, "--db: empty path; name a SQLite file such as anvil.db");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StoreException(StoreErrorCodes.BadPath, $"{path}: not a usable file path ({e.Message})");
        }

        if (Directory.Exists(full))
        {
            throw new StoreException(StoreErrorCodes.BadPath, $"{path}: is a folder; name a file in it, such as {Path.Combine(path, DefaultPath)}");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException(StoreErrorCodes.BadPath, $"{path}: the folder {folder} does not exist; create it first or name another file");
        }

        return new StoreLocation(StoreProvider.Sqlite, full, path);
    }

    private static StoreLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreException(StoreErrorCodes.BadConnectionString,
                "--db: the PostgreSQL connection string names no Host; write Host=HOST;Database=DB;Username=USER");
        }

        var display = $"postgresql://{(string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? ""}";
        return new StoreLocation(StoreProvider.Postgres, builder.ConnectionString, display);
    }

    /// <summary>Turns <c>postgres://user:password@host:port/database?sslmode=require</c> into Npgsql's form.</summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException(StoreErrorCodes.BadConnectionString,
                "--db: not a PostgreSQL URL; write postgres://USER:PASSWORD@HOST:PORT/DATABASE");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        try
        {
            if (uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length > 1)
                {
                    builder.Password = Uri.UnescapeDataString(parts[1]);
                }
            }

            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0]);
                var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or KeyNotFoundException)
        {
            throw new StoreException(StoreErrorCodes.BadConnectionString, $"--db: not a usable PostgreSQL URL ({e.Message})");
        }

        return builder;
    }

    public override string ToString() => Display;
}
