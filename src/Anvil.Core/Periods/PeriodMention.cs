using Anvil.Core.Documents;

namespace Anvil.Core.Periods;

/// <summary>
/// A stated time period resolved to the spec's ISO-like form: 2024, 2024-06, 2024-Q1, 2024-H1,
/// 2024-06-30 or 2024-01/2024-07. <see cref="Value"/> is null when a relative period cannot be
/// resolved (no document date).
/// </summary>
public sealed record PeriodMention(TextSpan Span, string? Value, bool IsRelative = false);
