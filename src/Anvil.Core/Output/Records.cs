using Anvil.Core.Documents;

namespace Anvil.Core.Output;

/// <summary>A <c>fact</c> record of the extraction spec; spans are UTF-16 here and become code points on output.</summary>
public sealed record FactRecord
{
    public required TextSpan Span { get; init; }

    public required string Subject { get; init; }

    public string? Scope { get; init; }

    public required string Indicator { get; init; }

    /// <summary>value, growth, delta, share or rank.</summary>
    public required string Kind { get; init; }

    public required double Value { get; init; }

    public required string Unit { get; init; }

    public string? UnitText { get; init; }

    /// <summary>eq, approx, gt, ge, lt or le.</summary>
    public required string Qualifier { get; init; }

    public string? Period { get; init; }

    public string? Source { get; init; }
}

/// <summary>A <c>relation</c> record of the extraction spec.</summary>
public sealed record RelationRecord(TextSpan Span, string Subject, string Predicate, string Object);
