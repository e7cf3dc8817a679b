using Anvil.Core.Facts;

namespace Anvil.Store.Records;

// Plain records the store returns. Renderers (tables, CSV, JSON Lines, XLSX, web pages) take these and know
// nothing of extraction. Spans are [start, end) in code points of the document's original text, as in the spec.

/// <summary>One stated figure (<see cref="Fact"/>) with where it was stated.</summary>
public sealed record FactRow
{
    public required long Id { get; init; }

    /// <summary>The document's id (its file name without extension unless named otherwise).</summary>
    public required string Doc { get; init; }

    public string? Title { get; init; }

    /// <summary>The document's publication date, <c>YYYY-MM-DD</c>, when known.</summary>
    public string? Date { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    public required string Quote { get; init; }

    public required Fact Fact { get; init; }

    /// <summary>The entity the subject was linked to, when it was.</summary>
    public long? SubjectEntityId { get; init; }
}

/// <summary>An entity with how often the knowledge base mentions it.</summary>
public sealed record EntityRow(long Id, string Name, string Type, int Mentions, int Documents, int Facts);

/// <summary>A name an entity goes by, and where it comes from: <c>name</c>, <c>lexicon</c>, <c>user</c> (the aliases file) or <c>text</c> (written so in a document).</summary>
public sealed record AliasRow(string Alias, string Origin);

/// <summary>A relation between two entities as a document states it; <see cref="FlaggedWrong"/> when a reader marked it wrong.</summary>
public sealed record RelationRow(long Id, string Doc, string Subject, string Predicate, string Object, int Start, int End, string Quote)
{
    public bool FlaggedWrong { get; init; }
}

/// <summary>A document that mentions an entity.</summary>
public sealed record EntityDocumentRow(string Doc, string? Title, string? Date, int Mentions);

/// <summary>
/// A document that contains the searched text, with the first matching passage from its original text
/// (<see cref="Before"/> + <see cref="Match"/> + <see cref="After"/>); <see cref="Start"/>/<see cref="End"/> locate the match.
/// </summary>
public sealed record SearchHit(string Doc, string? Title, string? Date, int Matches, int Start, int End, string Before, string Match, string After)
{
    public string Passage => Before + Match + After;
}

/// <summary>An entity mention in a document: a span of code points, and the entity it was resolved to.</summary>
public sealed record MentionRow(int Start, int End, string Quote, long EntityId, string Name, string Type);

/// <summary>A value of a <see cref="FactFacet"/> (null: facts without one) and how many matching facts hold it.</summary>
public sealed record FacetCount(string? Value, int Facts);

/// <summary>A column of the facts that <see cref="IKnowledgeStore.FactFacet"/> counts the values of.</summary>
public enum FactFacet
{
    Subject,
    Indicator,

    /// <summary>
    /// The year the fact's time falls in (its period's, or its document's date for a current figure): 2024 holds 2024,
    /// 2024-H1 and 2024-03, as the period filter 2024 does. A period across years counts as stated (2023-07/2024-06);
    /// a fact with no time at all as null.
    /// </summary>
    Period,
    Kind,
    Source,
}

/// <summary>An indicator with how many facts state it, about how many subjects.</summary>
public sealed record IndicatorCount(string Indicator, int Facts, int Subjects);

/// <summary>How much the knowledge base holds.</summary>
public sealed record StoreCounts(long Documents, long Entities, long Mentions, long Facts, long Relations);

/// <summary>A stored document as reindex needs it: its original text and what the reader said about it.</summary>
public sealed record StoredDocument
{
    public required long Id { get; init; }

    public required string Key { get; init; }

    public required string Sha256 { get; init; }

    public string? Title { get; init; }

    public DateOnly? Date { get; init; }

    public required string Format { get; init; }

    public string? SourcePath { get; init; }

    /// <summary>The size of the original text in UTF-8 bytes.</summary>
    public required long Bytes { get; init; }

    /// <summary>The original text; empty when listed without text.</summary>
    public required string Text { get; init; }

    /// <summary>Boilerplate spans in code points.</summary>
    public required IReadOnlyList<(int Start, int End)> Boilerplate { get; init; }

    public required string ExtractorVersion { get; init; }

    public required string ConfigHash { get; init; }
}
