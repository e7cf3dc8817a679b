using System.Globalization;

namespace Anvil.Web.Data;

/// <summary>
/// The page a request asks for (<c>page</c> from 1, <c>page_size</c> from 1 to <see cref="MaxSize"/>), checked the same
/// way on every list that comes a page at a time, so a bad value is a 400 that names the parameter wherever it is sent.
/// </summary>
internal readonly record struct Paging(int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>Past this a page number is a mistake, not a request: it also keeps <see cref="Offset"/> inside an int.</summary>
    public const int MaxPage = 1_000_000;

    public static Paging Of(int? page, int? pageSize) =>
        new(Check.Range("page", page, 1, 1, MaxPage), Check.Range("page_size", pageSize, DefaultSize, 1, MaxSize));

    /// <summary>How many rows the pages before this one hold.</summary>
    public int Offset => (Page - 1) * Size;

    /// <summary>How many pages <paramref name="total"/> rows fill; one when there are none, so "page 1 of 1" still reads right.</summary>
    public int Pages(long total) => (int)Math.Max(1, (total + Size - 1) / Size);

    /// <summary>The page size as a link parameter: null when the request left it at the default, to keep links short.</summary>
    public static string? SizeParameter(int? requested) => requested?.ToString(CultureInfo.InvariantCulture);
}
