using System.Text;
using Anvil.Core.Documents;

namespace Anvil.Core.Reading;

// TEMPORARY stand-in, replaced by the real readers.
public sealed record ReadOptions
{
    public DateOnly? Date { get; init; }

    public string? Id { get; init; }

    public long MaxBytes { get; init; } = 64L << 20;
}

public sealed class DocumentReadException(string path, string reason, string code) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;

    public string Code { get; } = code;
}

public sealed class DocumentReader
{
    public static bool IsReadableExtension(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".md";

    public Document Read(string path, ReadOptions options)
    {
        if (!File.Exists(path))
        {
            throw new DocumentReadException(path, "file not found", "E0201");
        }

        return Read(File.ReadAllBytes(path), options.Id ?? System.IO.Path.GetFileNameWithoutExtension(path), path, options);
    }

    public Document Read(byte[] bytes, string id, string? fileName, ReadOptions options)
    {
        var text = new UTF8Encoding(false, true).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return new Document(id, text, null, options.Date, fileName);
    }
}
