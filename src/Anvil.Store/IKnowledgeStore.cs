using Anvil.Store.Ingest;
using Anvil.Store.Records;

namespace Anvil.Store;

/// <summary>
/// A knowledge base: documents with their original text, merged entities with aliases, mentions, facts and
/// relations. Every write of a document is one transaction, so a crash leaves each document wholly stored or
/// absent. Queries return plain records. One instance is one connection: use it from one thread at a time.
/// Failures are <see cref="StoreException"/>s.
/// </summary>
public interface IKnowledgeStore : IDisposable
{
    StoreLocation Location { get; }

    /// <summary>The schema version the knowledge base is at (the highest migration applied).</summary>
    int SchemaVersion { get; }

    /// <summary>The content hashes of all stored documents: ingest skips these before extracting.</summary>
    IReadOnlySet<string> StoredHashes();

    /// <summary>Writes a document and its records in one transaction; false (and nothing written) when the same content is already stored.</summary>
    bool Add(DocumentRecords document);

    /// <summary>
    /// Writes several documents and their records in one transaction (an ingest's batch): after a crash each is stored
    /// wholly or not at all. For each, whether it was added (false: the same content was stored already).
    /// </summary>
    IReadOnlyList<bool> AddMany(IReadOnlyList<DocumentRecords> documents);

    /// <summary>
    /// Before a bulk load into an empty knowledge base: drops the indexes that facts and mentions are written through
    /// row by row, for <see cref="BuildIndexes"/> to build once at the end (sorting a million rows costs a fraction of
    /// inserting them into the indexes one at a time). False when nothing was deferred (the provider keeps its indexes).
    /// Queries stay correct meanwhile, only slower; a process that stops before the end leaves the indexes to the next
    /// open of the knowledge base, which builds whatever the schema has and the file lacks. PostgreSQL also sets aside the
    /// foreign keys of facts and mentions (added back, every row checked, at the end) and lets several workers load at once.
    /// </summary>
    bool DeferIndexes();

    /// <summary>Builds the indexes <see cref="DeferIndexes"/> dropped (none when there are none to build).</summary>
    void BuildIndexes();

    /// <summary>Replaces what was extracted from a stored document (reindex), in one transaction; the document keeps its id.</summary>
    void Replace(long documentId, DocumentRecords document);

    /// <summary>Stored documents (those of <paramref name="ids"/>, or all), oldest first; with <paramref name="withText"/> false their text is left empty.</summary>
    IReadOnlyList<StoredDocument> Documents(bool withText, IReadOnlyCollection<long>? ids = null);

    /// <summary>
    /// The <paramref name="limit"/> latest stored documents (all when 0) after the first <paramref name="offset"/>, newest
    /// date first, undated last, and of one date the last stored first; without text.
    /// </summary>
    IReadOnlyList<StoredDocument> LatestDocuments(int limit, int offset = 0);

    /// <summary>How many documents are stored (cheaper than <see cref="Counts"/>, which counts every table).</summary>
    int CountDocuments();

    /// <summary>
    /// The documents with this document id, or, when none has it, those whose content hash starts with it (six hex
    /// digits or more); oldest first, without text.
    /// </summary>
    IReadOnlyList<StoredDocument> DocumentsByKey(string key);

    /// <summary>
    /// A number that grows with every write (a document added or replaced, entities removed), by this process or
    /// another. Reading it is cheap: results computed at one version can be reused while it stays the same.
    /// </summary>
    long DataVersion();

    /// <summary>Deletes entities nothing refers to any more (after reindex); returns how many.</summary>
    int RemoveOrphanEntities();

    StoreCounts Counts();

    /// <summary>The facts that match, in the query's order; <see cref="FactQuery.Offset"/> and <see cref="FactQuery.Limit"/> take one page.</summary>
    IReadOnlyList<FactRow> Facts(FactQuery query);

    /// <summary>How many facts match the query's filters (its offset, limit and order aside).</summary>
    int CountFacts(FactQuery query);

    /// <summary>
    /// The facts that match, summed up per figure and period in the store (never read one by one): by subject, indicator,
    /// scope, kind, unit, status and basis, then period, oldest first; <see cref="FactQuery.Offset"/> and
    /// <see cref="FactQuery.Limit"/> take one page. <paramref name="tolerance"/> is how far an approximate figure may be
    /// off (0.1 = 10%) when telling whether values conflict.
    /// </summary>
    IReadOnlyList<FigureSummary> Summaries(FactQuery query, double tolerance = 0.1);

    /// <summary>
    /// The summaries whose values conflict (<see cref="FigureSummary.Conflict"/>: stated by different documents unless
    /// <paramref name="withinDocuments"/>), a page at a time in the order of <see cref="Summaries"/>.
    /// </summary>
    IReadOnlyList<FigureSummary> ConflictGroups(FactQuery query, double tolerance = 0.1, bool withinDocuments = false);

    /// <summary>How many figures and periods <see cref="ConflictGroups"/> finds in all.</summary>
    int CountConflictGroups(FactQuery query, double tolerance = 0.1, bool withinDocuments = false);

    /// <summary>
    /// A page of <see cref="ConflictGroups"/> (the query's <see cref="FactQuery.Offset"/> and <see cref="FactQuery.Limit"/>) and
    /// how many there are in all, from one read of every figure's periods where the two calls take two.
    /// </summary>
    SummaryPage ConflictPage(FactQuery query, double tolerance = 0.1, bool withinDocuments = false);

    /// <summary>The values stated for a figure in a summary's period, lowest first, each with how many documents state it.</summary>
    IReadOnlyList<StatedValue> StatedValues(FigureSummary summary, int limit = 0);

    /// <summary>
    /// The values one column takes among the facts that match the query's filters (its order and paging aside), with
    /// how many facts hold each: most first, ties by value, facts without a value (no period, no source) as null, last;
    /// the first <paramref name="limit"/>. Counted by the database, however many facts match.
    /// </summary>
    IReadOnlyList<FacetCount> FactFacet(FactQuery query, FactFacet facet, int limit);

    /// <summary>The indicators most facts state, with how many facts and subjects; ties by name.</summary>
    IReadOnlyList<IndicatorCount> TopIndicators(int limit);

    /// <summary>The entity with this id and how often it is mentioned, or null.</summary>
    EntityRow? Entity(long id);

    /// <summary>Entities with one of these folded names as name, alias or surface form, most mentioned first.</summary>
    IReadOnlyList<EntityRow> FindEntities(IReadOnlyCollection<string> foldedNames);

    /// <summary>The most mentioned entities of a type (all types when null), by facts and then mentions.</summary>
    IReadOnlyList<EntityRow> TopEntities(string? type, int limit);

    /// <summary>An entity's name, lexicon and user aliases, and the forms documents write it in.</summary>
    IReadOnlyList<AliasRow> Aliases(long entityId);

    /// <summary>
    /// Relations with the entity at either end, by predicate, subject, object and document (code-point order); the
    /// first <paramref name="limit"/> of them, or all when 0.
    /// </summary>
    IReadOnlyList<RelationRow> Relations(long entityId, int limit = 0);

    /// <summary>
    /// Marks a relation as wrong (or clears the mark). The mark is kept by what the relation states and where, so it
    /// survives a reindex that extracts the same relation again. False when there is no relation with this id.
    /// </summary>
    bool FlagRelation(long relationId, bool wrong);

    /// <summary>How many relations have the entity at either end.</summary>
    int CountRelations(long entityId);

    /// <summary>A document's entity mentions in text order, each with the entity it was resolved to.</summary>
    IReadOnlyList<MentionRow> DocumentMentions(long documentId);

    /// <summary>The relations a document states, in text order.</summary>
    IReadOnlyList<RelationRow> DocumentRelations(long documentId);

    /// <summary>
    /// Documents that mention the entity, with how often: newest date first, undated last; the first
    /// <paramref name="limit"/>, or all when 0. <see cref="EntityRow.Documents"/> counts them.
    /// </summary>
    IReadOnlyList<EntityDocumentRow> EntityDocuments(long entityId, int limit = 0);

    /// <summary>Documents containing every term of the query (white-space separated; any script), best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);
}
