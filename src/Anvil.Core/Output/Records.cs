using Anvil.Core.Documents;
using Anvil.Core.Facts;

namespace Anvil.Core.Output;

/// <summary>A <c>fact</c> record of the extraction spec: a figure and where it was stated (UTF-16 here, code points on output).</summary>
public sealed record FactRecord(TextSpan Span, Fact Fact);

/// <summary>A <c>relation</c> record of the extraction spec.</summary>
public sealed record RelationRecord(TextSpan Span, string Subject, string Predicate, string Object);
