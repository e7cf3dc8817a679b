using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
internal abstract class SqlKnowledgeStore : IKnowledgeStore
{
    private const int PassageContext = 40;

    // aliases written through this connection, by entity: they depend only on the settings, so once a run has
    // written an entity's aliases, later documents need not write them again
    private readonly Dictionary<long, string> _aliasesWritten = [];

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
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---------------------------------------------------------------- opening and migrations

    /// <summary>Checks that the database is an Anvil knowledge base (or empty, when <paramref name="create"/>), then migrates it.</summary>
    protected void Initialise(bool create)
    {
        bool known = TableExists("schema_version");
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

    protected abstract bool TableExists(string name);

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

    public bool Add(DocumentRecords document) => Run(() =>
    {
        using var tx = Connection.BeginTransaction();
        long? id;
        using (var cmd = Command(tx, """
            INSERT INTO documents (doc_key, sha256, title, date, script, format, source_path, chars, text, search_text,
                                   boilerplate, extractor_version, config_hash, ingested_at)
            VALUES (@key, @sha, @title, @date, @script, @format, @path, @chars, @text, @search, @boilerplate, @version, @config, @at)
            ON CONFLICT (sha256) DO NOTHING
            RETURNING id
            """))
        {
            Bind(cmd, document);
            Parameter(cmd, "@sha", document.Sha256);
            Parameter(cmd, "@text", document.Text);
            Parameter(cmd, "@at", Now());
            var result = cmd.ExecuteScalar();
            id = result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
        }

        if (id is null)
        {
            return false; // the same content is stored already: the transaction rolls back with nothing written
        }

        SearchTextWritten(tx, id.Value, document.SearchText, replacing: false);
        var aliases = new List<(long, string)>();
        WriteRecords(tx, id.Value, document, aliases);
        RaiseDataVersion(tx);
        tx.Commit();
        Remember(aliases);
        return true;
    });

    public void Replace(long documentId, DocumentRecords document) => Run(() =>
    {
        using var tx = Connection.BeginTransaction();
        foreach (var table in (string[])["mentions", "facts", "relations"])
        {
            Execute(tx, $"DELETE FROM {table} WHERE document_id = @d", ("@d", documentId));
        }

        using (var cmd = Command(tx, """
            UPDATE documents SET doc_key = @key, title = @title, date = @date, script = @script, format = @format,
                source_path = COALESCE(@path, source_path), chars = @chars, search_text = @search, boilerplate = @boilerplate,
                extractor_version = @version, config_hash = @config
            WHERE id = @id
            """))
        {
            Bind(cmd, document);
            Parameter(cmd, "@id", documentId);
            if (cmd.ExecuteNonQuery() != 1)
            {
                throw new StoreException(StoreErrorCodes.Failed, $"{Location.Display}: document {documentId} is no longer stored");
            }
        }

        SearchTextWritten(tx, documentId, document.SearchText, replacing: true);
        var aliases = new List<(long, string)>();
        WriteRecords(tx, documentId, document, aliases);
        RaiseDataVersion(tx);
        tx.Commit();
        Remember(aliases);
        return 0;
    });

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

    /// <summary>Keeps a provider's search index in step with <c>documents.search_text</c>.</summary>
    protected virtual void SearchTextWritten(DbTransaction tx, long documentId, string searchText, bool replacing)
    {
    }

    private static void Bind(DbCommand cmd, DocumentRecords d)
    {
        Parameter(cmd, "@key", d.Key);
        Parameter(cmd, "@title", d.Title);
        Parameter(cmd, "@date", d.Date);
        Parameter(cmd, "@script", d.Script);
        Parameter(cmd, "@format", d.Format);
        Parameter(cmd, "@path", d.SourcePath);
        Parameter(cmd, "@chars", (long)d.Chars);
        Parameter(cmd, "@search", d.SearchText);
        Parameter(cmd, "@boilerplate", d.Boilerplate);
        Parameter(cmd, "@version", d.ExtractorVersion);
        Parameter(cmd, "@config", d.ConfigHash);
    }

    private void WriteRecords(DbTransaction tx, long documentId, DocumentRecords d, List<(long Entity, string Aliases)> pending)
    {
        // entities by (name, type): insert the new ones, then read every id back in one query
        InsertMany(tx, "entities", ["name", "type"], d.Entities, e => [e.Name, e.Type], " ON CONFLICT (name, type) DO NOTHING");
        var ids = new Dictionary<(string, string), long>();
        if (d.Entities.Count > 0)
        {
            using var select = Command(tx, "");
            select.CommandText = $"SELECT id, name, type FROM entities WHERE name IN {InList(select, "@n", d.Entities.Select(e => e.Name))}";
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                ids[(r.GetString(1), r.GetString(2))] = Long(r, 0);
            }
        }

        var entityIds = d.Entities.Select(e => ids[(e.Name, e.Type)]).ToArray();

        // the lexicon's and the user's aliases as the current settings give them (the latest ingest wins), written
        // for the entities whose aliases this connection has not written yet
        var changed = new List<(long Id, EntityRecord Entity)>();
        for (int i = 0; i < d.Entities.Count; i++)
        {
            var fingerprint = string.Join('\n', d.Entities[i].Aliases.Select(a => a.Origin + "\t" + a.Alias));
            if (!_aliasesWritten.TryGetValue(entityIds[i], out var written) || written != fingerprint)
            {
                changed.Add((entityIds[i], d.Entities[i]));
                pending.Add((entityIds[i], fingerprint));
            }
        }

        if (changed.Count > 0)
        {
            using (var clear = Command(tx, ""))
            {
                clear.CommandText = $"DELETE FROM entity_aliases WHERE origin <> 'name' AND entity_id IN {InList(clear, "@e", changed.Select(c => c.Id))}";
                clear.ExecuteNonQuery();
            }

            InsertMany(tx, "entity_aliases", ["entity_id", "alias", "alias_norm", "origin"],
                [.. changed.SelectMany(c => c.Entity.Aliases.Select(a => (c.Id, a.Alias, a.AliasNorm, a.Origin)))],
                a => [a.Id, a.Alias, a.AliasNorm, a.Origin], " ON CONFLICT DO NOTHING");
        }

        long? Entity(int? index) => index is { } i ? entityIds[i] : null;

        InsertMany(tx, "mentions", ["document_id", "entity_id", "span_start", "span_end", "quote", "quote_norm", "extracted_name"], d.Mentions,
            m => [documentId, entityIds[m.Entity], (long)m.Start, (long)m.End, m.Quote, m.QuoteNorm, m.ExtractedName]);
        InsertMany(tx, "facts",
            ["document_id", "span_start", "span_end", "quote", "quote_norm", "subject", "subject_norm", "subject_entity_id", "scope", "scope_norm",
             "indicator", "indicator_norm", "kind", "value", "unit", "unit_text", "qualifier", "period", "period_start", "period_end", "source", "source_norm"],
            d.Facts,
            f => [documentId, (long)f.Start, (long)f.End, f.Quote, Names.Fold(f.Quote), f.Subject, Names.Fold(f.Subject), Entity(f.SubjectEntity),
                  f.Scope, Names.FoldOrNull(f.Scope), f.Indicator, Names.Fold(f.Indicator), f.Kind, f.Value, f.Unit, f.UnitText, f.Qualifier,
                  f.Period, f.PeriodStart, f.PeriodEnd, f.Source, Names.FoldOrNull(f.Source)]);
        InsertMany(tx, "relations", ["document_id", "span_start", "span_end", "quote", "subject", "subject_entity_id", "predicate", "object", "object_entity_id"],
            d.Relations,
            r => [documentId, (long)r.Start, (long)r.End, r.Quote, r.Subject, Entity(r.SubjectEntity), r.Predicate, r.Object, Entity(r.ObjectEntity)]);
    }

    /// <summary>
    /// How many rows one INSERT carries. On a server each statement is a round trip, and a row at a time would spend
    /// most of an ingest waiting on the network; in-process SQLite is fastest with one prepared row statement reused.
    /// </summary>
    protected virtual int RowsPerInsert => 1;

    /// <summary>Inserts rows <see cref="RowsPerInsert"/> to a statement, reusing the statement while its shape stays the same.</summary>
    private void InsertMany<T>(DbTransaction tx, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, string suffix = "")
    {
        int perStatement = Math.Clamp(RowsPerInsert, 1, Math.Max(1, 2000 / columns.Length));
        DbCommand? full = null;
        try
        {
            for (int first = 0; first < rows.Count; first += perStatement)
            {
                int n = Math.Min(perStatement, rows.Count - first);
                var cmd = n == perStatement ? full ??= Insert(tx, table, columns, n, suffix) : Insert(tx, table, columns, n, suffix);
                try
                {
                    for (int r = 0; r < n; r++)
                    {
                        var row = values(rows[first + r]);
                        for (int c = 0; c < row.Length; c++)
                        {
                            cmd.Parameters[(r * columns.Length) + c].Value = row[c] ?? DBNull.Value;
                        }
                    }

                    cmd.ExecuteNonQuery();
                }
                finally
                {
                    if (cmd != full)
                    {
                        cmd.Dispose();
                    }
                }
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (@p0_0, ...), ...</c> for <paramref name="rows"/> rows, parameters in order.</summary>
    private DbCommand Insert(DbTransaction tx, string table, string[] columns, int rows, string suffix)
    {
        var cmd = Command(tx, "");
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (int r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                Parameter(cmd, name, null);
                sql.Append(c == 0 ? "" : ", ").Append(name);
            }

            sql.Append(')');
        }

        cmd.CommandText = sql.Append(suffix).ToString();
        return cmd;
    }

    public int RemoveOrphanEntities() => Run(() =>
    {
        using var tx = Connection.BeginTransaction();
        const string orphans = """
            NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.subject_entity_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.subject_entity_id = entities.id OR r.object_entity_id = entities.id)
            """;
        Execute(tx, $"DELETE FROM entity_aliases WHERE entity_id IN (SELECT id FROM entities WHERE {orphans})");
        int n = Execute(tx, $"DELETE FROM entities WHERE {orphans}");
        if (n > 0)
        {
            RaiseDataVersion(tx);
        }

        tx.Commit();
        _aliasesWritten.Clear(); // ids of removed entities may come back for new ones
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
        var sql = new StringBuilder("""
            SELECT f.id, d.doc_key, d.title, d.date, f.span_start, f.span_end, f.quote, f.subject, f.scope, f.indicator, f.kind,
                   f.value, f.unit, f.unit_text, f.qualifier, f.period, f.source, f.subject_entity_id
            FROM facts f JOIN documents d ON d.id = f.document_id
            """);
        sql.Append(FactFilter(cmd, query)).Append(" ORDER BY ").Append(FactOrdering(query)).Append(Page(cmd, query.Limit, query.Offset));

        cmd.CommandText = sql.ToString();
        using var r = cmd.ExecuteReader();
        var facts = new List<FactRow>();
        while (r.Read())
        {
            facts.Add(new FactRow
            {
                Id = Long(r, 0),
                Doc = r.GetString(1),
                Title = Text(r, 2),
                Date = Text(r, 3),
                Start = (int)Long(r, 4),
                End = (int)Long(r, 5),
                Quote = r.GetString(6),
                Subject = r.GetString(7),
                Scope = Text(r, 8),
                Indicator = r.GetString(9),
                Kind = r.GetString(10),
                Value = r.GetDouble(11),
                Unit = r.GetString(12),
                UnitText = Text(r, 13),
                Qualifier = r.GetString(14),
                Period = Text(r, 15),
                Source = Text(r, 16),
                SubjectEntityId = r.IsDBNull(17) ? null : Long(r, 17),
            });
        }

        return facts;
    });

    public int CountFacts(FactQuery query) => Run(() =>
    {
        using var cmd = Command(null, "");
        // the document is joined only when a filter reads it: a count over facts alone can stay inside an index
        string from = query.Doc is null ? "facts f" : "facts f JOIN documents d ON d.id = f.document_id";
        cmd.CommandText = $"SELECT COUNT(*) FROM {from}{FactFilter(cmd, query)}";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public IReadOnlyList<FacetCount> FactFacet(FactQuery query, FactFacet facet, int limit) => Run(() =>
    {
        string column = facet switch
        {
            Records.FactFacet.Indicator => "f.indicator",
            // the year a period falls in, which the period filter then takes back exactly; a period across years as stated
            Records.FactFacet.Period => "CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4) THEN substr(f.period_start, 1, 4) ELSE f.period END",
            Records.FactFacet.Kind => "f.kind",
            Records.FactFacet.Source => "f.source",
            _ => "f.subject",
        };
        using var cmd = Command(null, "");
        string from = query.Doc is null ? "facts f" : "facts f JOIN documents d ON d.id = f.document_id";
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
            return $"f.subject{o}, f.indicator{o}, f.scope{o}, f.kind{o}, f.period_end DESC NULLS LAST, d.doc_key{o}, f.span_start, f.id";
        }

        string key = query.Order switch
        {
            FactOrder.Indicator => $"f.indicator{o}",
            FactOrder.Scope => $"COALESCE(f.scope, ''){o}",
            FactOrder.Kind => $"f.kind{o}",
            FactOrder.Value => "f.value",
            FactOrder.Period => $"COALESCE(f.period_end, ''){o}", // the period's end, or the document's date: what EffectivePeriod gives
            FactOrder.Date => $"COALESCE(d.date, ''){o}",
            FactOrder.Doc => $"d.doc_key{o}",
            _ => $"f.subject{o}",
        };
        return $"{key}{(query.Descending ? " DESC" : "")}, f.subject{o}, f.indicator{o}, f.id";
    }

    /// <summary>
    /// What makes text sort by code point, as C#'s ordinal comparison does: SQLite's default; PostgreSQL needs the
    /// "C" collation, or the server's locale decides.
    /// </summary>
    protected virtual string OrdinalCollation => "";

    /// <summary>The <c>WHERE</c> clause of a fact query over <c>facts f</c> (and <c>documents d</c> when it filters by document), with its parameters.</summary>
    private static string FactFilter(DbCommand cmd, FactQuery query)
    {
        var sql = new StringBuilder(" WHERE 1 = 1");
        if (query.Subjects is { } subjects)
        {
            var list = InList(cmd, "@subj", subjects.Select(Names.Fold));
            sql.Append($" AND (f.subject_norm IN {list} OR f.subject_entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias_norm IN {list}))");
        }

        if (query.SubjectEntityId is { } entity)
        {
            sql.Append(" AND f.subject_entity_id = @entity");
            Parameter(cmd, "@entity", entity);
        }

        if (query.Scopes is { } scopes)
        {
            sql.Append($" AND f.scope_norm IN {InList(cmd, "@scope", scopes.Select(Names.Fold))}");
        }

        if (query.Indicators is { } indicators)
        {
            sql.Append($" AND f.indicator_norm IN {InList(cmd, "@ind", indicators.Select(Names.Fold))}");
        }

        if (query.Kind is { } kind)
        {
            sql.Append(" AND f.kind = @kind");
            Parameter(cmd, "@kind", kind);
        }

        if (query.Period is { } period)
        {
            sql.Append(" AND f.period_start >= @ps AND f.period_end <= @pe");
            Parameter(cmd, "@ps", period.StartText);
            Parameter(cmd, "@pe", period.EndText);
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

        if (query.DocumentId is { } documentId)
        {
            sql.Append(" AND f.document_id = @docid");
            Parameter(cmd, "@docid", documentId);
        }

        if (query.Text is { } text)
        {
            sql.Append(@" AND f.quote_norm LIKE @text ESCAPE '\'");
            Parameter(cmd, "@text", Contains(Names.Fold(text)));
        }

        return sql.ToString();
    }

    private const string EntityColumns = """
        SELECT e.id, e.name, e.type,
               (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(*) FROM facts f WHERE f.subject_entity_id = e.id)
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
               OR e.id IN (SELECT entity_id FROM mentions WHERE quote_norm IN {list})
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
            SELECT indicator, COUNT(*), COUNT(DISTINCT subject) FROM facts
            GROUP BY indicator
            ORDER BY COUNT(*) DESC, indicator{OrdinalCollation}
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
            SELECT quote, 'text', COUNT(*) FROM mentions WHERE entity_id = @e GROUP BY quote
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
            SELECT m.span_start, m.span_end, m.quote, e.id, e.name, e.type
            FROM mentions m JOIN entities e ON e.id = m.entity_id
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
        cmd.CommandText = $"""
            SELECT d.doc_key, d.title, d.date, COUNT(*)
            FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.entity_id = @e
            GROUP BY d.id, d.doc_key, d.title, d.date
            ORDER BY d.date DESC NULLS LAST, d.doc_key{OrdinalCollation}, d.id{Page(cmd, limit, 0)}
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
