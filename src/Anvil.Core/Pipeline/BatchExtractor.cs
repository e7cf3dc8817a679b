using Anvil.Core.Documents;
using Anvil.Core.Reading;

namespace Anvil.Core.Pipeline;

/// <summary>One document to extract: a name for messages and a way to read it.</summary>
public sealed record ExtractionInput(string Name, Func<Document> Read);

/// <summary>Why one input could not be extracted: a stable code and a one-line message naming it.</summary>
public sealed record ExtractionFailure(ExtractionInput Input, string Code, string Message);

/// <summary>
/// Runs the pipeline over many inputs on several threads and hands the results back in input order,
/// so output is the same for any thread count. Work goes in windows of a few documents per thread,
/// which bounds memory however many inputs there are. A failing input is reported and skipped; it never
/// stops the others.
/// </summary>
public sealed class BatchExtractor(ExtractionPipeline pipeline, int threads)
{
    private readonly int _threads = Math.Max(1, threads);

    public int Run(IReadOnlyList<ExtractionInput> inputs, Action<Analysis> onDocument, Action<ExtractionFailure> onFailure)
    {
        if (_threads == 1 || inputs.Count <= 1)
        {
            int failed = 0;
            foreach (var input in inputs)
            {
                failed += Emit(Extract(input), onDocument, onFailure);
            }

            return failed;
        }

        // Workers take inputs in order and park results in a ring; this thread hands them on in input
        // order as they become ready. At most `window` results wait, so memory stays bounded, and the
        // caller's output work overlaps with extraction instead of stopping it.
        int window = _threads * 4;
        var ring = new object?[window];
        using var slots = new SemaphoreSlim(window, window);
        int next = -1;
        var gate = new object();
        var workers = new Task[_threads];
        for (int w = 0; w < _threads; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                while (true)
                {
                    slots.Wait();
                    int i = Interlocked.Increment(ref next);
                    if (i >= inputs.Count)
                    {
                        slots.Release();
                        return;
                    }

                    var result = Extract(inputs[i]);
                    lock (gate)
                    {
                        ring[i % window] = result;
                        Monitor.PulseAll(gate);
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        int failures = 0;
        for (int e = 0; e < inputs.Count; e++)
        {
            object result;
            lock (gate)
            {
                while (ring[e % window] is null)
                {
                    Monitor.Wait(gate);
                }

                result = ring[e % window]!;
                ring[e % window] = null;
            }

            slots.Release();
            failures += Emit(result, onDocument, onFailure);
        }

        Task.WaitAll(workers);
        return failures;
    }

    private static int Emit(object result, Action<Analysis> onDocument, Action<ExtractionFailure> onFailure)
    {
        if (result is ExtractionFailure failure)
        {
            onFailure(failure);
            return 1;
        }

        onDocument((Analysis)result);
        return 0;
    }

    private object Extract(ExtractionInput input)
    {
        try
        {
            if (pipeline.Timings is { } timings)
            {
                var started = StageTimings.Start();
                var document = input.Read();
                timings.Add("reading", started);
                return pipeline.Run(document);
            }

            return pipeline.Run(input.Read());
        }
        catch (DocumentReadException e)
        {
            return new ExtractionFailure(input, e.Code, e.Message);
        }
        catch (IOException e)
        {
            return new ExtractionFailure(input, "E0200", $"{input.Name}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new ExtractionFailure(input, "E0200", $"{input.Name}: permission denied ({e.Message})");
        }
#pragma warning disable CA1031 // one document's failure must never stop the others
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ExtractionFailure(input, "E0299", $"{input.Name}: could not be processed ({e.GetType().Name}: {e.Message})");
        }
    }
}
