using System.Data.Common;
using System.Globalization;
using Anvil.Core.Facts;
using Anvil.Store.Records;

namespace Anvil.Store.Sql;

/// <summary>
/// Summaries: the statements of each figure and period summed up (compare's cells, timeline's lines, the entity page's
/// figures, conflict groups). A figure's statements are one range of <c>facts_figure</c>, read in its order and summed up
/// as they stream by (<see cref="FigureTally"/>): one pass over the index, no temporary B-trees, and only the current
/// figure's documents held.
/// </summary>
internal abstract partial class SqlKnowledgeStore
{
    /// <summary>Figures a statement read names at most (its <c>IN</c> list); more are read in several.</summary>
    private const int FiguresPerRead = 500;

    public IReadOnlyList<FigureSummary> Summaries(FactQuery query, double tolerance = 0.1) =>
        Run(() => ReadSummaries(query, tolerance, conflictsOnly: false, withinDocuments: false, withValues: false));

    public IReadOnlyList<FigureSummary> ConflictGroups(FactQuery query, double tolerance = 0.1, bool withinDocuments = false) =>
        Run(() => ReadSummaries(query, tolerance, conflictsOnly: true, withinDocuments, withValues: true));

    public SummaryPage ConflictPage(FactQuery query, double tolerance = 0.1, bool withinDocuments = false) => Run(() =>
    {
        if (query.Limit <= 0 && query.Offset <= 0)
        {
            var all = ReadSummaries(query, tolerance, conflictsOnly: true, withinDocuments, withValues: true);
            return new SummaryPage(all, all.Count);
        }

        int total = -1;
        var page = ReadSummaries(query, tolerance, conflictsOnly: true, withinDocuments, withValues: true, t => total = t);
        // a page past the last has no row to carry the count
        return new SummaryPage(page, total >= 0 ? total : CountConflictGroups(query, tolerance, withinDocuments));
    });

    public int CountConflictGroups(FactQuery query, double tolerance = 0.1, bool withinDocuments = false) => Run(() =>
    {
        using var cmd = Command(null, "");
        cmd.CommandText = $"""
            WITH grp AS ({GroupsSelect(cmd, query, tolerance)})
            SELECT COUNT(*) FROM grp WHERE {ConflictCondition(withinDocuments)}
            """;
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public IReadOnlyList<StatedValue> StatedValues(FigureSummary summary, int limit = 0) => Run(() =>
    {
        if (summary.StatedValues is { } read)
        {
            return limit > 0 ? [.. read.Take(limit)] : read; // read with the conflict groups
        }

        using var cmd = Command(null, "");
        cmd.CommandText = $"""
            SELECT f.value, f.value_high, f.qualifier, COUNT(DISTINCT f.document_id), COUNT(*), MAX(f.id)
            FROM facts f
            WHERE f.figure_id = @figure AND {(PeriodKeyEnd(summary) > 0 ? "f.period_end = @pe" : "f.period_end IS NULL")} AND COALESCE(f.period, '') = @pk
            GROUP BY f.value, f.value_high, f.qualifier
            ORDER BY f.value, f.value_high, f.qualifier{Page(cmd, limit, 0)}
            """;
        Parameter(cmd, "@figure", summary.FigureId);
        Parameter(cmd, "@pk", summary.Fact.Period ?? "");
        Parameter(cmd, "@pe", (long)PeriodKeyEnd(summary));
        using var r = cmd.ExecuteReader();
        var values = new List<StatedValue>();
        while (r.Read())
        {
            values.Add(new StatedValue(r.GetDouble(0), r.IsDBNull(1) ? null : r.GetDouble(1), FactNames.ParseQualifier(r.GetString(2)), (int)Long(r, 3),
                (int)Long(r, 4), Long(r, 5)));
        }

        return values;
    });

    /// <summary>The <c>period_end</c> of a summary's statements: of its period, or its date for a current figure.</summary>
    private static int PeriodKeyEnd(FigureSummary summary) =>
        summary.Fact.Period is null && summary.Date is { } date ? Day(date) : PeriodEnd(summary.Fact.Period);

    /// <summary>yyyymmdd of a <c>YYYY-MM-DD</c> date.</summary>
    private static int Day(string date) => int.Parse(date.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The last day of a period as the store keeps it (what ingest wrote to <c>period_end</c>), 0 for none.</summary>
    private static int PeriodEnd(string? period) => Periods.PeriodRange.TryParse(period, out var range) ? range.EndDay : 0;

    /// <summary>
    /// Per figure and period (<c>pk</c>: the period as written, <c>pe</c>: its last day, for a current figure its document's
    /// date): how many statements, the first and last document, and what the values allow at most and least (<c>max_lo</c>,
    /// <c>min_hi</c>: each statement allows <c>lo</c>..<c>hi</c>, as <see cref="PeriodTally.Add"/> gives them). Grouped by the
    /// columns of <c>facts_figure</c> in its order, so a figure's statements are read from the index and summed as they come.
    /// This chooses a page, or counts conflicts, among every figure's periods; the numbers a page shows come from
    /// <see cref="FigureTally"/>.
    /// </summary>
    private static string GroupsSelect(DbCommand cmd, FactQuery query, double tolerance)
    {
        Parameter(cmd, "@tol", tolerance);
        return $"""
            SELECT f.figure_id, COALESCE(f.period, '') AS pk, COALESCE(f.period_end, 0) AS pe, MIN(f.document_id) AS first_doc, MAX(f.document_id) AS last_doc,
                   MAX(CASE f.qualifier WHEN 'approx' THEN f.value - ABS(f.value) * @tol WHEN 'lt' THEN -1e300 WHEN 'le' THEN -1e300 ELSE f.value END) AS max_lo,
                   MIN(CASE f.qualifier WHEN 'approx' THEN f.value + ABS(f.value) * @tol WHEN 'gt' THEN 1e300 WHEN 'ge' THEN 1e300
                                        WHEN 'range' THEN COALESCE(f.value_high, f.value) ELSE f.value END) AS min_hi
            FROM {StatementTables(query)} WHERE 1 = 1{FiguresOf(cmd, query)}{StatementConditions(cmd, query)}
            GROUP BY f.figure_id, f.period_end, f.period
            """;
    }

    /// <summary>
    /// The documents table as <c>d</c> where only its id, date and key are read (the latest of a figure's values, the order
    /// of a page of facts): a provider may name the index that holds them, so the rows with their text are not read.
    /// </summary>
    protected virtual string DocumentDates => "documents d";

    /// <summary>The statements (<c>facts f</c>), with their documents where a filter reads them.</summary>
    private static string StatementTables(FactQuery query) =>
        query.Doc is not null || query.Text is not null ? "facts f JOIN documents d ON d.id = f.document_id" : "facts f";

    /// <summary>The figures a query's figure filters allow, as a condition on <c>f.figure_id</c> (nothing when it has none).</summary>
    private static string FiguresOf(DbCommand cmd, FactQuery query) =>
        FiltersFigures(query) ? $" AND f.figure_id IN (SELECT g.id FROM figures g WHERE 1 = 1{FigureConditions(cmd, query)})" : "";

    /// <summary>
    /// The conflict condition over <see cref="GroupsSelect"/>, as <see cref="PeriodTally.IsConflict"/> states it: two
    /// documents or more (the first and the last differ, cheaper than counting them) unless one document's own values count.
    /// </summary>
    private static string ConflictCondition(bool withinDocuments) =>
        $"grp.pe > 0{(withinDocuments ? "" : " AND grp.first_doc <> grp.last_doc")} AND grp.max_lo - grp.min_hi > 1e-9 * (ABS(grp.max_lo) + ABS(grp.min_hi) + 1)";

    /// <summary>
    /// The summaries: every figure and period the query matches, or (with a limit, or for conflicts) the page the database
    /// chooses from their counts; then their statements read figure by figure in <c>facts_figure</c>'s order and summed up;
    /// the documents' dates only where values tie on documents; and the chosen statements' unit, source and document. With
    /// <paramref name="withValues"/> each summary keeps its values too.
    /// </summary>
    private List<FigureSummary> ReadSummaries(FactQuery query, double tolerance, bool conflictsOnly, bool withinDocuments, bool withValues,
        Action<int>? counted = null)
    {
        List<PeriodTally> periods;
        Dictionary<long, FigureNames> figures;
        if (query.Limit > 0 || query.Offset > 0)
        {
            // one page of many: chosen by the database from every figure and period, then only the page's figures read
            var page = ReadPage(query, tolerance, conflictsOnly, withinDocuments, counted);
            if (page.Count == 0)
            {
                return [];
            }

            figures = ReadFigures(query, [.. page.Keys.Select(k => k.FigureId).Distinct()]);
            periods = Tally(query, [.. figures.Keys], tolerance, withValues, p => page.ContainsKey(Key(p)));
            periods.Sort((a, b) => page[Key(a)].CompareTo(page[Key(b)]));
        }
        else
        {
            figures = ReadFigures(query, null);
            if (figures.Count == 0)
            {
                return [];
            }

            periods = Tally(query, FiltersFigures(query) ? [.. figures.Keys] : null, tolerance, withValues,
                conflictsOnly ? p => p.IsConflict(withinDocuments) : null);
            periods.Sort((a, b) => Compare(a, figures[a.FigureId], b, figures[b.FigureId]));
        }

        var dates = ReadDates(periods.Where(p => p.NeedsDates).SelectMany(p => p.CandidateDocuments));
        foreach (var p in periods)
        {
            p.Choose(withinDocuments, dates);
        }

        var chosen = new Dictionary<long, (string? UnitText, string? IndicatorText, string? Source, string Doc, string? Date)>();
        foreach (var ids in periods.Select(p => p.Best!.FactId).Chunk(FiguresPerRead))
        {
            using var cmd = Command(null, "");
            cmd.CommandText = $"""
                SELECT f.id, f.unit_text, f.indicator_text, f.source, d.doc_key, d.date
                FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id IN {InList(cmd, "@fid", ids)}
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                chosen[Long(r, 0)] = (Text(r, 1), Text(r, 2), Text(r, 3), r.GetString(4), Text(r, 5));
            }
        }

        return [.. periods.Select(p => Summary(p, figures[p.FigureId], chosen[p.Best!.FactId]))];
    }

    /// <summary>A figure and period as the database groups them: the period as written ('' for none) and its last day (0 for none).</summary>
    private static (long FigureId, string PeriodKey, long PeriodEnd) Key(PeriodTally p) => (p.FigureId, p.Period ?? "", p.PeriodEnd ?? 0);

    /// <summary>
    /// The page of figures and periods (or of conflicting ones), each with its place on the page, in the order of summaries;
    /// <paramref name="counted"/> is told how many there are in all (the rows carry it), when there is a row.
    /// </summary>
    private Dictionary<(long FigureId, string PeriodKey, long PeriodEnd), int> ReadPage(FactQuery query, double tolerance, bool conflictsOnly,
        bool withinDocuments, Action<int>? counted)
    {
        using var cmd = Command(null, "");
        string o = OrdinalCollation;
        cmd.CommandText = $"""
            WITH grp AS ({GroupsSelect(cmd, query, tolerance)})
            SELECT grp.figure_id, grp.pk, grp.pe, COUNT(*) OVER ()
            FROM grp JOIN figures g ON g.id = grp.figure_id
            {(conflictsOnly ? "WHERE " + ConflictCondition(withinDocuments) : "")}
            ORDER BY g.subject{o}, g.indicator{o}, COALESCE(g.scope, ''){o}, g.kind{o}, g.unit{o}, g.status{o}, COALESCE(g.basis, ''){o}, grp.pe, grp.pk{o}, grp.figure_id
            {Page(cmd, query.Limit, query.Offset)}
            """;
        using var r = cmd.ExecuteReader();
        var page = new Dictionary<(long, string, long), int>();
        while (r.Read())
        {
            page[(Long(r, 0), r.GetString(1), Long(r, 2))] = page.Count;
            counted?.Invoke((int)Long(r, 3));
        }

        return page;
    }

    /// <summary>What a figure is, by its id: subject, scope, indicator, kind, unit, status and basis.</summary>
    private sealed record FigureNames(string Subject, string? Scope, string Indicator, string Kind, string Unit, string Status, string? Basis);

    /// <summary>The figures the query's figure filters allow (all when it has none), or those of <paramref name="ids"/>.</summary>
    private Dictionary<long, FigureNames> ReadFigures(FactQuery query, long[]? ids)
    {
        var figures = new Dictionary<long, FigureNames>();
        foreach (var chunk in Chunks(ids))
        {
            using var cmd = Command(null, "");
            string where = chunk is null ? FigureConditions(cmd, query) : $" AND g.id IN {InList(cmd, "@g", chunk)}";
            cmd.CommandText = $"SELECT g.id, g.subject, g.scope, g.indicator, g.kind, g.unit, g.status, g.basis FROM figures g WHERE 1 = 1{where}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                figures[r.GetInt64(0)] = new FigureNames(r.GetString(1), Text(r, 2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), Text(r, 7));
            }
        }

        return figures;
    }

    /// <summary>
    /// The statements of these figures (of every figure when null) that pass the query's statement filters, summed up per
    /// figure and period in <c>facts_figure</c>'s order; <paramref name="keep"/> says which figures and periods to keep.
    /// </summary>
    private List<PeriodTally> Tally(FactQuery query, long[]? figures, double tolerance, bool withValues, Func<PeriodTally, bool>? keep)
    {
        var tally = new FigureTally(tolerance, withValues, keep);
        foreach (var chunk in Chunks(figures?.Order().ToArray()))
        {
            using var cmd = Command(null, "");
            string which = chunk is null ? "" : $" AND f.figure_id IN {InList(cmd, "@fig", chunk)}";
            cmd.CommandText = $"""
                SELECT f.figure_id, f.period_end, f.period, f.value, f.value_high, f.qualifier, f.document_id, f.id
                FROM {StatementTables(query)} WHERE 1 = 1{which}{StatementConditions(cmd, query)}
                ORDER BY f.figure_id, f.period_end, f.period, f.value, f.value_high, f.qualifier, f.document_id
                """;
            ReadStatements(cmd, tally);
        }

        tally.End();
        return tally.Periods;
    }

    /// <summary>Ids in reads of <see cref="FiguresPerRead"/>; for none (every figure), one read of all (null).</summary>
    private static IEnumerable<long[]?> Chunks(long[]? ids)
    {
        if (ids is null)
        {
            yield return null;
            yield break;
        }

        foreach (var chunk in ids.Chunk(FiguresPerRead))
        {
            yield return chunk;
        }
    }

    /// <summary>Runs a statement read (the columns of <see cref="StatementRow"/>, in order) and adds each row to the tally.</summary>
    protected virtual void ReadStatements(DbCommand cmd, FigureTally tally)
    {
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            tally.Add(new StatementRow(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetDouble(3),
                r.IsDBNull(4) ? null : r.GetDouble(4), r.GetString(5), r.GetInt64(6), r.GetInt64(7)));
        }
    }

    /// <summary>The dates of these documents (those without one left out), read from <see cref="DocumentDates"/>.</summary>
    private Dictionary<long, string> ReadDates(IEnumerable<long> documents)
    {
        var dates = new Dictionary<long, string>();
        foreach (var chunk in documents.Distinct().Chunk(FiguresPerRead))
        {
            using var cmd = Command(null, "");
            cmd.CommandText = $"SELECT d.id, d.date FROM {DocumentDates} WHERE d.id IN {InList(cmd, "@d", chunk)} AND d.date IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                dates[r.GetInt64(0)] = r.GetString(1);
            }
        }

        return dates;
    }

    /// <summary>
    /// The order of summaries: by subject, indicator, scope, kind, unit, status and basis (code point by code point, as the
    /// database's ordinal collation sorts), then period (its last day, then as written), then figure.
    /// </summary>
    private static int Compare(PeriodTally a, FigureNames fa, PeriodTally b, FigureNames fb)
    {
        int c = CodePointOrder.Compare(fa.Subject, fb.Subject);
        c = c != 0 ? c : CodePointOrder.Compare(fa.Indicator, fb.Indicator);
        c = c != 0 ? c : CodePointOrder.Compare(fa.Scope ?? "", fb.Scope ?? "");
        c = c != 0 ? c : CodePointOrder.Compare(fa.Kind, fb.Kind);
        c = c != 0 ? c : CodePointOrder.Compare(fa.Unit, fb.Unit);
        c = c != 0 ? c : CodePointOrder.Compare(fa.Status, fb.Status);
        c = c != 0 ? c : CodePointOrder.Compare(fa.Basis ?? "", fb.Basis ?? "");
        c = c != 0 ? c : (a.PeriodEnd ?? 0).CompareTo(b.PeriodEnd ?? 0);
        c = c != 0 ? c : CodePointOrder.Compare(a.Period ?? "", b.Period ?? "");
        return c != 0 ? c : a.FigureId.CompareTo(b.FigureId);
    }

    private static FigureSummary Summary(PeriodTally p, FigureNames figure, (string? UnitText, string? IndicatorText, string? Source, string Doc, string? Date) chosen)
    {
        var best = p.Best!;
        long pe = p.PeriodEnd ?? 0;
        return new FigureSummary
        {
            FigureId = p.FigureId,
            Statements = p.Statements,
            Documents = p.Documents,
            Low = p.Low,
            High = p.High,
            Conflict = p.Conflict,
            ChosenDocuments = best.Documents,
            Values = p.Values,
            Choice = p.Values == 1 ? SummaryChoice.Agreed : best.Documents > p.RunnerUpDocuments ? SummaryChoice.MostSources : SummaryChoice.Latest,
            FactId = best.FactId,
            Date = p.Period is null && pe > 0 ? string.Create(CultureInfo.InvariantCulture, $"{pe / 10000:0000}-{pe / 100 % 100:00}-{pe % 100:00}") : null,
            Fact = new Fact
            {
                Subject = figure.Subject,
                Scope = figure.Scope,
                Indicator = figure.Indicator,
                Kind = FactNames.ParseKind(figure.Kind),
                Unit = new Unit(figure.Unit),
                Status = FactNames.ParseStatus(figure.Status),
                Basis = FactNames.ParseBasis(figure.Basis),
                Value = best.Value,
                ValueHigh = best.ValueHigh,
                Qualifier = FactNames.ParseQualifier(best.Qualifier),
                UnitText = chosen.UnitText,
                IndicatorText = chosen.IndicatorText,
                Source = chosen.Source,
                Period = p.Period,
            },
            Doc = chosen.Doc,
            DocDate = chosen.Date,
            StatedValues = p.Stated is null ? null
                : [.. p.Stated.OrderBy(v => v.Value).ThenBy(v => v.ValueHigh).ThenBy(v => v.Qualifier, StringComparer.Ordinal)
                    .Select(v => new StatedValue(v.Value, v.ValueHigh, FactNames.ParseQualifier(v.Qualifier), v.Documents, v.Statements, v.FactId))],
        };
    }
}
