using System.Collections.Concurrent;
using Anvil.Store;

namespace Anvil.Web.Data;

/// <summary>
/// Results of expensive reads (the overview, conflicts, comparisons), kept while the knowledge base stays as it was.
/// Each request reads the store's <see cref="IKnowledgeStore.DataVersion"/> (one row) and reuses a result computed at
/// that version; a write by any process (an ingest while serving, an upload) raises the version, and the next request
/// computes afresh. Requests that miss together share one computation and wait for it without holding a thread, so a
/// burst of clients on a cold cache costs one read of the store, not one each.
/// </summary>
internal sealed class ResultCache
{
    /// <summary>Results kept at most; past that, the oldest versions go first. Large results (every conflict) are few.</summary>
    private const int Kept = 64;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly StoreAccess _access;

    public ResultCache(StoreAccess access)
    {
        _access = access;
    }

    /// <summary>
    /// The result of <paramref name="read"/> for <paramref name="key"/> (which must name the feature and every parameter
    /// that shapes the result) at the store's current version: kept, or computed now with a connection of its own.
    /// A failed computation is not kept.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<IKnowledgeStore, T> read)
        where T : class
    {
        long version = _access.Use(s => s.DataVersion());
        while (true)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Version >= version)
            {
                // a newer entry than this request's version is newer data: as good an answer
                try
                {
                    return (T)await entry.Result.Value.ConfigureAwait(false);
                }
                catch
                {
                    _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                    throw;
                }
            }

            // a thread of its own, not one of the pool's: a cold read takes a second of CPU, and a few of them at once (a
            // hundred clients opening the pages of a large knowledge base) held every pool thread while the requests that
            // the cache answers at once queued behind them until the pool grew (p99 1.4 s over a million facts)
            var fresh = new Entry(version, new Lazy<Task<object>>(() => Task.Factory.StartNew(() => (object)_access.Use(read), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default)));
            bool stored = entry is null ? _entries.TryAdd(key, fresh) : _entries.TryUpdate(key, fresh, entry);
            if (stored)
            {
                Trim();
            }

            // stored or not, the loop reads whichever entry won: this request's, or one another request made meanwhile
        }
    }

    /// <summary>A cache key: the feature's name and each parameter that shapes its result, as text.</summary>
    public static string Key(params IEnumerable<string> parts) => string.Join('\u001f', parts);

    /// <summary>A set of names (a filter) as part of a key, the same whatever their order; <c>*</c> for no filter.</summary>
    public static string Names(IReadOnlyCollection<string>? names) =>
        names is null ? "*" : string.Join('\u001e', names.Order(StringComparer.Ordinal));

    /// <summary>Drops the entries of the oldest versions once more than <see cref="Kept"/> are held.</summary>
    private void Trim()
    {
        int excess = _entries.Count - Kept;
        if (excess <= 0)
        {
            return;
        }

        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.Version).ThenBy(e => e.Value.Stamp).Take(excess).ToList())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    /// <summary>A result of one version; compared by reference, so removing it never removes a newer one put in its place.</summary>
    private sealed class Entry(long version, Lazy<Task<object>> result)
    {
        private static long _made;

        public long Version { get; } = version;

        public Lazy<Task<object>> Result { get; } = result;

        /// <summary>When it was made, among entries of one version: the oldest go first.</summary>
        public long Stamp { get; } = Interlocked.Increment(ref _made);
    }
}
