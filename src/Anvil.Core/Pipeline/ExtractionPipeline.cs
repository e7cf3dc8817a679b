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
        foreach (var c in _components)
        {
            c.Process(analysis);
        }

        return analysis;
    }
}
