using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Periods;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

// The records the fact components pass between them. Positions are in the matching view; a record is never
// changed once made: a component that learns something returns a new one.

/// <summary>A name in the text, in view coordinates.</summary>
internal sealed record Mention(TextSpan View, string Name, EntityType Type)
{
    /// <summary>A word standing for a subject (全市, 国内), not a name: it may sit inside the measure (新能源汽车国内销量).</summary>
    public bool IsReference { get; init; }
}

/// <summary>A quantity that may state a fact, with its span and its number's span in the view.</summary>
internal sealed record Figure(QuantityMention Quantity, TextSpan View, TextSpan NumberView);

/// <summary>
/// One item of a 分别 list: a subject (北京和广州分别…), a scope (房地产业、金融业…) or a measure (产销). A null scope keeps
/// the scope the words give; <see cref="EnumerationDistributor.NoScope"/> says the item has none.
/// </summary>
internal sealed record ListItem(string? Subject, string? Scope, string Indicator);

/// <summary>What a fact said, for the next figure to carry: its subject, scope, measure, kind and period.</summary>
internal sealed record Carried(string Subject, string? Scope, string Indicator, FactKind Kind, string? Period, int SubjectStart)
{
    public GrowthBasis? Basis { get; init; }

    /// <summary>The unit of the figure as its quantity gave it (W, CNY, count; "" for none).</summary>
    public string Unit { get; init; } = "";
}

/// <summary>A word that says what kind of statement a figure is (facts/statement-cues.tsv), unless one of the characters stands right before it.</summary>
internal sealed record StatementCue(string Word, string Role, string NotAfter);

/// <summary>
/// What the text has established so far, as a reader keeps it in mind: the last fact, the topic (a subject named at
/// the head of a clause), the source that speaks for what follows, the body whose figures these are, the last list of
/// items and the kind of its figures. Each sentence and each fact returns a new one.
/// </summary>
internal sealed record Discourse
{
    public Carried? Last { get; init; }

    public string? Topic { get; init; }

    /// <summary>A source that speaks for the figures that follow (X发布…), until another speaks.</summary>
    public string? OnwardSource { get; init; }

    /// <summary>The onward source is a government body: it speaks for what the text says of its place, not of a company.</summary>
    public bool OnwardSourceIsGovernment { get; init; }

    /// <summary>
    /// The onward source is a company's own announcement (某某电子公告，…): it speaks for the company's figures and those of the
    /// places and people of its deal, not for other firms the writer goes on to name (如协鑫能科拟投资…).
    /// </summary>
    public bool OnwardSourceIsAnnouncement { get; init; }

    /// <summary>
    /// The onward announcement was made in an earlier paragraph: it still speaks for the figures of its company and its
    /// deal, but a paragraph on a place (本港失业率…) after a company's results is the writer's, not the company's.
    /// </summary>
    public bool AnnouncedInEarlierParagraph { get; init; }

    /// <summary>The government body named as the source of the current sentence's figures: 全市 stands for its place.</summary>
    public Mention? SourceBody { get; init; }

    public IReadOnlyList<ListItem>? LastList { get; init; }

    /// <summary>The kind and sign of the first figure of the current list (分别下降17.64%和14.89%: both fall).</summary>
    public (FactKind Kind, int Sign)? ListKind { get; init; }

    /// <summary>A heading opens a new item of a news feed: nothing carries over from the item before.</summary>
    public Discourse AtHeading() => this with { Topic = null, Last = null, OnwardSource = null, OnwardSourceIsGovernment = false, OnwardSourceIsAnnouncement = false, SourceBody = null, LastList = null };
}

/// <summary>One figure to resolve, with the sentence and clause it stands in and what came before it in the sentence.</summary>
internal sealed record FigureContext(
    Figure Figure,
    TextSpan Sentence,
    TextSpan Clause,
    int PreviousEnd,
    Carried? LastInSentence,
    IReadOnlyList<Figure> SentenceFigures,
    string? SentenceSource,
    Discourse Discourse)
{
    /// <summary>The last amount or count stated in the sentence, past the growths stated of it since.</summary>
    public Carried? LastValueInSentence { get; init; }
}
