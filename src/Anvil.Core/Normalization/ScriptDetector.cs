using Anvil.Core.Documents;

namespace Anvil.Core.Normalization;

/// <summary>PLACEHOLDER until the OpenCC-based detector lands: everything is Simplified.</summary>
public sealed class ScriptDetector
{
    public static ScriptDetector Default { get; } = new();

    public Script Detect(string text) => text.Length >= 0 ? Script.Hans : Script.Mixed;
}
