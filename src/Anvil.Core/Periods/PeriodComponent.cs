using Anvil.Core.Pipeline;

namespace Anvil.Core.Periods;

/// <summary>
/// Pipeline step: runs the <see cref="PeriodRecognizer"/> over the match view with the document's date
/// and maps every span back to the original text. Periods in boilerplate are kept out.
/// </summary>
public sealed class PeriodComponent : IPipelineComponent
{
    private readonly PeriodRecognizer _recognizer;

    public PeriodComponent(PeriodRecognizer? recognizer = null)
    {
        _recognizer = recognizer ?? PeriodRecognizer.Default;
    }

    public string Name => "periods";

    public Annotations Requires => Annotations.View;

    public Annotations Provides => Annotations.Periods;

    public void Process(Analysis analysis)
    {
        var view = analysis.View;
        foreach (var m in _recognizer.Find(view.Text, analysis.Document.Date))
        {
            var span = view.ToOriginal(m.Span);
            if (!analysis.Document.IsBoilerplate(span))
            {
                analysis.Periods.Add(m with { Span = span });
            }
        }
    }
}
