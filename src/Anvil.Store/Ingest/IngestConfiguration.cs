using System.Security.Cryptography;
using System.Text;
using Anvil.Core.Lexicons;
using Anvil.Core.Pipeline;
using Anvil.Store.Merging;

namespace Anvil.Store.Ingest;

/// <summary>
/// What shapes the records besides the extractor itself: the users' lexicon files and alias rules. Its
/// <see cref="Hash"/> is stored with every document, so <c>reindex</c> can tell which documents were made under
/// other settings. <see cref="Pipeline"/> and <see cref="Resolver"/> are built once and shared by all threads.
/// </summary>
public sealed class IngestConfiguration
{
    private IngestConfiguration(EntityLexicon lexicon, ExtractionPipeline pipeline, EntityResolver resolver, string hash)
    {
        Lexicon = lexicon;
        Pipeline = pipeline;
        Resolver = resolver;
        Hash = hash;
    }

    /// <summary>The lexicon extraction and merging share: the process's built-in one unless users' files are added.</summary>
    public EntityLexicon Lexicon { get; }

    public ExtractionPipeline Pipeline { get; }

    public EntityResolver Resolver { get; }

    public string Hash { get; }

    /// <summary>Loads the pipeline and the resolver. Bad lexicon files throw <see cref="LexiconFormatException"/>.</summary>
    public static IngestConfiguration Create(IReadOnlyList<string> lexiconFiles, AliasRules rules)
    {
        // one lexicon for extraction and merging: the process's shared one unless the user adds files
        var lexicon = AnvilPipeline.Lexicon(lexiconFiles);
        var pipeline = AnvilPipeline.Create(lexicon);
        var resolver = new EntityResolver(lexicon, rules);
        var hash = new StringBuilder("rules:").Append(rules.Fingerprint);
        foreach (var file in lexiconFiles)
        {
            hash.Append("\nlexicon:").Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..16];
        return new IngestConfiguration(lexicon, pipeline, resolver, digest);
    }
}
