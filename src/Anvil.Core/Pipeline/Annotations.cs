namespace Anvil.Core.Pipeline;

/// <summary>What a component needs before it runs and what it adds to the analysis.</summary>
[Flags]
public enum Annotations
{
    None = 0,
    View = 1,
    Entities = 2,
    Quantities = 4,
    Periods = 8,
    Attributions = 16,
    Facts = 32,
    Relations = 64,
    Sentences = 128,
}
