using System.Collections.Concurrent;
using System.Security.Cryptography;
using Anvil.Core.Lexicons;
using Anvil.Core.Reading;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;

namespace Anvil.Web.Features.Upload;

/// <summary>A file of an upload that could not be read or stored, with the reader's code and message.</summary>
public sealed record UploadFailure(string File, string Code, string Message);

/// <summary>
/// Where an upload is: <c>queued</c>, <c>running</c>, <c>done</c> or <c>failed</c> (the whole job: the knowledge base could
/// not be written). <see cref="Done"/> of <see cref="Files"/> have been read and extracted; <see cref="Documents"/> are
/// the ids of the files that were stored (or were stored before).
/// </summary>
public sealed record UploadStatus(string Id, string State, int Files, int Done, long Bytes, long TotalBytes, int Added, int AlreadyStored,
    IReadOnlyList<UploadFailure> Failures, IReadOnlyList<string> Documents, string? Message);

/// <summary>One uploaded file, held in memory (never written to disk under a name from the request).</summary>
internal sealed record UploadedFile(string Name, string Key, byte[] Bytes);

/// <summary>
/// Ingests uploads in the background, one job at a time, through the same <see cref="Ingestor"/> as <c>anvil ingest</c>:
/// each file is read and checked by <see cref="DocumentReader"/> like any other input, and each document is written in
/// one transaction. The latest jobs are kept for their status.
/// </summary>
internal sealed class UploadJobs : IDisposable
{
    private const int Kept = 50;

    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Lazy<IngestConfiguration> _config;
    private readonly StoreLocation _location;
    private readonly DocumentReader _reader = new();

    public UploadJobs(DashboardOptions options)
    {
        _location = options.Store;
        _config = new(options.IngestConfiguration ?? (() => IngestConfiguration.Create([], AliasRules.None)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public void Dispose() => _one.Dispose();

    public UploadStatus? Status(string id) => _jobs.TryGetValue(id, out var job) ? job.Snapshot() : null;

    /// <summary>Queues the files and returns at once; the job runs on the thread pool.</summary>
    public UploadStatus Start(IReadOnlyList<UploadedFile> files, DateOnly? date, long maxBytes)
    {
        var job = new Job(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), files);
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > Kept && _order.TryDequeue(out var old))
        {
            _jobs.TryRemove(old, out _);
        }

        _ = Task.Run(() => Run(job, date, maxBytes));
        return job.Snapshot();
    }

    private void Run(Job job, DateOnly? date, long maxBytes)
    {
        _one.Wait();
        try
        {
            job.Set("running");
            var options = new ReadOptions { Date = date, MaxBytes = maxBytes };
            var items = job.Files.Select(f => new IngestItem(f.Name, f.Bytes.Length, () => _reader.Read(f.Bytes, f.Key, f.Name, options))).ToList();
            using var store = KnowledgeStore.Open(_location, create: true);
            var summary = new Ingestor(store, _config.Value, Math.Max(1, Environment.ProcessorCount)).Run(items, job.Progress);
            job.Finish(summary);
        }
        catch (Exception e) when (e is StoreException or LexiconFormatException or IOException or UnauthorizedAccessException)
        {
            job.Fail(e is StoreException s ? $"{s.Code}: {s.Message}" : e.Message);
        }
#pragma warning disable CA1031 // a background job must record every failure: nobody else would see it
        catch (Exception e)
        {
            job.Fail($"{e.GetType().Name}: {e.Message}");
        }
#pragma warning restore CA1031
        finally
        {
            _one.Release();
        }
    }

    private sealed class Job(string id, IReadOnlyList<UploadedFile> files)
    {
        private readonly Lock _lock = new();
        private string _state = "queued";
        private IngestProgress _progress = new(0, files.Count, 0, files.Sum(f => (long)f.Bytes.Length));
        private IngestSummary? _summary;
        private string? _message;

        public string Id { get; } = id;

        public IReadOnlyList<UploadedFile> Files { get; } = files;

        public void Set(string state)
        {
            lock (_lock)
            {
                _state = state;
            }
        }

        public void Progress(IngestProgress progress)
        {
            lock (_lock)
            {
                _progress = progress;
            }
        }

        public void Finish(IngestSummary summary)
        {
            lock (_lock)
            {
                _summary = summary;
                _state = "done";
            }
        }

        public void Fail(string message)
        {
            lock (_lock)
            {
                _message = message;
                _state = "failed";
            }
        }

        public UploadStatus Snapshot()
        {
            lock (_lock)
            {
                var failures = _summary?.Failures.Select(f => new UploadFailure(f.Name, f.Code, f.Message)).ToList() ?? [];
                var stored = _summary is null ? [] : Files.Where(f => !failures.Any(x => x.File == f.Name)).Select(f => f.Key).Distinct(StringComparer.Ordinal).ToList();
                return new UploadStatus(Id, _state, Files.Count, _progress.Done, _progress.Bytes, _progress.TotalBytes, _summary?.Added ?? 0,
                    _summary?.AlreadyStored ?? 0, failures, stored, _message);
            }
        }
    }
}
