using System.Collections.Concurrent;
using Anvil.Store;

namespace Anvil.Web.Data;

/// <summary>
/// Hands out open knowledge-base connections to requests. An <see cref="IKnowledgeStore"/> is one connection for one
/// thread at a time, and opening one checks the schema, so they are kept in a small pool and each request leases one
/// for its duration. A connection that failed is closed rather than put back.
/// </summary>
internal sealed class StoreAccess : IDisposable
{
    // as many as requests commonly run at once under load (a hundred clients keep a few dozen threads busy): a
    // connection closed on return must be opened again by the next request
    private const int Kept = 32;

    private readonly ConcurrentBag<IKnowledgeStore> _idle = [];
    private readonly StoreLocation _location;
    private readonly bool _create;

    public StoreAccess(StoreLocation location, bool create)
    {
        _location = location;
        _create = create;
    }

    public StoreLocation Location => _location;

    /// <summary>Runs <paramref name="read"/> with a connection of its own.</summary>
    public T Use<T>(Func<IKnowledgeStore, T> read)
    {
        var store = _idle.TryTake(out var idle) ? idle : KnowledgeStore.Open(_location, _create);
        bool healthy = false;
        try
        {
            var result = read(store);
            healthy = true;
            return result;
        }
        catch (WebException)
        {
            healthy = true; // a refused request says nothing about the connection
            throw;
        }
        finally
        {
            if (healthy && _idle.Count < Kept)
            {
                _idle.Add(store);
            }
            else
            {
                store.Dispose();
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}
