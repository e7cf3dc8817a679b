namespace Anvil.Store.Sql;

/// <summary>
/// The statements of figures as they stream out of <c>facts_figure</c>, in its order: by figure, period, value (with its
/// high end and qualifier) and document. <see cref="FigureTally"/> sums them up one figure and period at a time as they
/// come, so nothing but the current figure's documents is held while a place's fifty thousand statements go by.
/// </summary>
internal readonly record struct StatementRow(
    long FigureId, long? PeriodEnd, string? Period, double Value, double? ValueHigh, string Qualifier, long DocumentId, long FactId);

/// <summary>One value stated for a figure and period, as the tally counts it: how many documents and statements state it.</summary>
internal sealed class ValueTally
{
    public required double Value { get; init; }

    public required double? ValueHigh { get; init; }

    public required string Qualifier { get; init; }

    public required int Documents { get; init; }

    public required int Statements { get; init; }

    /// <summary>The highest fact id among its statements: the fact that stands for the value.</summary>
    public required long FactId { get; init; }

    /// <summary>The latest date of the documents stating it (<c>''</c> for undated): read only where it decides the choice.</summary>
    public string Latest { get; set; } = "";

    /// <summary>Where its documents start in <see cref="PeriodTally.CandidateDocuments"/>, while it may be chosen.</summary>
    public int DocumentsAt { get; set; }

    /// <summary>
    /// The order of choice: more documents, then the latest, then the higher value; the lower qualifier name last, so a
    /// choice never depends on the order values come in.
    /// </summary>
    public bool Before(ValueTally other)
    {
        int c = Documents.CompareTo(other.Documents);
        if (c == 0)
        {
            c = string.CompareOrdinal(Latest, other.Latest);
        }

        if (c == 0)
        {
            c = Value.CompareTo(other.Value);
        }

        if (c == 0)
        {
            c = (ValueHigh ?? Value).CompareTo(other.ValueHigh ?? other.Value);
        }

        return c == 0 ? string.CompareOrdinal(Qualifier, other.Qualifier) < 0 : c > 0;
    }
}

/// <summary>
/// What the statements of one figure and period come to: counts, range, the bounds their qualifiers allow (for conflicts),
/// and the values that may be chosen, those stated by the most documents.
/// </summary>
internal sealed class PeriodTally
{
    private readonly HashSet<long> _documents = [];

    public required long FigureId { get; init; }

    /// <summary>The period as stored (null for a figure without one) and its last day (for one without a period, its document's date).</summary>
    public required string? Period { get; init; }

    public required long? PeriodEnd { get; init; }

    public int Statements { get; private set; }

    public int Documents => _documents.Count;

    public long FirstDocument { get; private set; } = long.MaxValue;

    public long LastDocument { get; private set; } = long.MinValue;

    public double Low { get; private set; } = double.PositiveInfinity;

    public double High { get; private set; } = double.NegativeInfinity;

    /// <summary>The highest least value and the lowest most value the statements allow (each allows lo..hi by its qualifier).</summary>
    public double MaxLow { get; private set; } = double.NegativeInfinity;

    public double MinHigh { get; private set; } = double.PositiveInfinity;

    /// <summary>How many different values are stated.</summary>
    public int Values { get; private set; }

    /// <summary>The values stated by the most documents (several when they tie: the latest of them is chosen).</summary>
    public List<ValueTally> Candidates { get; } = [];

    /// <summary>The documents of <see cref="Candidates"/>, each value's from its <see cref="ValueTally.DocumentsAt"/>.</summary>
    public List<long> CandidateDocuments { get; } = [];

    /// <summary>The most documents any value not chosen is stated by; null while one value is known.</summary>
    public int? RunnerUpDocuments { get; private set; }

    /// <summary>Every value, when the tally keeps them (conflict groups show them all).</summary>
    public List<ValueTally>? Stated { get; init; }

    /// <summary>The chosen value, once <see cref="Choose"/> has run.</summary>
    public ValueTally? Best { get; private set; }

    public bool Conflict { get; private set; }

    public void Add(in StatementRow row, double tolerance)
    {
        Statements++;
        _documents.Add(row.DocumentId);
        FirstDocument = Math.Min(FirstDocument, row.DocumentId);
        LastDocument = Math.Max(LastDocument, row.DocumentId);
        Low = Math.Min(Low, row.Value);
        High = Math.Max(High, row.ValueHigh ?? row.Value);
        // what a statement allows at least and at most, as its qualifier says (约: within the tolerance; 超: above)
        double low = row.Qualifier switch
        {
            "approx" => row.Value - Math.Abs(row.Value) * tolerance,
            "lt" or "le" => -1e300,
            _ => row.Value,
        };
        double high = row.Qualifier switch
        {
            "approx" => row.Value + Math.Abs(row.Value) * tolerance,
            "gt" or "ge" => 1e300,
            "range" => row.ValueHigh ?? row.Value,
            _ => row.Value,
        };
        MaxLow = Math.Max(MaxLow, low);
        MinHigh = Math.Min(MinHigh, high);
    }

    /// <summary>
    /// Counts a value whose statements have all gone by (<paramref name="documents"/> are its documents, in order); it is
    /// made into a <see cref="ValueTally"/> only when it may be chosen or the values are kept.
    /// </summary>
    public void Close(in StatementRow first, int statements, long factId, List<long> documents)
    {
        Values++;
        var kept = Stated is null ? null : Make(first, statements, factId, documents.Count);
        Stated?.Add(kept!);
        int top = Candidates.Count > 0 ? Candidates[0].Documents : 0;
        if (Candidates.Count > 0 && documents.Count < top)
        {
            RunnerUpDocuments = Math.Max(RunnerUpDocuments ?? 0, documents.Count);
            return;
        }

        if (documents.Count > top && Candidates.Count > 0)
        {
            RunnerUpDocuments = Math.Max(RunnerUpDocuments ?? 0, top);
            Candidates.Clear();
            CandidateDocuments.Clear();
        }

        var value = kept ?? Make(first, statements, factId, documents.Count);
        value.DocumentsAt = CandidateDocuments.Count;
        CandidateDocuments.AddRange(documents);
        Candidates.Add(value);
    }

    private static ValueTally Make(in StatementRow first, int statements, long factId, int documents) => new()
    {
        Value = first.Value, ValueHigh = first.ValueHigh, Qualifier = first.Qualifier, Documents = documents, Statements = statements, FactId = factId,
    };

    /// <summary>Whether the choice among the candidates needs their documents' dates (they tie on documents).</summary>
    public bool NeedsDates => Candidates.Count > 1;

    /// <summary>
    /// Chooses the value and tells whether the values conflict: the highest least value lies above the lowest most value
    /// (intervals on a line meet all together when they meet pairwise), among two documents at least unless one
    /// document's own values count. Figures with neither a period nor a dated document are left out, as no two
    /// statements are known to be of one time. With <paramref name="dates"/>, tied candidates are told apart by their latest document.
    /// </summary>
    public void Choose(bool withinDocuments, IReadOnlyDictionary<long, string>? dates)
    {
        if (Candidates.Count > 1)
        {
            RunnerUpDocuments = Candidates[0].Documents; // the ones not chosen are stated as often
            for (int k = 0; k < Candidates.Count; k++)
            {
                int end = k + 1 < Candidates.Count ? Candidates[k + 1].DocumentsAt : CandidateDocuments.Count;
                string latest = "";
                for (int i = Candidates[k].DocumentsAt; i < end; i++)
                {
                    if (dates is not null && dates.TryGetValue(CandidateDocuments[i], out var date) && string.CompareOrdinal(date, latest) > 0)
                    {
                        latest = date;
                    }
                }

                Candidates[k].Latest = latest;
            }
        }

        Best = Candidates[0];
        foreach (var c in Candidates)
        {
            if (c.Before(Best))
            {
                Best = c;
            }
        }

        Conflict = IsConflict(withinDocuments);
    }

    /// <summary>The conflict condition alone, before values are chosen (a count of conflicts needs no more).</summary>
    public bool IsConflict(bool withinDocuments) =>
        (PeriodEnd ?? 0) > 0 && (withinDocuments || FirstDocument != LastDocument)
        && MaxLow - MinHigh > 1e-9 * (Math.Abs(MaxLow) + Math.Abs(MinHigh) + 1);
}

/// <summary>
/// Sums up statements arriving in <c>facts_figure</c> order into one <see cref="PeriodTally"/> per figure and period.
/// Values of a figure and period arrive together, and each value's documents in order, so a value is counted when the
/// next begins and a figure and period when the next begins.
/// </summary>
internal sealed class FigureTally(double tolerance, bool keepValues, Func<PeriodTally, bool>? keep = null)
{
    private readonly List<long> _valueDocuments = [];
    private PeriodTally? _period;

    // the value being counted: its first statement, how many statements, the highest fact id, and its documents (above)
    private StatementRow _value;
    private bool _inValue;
    private int _valueStatements;
    private long _valueFactId = long.MinValue;

    /// <summary>The figures and periods summed up, in the order they came; those <c>keep</c> refused are left out.</summary>
    public List<PeriodTally> Periods { get; } = [];

    public void Add(in StatementRow row)
    {
        if (_period is null || _period.FigureId != row.FigureId || _period.PeriodEnd != row.PeriodEnd
            || !string.Equals(_period.Period, row.Period, StringComparison.Ordinal))
        {
            End();
            _period = new PeriodTally { FigureId = row.FigureId, Period = row.Period, PeriodEnd = row.PeriodEnd, Stated = keepValues ? [] : null };
        }

        _period.Add(row, tolerance);
        if (!_inValue || _value.Value != row.Value || _value.ValueHigh != row.ValueHigh || !string.Equals(_value.Qualifier, row.Qualifier, StringComparison.Ordinal))
        {
            CloseValue();
            _value = row;
            _inValue = true;
        }

        _valueStatements++;
        _valueFactId = Math.Max(_valueFactId, row.FactId);
        if (_valueDocuments.Count == 0 || _valueDocuments[^1] != row.DocumentId)
        {
            _valueDocuments.Add(row.DocumentId);
        }
    }

    /// <summary>Closes the figure and period being summed up; call once after the last row.</summary>
    public void End()
    {
        CloseValue();
        if (_period is not null && (keep is null || keep(_period)))
        {
            Periods.Add(_period);
        }

        _period = null;
    }

    private void CloseValue()
    {
        if (_inValue)
        {
            _period!.Close(_value, _valueStatements, _valueFactId, _valueDocuments);
            _valueDocuments.Clear();
            _valueStatements = 0;
            _valueFactId = long.MinValue;
            _inValue = false;
        }
    }
}
