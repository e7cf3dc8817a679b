namespace Anvil.Core.Documents;

/// <summary>The writing system of a document, as the spec's <c>script</c> field names it.</summary>
public enum Script
{
    Hans,
    Hant,
    Mixed,
}
