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

/// <summary>What a run did; <see cref="Interrupted"/> when it was cancelled (what it wrote before stays written).</summary>
public sealed record IngestSummary(int Added, int AlreadyStored, int Replaced, IReadOnlyList<IngestFailure> Failures, long Bytes, TimeSpan Elapsed,
    bool Interrupted = false)
{
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Reads and extracts documents on several threads and writes them on the calling thread, one transaction per
/// document, so that a document is stored wholly or not at all whenever the process stops. Documents whose content
/// is already stored are skipped before extraction. A document that cannot be read is reported and the others go
/// on; a store failure stops the run (what was committed stays).
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

    public IngestSummary Run(IReadOnlyList<IngestItem> items, Action<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var known = items.Any(i => i.ReplaceDocumentId is null) ? _store.StoredHashes() : new HashSet<string>();
        long totalBytes = items.Sum(i => i.Bytes);
        var channel = Channel.CreateBounded<Outcome>(new BoundedChannelOptions(_threads * 2) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => Produce(items, known, channel.Writer, stop.Token), CancellationToken.None);

        int added = 0, stored = 0, replaced = 0, done = 0;
        long bytes = 0;
        var failures = new List<IngestFailure>();
        bool interrupted = false;
        try
        {
            var reader = channel.Reader;
            while (reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var outcome))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (outcome.Failure is { } failure)
                    {
                        failures.Add(failure);
                    }
                    else if (outcome.Records is not { } records)
                    {
                        stored++;
                    }
                    else if (outcome.Item.ReplaceDocumentId is { } id)
                    {
                        _store.Replace(id, records);
                        replaced++;
                    }
                    else if (_store.Add(records))
                    {
                        added++;
                    }
                    else
                    {
                        stored++;
                    }

                    done++;
                    bytes += outcome.Item.Bytes;
                    progress?.Invoke(new IngestProgress(done, items.Count, bytes, totalBytes));
                }
            }

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

            throw;
        }

        return new IngestSummary(added, stored, replaced, failures, bytes, clock.Elapsed, interrupted);
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
