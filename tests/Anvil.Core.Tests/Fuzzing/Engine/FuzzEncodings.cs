using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>The encodings the reader accepts, as byte producers (with their byte-order marks where they have one).</summary>
internal static class FuzzEncodings
{
    public static readonly string[] Names = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"];

    // Unmappable characters become '?': Big5 has no Simplified-only characters, which is fine for fuzzing.
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
    private static readonly Encoding Big5 = CodePagesEncodingProvider.Instance.GetEncoding(950)!;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    public static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Utf8.GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(text)],
        "utf-16le" => [0xFF, 0xFE, .. Utf16Le.GetBytes(text)],
        "utf-16be" => [0xFE, 0xFF, .. Utf16Be.GetBytes(text)],
        "gb18030" => Gb18030.GetBytes(text),
        "big5" => Big5.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown encoding"),
    };

    /// <summary>A piece of text in an encoding, without a byte-order mark: what an insertion into such a file adds.</summary>
    public static byte[] EncodeBare(string text, string encoding) => encoding switch
    {
        "utf-16le" => Utf16Le.GetBytes(text),
        "utf-16be" => Utf16Be.GetBytes(text),
        "utf-8-bom" => Utf8.GetBytes(text),
        _ => Encode(text, encoding),
    };
}
