namespace Anvil.Core.Pipeline;

/// <summary>
/// One step of extraction. A component reads what earlier components assigned to the
/// <see cref="Analysis"/> and adds its own; it must be safe to call from several threads on
/// different analyses (components hold read-only data only).
/// </summary>
public interface IPipelineComponent
{
    string Name { get; }

    Annotations Requires { get; }

    Annotations Provides { get; }

    void Process(Analysis analysis);
}
