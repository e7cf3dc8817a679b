using System.Diagnostics;
using System.Threading.Channels;
using Anvil.Core.Documents;
using Anvil.Core.Reading;

namespace Anvil.Store.Ingest;

/// <summary>One document to ingest: how to read it, its size for progress, and (for reindex) the stored document it replaces.</summary>
public sealed record IngestItem(string Name, long Bytes, Func<Document> Read, long? ReplaceDocumentId = null);

/// <summary>A document that could not be read or extracted: <see cref="Message"/> names it, <see cref="Code"/> is stable.</summary>
public sealed record IngestFailure(string Name, string Code, string Message);

public readonly record struct IngestProgress(int Done, int Total, long Bytes, long TotalBytes);

/// <summary>
/// What a run did; <see cref="Interrupted"/> when it was cancelled (what it wrote before stays written). <see cref="Facts"/>
/// counts the facts written, <see cref="Bytes"/> the input read. <see cref="Writing"/> is how long the writer spent in the
/// store, over <see cref="Transactions"/> transactions: near <see cref="Elapsed"/> when writing is the limit, far below it
/// when extraction is.
/// </summary>
public sealed record IngestSummary(int Added, int AlreadyStored, int Replaced, IReadOnlyList<IngestFailure> Failures, long Bytes, TimeSpan Elapsed,
    bool Interrupted = false, long Facts = 0, TimeSpan Writing = default, int Transactions = 0)
{
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;

    public double FactsPerSecond => Elapsed.TotalSeconds > 0 ? Facts / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Reads and extracts documents on several threads and writes them on the calling thread: one writer, batches of
/// documents per transaction, so a document is stored wholly or not at all whenever the process stops. A batch is
/// written when it holds <see cref="BatchDocuments"/> documents or <see cref="BatchChars"/> characters of text, when it
/// has waited <see cref="BatchDelay"/> for more, or when the input is done. Large batches matter: every commit writes
/// each page its rows touched (an index leaf gets a batch's rows for one figure at once, not one commit per few
/// documents), and extraction goes on while the writer commits. Documents whose content is already stored are skipped
/// before extraction. A document that cannot be read is reported and the others go on; a store failure stops the run
/// (what was committed stays).
/// </summary>
public sealed class Ingestor
{

    private readonly IKnowledgeStore _store;
    private readonly IngestConfiguration _config;
    private readonly int _threads;

    public Ingestor(IKnowledgeStore store, IngestConfiguration config, int threads)
    {
        _store = store;
        _config = config;
        _threads = Math.Max(1, threads);
    }

    /// <summary>Documents one transaction writes at most: enough that commits cost little, few enough that a crash loses little.</summary>
    public int BatchDocuments { get; init; } = 256;

    /// <summary>Text one transaction writes at most, in UTF-16 characters (a batch of long documents commits sooner).</summary>
    public long BatchChars { get; init; } = 8_000_000;

    /// <summary>How long a batch waits for more documents, from its first, before it is written anyway.</summary>
    public TimeSpan BatchDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Into an empty knowledge base, a run of at least this many documents is a bulk load: the store builds its facts'
    /// and mentions' indexes once at the end (<see cref="IKnowledgeStore.DeferIndexes"/>) instead of row by row.
    /// </summary>
    public int BulkLoadDocuments { get; init; } = 256;

    public IngestSummary Run(IReadOnlyList<IngestItem> items, Action<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var known = items.Any(i => i.ReplaceDocumentId is null) ? _store.StoredHashes() : new HashSet<string>();
        long totalBytes = items.Sum(i => i.Bytes);
        // room for a batch: extraction goes on while the writer commits the one before
        var channel = Channel.CreateBounded<Outcome>(new BoundedChannelOptions(Math.Max(_threads * 2, BatchDocuments)) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bool deferred = known.Count == 0 && items.Count >= BulkLoadDocuments && items.All(i => i.ReplaceDocumentId is null) && _store.DeferIndexes();
        var producer = Task.Run(() => Produce(items, known, channel.Writer, stop.Token), CancellationToken.None);

        int added = 0, stored = 0, replaced = 0, done = 0;
        long bytes = 0, facts = 0;
        var failures = new List<IngestFailure>();
        bool interrupted = false;
        var batch = new List<Outcome>();
        long batchChars = 0;
        var writing = new Stopwatch();
        int transactions = 0;

        // writes the waiting documents in one transaction, then reports them done
        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var records = batch.Select(o => o.Records!).ToList();
            writing.Start();
            var written = _store.AddMany(records);
            writing.Stop();
            transactions++;
            for (int i = 0; i < batch.Count; i++)
            {
                if (written[i])
                {
                    added++;
                    facts += records[i].Facts.Count;
                }
                else
                {
                    stored++;
                }

                Done(batch[i]);
            }

            batch.Clear();
            batchChars = 0;
        }

        void Done(Outcome outcome)
        {
            done++;
            bytes += outcome.Item.Bytes;
            progress?.Invoke(new IngestProgress(done, items.Count, bytes, totalBytes));
        }

        try
        {
            var reader = channel.Reader;
            var batchStarted = Stopwatch.StartNew();
            // whether more documents come, writing the batch when it has waited long enough for them
            bool More()
            {
                var ready = reader.WaitToReadAsync(CancellationToken.None).AsTask();
                var left = BatchDelay - batchStarted.Elapsed;
                if (batch.Count > 0 && !ready.Wait(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken))
                {
                    Flush();
                }

                return ready.GetAwaiter().GetResult();
            }

            while (More())
            {
                while (reader.TryRead(out var outcome))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (outcome.Failure is { } failure)
                    {
                        failures.Add(failure);
                        Done(outcome);
                    }
                    else if (outcome.Records is not { } records)
                    {
                        stored++;
                        Done(outcome);
                    }
                    else if (outcome.Item.ReplaceDocumentId is { } id)
                    {
                        writing.Start();
                        _store.Replace(id, records);
                        writing.Stop();
                        transactions++;
                        replaced++;
                        facts += records.Facts.Count;
                        Done(outcome);
                    }
                    else
                    {
                        if (batch.Count == 0)
                        {
                            batchStarted.Restart();
                        }

                        batch.Add(outcome);
                        batchChars += records.Text.Length;
                        if (batch.Count >= BatchDocuments || batchChars >= BatchChars)
                        {
                            Flush();
                        }
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            Flush();

            producer.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // the producer stops on the same cancellation
            }
        }
        catch
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // the producer stops on the cancellation; the writer's failure is the one to report
            }

            throw; // the indexes are left to the next open of the knowledge base
        }

        if (deferred)
        {
            writing.Start();
            _store.BuildIndexes();
            writing.Stop();
        }

        return new IngestSummary(added, stored, replaced, failures, bytes, clock.Elapsed, interrupted, facts, writing.Elapsed, transactions);
    }

    private void Produce(IReadOnlyList<IngestItem> items, IReadOnlySet<string> known, ChannelWriter<Outcome> writer, CancellationToken token)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = token };
            Parallel.ForEach(items, options, item =>
            {
                var outcome = Extract(item, known);
                writer.WriteAsync(outcome, token).AsTask().GetAwaiter().GetResult();
            });
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    private Outcome Extract(IngestItem item, IReadOnlySet<string> known)
    {
        try
        {
            var doc = item.Read();
            if (item.ReplaceDocumentId is null && known.Count > 0 && known.Contains(doc.Sha256()))
            {
                return new Outcome(item, null, null);
            }

            var analysis = _config.Pipeline.Run(doc);
            return new Outcome(item, DocumentRecordsBuilder.Build(analysis, _config.Resolver, _config.Hash), null);
        }
        catch (DocumentReadException e)
        {
            return new Outcome(item, null, new IngestFailure(item.Name, e.Code, e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // one document's failure must never stop the others
            return new Outcome(item, null, new IngestFailure(item.Name, ReadErrorCodes.Unexpected,
                $"{item.Name}: could not be processed ({e.GetType().Name}: {e.Message})"));
        }
    }

    private sealed record Outcome(IngestItem Item, DocumentRecords? Records, IngestFailure? Failure);
}
