namespace Anvil.Core.Pipeline;

/// <summary>
/// The version of extraction behaviour. Stored records remember it, so a knowledge base can tell which
/// documents an upgrade should re-extract (<c>anvil reindex</c>). Bump it when recognisers or data change output.
/// </summary>
public static class ExtractorVersion
{
    public const string Current = "0.1.0";
}
