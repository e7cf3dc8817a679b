using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Anvil.Core.Facts;
using Anvil.Core.Normalization;
using Anvil.Store.Ingest;
using Anvil.Store.Matching;
using Anvil.Store.Records;

namespace Anvil.Store.Sql;

/// <summary>
/// The knowledge base over ADO.NET, written once for both providers: the SQL here is what SQLite and PostgreSQL
/// share (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>NULLS LAST</c>). A provider adds how to open, how to lock for
/// migrations, how to search, and how its errors read.
/// </summary>
internal abstract partial class SqlKnowledgeStore : IKnowledgeStore
{
    private const int PassageContext = 40;

    // aliases written through this connection, by entity: they depend only on the settings, so once a run has
    // written an entity's aliases, later documents need not write them again
    private readonly Dictionary<long, string> _aliasesWritten = [];

    // ids of entities by (name, type) and of figures by key, as this connection has read or written them: an ingest
    // asks the database only for the ones it meets first (entities are removed only by RemoveOrphanEntities, which forgets these)
    private readonly Dictionary<(string, string), long> _entityIds = [];
    private readonly Dictionary<FigureIdentity, long> _figureIds = [];

    // statements prepared on this connection, by their SQL
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    protected SqlKnowledgeStore(StoreLocation location, DbConnection connection)
    {
        Location = location;
        Connection = connection;
    }

    public StoreLocation Location { get; }

    public int SchemaVersion { get; private set; }

    protected DbConnection Connection { get; }

    /// <summary>The folder of the provider's migrations: <c>sqlite</c> or <c>postgres</c>.</summary>
    protected abstract string Provider { get; }

    public void Dispose()
    {
        foreach (var cmd in _prepared.Values)
        {
            cmd.Dispose();
        }

        ReleaseConnectionState();

        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---------------------------------------------------------------- opening and migrations

    /// <summary>Checks that the database is an Anvil knowledge base (or empty, when <paramref name="create"/>), then migrates it.</summary>
    protected void Initialise(bool create)
    {
        bool known = TableExists("schema_version");
        if (!known && HasTables())
        {
            known = TableExists("schema_version"); // created by another process between the two looks
        }
        else if (!known)
        {
            // another process may be creating the knowledge base this moment (workers started together): look again
            // holding the migration lock, which it holds until its tables are committed
            using var tx = BeginMigration();
            known = TableExists("schema_version", tx);
            tx.Commit();
        }

        if (!known)
        {
            if (HasTables())
            {
                throw new StoreException(StoreErrorCodes.NotAnvil,
                    $"{Location.Display}: holds tables that are not an Anvil knowledge base; Anvil leaves it alone (name another with --db)");
            }

            if (!create)
            {
                throw new StoreException(StoreErrorCodes.NotFound,
                    $"{Location.Display}: no knowledge base there yet; run 'anvil ingest PATH' first (or name another with --db)");
            }
        }

        Migrate(known);
    }

    protected abstract bool TableExists(string name, DbTransaction? tx = null);

    /// <summary>True when the database (the PostgreSQL schema) holds any table at all.</summary>
    protected abstract bool HasTables();

    /// <summary>A transaction that holds off other processes migrating the same database.</summary>
    protected abstract DbTransaction BeginMigration();

    private void Migrate(bool known)
    {
        var migrations = Migrations.For(Provider);
        if (known)
        {
            // a knowledge base that is up to date opens without the migration lock: readers (the dashboard's requests)
            // open connections often, and on SQLite that lock is the write lock an ingest needs
            using var current = Command(null, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
            if (Convert.ToInt32(current.ExecuteScalar(), CultureInfo.InvariantCulture) == migrations.Count)
            {
                SchemaVersion = migrations.Count;
                return;
            }
        }

        using var tx = BeginMigration();
        Execute(tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        using (var cmd = Command(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            SchemaVersion = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (SchemaVersion > migrations.Count)
        {
            throw new StoreException(StoreErrorCodes.NewerSchema,
                $"{Location.Display}: written by a newer Anvil (schema version {SchemaVersion}; this Anvil knows up to {migrations.Count}); upgrade Anvil");
        }

        foreach (var m in migrations.Where(m => m.Version > SchemaVersion))
        {
            Execute(tx, m.Sql);
            Execute(tx, "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)",
                ("@v", m.Version), ("@n", m.Name), ("@t", Now()));
            SchemaVersion = m.Version;
        }

        tx.Commit();
    }

    // ---------------------------------------------------------------- writing

    public IReadOnlySet<string> StoredHashes() => Run(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command(null, "SELECT sha256 FROM documents");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    });

    public bool Add(DocumentRecords document) => AddMany([document])[0];

    public virtual bool DeferIndexes() => false;

    public virtual void BuildIndexes()
    {
    }

    public IReadOnlyList<bool> AddMany(IReadOnlyList<DocumentRecords> documents) => Run(() => Retrying(() => Write(documents, null)));

    public void Replace(long documentId, DocumentRecords document) => Run(() => Retrying(() => Write([document], documentId)));

    /// <summary>
    /// How often a batch is tried again when the server chose it as the victim of a deadlock or a serialisation failure
    /// (workers writing the same entities at once): the transaction rolled back whole, so it is simply written again.
    /// </summary>
    private const int Attempts = 5;

    protected T Retrying<T>(Func<T> write)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return write();
            }
            catch (DbException e) when (attempt < Attempts && IsTransient(e))
            {
                Thread.Sleep(Random.Shared.Next(10, 50 * attempt));
            }
        }
    }

    /// <summary>True for a failure that writing the same batch again may not meet (a deadlock victim).</summary>
    protected virtual bool IsTransient(DbException e) => false;

    /// <summary>
    /// Writes documents and their records in one transaction: each document is stored wholly, or (its content stored
    /// already) not at all. Rows that several writers may write at once (entities, aliases, figures, documents, entity
    /// forms) are written in one order, class by class and key by key, so concurrent writers queue instead of deadlocking.
    /// </summary>
    private bool[] Write(IReadOnlyList<DocumentRecords> documents, long? replacing)
    {
        var ids = new PendingIds(_entityIds, _figureIds);
        var written = new bool[documents.Count];
        var aliases = new List<(long, string)>();
        using (var tx = Connection.BeginTransaction())
        {
            WriteEntities(tx, documents, ids);
            WriteAliases(tx, documents, ids, aliases);
            var figures = WriteFigures(tx, documents, ids);
            var stored = new List<(long Id, int Index)>(documents.Count);
            if (replacing is { } documentId)
            {
                ClearDocument(tx, documentId);
                UpdateDocument(tx, documentId, documents[0]);
                stored.Add((documentId, 0));
            }
            else
            {
                foreach (int i in Enumerable.Range(0, documents.Count).OrderBy(i => documents[i].Sha256, StringComparer.Ordinal))
                {
                    if (InsertDocument(tx, documents[i]) is { } id)
                    {
                        stored.Add((id, i));
                    }
                }
            }

            foreach (var (_, i) in stored)
            {
                written[i] = true;
            }

            WriteRecords(tx, documents, stored, ids, figures);
            if (stored.Count > 0)
            {
                RaiseDataVersion(tx);
            }

            // Last: a full-text index may keep its new terms in memory only until another statement of the transaction
            // could be undone on its own (SQLite's FTS5 writes them out at every such statement, so written after each
            // document they made one small segment per document, merged again and again).
            foreach (var (id, i) in stored)
            {
                SearchTextWritten(tx, id, documents[i].SearchText, replacing: replacing is not null);
            }

            tx.Commit();
        }

        ids.Commit();
        Remember(aliases);
        return written;
    }

    /// <summary>Ids of entities and figures read or made in a transaction, kept for later ones only once it has committed.</summary>
    private sealed class PendingIds(Dictionary<(string, string), long> entities, Dictionary<FigureIdentity, long> figures)
    {
        private readonly Dictionary<(string, string), long> _newEntities = [];
        private readonly Dictionary<FigureIdentity, long> _newFigures = [];

        public bool TryEntity((string Name, string Type) key, out long id) => entities.TryGetValue(key, out id) || _newEntities.TryGetValue(key, out id);

        public void AddEntity((string Name, string Type) key, long id) => _newEntities[key] = id;

        public bool TryFigure(FigureIdentity key, out long id) => figures.TryGetValue(key, out id) || _newFigures.TryGetValue(key, out id);

        public void AddFigure(FigureIdentity key, long id) => _newFigures[key] = id;

        public long Entity(EntityRecord e) => TryEntity((e.Name, e.Type), out long id) ? id : throw new InvalidOperationException($"entity {e.Name} has no id");

        public void Commit()
        {
            foreach (var (key, id) in _newEntities)
            {
                entities[key] = id;
            }

            foreach (var (key, id) in _newFigures)
            {
                figures[key] = id;
            }
        }
    }

    /// <summary>Entities by (name, type): the new ones inserted in name order, then their ids read back.</summary>
    private void WriteEntities(DbTransaction tx, IReadOnlyList<DocumentRecords> documents, PendingIds ids)
    {
        var missing = documents.SelectMany(d => d.Entities).Select(e => (e.Name, e.Type)).Distinct()
            .Where(k => !ids.TryEntity(k, out _)).OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Type, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        InsertMany(tx, "entities", ["name", "type"], missing, e => [e.Name, e.Type], " ON CONFLICT (name, type) DO NOTHING");
        foreach (var chunk in missing.Chunk(500))
        {
            using var select = Command(tx, "");
            select.CommandText = $"SELECT id, name, type FROM entities WHERE name IN {InList(select, "@n", chunk.Select(e => e.Name))}";
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                ids.AddEntity((r.GetString(1), r.GetString(2)), Long(r, 0));
            }
        }
    }

    /// <summary>
    /// The lexicon's and the user's aliases as the current settings give them (the latest ingest wins), written for the
    /// entities whose aliases this connection has not written yet, in entity order.
    /// </summary>
    private void WriteAliases(DbTransaction tx, IReadOnlyList<DocumentRecords> documents, PendingIds ids, List<(long Entity, string Aliases)> pending)
    {
        var changed = new SortedDictionary<long, EntityRecord>();
        foreach (var e in documents.SelectMany(d => d.Entities))
        {
            long id = ids.Entity(e);
            var fingerprint = string.Join('\n', e.Aliases.Select(a => a.Origin + "\t" + a.Alias));
            if ((!_aliasesWritten.TryGetValue(id, out var written) || written != fingerprint) && changed.TryAdd(id, e))
            {
                pending.Add((id, fingerprint));
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        foreach (var chunk in changed.Keys.Chunk(500))
        {
            using var clear = Command(tx, "");
            clear.CommandText = $"DELETE FROM entity_aliases WHERE origin <> 'name' AND entity_id IN {InList(clear, "@e", chunk)}";
            clear.ExecuteNonQuery();
        }

        InsertMany(tx, "entity_aliases", ["entity_id", "alias", "alias_norm", "origin"],
            [.. changed.SelectMany(c => c.Value.Aliases.Select(a => (Id: c.Key, a.Alias, a.AliasNorm, a.Origin))).OrderBy(a => a.Id).ThenBy(a => a.Alias, StringComparer.Ordinal)],
            a => [a.Id, a.Alias, a.AliasNorm, a.Origin], " ON CONFLICT DO NOTHING");
    }

    /// <summary>
    /// What makes a figure one: the fact's subject, the entity it is linked to, scope, indicator, kind, unit, status and
    /// basis. Compared field by field while a batch is written; <see cref="Key"/> is the stored <c>figures.figure_key</c>.
    /// </summary>
    private readonly record struct FigureIdentity(string Subject, long? Entity, string? Scope, string Indicator, FactKind Kind, string Unit,
        FactStatus Status, GrowthBasis? Basis)
    {
        public FigureIdentity(Fact f, long? entity)
            : this(f.Subject, entity, f.Scope, f.Indicator, f.Kind, f.Unit.Code, f.Status, f.Basis)
        {
        }

        /// <summary>The fields joined by U+001F, as migration 4 joins them.</summary>
        public string Key => string.Join('\u001f', Subject, Entity?.ToString(CultureInfo.InvariantCulture) ?? "", Scope ?? "", Indicator, Kind.ToSpecName(),
            Unit, Status.ToSpecName(), Basis?.ToSpecName() ?? "");
    }

    /// <summary>
    /// The figures the facts state: the new ones inserted in key order, then their ids read back. Returns each
    /// document's facts' figure ids, in the order of its facts.
    /// </summary>
    private long[][] WriteFigures(DbTransaction tx, IReadOnlyList<DocumentRecords> documents, PendingIds ids)
    {
        // a million facts come to a few hundred figures: each fact's figure is looked up once, its subject's entity id
        // once per document's entity, and only the facts of new figures are looked up again once those have ids
        var figureIds = new long[documents.Count][];
        var unresolved = new List<(int Document, int Fact, FigureIdentity Identity)>();
        var missing = new SortedDictionary<string, (Fact Fact, FigureIdentity Identity)>(StringComparer.Ordinal);
        var unknown = new HashSet<FigureIdentity>(); // several may make one key (an empty scope and none): each gets its id
        for (int i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var entities = new long?[d.Entities.Count];
            var these = figureIds[i] = new long[d.Facts.Count];
            for (int j = 0; j < these.Length; j++)
            {
                var e = d.Facts[j];
                long? entity = e.SubjectEntity is { } s ? entities[s] ??= ids.Entity(d.Entities[s]) : null;
                var identity = new FigureIdentity(e.Fact, entity);
                if (ids.TryFigure(identity, out long id))
                {
                    these[j] = id;
                    continue;
                }

                unresolved.Add((i, j, identity));
                if (unknown.Add(identity))
                {
                    missing.TryAdd(identity.Key, (e.Fact, identity));
                }
            }
        }

        if (missing.Count > 0)
        {
            InsertMany(tx, "figures",
                ["figure_key", "subject", "subject_norm", "subject_entity_id", "scope", "scope_norm", "indicator", "indicator_norm", "kind", "unit", "status", "basis"],
                [.. missing],
                m =>
                {
                    var f = m.Value.Fact;
                    return [m.Key, f.Subject, Names.Fold(f.Subject), m.Value.Identity.Entity, f.Scope, Names.FoldOrNull(f.Scope), f.Indicator, Names.Fold(f.Indicator),
                        f.Kind.ToSpecName(), f.Unit.Code, f.Status.ToSpecName(), f.Basis?.ToSpecName()];
                },
                " ON CONFLICT (figure_key) DO NOTHING");
            var byKey = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var chunk in missing.Keys.Chunk(500))
            {
                using var select = Command(tx, "");
                select.CommandText = $"SELECT id, figure_key FROM figures WHERE figure_key IN {InList(select, "@k", chunk)}";
                using var r = select.ExecuteReader();
                while (r.Read())
                {
                    byKey[r.GetString(1)] = Long(r, 0);
                }
            }

            foreach (var identity in unknown)
            {
                if (byKey.TryGetValue(identity.Key, out long id))
                {
                    ids.AddFigure(identity, id);
                }
            }
        }

        foreach (var (i, j, identity) in unresolved)
        {
            figureIds[i][j] = ids.TryFigure(identity, out long id) ? id : throw new InvalidOperationException($"figure {identity.Key} has no id");
        }

        return figureIds;
    }

    /// <summary>The document's row; null when the same content is stored already.</summary>
    private long? InsertDocument(DbTransaction tx, DocumentRecords document)
    {
        var (column, value) = SearchIndexColumn is { } c ? (", " + c, ", @grams") : ("", "");
        var cmd = Prepared(tx, $"""
            INSERT INTO documents (doc_key, sha256, title, date, script, format, source_path, chars, text, search_text,
                                   boilerplate, extractor_version, config_hash, ingested_at{column})
            VALUES (@key, @sha, @title, @date, @script, @format, @path, @chars, @text, @search, @boilerplate, @version, @config, @at{value})
            ON CONFLICT (sha256) DO NOTHING
            RETURNING id
            """, [.. InsertParameters, .. SearchIndexColumn is null ? (string[])[] : ["@grams"]]);
        Bind(cmd, document);
        cmd.Parameters["@sha"].Value = document.Sha256;
        cmd.Parameters["@text"].Value = document.Text;
        cmd.Parameters["@at"].Value = Now();
        var result = cmd.ExecuteScalar();
        if (result is null or DBNull)
        {
            return null;
        }

        return Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private static readonly string[] InsertParameters =
        ["@key", "@sha", "@title", "@date", "@script", "@format", "@path", "@chars", "@text", "@search", "@boilerplate", "@version", "@config", "@at"];

    private void UpdateDocument(DbTransaction tx, long documentId, DocumentRecords document)
    {
        using var cmd = Command(tx, $"""
            UPDATE documents SET doc_key = @key, title = @title, date = @date, script = @script, format = @format,
                source_path = COALESCE(@path, source_path), chars = @chars, search_text = @search, boilerplate = @boilerplate,
                extractor_version = @version, config_hash = @config{(SearchIndexColumn is { } c ? $", {c} = @grams" : "")}
            WHERE id = @id
            """);
        foreach (var name in (string[])["@key", "@title", "@date", "@script", "@format", "@path", "@chars", "@search", "@boilerplate", "@version", "@config",
                     .. SearchIndexColumn is null ? (string[])[] : ["@grams"]])
        {
            Parameter(cmd, name, null);
        }

        Bind(cmd, document);
        Parameter(cmd, "@id", documentId);
        if (cmd.ExecuteNonQuery() != 1)
        {
            throw new StoreException(StoreErrorCodes.Failed, $"{Location.Display}: document {documentId} is no longer stored");
        }
    }

    /// <summary>Removes what was extracted from a stored document (before reindex writes it again), its entity forms counted down.</summary>
    private void ClearDocument(DbTransaction tx, long documentId)
    {
        Execute(tx, """
            UPDATE entity_forms SET mentions = mentions - (
                SELECT COUNT(*) FROM mentions m JOIN documents d ON d.id = m.document_id
                WHERE m.document_id = @d AND m.entity_id = entity_forms.entity_id
                  AND substr(d.text, m.span_start + 1, m.span_end - m.span_start) = entity_forms.form)
            WHERE entity_id IN (SELECT entity_id FROM mentions WHERE document_id = @d)
            """, ("@d", documentId));
        Execute(tx, "DELETE FROM entity_forms WHERE mentions <= 0");
        foreach (var table in (string[])["mentions", "facts", "relations"])
        {
            Execute(tx, $"DELETE FROM {table} WHERE document_id = @d", ("@d", documentId));
        }
    }

    /// <summary>
    /// Marks the transaction's writes for readers' caches. Last before commit: on PostgreSQL the row stays locked until
    /// then, so concurrent writers queue only for their commits.
    /// </summary>
    private void RaiseDataVersion(DbTransaction tx) => Execute(tx, "UPDATE data_version SET version = version + 1 WHERE id = 1");

    public long DataVersion() => Run(() =>
    {
        using var cmd = Command(null, "SELECT version FROM data_version WHERE id = 1");
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>Notes aliases as written once their transaction has committed (a rolled-back one wrote nothing).</summary>
    private void Remember(List<(long Entity, string Aliases)> written)
    {
        foreach (var (entity, aliases) in written)
        {
            _aliasesWritten[entity] = aliases;
        }
    }

    /// <summary>Keeps a provider's search index in step with the document's normalised text.</summary>
    protected virtual void SearchTextWritten(DbTransaction tx, long documentId, string searchText, bool replacing)
    {
    }

    /// <summary>A column of <c>documents</c> the provider fills from the normalised text for its search index (null: none).</summary>
    protected virtual string? SearchIndexColumn => null;

    /// <summary>The value of <see cref="SearchIndexColumn"/> for a document's normalised text.</summary>
    protected virtual object SearchIndexValue(string searchText) => DBNull.Value;

    /// <summary>What <c>documents.search_text</c> keeps of the normalised text: all of it, unless the provider's index holds it.</summary>
    protected virtual string StoredSearchText(string searchText) => searchText;

    private void Bind(DbCommand cmd, DocumentRecords d)
    {
        cmd.Parameters["@key"].Value = d.Key;
        cmd.Parameters["@title"].Value = (object?)d.Title ?? DBNull.Value;
        cmd.Parameters["@date"].Value = (object?)d.Date ?? DBNull.Value;
        cmd.Parameters["@script"].Value = d.Script;
        cmd.Parameters["@format"].Value = d.Format;
        cmd.Parameters["@path"].Value = (object?)d.SourcePath ?? DBNull.Value;
        cmd.Parameters["@chars"].Value = (long)d.Chars;
        cmd.Parameters["@search"].Value = StoredSearchText(d.SearchText);
        if (SearchIndexColumn is not null)
        {
            cmd.Parameters["@grams"].Value = SearchIndexValue(d.SearchText);
        }
        cmd.Parameters["@boilerplate"].Value = d.Boilerplate;
        cmd.Parameters["@version"].Value = d.ExtractorVersion;
        cmd.Parameters["@config"].Value = d.ConfigHash;
    }

    /// <summary>
    /// The mentions, facts and relations of the stored documents (their ids and indexes into <paramref name="documents"/>),
    /// table by table through the provider's bulk <see cref="RowWriter"/>, and the entity forms their mentions count.
    /// </summary>
    private void WriteRecords(DbTransaction tx, IReadOnlyList<DocumentRecords> documents, List<(long Id, int Index)> stored, PendingIds ids, long[][] figures)
    {
        if (stored.Count == 0)
        {
            return;
        }

        var entityIds = new long[documents.Count][];
        foreach (var (_, i) in stored)
        {
            entityIds[i] = [.. documents[i].Entities.Select(ids.Entity)];
        }

        var forms = new Dictionary<(long Entity, string Form), (string Norm, long Count)>();
        using (var rows = Rows(tx, "mentions", MentionRowColumns))
        {
            foreach (var (id, i) in stored)
            {
                foreach (var m in documents[i].Mentions)
                {
                    long entity = entityIds[i][m.Entity];
                    var key = (entity, m.Quote);
                    forms[key] = forms.TryGetValue(key, out var seen) ? (seen.Norm, seen.Count + 1) : (m.QuoteNorm, 1);
                    rows.Add(id);
                    rows.Add(entity);
                    rows.Add(m.Start);
                    rows.Add(m.End);
                    rows.EndRow();
                }
            }

            rows.Complete();
        }

        using (var rows = Rows(tx, "facts", FactRowColumns))
        {
            foreach (var (id, i) in stored)
            {
                var facts = documents[i].Facts;
                for (int j = 0; j < facts.Count; j++)
                {
                    var e = facts[j];
                    var f = e.Fact;
                    rows.Add(id);
                    rows.Add(figures[i][j]);
                    rows.Add(e.Start);
                    rows.Add(e.End);
                    rows.Add(e.QuoteNorm);
                    rows.Add(f.Value);
                    rows.Add(f.ValueHigh);
                    rows.Add(f.Qualifier.ToSpecName());
                    rows.Add(f.UnitText);
                    rows.Add(f.IndicatorText);
                    rows.Add(f.Period);
                    rows.Add(e.PeriodStart);
                    rows.Add(e.PeriodEnd);
                    rows.Add(f.Source);
                    rows.Add(e.SourceNorm);
                    rows.EndRow();
                }
            }

            rows.Complete();
        }

        if (stored.Any(s => documents[s.Index].Relations.Count > 0))
        {
            using var rows = Rows(tx, "relations", RelationRowColumns);
            foreach (var (id, i) in stored)
            {
                foreach (var r in documents[i].Relations)
                {
                    rows.Add(id);
                    rows.Add(r.Start);
                    rows.Add(r.End);
                    rows.Add(r.Quote);
                    rows.Add(r.Subject);
                    rows.Add(r.SubjectEntity is { } s ? entityIds[i][s] : null);
                    rows.Add(r.Predicate);
                    rows.Add(r.Object);
                    rows.Add(r.ObjectEntity is { } o ? entityIds[i][o] : null);
                    rows.EndRow();
                }
            }

            rows.Complete();
        }

        WriteForms(tx, forms);
    }

    private static readonly string[] MentionRowColumns = ["document_id", "entity_id", "span_start", "span_end"];

    private static readonly string[] FactRowColumns =
        ["document_id", "figure_id", "span_start", "span_end", "quote_norm", "value", "value_high", "qualifier", "unit_text", "indicator_text",
         "period", "period_start", "period_end", "source", "source_norm"];

    private static readonly string[] RelationRowColumns =
        ["document_id", "span_start", "span_end", "quote", "subject", "subject_entity_id", "predicate", "object", "object_entity_id"];

    /// <summary>A writer of rows into <paramref name="table"/> inside <paramref name="tx"/>, by the provider's fastest way.</summary>
    protected abstract RowWriter Rows(DbTransaction tx, string table, string[] columns);

    /// <summary>Releases what the provider keeps on the connection besides ADO.NET's commands; before the connection closes.</summary>
    protected virtual void ReleaseConnectionState()
    {
    }

    /// <summary>Counts the forms the batch's mentions write their entities in, in (entity, form) order.</summary>
    private void WriteForms(DbTransaction tx, Dictionary<(long Entity, string Form), (string Norm, long Count)> forms)
    {
        if (forms.Count == 0)
        {
            return;
        }

        InsertMany(tx, "entity_forms", ["entity_id", "form", "form_norm", "mentions"],
            [.. forms.OrderBy(f => f.Key.Entity).ThenBy(f => f.Key.Form, StringComparer.Ordinal)],
            f => [f.Key.Entity, f.Key.Form, f.Value.Norm, f.Value.Count],
            " ON CONFLICT (entity_id, form) DO UPDATE SET mentions = entity_forms.mentions + excluded.mentions");
    }

    /// <summary>
    /// How many rows one INSERT carries. On a server each statement is a round trip, and a row at a time would spend
    /// most of an ingest waiting on the network; in-process SQLite is fastest with one prepared row statement reused.
    /// </summary>
    protected virtual int RowsPerInsert => 1;

    /// <summary>
    /// Inserts rows <see cref="RowsPerInsert"/> to a statement. Statements are prepared once per connection and reused by
    /// every later batch (an ingest writes millions of rows through a handful of statements).
    /// </summary>
    private void InsertMany<T>(DbTransaction tx, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, string suffix = "")
    {
        int perStatement = Math.Clamp(RowsPerInsert, 1, Math.Max(1, 2000 / columns.Length));
        DbCommand? full = null, single = null; // the statement for a full chunk and the one-row one, found once per call
        for (int first = 0; first < rows.Count; first += perStatement)
        {
            int n = Math.Min(perStatement, rows.Count - first);
            // a short tail goes row by row through the one-row statement rather than a statement prepared for its size
            int shape = n == perStatement || n >= 16 ? n : 1;
            var cmd = shape == perStatement ? full ??= Insert(tx, table, columns, shape, suffix)
                : shape == 1 ? single ??= Insert(tx, table, columns, 1, suffix)
                : Insert(tx, table, columns, shape, suffix);
            for (int done = 0; done < n; done += shape)
            {
                for (int r = 0; r < shape; r++)
                {
                    var row = values(rows[first + done + r]);
                    for (int c = 0; c < row.Length; c++)
                    {
                        cmd.Parameters[(r * columns.Length) + c].Value = row[c] ?? DBNull.Value;
                    }
                }

                cmd.ExecuteNonQuery();
            }
        }
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (@p0_0, ...), ...</c> for <paramref name="rows"/> rows, prepared, kept for the connection.</summary>
    private DbCommand Insert(DbTransaction tx, string table, string[] columns, int rows, string suffix)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var names = new List<string>(rows * columns.Length);
        for (int r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                names.Add(name);
                sql.Append(c == 0 ? "" : ", ").Append(name);
            }

            sql.Append(')');
        }

        return Prepared(tx, sql.Append(suffix).ToString(), [.. names]);
    }

    /// <summary>
    /// Whether kept statements are prepared. Npgsql would fix a parameter's type when preparing it (from a value not yet
    /// bound), so on PostgreSQL the kept statements only save building them again.
    /// </summary>
    protected virtual bool PrepareStatements => true;

    /// <summary>A statement with these parameters, prepared on first use and kept while the connection is open.</summary>
    private DbCommand Prepared(DbTransaction tx, string sql, params string[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = Command(tx, sql);
            foreach (var name in parameters)
            {
                Parameter(cmd, name, null);
            }

            if (PrepareStatements)
            {
                cmd.Prepare();
            }

            _prepared[sql] = cmd;
        }

        cmd.Transaction = tx;
        return cmd;
    }

    public int RemoveOrphanEntities() => Run(() =>
    {
        using var tx = Connection.BeginTransaction();
        Execute(tx, "DELETE FROM figures WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.figure_id = figures.id)");
        const string orphans = """
            NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM figures g WHERE g.subject_entity_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.subject_entity_id = entities.id OR r.object_entity_id = entities.id)
            """;
        Execute(tx, $"DELETE FROM entity_aliases WHERE entity_id IN (SELECT id FROM entities WHERE {orphans})");
        Execute(tx, $"DELETE FROM entity_forms WHERE entity_id IN (SELECT id FROM entities WHERE {orphans})");
        int n = Execute(tx, $"DELETE FROM entities WHERE {orphans}");
        RaiseDataVersion(tx);
        tx.Commit();
        // ids of removed entities and figures may come back for new ones
        _aliasesWritten.Clear();
        _entityIds.Clear();
        _figureIds.Clear();
        return n;
    });

    // ---------------------------------------------------------------- reading

    public IReadOnlyList<StoredDocument> Documents(bool withText, IReadOnlyCollection<long>? ids = null) => Run(() =>
    {
        using var cmd = Command(null, "");
        string where = ids is null ? "" : $"WHERE id IN {InList(cmd, "@id", ids)}";
        cmd.CommandText = $"{DocumentColumns(withText)} {where} ORDER BY id";
        return ReadDocuments(cmd);
    });

    public IReadOnlyList<StoredDocument> LatestDocuments(int limit, int offset = 0) => Run(() =>
    {
        using var cmd = Command(null, "");
        cmd.CommandText = $"{DocumentColumns(withText: false)} ORDER BY date DESC NULLS LAST, id DESC{Page(cmd, limit, offset)}";
        return ReadDocuments(cmd);
    });

    public int CountDocuments() => Run(() =>
    {
        using var cmd = Command(null, "SELECT COUNT(*) FROM documents");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>
    /// The <c>LIMIT</c>/<c>OFFSET</c> that takes one page (nothing for 0 and 0). SQLite takes an offset only after a
    /// limit, so an offset alone comes with the largest limit.
    /// </summary>
    private static string Page(DbCommand cmd, int limit, int offset)
    {
        if (limit <= 0 && offset <= 0)
        {
            return "";
        }

        Parameter(cmd, "@limit", limit > 0 ? limit : long.MaxValue);
        if (offset <= 0)
        {
            return " LIMIT @limit";
        }

        Parameter(cmd, "@offset", (long)offset);
        return " LIMIT @limit OFFSET @offset";
    }

    public IReadOnlyList<StoredDocument> DocumentsByKey(string key) => Run(() =>
    {
        using var byKey = Command(null, $"{DocumentColumns(withText: false)} WHERE doc_key = @key ORDER BY id");
        Parameter(byKey, "@key", key);
        var found = ReadDocuments(byKey);
        if (found.Count > 0 || key.Length < 6 || !key.All(char.IsAsciiHexDigit))
        {
            return found;
        }

        using var byHash = Command(null, $"{DocumentColumns(withText: false)} WHERE sha256 LIKE @sha ORDER BY id");
        Parameter(byHash, "@sha", key.ToLowerInvariant() + "%"); // hex digits only: nothing to escape
        return ReadDocuments(byHash);
    });

    private static string DocumentColumns(bool withText) => $"""
        SELECT id, doc_key, sha256, title, date, format, source_path, {(withText ? "text" : "''")}, boilerplate, extractor_version, config_hash,
               octet_length(text)
        FROM documents
        """;

    private static List<StoredDocument> ReadDocuments(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<StoredDocument>();
        while (r.Read())
        {
            list.Add(new StoredDocument
            {
                Id = Long(r, 0),
                Key = r.GetString(1),
                Sha256 = r.GetString(2),
                Title = Text(r, 3),
                Date = Text(r, 4) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Format = r.GetString(5),
                SourcePath = Text(r, 6),
                Text = r.GetString(7),
                Boilerplate = ParseSpans(r.GetString(8)),
                ExtractorVersion = r.GetString(9),
                ConfigHash = r.GetString(10),
                Bytes = Long(r, 11),
            });
        }

        return list;
    }

    public StoreCounts Counts() => Run(() =>
    {
        using var cmd = Command(null, """
            SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM mentions),
                   (SELECT COUNT(*) FROM facts), (SELECT COUNT(*) FROM relations)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreCounts(Long(r, 0), Long(r, 1), Long(r, 2), Long(r, 3), Long(r, 4));
    });

    public IReadOnlyList<FactRow> Facts(FactQuery query) => Run(() =>
    {
        using var cmd = Command(null, "");
        string ordering = FactOrdering(query);
        if (query.Limit > 0 && query.Doc is null && query.Text is null)
        {
            // a page of a large subject: the facts are chosen and ordered inside indexes (a document's date and key from
            // documents_dates), and only the page's facts read their document's row for the quote (through every fact of
            // a place, a page read 0.4 s of documents)
            cmd.CommandText = $"""
                SELECT {FactColumns}
                FROM (SELECT f.id FROM facts f JOIN figures g ON g.id = f.figure_id JOIN {DocumentDates} ON d.id = f.document_id{FactFilter(cmd, query)}
                      ORDER BY {ordering}{Page(cmd, query.Limit, query.Offset)}) p
                JOIN facts f ON f.id = p.id JOIN figures g ON g.id = f.figure_id JOIN documents d ON d.id = f.document_id
                ORDER BY {ordering}
                """;
        }
        else
        {
            cmd.CommandText = $"SELECT {FactColumns} FROM {FactTables}{FactFilter(cmd, query)} ORDER BY {ordering}{Page(cmd, query.Limit, query.Offset)}";
        }

        using var r = cmd.ExecuteReader();
        var facts = new List<FactRow>();
        while (r.Read())
        {
            facts.Add(ReadFact(r));
        }

        return facts;
    });

    /// <summary>Facts with their figures and documents.</summary>
    private const string FactTables = "facts f JOIN figures g ON g.id = f.figure_id JOIN documents d ON d.id = f.document_id";

    /// <summary>
    /// What <see cref="ReadFact"/> reads, over <see cref="FactTables"/>. The quote is the document's text at the span: both
    /// providers' substr count characters, as spans count code points.
    /// </summary>
    private const string FactColumns = """
        f.id, d.doc_key, d.title, d.date, f.span_start, f.span_end, substr(d.text, f.span_start + 1, f.span_end - f.span_start),
        g.subject, g.scope, g.indicator, f.indicator_text, g.kind, f.value, f.value_high, g.unit, f.unit_text, f.qualifier, f.period, f.source,
        g.status, g.basis, g.subject_entity_id
        """;

    /// <summary>A fact of <see cref="FactColumns"/>; the spec's names become the fact's types here (<see cref="FactNames"/>).</summary>
    private static FactRow ReadFact(DbDataReader r) => new()
    {
        Id = Long(r, 0),
        Doc = r.GetString(1),
        Title = Text(r, 2),
        Date = Text(r, 3),
        Start = (int)Long(r, 4),
        End = (int)Long(r, 5),
        Quote = r.GetString(6),
        Fact = new Fact
        {
            Subject = r.GetString(7),
            Scope = Text(r, 8),
            Indicator = r.GetString(9),
            IndicatorText = Text(r, 10),
            Kind = FactNames.ParseKind(r.GetString(11)),
            Value = r.GetDouble(12),
            ValueHigh = r.IsDBNull(13) ? null : r.GetDouble(13),
            Unit = new Unit(r.GetString(14)),
            UnitText = Text(r, 15),
            Qualifier = FactNames.ParseQualifier(r.GetString(16)),
            Period = Text(r, 17),
            Source = Text(r, 18),
            Status = FactNames.ParseStatus(Text(r, 19)),
            Basis = FactNames.ParseBasis(Text(r, 20)),
        },
        SubjectEntityId = r.IsDBNull(21) ? null : Long(r, 21),
    };

    public int CountFacts(FactQuery query) => Run(() =>
    {
        using var cmd = Command(null, "");
        // the document is joined only when a filter reads it: a count over facts and figures can stay inside indexes
        string from = query.Doc is null && query.Text is null ? "facts f JOIN figures g ON g.id = f.figure_id" : FactTables;
        cmd.CommandText = $"SELECT COUNT(*) FROM {from}{FactFilter(cmd, query)}";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public IReadOnlyList<FacetCount> FactFacet(FactQuery query, FactFacet facet, int limit) => Run(() =>
    {
        string column = facet switch
        {
            Records.FactFacet.Indicator => "g.indicator",
            // the year a period falls in, which the period filter then takes back exactly; a period across years as stated
            Records.FactFacet.Period => "CASE WHEN f.period_start / 10000 = f.period_end / 10000 THEN CAST(f.period_start / 10000 AS TEXT) ELSE f.period END",
            Records.FactFacet.Kind => "g.kind",
            Records.FactFacet.Source => "f.source",
            _ => "g.subject",
        };
        using var cmd = Command(null, "");
        string from = query.Doc is null && query.Text is null ? "facts f JOIN figures g ON g.id = f.figure_id" : FactTables;
        cmd.CommandText = $"""
            SELECT {column}, COUNT(*) FROM {from}{FactFilter(cmd, query)}
            GROUP BY {column}
            ORDER BY COUNT(*) DESC, {column}{OrdinalCollation} NULLS LAST{Page(cmd, limit, 0)}
            """;
        using var r = cmd.ExecuteReader();
        var rows = new List<FacetCount>();
        while (r.Read())
        {
            rows.Add(new FacetCount(Text(r, 0), (int)Long(r, 1)));
        }

        return rows;
    });

    /// <summary>The <c>ORDER BY</c> of a fact query over <c>facts f</c> and <c>documents d</c>, ending in the fact's id.</summary>
    private string FactOrdering(FactQuery query)
    {
        string o = OrdinalCollation;
        if (query.Order == FactOrder.Grouped)
        {
            return $"g.subject{o}, g.indicator{o}, g.scope{o}, g.kind{o}, g.status{o}, g.basis{o}, f.period_end DESC NULLS LAST, d.doc_key{o}, f.span_start, f.id";
        }

        string key = query.Order switch
        {
            FactOrder.Indicator => $"g.indicator{o}",
            FactOrder.Scope => $"COALESCE(g.scope, ''){o}",
            FactOrder.Kind => $"g.kind{o}",
            FactOrder.Value => "f.value",
            FactOrder.Period => "COALESCE(f.period_end, 0)", // the period's end, or the document's date: what EffectivePeriod gives
            FactOrder.Date => $"COALESCE(d.date, ''){o}",
            FactOrder.Doc => $"d.doc_key{o}",
            _ => $"g.subject{o}",
        };
        return $"{key}{(query.Descending ? " DESC" : "")}, g.subject{o}, g.indicator{o}, f.id";
    }

    /// <summary>
    /// What makes text sort by code point, as C#'s ordinal comparison does: SQLite's default; PostgreSQL needs the
    /// "C" collation, or the server's locale decides.
    /// </summary>
    protected virtual string OrdinalCollation => "";

    /// <summary>
    /// The <c>WHERE</c> clause of a fact query over <c>facts f</c> and <c>figures g</c> (and <c>documents d</c> when it filters by
    /// document or quote), with its parameters.
    /// </summary>
    private static string FactFilter(DbCommand cmd, FactQuery query) => " WHERE 1 = 1" + FigureConditions(cmd, query) + StatementConditions(cmd, query);

    /// <summary>Whether a query filters by what a figure is (its subject, scope, indicator, kind or status), over <c>figures g</c>.</summary>
    private static bool FiltersFigures(FactQuery query) =>
        query.Subjects is not null || query.SubjectEntityId is not null || query.Scopes is not null || query.Indicators is not null
        || query.Kind is not null || query.Status is not null;

    /// <summary>The conditions of a fact query on the figure (<c>figures g</c>), each starting with <c> AND</c>.</summary>
    private static string FigureConditions(DbCommand cmd, FactQuery query)
    {
        var sql = new StringBuilder();
        if (query.Subjects is { } subjects)
        {
            var list = InList(cmd, "@subj", subjects.Select(Names.Fold));
            sql.Append($" AND (g.subject_norm IN {list} OR g.subject_entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias_norm IN {list}))");
        }

        if (query.SubjectEntityId is { } entity)
        {
            sql.Append(" AND g.subject_entity_id = @entity");
            Parameter(cmd, "@entity", entity);
        }

        if (query.Scopes is { } scopes)
        {
            sql.Append($" AND g.scope_norm IN {InList(cmd, "@scope", scopes.Select(Names.Fold))}");
        }

        if (query.Indicators is { } indicators)
        {
            sql.Append($" AND g.indicator_norm IN {InList(cmd, "@ind", indicators.Select(Names.Fold))}");
        }

        if (query.Kind is { } kind)
        {
            sql.Append(" AND g.kind = @kind");
            Parameter(cmd, "@kind", kind.ToSpecName());
        }

        if (query.Status is { } status)
        {
            sql.Append(" AND g.status = @status");
            Parameter(cmd, "@status", status.ToSpecName());
        }

        return sql.ToString();
    }

    /// <summary>
    /// The conditions of a fact query on the statement (<c>facts f</c>, and <c>documents d</c> when it filters by document or
    /// quote), each starting with <c> AND</c>.
    /// </summary>
    private static string StatementConditions(DbCommand cmd, FactQuery query)
    {
        var sql = new StringBuilder();
        if (query.Period is { } period)
        {
            sql.Append(" AND f.period_start >= @ps AND f.period_end <= @pe");
            Parameter(cmd, "@ps", period.StartDay);
            Parameter(cmd, "@pe", period.EndDay);
        }

        if (query.Source is { } source)
        {
            sql.Append(@" AND f.source_norm LIKE @src ESCAPE '\'");
            Parameter(cmd, "@src", Contains(Names.Fold(source)));
        }

        if (query.Doc is { } doc)
        {
            sql.Append(@" AND (d.doc_key = @doc OR d.sha256 LIKE @docsha ESCAPE '\')");
            Parameter(cmd, "@doc", doc);
            Parameter(cmd, "@docsha", EscapeLike(doc.ToLowerInvariant()) + "%");
        }

        if (query.Summary is { } summary)
        {
            sql.Append(" AND f.figure_id = @sfig AND COALESCE(f.period, '') = @spk AND COALESCE(f.period_end, 0) = @spe");
            Parameter(cmd, "@sfig", summary.FigureId);
            Parameter(cmd, "@spk", summary.Fact.Period ?? "");
            Parameter(cmd, "@spe", (long)PeriodKeyEnd(summary));
        }

        if (query.Ids is { } ids)
        {
            sql.Append($" AND f.id IN {InList(cmd, "@fid", ids)}");
        }

        if (query.DocumentId is { } documentId)
        {
            sql.Append(" AND f.document_id = @docid");
            Parameter(cmd, "@docid", documentId);
        }

        if (query.Text is { } text)
        {
            sql.Append(@" AND COALESCE(f.quote_norm, substr(d.text, f.span_start + 1, f.span_end - f.span_start)) LIKE @text ESCAPE '\'");
            Parameter(cmd, "@text", Contains(Names.Fold(text)));
        }

        return sql.ToString();
    }

    private const string EntityColumns = """
        SELECT e.id, e.name, e.type,
               (SELECT COALESCE(SUM(ef.mentions), 0) FROM entity_forms ef WHERE ef.entity_id = e.id),
               (SELECT COUNT(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(*) FROM facts f WHERE f.figure_id IN (SELECT g.id FROM figures g WHERE g.subject_entity_id = e.id))
        FROM entities e
        """;

    public IReadOnlyList<EntityRow> FindEntities(IReadOnlyCollection<string> foldedNames) => Run(() =>
    {
        if (foldedNames.Count == 0)
        {
            return (IReadOnlyList<EntityRow>)[];
        }

        using var cmd = Command(null, "");
        var list = InList(cmd, "@n", foldedNames.Select(Names.Fold));
        cmd.CommandText = $"""
            {EntityColumns}
            WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_norm IN {list})
               OR e.id IN (SELECT entity_id FROM entity_forms WHERE form_norm IN {list})
            ORDER BY 4 DESC, 6 DESC, e.id
            """;
        return ReadEntities(cmd);
    });

    public IReadOnlyList<EntityRow> TopEntities(string? type, int limit) => Run(() =>
    {
        using var cmd = Command(null, $"""
            {EntityColumns}
            {(type is null ? "" : "WHERE e.type = @type")}
            ORDER BY 6 DESC, 5 DESC, 4 DESC, e.id
            LIMIT @limit
            """);
        if (type is not null)
        {
            Parameter(cmd, "@type", type);
        }

        Parameter(cmd, "@limit", (long)limit);
        return ReadEntities(cmd);
    });

    public EntityRow? Entity(long id) => Run(() =>
    {
        using var cmd = Command(null, $"{EntityColumns} WHERE e.id = @id");
        Parameter(cmd, "@id", id);
        return ReadEntities(cmd).SingleOrDefault();
    });

    public IReadOnlyList<IndicatorCount> TopIndicators(int limit) => Run(() =>
    {
        using var cmd = Command(null, $"""
            SELECT g.indicator, SUM(c.n), COUNT(DISTINCT g.subject)
            FROM (SELECT figure_id, COUNT(*) AS n FROM facts GROUP BY figure_id) c JOIN figures g ON g.id = c.figure_id
            GROUP BY g.indicator
            ORDER BY SUM(c.n) DESC, g.indicator{OrdinalCollation}
            LIMIT @limit
            """);
        Parameter(cmd, "@limit", (long)limit);
        using var r = cmd.ExecuteReader();
        var rows = new List<IndicatorCount>();
        while (r.Read())
        {
            rows.Add(new IndicatorCount(r.GetString(0), (int)Long(r, 1), (int)Long(r, 2)));
        }

        return rows;
    });

    private static List<EntityRow> ReadEntities(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var rows = new List<EntityRow>();
        while (r.Read())
        {
            rows.Add(new EntityRow(Long(r, 0), r.GetString(1), r.GetString(2), (int)Long(r, 3), (int)Long(r, 4), (int)Long(r, 5)));
        }

        return rows;
    }

    public IReadOnlyList<AliasRow> Aliases(long entityId) => Run(() =>
    {
        using var cmd = Command(null, """
            SELECT alias, origin, 0 AS n FROM entity_aliases WHERE entity_id = @e
            UNION ALL
            SELECT form, 'text', mentions FROM entity_forms WHERE entity_id = @e AND mentions > 0
            ORDER BY 3 DESC, 1
            """);
        Parameter(cmd, "@e", entityId);
        using var r = cmd.ExecuteReader();
        var rows = new List<AliasRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<AliasRow>();
        while (r.Read())
        {
            all.Add(new AliasRow(r.GetString(0), r.GetString(1)));
        }

        // the name first, then the user's, the lexicon's, and the forms documents use (most used first)
        foreach (var origin in (string[])["name", "user", "lexicon", "text"])
        {
            foreach (var a in all.Where(a => a.Origin == origin && seen.Add(a.Alias)))
            {
                rows.Add(a);
            }
        }

        return rows;
    });

    public IReadOnlyList<RelationRow> Relations(long entityId, int limit = 0) => Run(() =>
    {
        // ordinal text and the id last, so both providers pick the same first relations when a limit cuts the list
        string o = OrdinalCollation;
        using var cmd = Command(null, "");
        cmd.CommandText = $"""
            {RelationColumns}
            WHERE r.subject_entity_id = @e OR r.object_entity_id = @e
            ORDER BY r.predicate{o}, r.subject{o}, r.object{o}, d.doc_key{o}, r.span_start, r.id{Page(cmd, limit, 0)}
            """;
        Parameter(cmd, "@e", entityId);
        return ReadRelations(cmd);
    });

    public int CountRelations(long entityId) => Run(() =>
    {
        using var cmd = Command(null, "SELECT COUNT(*) FROM relations WHERE subject_entity_id = @e OR object_entity_id = @e");
        Parameter(cmd, "@e", entityId);
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>A relation's columns, its document's id and whether a reader flagged it, over <c>relations r</c>.</summary>
    private const string RelationColumns = """
        SELECT r.id, d.doc_key, r.subject, r.predicate, r.object, r.span_start, r.span_end, r.quote,
               CASE WHEN EXISTS (SELECT 1 FROM relation_flags g WHERE g.document_id = r.document_id AND g.span_start = r.span_start
                   AND g.span_end = r.span_end AND g.subject = r.subject AND g.predicate = r.predicate AND g.object = r.object) THEN 1 ELSE 0 END
        FROM relations r JOIN documents d ON d.id = r.document_id
        """;

    private static List<RelationRow> ReadRelations(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var rows = new List<RelationRow>();
        while (r.Read())
        {
            rows.Add(new RelationRow(Long(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), (int)Long(r, 5), (int)Long(r, 6), r.GetString(7))
            {
                FlaggedWrong = Long(r, 8) != 0,
            });
        }

        return rows;
    }

    public bool FlagRelation(long relationId, bool wrong) => Run(() =>
    {
        using var tx = Connection.BeginTransaction();
        // the relation's statement and place, not its id: a reindex gives the same relation a new id
        const string same = """
            FROM relations r WHERE r.id = @id
            """;
        int changed = wrong
            ? Execute(tx, $"""
                INSERT INTO relation_flags (document_id, span_start, span_end, subject, predicate, object, flagged_at)
                SELECT r.document_id, r.span_start, r.span_end, r.subject, r.predicate, r.object, @at {same}
                ON CONFLICT DO NOTHING
                """, ("@id", relationId), ("@at", Now()))
            : Execute(tx, $"""
                DELETE FROM relation_flags WHERE EXISTS (SELECT 1 {same} AND r.document_id = relation_flags.document_id
                    AND r.span_start = relation_flags.span_start AND r.span_end = relation_flags.span_end AND r.subject = relation_flags.subject
                    AND r.predicate = relation_flags.predicate AND r.object = relation_flags.object)
                """, ("@id", relationId));
        bool exists;
        using (var cmd = Command(tx, "SELECT COUNT(*) FROM relations WHERE id = @id"))
        {
            Parameter(cmd, "@id", relationId);
            exists = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }

        if (changed > 0)
        {
            RaiseDataVersion(tx); // pages cached at the old version show the flag at once
        }

        tx.Commit();
        return exists;
    });

    public IReadOnlyList<MentionRow> DocumentMentions(long documentId) => Run(() =>
    {
        using var cmd = Command(null, """
            SELECT m.span_start, m.span_end, substr(d.text, m.span_start + 1, m.span_end - m.span_start), e.id, e.name, e.type
            FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
            WHERE m.document_id = @d
            ORDER BY m.span_start, m.span_end, m.id
            """);
        Parameter(cmd, "@d", documentId);
        using var r = cmd.ExecuteReader();
        var rows = new List<MentionRow>();
        while (r.Read())
        {
            rows.Add(new MentionRow((int)Long(r, 0), (int)Long(r, 1), r.GetString(2), Long(r, 3), r.GetString(4), r.GetString(5)));
        }

        return rows;
    });

    public IReadOnlyList<RelationRow> DocumentRelations(long documentId) => Run(() =>
    {
        using var cmd = Command(null, $"""
            {RelationColumns}
            WHERE r.document_id = @d
            ORDER BY r.span_start, r.id
            """);
        Parameter(cmd, "@d", documentId);
        return ReadRelations(cmd);
    });

    public IReadOnlyList<EntityDocumentRow> EntityDocuments(long entityId, int limit = 0) => Run(() =>
    {
        using var cmd = Command(null, "");
        // the documents counted and ordered from indexes (mentions_entity, documents_dates); only those listed read their title
        cmd.CommandText = $"""
            SELECT d.doc_key, d.title, d.date, p.n
            FROM (SELECT m.document_id AS id, d.date AS date, d.doc_key AS doc_key, COUNT(*) AS n
                  FROM mentions m JOIN {DocumentDates} ON d.id = m.document_id
                  WHERE m.entity_id = @e
                  GROUP BY m.document_id, d.date, d.doc_key
                  ORDER BY d.date DESC NULLS LAST, d.doc_key{OrdinalCollation}, m.document_id{Page(cmd, limit, 0)}) p
            JOIN documents d ON d.id = p.id
            ORDER BY p.date DESC NULLS LAST, p.doc_key{OrdinalCollation}, p.id
            """;
        Parameter(cmd, "@e", entityId);
        using var r = cmd.ExecuteReader();
        var rows = new List<EntityDocumentRow>();
        while (r.Read())
        {
            rows.Add(new EntityDocumentRow(r.GetString(0), Text(r, 1), Text(r, 2), (int)Long(r, 3)));
        }

        return rows;
    });

    // ---------------------------------------------------------------- search

    public IReadOnlyList<SearchHit> Search(string query, int limit) => Run(() =>
    {
        var terms = TextNormalizer.Default.Normalize(query).Text
            .Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (terms.Count == 0)
        {
            return (IReadOnlyList<SearchHit>)[];
        }

        // candidates come newest first; the ones with most matches are shown first
        var hits = new List<(SearchHit Hit, int Order)>();
        foreach (var (key, title, date, text) in FindDocuments(terms, Math.Max(limit * 5, 100)))
        {
            if (Passage(key, title, date, text, terms) is { } hit)
            {
                hits.Add((hit, hits.Count));
            }
        }

        return (IReadOnlyList<SearchHit>)[.. hits.OrderByDescending(h => h.Hit.Matches).ThenBy(h => h.Order).Take(limit).Select(h => h.Hit)];
    });

    /// <summary>Documents whose <c>search_text</c> contains every term (case-insensitive), newest first.</summary>
    private List<(string Key, string? Title, string? Date, string Text)> FindDocuments(IReadOnlyList<string> terms, int limit)
    {
        using var cmd = Command(null, "");
        cmd.CommandText = $"""
            SELECT d.doc_key, d.title, d.date, d.text FROM documents d
            WHERE {ContainsAll(cmd, terms)}
            ORDER BY d.date DESC NULLS LAST, d.id DESC
            LIMIT @limit
            """;
        Parameter(cmd, "@limit", (long)limit);
        var rows = new List<(string, string?, string?, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add((r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3)));
        }

        return rows;
    }

    /// <summary>
    /// The provider's condition that document <c>d</c>'s <c>search_text</c> contains every term, ignoring case, with
    /// its parameters added to <paramref name="cmd"/>. It may let through more than that (the passage check drops them).
    /// </summary>
    protected abstract string ContainsAll(DbCommand cmd, IReadOnlyList<string> terms);

    /// <summary>The first match of the first term, as a passage of the original text (in its own script).</summary>
    private static SearchHit? Passage(string key, string? title, string? date, string text, IReadOnlyList<string> terms)
    {
        var view = TextNormalizer.Default.Normalize(text);
        int first = Find(view.Text, terms[0], 0);
        if (first < 0)
        {
            return null;
        }

        int matches = 0;
        foreach (var term in terms)
        {
            int count = 0;
            for (int i = Find(view.Text, term, 0); i >= 0; i = Find(view.Text, term, i + term.Length))
            {
                count++;
            }

            if (count == 0)
            {
                return null;
            }

            matches += count;
        }

        var span = view.ToOriginal(first, first + terms[0].Length);
        int from = SafeBoundary(text, Math.Max(0, span.Start - PassageContext));
        int to = SafeBoundary(text, Math.Min(text.Length, span.End + PassageContext));
        static string Flat(string s) => s.ReplaceLineEndings(" ");
        return new SearchHit(key, title, date, matches, CodePoints(text, span.Start), CodePoints(text, span.End),
            (from > 0 ? "…" : "") + Flat(text[from..span.Start]), Flat(text[span.Start..span.End]),
            Flat(text[span.End..to]) + (to < text.Length ? "…" : ""));
    }

    /// <summary>
    /// The next occurrence of a term, ignoring case. A term written in Latin letters and digits (AI, 5G) counts only
    /// as a whole word, not inside another (email, mailto); Chinese has no word boundaries to respect.
    /// </summary>
    private static int Find(string text, string term, int start)
    {
        bool word = term.All(char.IsAsciiLetterOrDigit);
        for (int i = text.IndexOf(term, start, StringComparison.OrdinalIgnoreCase); i >= 0;
             i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!word || ((i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])) &&
                          (i + term.Length == text.Length || !char.IsAsciiLetterOrDigit(text[i + term.Length]))))
            {
                return i;
            }
        }

        return -1;
    }

    private static int SafeBoundary(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;

    private static int CodePoints(string text, int utf16Index)
    {
        int surrogates = 0;
        for (int i = 0; i < utf16Index; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                surrogates++;
            }
        }

        return utf16Index - surrogates;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Runs a database action, turning the provider's exceptions into <see cref="StoreException"/>s.</summary>
    protected T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>A one-line <see cref="StoreException"/> for a provider's error, naming the knowledge base.</summary>
    protected abstract StoreException Translate(DbException e);

    protected DbCommand Command(DbTransaction? tx, string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    protected int Execute(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(tx, sql);
        foreach (var (name, value) in parameters)
        {
            Parameter(cmd, name, value);
        }

        return cmd.ExecuteNonQuery();
    }

    protected static void Parameter(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Adds one parameter per value and returns <c>(@p0, @p1, ...)</c>.</summary>
    protected static string InList<T>(DbCommand cmd, string prefix, IEnumerable<T> values)
        where T : notnull
    {
        var names = new List<string>();
        foreach (var v in values.Distinct())
        {
            var name = prefix + names.Count.ToString(CultureInfo.InvariantCulture);
            Parameter(cmd, name, v);
            names.Add(name);
        }

        return names.Count == 0 ? "(NULL)" : "(" + string.Join(", ", names) + ")";
    }

    /// <summary>A LIKE pattern (with <c>ESCAPE '\'</c>) that matches text containing <paramref name="folded"/>.</summary>
    protected static string Contains(string folded) => "%" + EscapeLike(folded) + "%";

    protected static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    protected static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    protected static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static List<(int, int)> ParseSpans(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(s => (s[0].GetInt32(), s[1].GetInt32()))];
    }
}
