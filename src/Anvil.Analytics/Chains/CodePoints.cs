namespace Anvil.Analytics.Chains;

/// <summary>Converts between UTF-16 indices and the code-point offsets Anvil's spans use; the identity for text without surrogates.</summary>
internal sealed class CodePoints
{
    private readonly int[]? _utf16ByCodePoint;

    public CodePoints(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return;
        }

        var list = new List<int>();
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            list.Add(i);
        }

        list.Add(text.Length);
        _utf16ByCodePoint = [.. list];
    }

    public int ToUtf16(int codePoint) =>
        _utf16ByCodePoint is null ? codePoint : _utf16ByCodePoint[Math.Clamp(codePoint, 0, _utf16ByCodePoint.Length - 1)];

    public int FromUtf16(int index)
    {
        if (_utf16ByCodePoint is null)
        {
            return index;
        }

        int found = Array.BinarySearch(_utf16ByCodePoint, index);
        return found >= 0 ? found : ~found;
    }
}
