using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Facts;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;

namespace Anvil.Store.Tests.Support;

/// <summary>
/// Builds extraction results by hand, as the pipeline would give them: mentions, facts and relations located by the
/// text they quote. The store is tested with these (fact extraction lands separately; FactRecord is final).
/// </summary>
public sealed class TestAnalysis
{
    private static readonly Lazy<EntityResolver> DefaultResolver = new(() => EntityResolver.Load([], AliasRules.None));
    private static readonly Lazy<IngestConfiguration> DefaultConfiguration = new(() => IngestConfiguration.Create([], AliasRules.None));

    private readonly Analysis _analysis;

    public TestAnalysis(string id, string text, DateOnly? date = null, string? title = null)
    {
        _analysis = new Analysis(new Document(id, text, title, date));
    }

    /// <summary>Anvil's lexicons, no user rules.</summary>
    public static EntityResolver Resolver => DefaultResolver.Value;

    /// <summary>The real pipeline and resolver, no user lexicons or rules.</summary>
    public static IngestConfiguration Configuration => DefaultConfiguration.Value;

    public Analysis Analysis => _analysis;

    /// <summary>Every occurrence of <paramref name="surface"/> (or the first) becomes a mention of (name, type).</summary>
    public TestAnalysis Mention(string surface, string name, EntityType type, bool firstOnly = false)
    {
        var text = _analysis.Document.Text;
        for (int i = text.IndexOf(surface, StringComparison.Ordinal); i >= 0; i = text.IndexOf(surface, i + surface.Length, StringComparison.Ordinal))
        {
            _analysis.Entities.Add(new EntityMention(new TextSpan(i, i + surface.Length), name, type));
            if (firstOnly)
            {
                break;
            }
        }

        return this;
    }

    public TestAnalysis Fact(string quote, string subject, string indicator, double value, string unit = "count", string kind = "value",
        string qualifier = "eq", string? period = null, string? scope = null, string? source = null, string? status = null, string? basis = null)
    {
        _analysis.Facts.Add(new FactRecord(Locate(quote), new Fact
        {
            Subject = subject,
            Scope = scope,
            Indicator = indicator,
            Kind = FactNames.ParseKind(kind),
            Value = value,
            Unit = new Unit(unit),
            Qualifier = FactNames.ParseQualifier(qualifier),
            Period = period,
            Source = source,
            Status = FactNames.ParseStatus(status),
            Basis = FactNames.ParseBasis(basis),
        }));
        return this;
    }

    /// <summary>A fact with every field given (status, basis, a range's high end...).</summary>
    public TestAnalysis Fact(string quote, Fact fact)
    {
        _analysis.Facts.Add(new FactRecord(Locate(quote), fact));
        return this;
    }

    public TestAnalysis Relation(string quote, string subject, string predicate, string obj)
    {
        _analysis.Relations.Add(new RelationRecord(Locate(quote), subject, predicate, obj));
        return this;
    }

    public DocumentRecords Records(EntityResolver? resolver = null) =>
        DocumentRecordsBuilder.Build(_analysis, resolver ?? Resolver, "test");

    private TextSpan Locate(string quote)
    {
        int i = _analysis.Document.Text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{quote}' is not in the text");
        return new TextSpan(i, i + quote.Length);
    }
}
