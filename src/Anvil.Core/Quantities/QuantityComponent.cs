using Anvil.Core.Documents;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Quantities;

/// <summary>
/// Pipeline step: runs the <see cref="QuantityRecognizer"/> over the match view, maps every span back
/// to the original text, takes the unit text from the original (億元, not 亿元) and drops mentions that
/// lie in boilerplate.
/// </summary>
public sealed class QuantityComponent : IPipelineComponent
{
    private readonly QuantityRecognizer _recognizer;

    public QuantityComponent(QuantityRecognizer? recognizer = null)
    {
        _recognizer = recognizer ?? QuantityRecognizer.Default;
    }

    public string Name => "quantities";

    public Annotations Requires => Annotations.View;

    public Annotations Provides => Annotations.Quantities;

    public void Process(Analysis analysis)
    {
        var view = analysis.View;
        var document = analysis.Document;
        foreach (var m in _recognizer.Find(view.Text))
        {
            var span = view.ToOriginal(m.Span);
            if (document.IsBoilerplate(span))
            {
                continue;
            }

            var unitSpan = view.ToOriginal(m.UnitSpan);
            analysis.Quantities.Add(m with
            {
                Span = span,
                NumberSpan = view.ToOriginal(m.NumberSpan),
                UnitSpan = unitSpan,
                UnitText = unitSpan.IsEmpty ? "" : document.Slice(unitSpan),
            });
        }
    }
}
