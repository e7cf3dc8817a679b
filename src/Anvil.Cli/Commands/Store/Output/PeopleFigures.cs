using Anvil.Analytics;
using Anvil.Core.Display;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Cli.Commands.Store.Output;

/// <summary>
/// Figures in the CLI's tables as analysts write them (Core's <see cref="FigureFormatter"/>: 3.68万亿元, ≈+35%, &gt;254万家,
/// 第3), and how a summary's figure was chosen, with the range of the values stated in the same form.
/// </summary>
internal static class PeopleFigures
{
    public static string Format(Fact fact) => FigureFormatter.Default.Format(fact);

    /// <summary>Another value (or range) of a figure like this one: the same kind, unit and classifier.</summary>
    public static string Format(Fact like, double value, Qualifier qualifier, double? high = null) => SummaryText.Like(like, value, qualifier, high);

    /// <summary><c>3 of 5 documents · 3200～3600亿元 · conflict</c>, <c>latest of 4 documents</c>, <c>2 documents</c> when all agree.</summary>
    public static string Describe(FigureSummary s) => SummaryText.Describe(s);
}
