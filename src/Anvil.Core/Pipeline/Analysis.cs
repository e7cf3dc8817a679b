using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Normalization;
using Anvil.Core.Output;
using Anvil.Core.Periods;
using Anvil.Core.Quantities;

namespace Anvil.Core.Pipeline;

/// <summary>The working state of one document as it passes through the pipeline.</summary>
public sealed class Analysis
{
    public Analysis(Document document)
    {
        Document = document;
    }

    public Document Document { get; }

    /// <summary>
    /// The script of the document's text, counted once (by the normaliser, which passes over every character anyway):
    /// the fact extractor and the output both ask, and each asking was a pass over every character.
    /// </summary>
    public Script Script
    {
        get => _script ??= ScriptDetector.Default.Detect(Document.Text);
        set => _script = value;
    }

    private Script? _script;

    /// <summary>The normalised matching view; set by the normaliser, the first component.</summary>
    public MatchView View { get; set; } = null!;

    /// <summary>The sentences of the matching view and their parts; set by the sentence splitter.</summary>
    public Sentences Sentences { get; set; } = Sentences.None;

    public List<EntityMention> Entities { get; } = [];

    public List<QuantityMention> Quantities { get; } = [];

    public List<PeriodMention> Periods { get; } = [];

    /// <summary>
    /// The date relative periods were read against: the document's, else the one its name writes, else the last day of the
    /// year it writes most (set by the periods stage); null when there was none.
    /// </summary>
    public DateOnly? PeriodsDate { get; set; }

    public List<FactRecord> Facts { get; } = [];

    public List<RelationRecord> Relations { get; } = [];

    /// <summary>Where a component adds the time of its own steps when the run is profiled (anvil extract --profile); else null.</summary>
    public StageTimings? Timings { get; init; }
}
