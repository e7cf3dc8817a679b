using Anvil.Store;

namespace Anvil.Cli.Commands.Store;

/// <summary>
/// Opens the knowledge base a query verb will read in the background, while the command line is read (a query verb's whole
/// run is a few tenths of a second, and opening is a tenth of that: the SQLite library, the schema check, or a connection
/// to PostgreSQL). The verb takes the open store if it names the same knowledge base; otherwise, or when opening failed,
/// it opens its own, so every error reads as it always did. Read-only verbs only: nothing is created.
/// </summary>
internal static class StorePreload
{
    private static readonly Lock Gate = new();
    private static StoreLocation? _location;
    private static Task<IKnowledgeStore?>? _opening;

    /// <summary>Starts opening the knowledge base <c>--db</c> names in <paramref name="args"/> (or <c>ANVIL_DB</c>, or the default).</summary>
    public static void Start(IReadOnlyList<string> args)
    {
        StoreLocation location;
        try
        {
            location = StoreLocation.Resolve(DbOption(args));
        }
        catch (StoreException)
        {
            return; // the verb says what is wrong with it
        }

        lock (Gate)
        {
            _location = location;
            _opening = Task.Run(() =>
            {
                try
                {
                    return KnowledgeStore.Open(location, create: false);
                }
                catch (StoreException)
                {
                    return (IKnowledgeStore?)null;
                }
            });
        }
    }

    /// <summary>The store opened in the background for <paramref name="location"/>, once; null when there is none.</summary>
    public static IKnowledgeStore? Take(StoreLocation location)
    {
        Task<IKnowledgeStore?>? opening;
        lock (Gate)
        {
            if (_opening is null || _location != location)
            {
                return null;
            }

            opening = _opening;
            _opening = null;
        }

        return opening.GetAwaiter().GetResult();
    }

    /// <summary>Closes a store opened in the background that no verb took (the command line was refused).</summary>
    public static void Release()
    {
        Task<IKnowledgeStore?>? opening;
        lock (Gate)
        {
            opening = _opening;
            _opening = null;
        }

        opening?.GetAwaiter().GetResult()?.Dispose();
    }

    /// <summary>The value of <c>--db VALUE</c> or <c>--db=VALUE</c>, the last one given; null when there is none.</summary>
    internal static string? DbOption(IReadOnlyList<string> args)
    {
        string? value = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                break;
            }

            if (args[i] == "--db" && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (args[i].StartsWith("--db=", StringComparison.Ordinal) || args[i].StartsWith("--db:", StringComparison.Ordinal))
            {
                value = args[i][5..];
            }
        }

        return value;
    }
}
