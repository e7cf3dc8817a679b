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
        var analysis = new Analysis(document);
        if (Timings is { } timings)
        {
            foreach (var c in _components)
            {
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                c.Process(analysis);
                timings.Add(c.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
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

/// <summary>Time spent per pipeline component, summed over documents; safe to add to from several threads.</summary>
public sealed class StageTimings
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public void Add(string stage, TimeSpan elapsed) => _ticks.AddOrUpdate(stage, elapsed.Ticks, (_, t) => t + elapsed.Ticks);

    public IEnumerable<(string Stage, TimeSpan Total)> Totals => _ticks.Select(kv => (kv.Key, TimeSpan.FromTicks(kv.Value)));
}
