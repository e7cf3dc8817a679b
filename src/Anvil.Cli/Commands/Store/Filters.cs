using Anvil.Core.Pipeline;
using Anvil.Store.Matching;

namespace Anvil.Cli.Commands.Store;

/// <summary>The name matcher for filters, with Anvil's lexicon loaded once on first use.</summary>
internal static class Filters
{
    private static readonly Lazy<NameMatcher> Matcher = new(() => new NameMatcher(AnvilPipeline.BuiltInLexicon));

    /// <summary>The folded names a typed subject, scope or indicator may be stored under (any script, any alias).</summary>
    public static IReadOnlyCollection<string>? Expand(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null : Matcher.Value.Expand(input);
}
