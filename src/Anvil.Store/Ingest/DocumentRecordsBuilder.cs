using System.Globalization;
using System.Text;
using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Facts;
using Anvil.Core.Normalization;
using Anvil.Core.Pipeline;
using Anvil.Store.Matching;
using Anvil.Store.Merging;
using Anvil.Store.Periods;

namespace Anvil.Store.Ingest;

/// <summary>
/// Turns an extraction <see cref="Analysis"/> into <see cref="DocumentRecords"/>: spans into code points, mentions
/// into merged entities with their aliases, fact subjects and relation ends linked to those entities, periods into
/// date ranges. Pure: it reads no database, so it runs on the extraction threads (and folds names there, not in the writer).
/// </summary>
public static class DocumentRecordsBuilder
{
    public static DocumentRecords Build(Analysis analysis, EntityResolver resolver, string configHash, string extractorVersion = ExtractorVersion.Current)
    {
        var doc = analysis.Document;
        var entities = new List<EntityKey>();
        var index = new Dictionary<EntityKey, int>();
        int EntityIndex(EntityKey key)
        {
            if (!index.TryGetValue(key, out int i))
            {
                i = entities.Count;
                entities.Add(key);
                index[key] = i;
            }

            return i;
        }

        // names fold the same every time: a document's few entity names are folded once, not once per fact and candidate
        var folds = new Dictionary<string, string>(StringComparer.Ordinal);
        string Fold(string name)
        {
            if (!folds.TryGetValue(name, out var folded))
            {
                folds[name] = folded = Names.Fold(name);
            }

            return folded;
        }

        var mentions = new List<MentionRecord>();
        foreach (var m in analysis.Entities.Where(m => m.Type != EntityType.Industry).OrderBy(m => m.Span.Start))
        {
            var quote = doc.Slice(m.Span);
            var key = resolver.Resolve(m.Name, m.Type, quote, Fold);
            mentions.Add(new MentionRecord(EntityIndex(key), doc.ToCodePointIndex(m.Span.Start), doc.ToCodePointIndex(m.Span.End),
                quote, Fold(quote)));
        }

        // a fact-dense text states its figures of a few subjects: a name is resolved again only when the document's
        // entities (the candidates, only ever added to) have grown since it was last resolved
        var links = new Dictionary<string, (int Candidates, int? Entity)>(StringComparer.Ordinal);
        int? Link(string name)
        {
            if (links.TryGetValue(name, out var link) && link.Candidates == entities.Count)
            {
                return link.Entity;
            }

            int candidates = entities.Count;
            var key = resolver.ResolveName(name, entities, Fold);
            int? entity = key is null ? null : EntityIndex(key.Value);
            links[name] = (candidates, entity); // resolved against these candidates (the entity it added, if any, is not one)
            return entity;
        }

        var date = doc.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var facts = new List<FactEntry>(analysis.Facts.Count);
        foreach (var (span, f) in analysis.Facts)
        {
            int? subject = Link(f.Subject);
            PeriodRange? range = PeriodRange.TryParse(f.Period, out var r) ? r
                : f.Period is null && doc.Date is { } d ? new PeriodRange(d, d)
                : null;
            var quote = doc.Slice(span);
            var folded = Names.Fold(quote);
            facts.Add(new FactEntry
            {
                Start = doc.ToCodePointIndex(span.Start),
                End = doc.ToCodePointIndex(span.End),
                Quote = quote,
                QuoteNorm = folded == quote ? null : folded,
                SourceNorm = f.Source is { } source ? Fold(source) : null,
                SubjectEntity = subject,
                PeriodStart = range?.StartDay,
                PeriodEnd = range?.EndDay,
                Fact = subject is { } s && entities[s].Name != f.Subject ? f with { Subject = entities[s].Name } : f,
            });
        }

        var relations = new List<RelationEntry>(analysis.Relations.Count);
        foreach (var rel in analysis.Relations)
        {
            int? subject = Link(rel.Subject), obj = Link(rel.Object);
            relations.Add(new RelationEntry(doc.ToCodePointIndex(rel.Span.Start), doc.ToCodePointIndex(rel.Span.End), doc.Slice(rel.Span),
                subject is { } s ? entities[s].Name : rel.Subject, subject, rel.Predicate,
                obj is { } o ? entities[o].Name : rel.Object, obj));
        }

        return new DocumentRecords
        {
            Key = doc.Id,
            Sha256 = doc.Sha256(),
            Title = doc.Title,
            Date = date,
            Script = ScriptName(ScriptDetector.Default.Detect(doc.Text)),
            Format = doc.Format,
            SourcePath = doc.SourcePath,
            Chars = doc.CodePointLength,
            Text = doc.Text,
            SearchText = analysis.View?.Text ?? TextNormalizer.Default.Normalize(doc.Text).Text,
            Boilerplate = BoilerplateJson(doc),
            ExtractorVersion = extractorVersion,
            ConfigHash = configHash,
            Entities = [.. entities.Select(e => new EntityRecord(e.Name, e.Type.ToSpecName(),
                [.. resolver.AliasesOf(e).Select(a => (a.Alias, Fold(a.Alias), a.Origin))]))],
            Mentions = mentions,
            Facts = facts,
            Relations = relations,
        };
    }

    /// <summary>The spec's script names: Hans, Hant or mixed.</summary>
    public static string ScriptName(Script script) => script switch
    {
        Script.Hans => "Hans",
        Script.Hant => "Hant",
        _ => "mixed",
    };

    private static string BoilerplateJson(Document doc)
    {
        var json = new StringBuilder("[");
        foreach (var b in doc.Boilerplate)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append('[').Append(doc.ToCodePointIndex(b.Start)).Append(',').Append(doc.ToCodePointIndex(b.End)).Append(']');
        }

        return json.Append(']').ToString();
    }
}
