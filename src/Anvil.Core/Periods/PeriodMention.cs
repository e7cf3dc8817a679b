using Anvil.Core.Documents;

namespace Anvil.Core.Periods;

/// <summary>How fine a period is.</summary>
public enum PeriodGranularity
{
    Year,
    Half,
    Quarter,
    Month,
    Day,

    /// <summary>A span of months or years: 1-7月, 前三季度, 十四五 (<c>2021-01/2025-12</c>).</summary>
    Range,
}

/// <summary>
/// A stated time period resolved to the spec's ISO-like form: 2024, 2024-06, 2024-Q1, 2024-H1,
/// 2024-06-30 or 2024-01/2024-07. <see cref="Value"/> is null when a relative period cannot be
/// resolved (no document date).
/// </summary>
/// <remarks>
/// Multi-year spans (2023－2025年, 十四五) use the month-span form <c>2021-01/2025-12</c>. Spans are
/// half-open; the recogniser reports them in match-view coordinates and <see cref="PeriodComponent"/>
/// maps them to the original text.
/// </remarks>
public sealed record PeriodMention(TextSpan Span, string? Value, bool IsRelative = false)
{
    public PeriodGranularity Granularity { get; init; }

    /// <summary>
    /// The mention writes its year as a number (2024年, 二〇二四年, 2023-07-28) or is 今年: a later month
    /// or quarter without a year takes this year.
    /// </summary>
    public bool HasExplicitYear { get; init; }

    /// <summary>The year is written in Taiwan's calendar, counted from 1912 (民国112年, 113年10月): a text from Taiwan.</summary>
    public bool IsMinguoYear { get; init; }

    /// <summary>The year came from an earlier mention or the document date (a bare 7月, 上半年, 一季度).</summary>
    public bool IsYearInferred { get; init; }

    /// <summary>
    /// Preceded by 比, 较, 与…: the base of a comparison (比上年增加, 较一季度加快), not the period of the
    /// figure that follows.
    /// </summary>
    public bool IsComparison { get; init; }

    /// <summary>同期, 上年同期: resolved from the governing period (shifted back a year for 上年同期).</summary>
    public bool IsSamePeriod { get; init; }

    /// <summary>
    /// 截至…: an "as at" point (the span includes 截至). A month, half or year that ends there is its last day
    /// (截至6月底 → 2023-06-30, 截至上半年 → 2023-06-30); 截至收盘 and 截至9:30 are the document's day.
    /// </summary>
    public bool IsAsAt { get; init; }

    /// <summary>
    /// Followed by 以来: a starting point (2016年8月以来的回购金额), not the period of the figures after it. Such a
    /// mention is also <see cref="IsComparison"/> unless it is the current year (今年以来: the year to date).
    /// </summary>
    public bool IsSince { get; init; }
}
