using Anvil.Store.Postgres;
using Anvil.Store.Sqlite;

namespace Anvil.Store;

/// <summary>Opens a knowledge base of either provider.</summary>
public static class KnowledgeStore
{
    /// <summary>
    /// Opens (with <paramref name="create"/>, creates) the knowledge base and brings its schema up to date.
    /// Without <paramref name="create"/> a missing knowledge base is <see cref="StoreErrorCodes.NotFound"/>.
    /// A file or database holding anything else is refused (<see cref="StoreErrorCodes.NotAnvil"/>) and left as it was.
    /// </summary>
    public static IKnowledgeStore Open(StoreLocation location, bool create) => location.Provider switch
    {
        StoreProvider.Postgres => PostgresKnowledgeStore.Open(location, create),
        _ => SqliteKnowledgeStore.Open(location, create),
    };
}
