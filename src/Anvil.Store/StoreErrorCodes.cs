namespace Anvil.Store;

/// <summary>
/// Stable codes of <see cref="StoreException"/>. Scripts and tests key on these, so a code never changes
/// meaning; a new failure gets a new code.
/// </summary>
public static class StoreErrorCodes
{
    /// <summary>The database failed in a way Anvil did not foresee (disk full, I/O error); the message carries the cause.</summary>
    public const string Failed = "E0400";

    /// <summary>A SQLite path that cannot be a knowledge base: its folder does not exist, or it is a folder.</summary>
    public const string BadPath = "E0401";

    /// <summary>A PostgreSQL connection string or URL that cannot be parsed.</summary>
    public const string BadConnectionString = "E0402";

    /// <summary>The PostgreSQL server cannot be reached, or refuses the login.</summary>
    public const string CannotConnect = "E0403";

    /// <summary>There is no knowledge base there yet (a query before any ingest).</summary>
    public const string NotFound = "E0404";

    /// <summary>The file or database holds something else than an Anvil knowledge base; Anvil leaves it alone.</summary>
    public const string NotAnvil = "E0405";

    /// <summary>The knowledge base was written by a newer Anvil (its schema version is unknown here).</summary>
    public const string NewerSchema = "E0406";

    /// <summary>The SQLite file is locked by another program for longer than Anvil waits.</summary>
    public const string Busy = "E0407";

    /// <summary>An aliases file (anvil.aliases.yaml) that does not follow the format; names the file and line.</summary>
    public const string BadAliasFile = "E0410";
}
