using Anvil.Core.Facts;

namespace Anvil.Store.Ingest;

// What one document becomes in the knowledge base, prepared before the transaction that writes it (so the
// transaction only writes). Spans are [start, end) in code points; *Norm fields are folded for matching
// (Matching.Names.Fold). Entity references are indexes into DocumentRecords.Entities.

/// <summary>An entity of the document, after merging, with the aliases it brings.</summary>
public sealed record EntityRecord(string Name, string Type, IReadOnlyList<(string Alias, string AliasNorm, string Origin)> Aliases);

/// <summary>A mention: its span, and the form it writes the entity in (counted per entity as <c>entity_forms</c>).</summary>
public sealed record MentionRecord(int Entity, int Start, int End, string Quote, string QuoteNorm);

/// <summary>
/// A fact of the document as the knowledge base stores it: the <see cref="Fact"/> itself (its subject the merged
/// entity's name when it was linked to one), where it was stated, the entity it is about, and the days its period covers.
/// </summary>
public sealed record FactEntry
{
    public required int Start { get; init; }

    public required int End { get; init; }

    public required string Quote { get; init; }

    /// <summary>The quote folded for matching (<c>Matching.Names.Fold</c>), or null where folding leaves it as it is.</summary>
    public string? QuoteNorm { get; init; }

    /// <summary>The fact's source folded for matching, or null when it has none.</summary>
    public string? SourceNorm { get; init; }

    public int? SubjectEntity { get; init; }

    /// <summary>First and last day of the period (of the document's date when the period is null), as yyyymmdd numbers.</summary>
    public int? PeriodStart { get; init; }

    public int? PeriodEnd { get; init; }

    public required Fact Fact { get; init; }
}

public sealed record RelationEntry(int Start, int End, string Quote, string Subject, int? SubjectEntity, string Predicate, string Object, int? ObjectEntity);

/// <summary>A document with everything extracted from it, ready to be written in one transaction.</summary>
public sealed record DocumentRecords
{
    public required string Key { get; init; }

    public required string Sha256 { get; init; }

    public string? Title { get; init; }

    /// <summary><c>YYYY-MM-DD</c> or null.</summary>
    public string? Date { get; init; }

    public required string Script { get; init; }

    public required string Format { get; init; }

    public string? SourcePath { get; init; }

    public required int Chars { get; init; }

    public required string Text { get; init; }

    /// <summary>The normalised view of the text (Simplified, half-width): what search looks in.</summary>
    public required string SearchText { get; init; }

    /// <summary>Boilerplate spans as JSON, <c>[[start,end],...]</c>.</summary>
    public required string Boilerplate { get; init; }

    public required string ExtractorVersion { get; init; }

    public required string ConfigHash { get; init; }

    public required IReadOnlyList<EntityRecord> Entities { get; init; }

    public required IReadOnlyList<MentionRecord> Mentions { get; init; }

    public required IReadOnlyList<FactEntry> Facts { get; init; }

    public required IReadOnlyList<RelationEntry> Relations { get; init; }
}
