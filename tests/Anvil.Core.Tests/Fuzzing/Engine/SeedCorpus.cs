namespace Anvil.Core.Tests.Fuzzing;

/// <summary>A real document to mutate: its text, and its bytes in each encoding the reader accepts.</summary>
internal sealed class SeedDocument
{
    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);

    public SeedDocument(string name, string text)
    {
        Name = name;
        Text = text;
    }

    public string Name { get; }

    public string Text { get; }

    public byte[] Bytes(string encoding)
    {
        lock (_encoded)
        {
            if (!_encoded.TryGetValue(encoding, out var bytes))
            {
                bytes = FuzzEncodings.Encode(Text, encoding);
                _encoded[encoding] = bytes;
            }

            return bytes;
        }
    }
}

/// <summary>
/// The documents mutations start from: the repository's samples, the dev corpus when it is there, and a few
/// made here so a run never starts from nothing. Also a few PDFs (Latin text through PdfPig's writer, Chinese
/// through a hand-made ToUnicode map). Texts are read at run time; none is copied into the project.
/// </summary>
internal sealed class SeedCorpus
{
    private SeedCorpus(IReadOnlyList<SeedDocument> documents, IReadOnlyList<byte[]> pdfs)
    {
        Documents = documents;
        Pdfs = pdfs;
    }

    public IReadOnlyList<SeedDocument> Documents { get; }

    public IReadOnlyList<byte[]> Pdfs { get; }

    /// <summary>The *.txt files of each folder that exists (sorted, so a seed means the same inputs on every machine with the same files).</summary>
    public static SeedCorpus Load(IEnumerable<string> folders)
    {
        var documents = new List<SeedDocument>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                documents.Add(new SeedDocument(Path.GetFileName(file), File.ReadAllText(file)));
            }
        }

        var rng = new FuzzRandom(20250101);
        for (int i = 0; i < 4; i++)
        {
            documents.Add(new SeedDocument($"hot-{i}", HotText.Make(rng, 300 + (i * 400))));
        }

        var pdfs = new List<byte[]>
        {
            FuzzPdf.Latin(["Annual report 2023", "Revenue rose 12.5% to 3,600 million yuan.", "Shenzhen, 2024-03-05"], "Report"),
            FuzzPdf.Cid(HotText.Make(rng, 200), "标题"),
        };
        foreach (var doc in documents.Take(3))
        {
            pdfs.Add(FuzzPdf.Cid(doc.Text.Length > 1500 ? doc.Text[..1500] : doc.Text, doc.Name));
        }

        return new SeedCorpus(documents, pdfs);
    }
}
