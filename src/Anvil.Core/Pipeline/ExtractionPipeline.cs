namespace Anvil.Core.Pipeline;

/// <summary>
/// An immutable list of components, checked once when built: every component's requirements must
/// be provided by a component before it.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly IPipelineComponent[] _components;

    public ExtractionPipeline(IEnumerable<IPipelineComponent> components)
    {
        _components = [.. components];
        var provided = Annotations.None;
        foreach (var c in _components)
        {
            var missing = c.Requires & ~provided;
            if (missing != Annotations.None)
            {
                throw new InvalidOperationException(
                    $"E0001: pipeline component '{c.Name}' needs {missing}, which no earlier component provides");
            }

            provided |= c.Provides;
        }
    }

    public IReadOnlyList<IPipelineComponent> Components => _components;

    public Analysis Run(Documents.Document document)
    {
        var analysis = new Analysis(document) { Timings = Timings };
        if (Timings is { } timings)
        {
            foreach (var c in _components)
            {
                var started = StageTimings.Start();
                c.Process(analysis);
                timings.Add(c.Name, started);
            }

            return analysis;
        }

        foreach (var c in _components)
        {
            c.Process(analysis);
        }

        return analysis;
    }

    /// <summary>When set, the time each component takes is added up here (anvil extract --profile).</summary>
    public StageTimings? Timings { get; set; }
}

/// <summary>
/// Time spent and memory allocated per pipeline component, summed over documents; safe to add to from
/// several threads. Allocation is counted because garbage collection is where a stage's cost hides when
/// several threads share the heap.
/// </summary>
public sealed class StageTimings
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Ticks, long Bytes)> _totals = new(StringComparer.Ordinal);

    /// <summary>A mark on the current thread: when it was taken and how much the thread had allocated.</summary>
    public readonly record struct Mark(long Timestamp, long Allocated);

    public static Mark Start() => new(System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Adds the time and allocation since <paramref name="started"/>, which this thread took.</summary>
    public void Add(string stage, Mark started)
    {
        long ticks = System.Diagnostics.Stopwatch.GetElapsedTime(started.Timestamp).Ticks;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - started.Allocated;
        _totals.AddOrUpdate(stage, (ticks, bytes), (_, t) => (t.Ticks + ticks, t.Bytes + bytes));
    }

    public IEnumerable<(string Stage, TimeSpan Total, long AllocatedBytes)> Totals =>
        _totals.Select(kv => (kv.Key, TimeSpan.FromTicks(kv.Value.Ticks), kv.Value.Bytes));

    /// <summary>The steps of one stage, timed one after another (a step's name is the stage's, a slash and its own).</summary>
    public static StepTimer Steps(StageTimings? timings) => new(timings);
}

/// <summary>
/// Times the steps inside a component, each from the end of the one before (<see cref="Lap"/>), only when the run is
/// profiled: without timings a lap is one test of a field, so the steps can stay marked in the hot path.
/// </summary>
public struct StepTimer
{
    private readonly StageTimings? _timings;
    private StageTimings.Mark _last;

    internal StepTimer(StageTimings? timings)
    {
        _timings = timings;
        _last = timings is null ? default : StageTimings.Start();
    }

    /// <summary>Adds the time since the last lap (or the start) to <paramref name="step"/>, a constant such as "entities/tagger".</summary>
    public void Lap(string step)
    {
        if (_timings is null)
        {
            return;
        }

        _timings.Add(step, _last);
        _last = StageTimings.Start();
    }
}
