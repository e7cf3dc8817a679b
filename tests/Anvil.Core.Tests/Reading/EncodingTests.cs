using System.Text;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Reading;

/// <summary>The encoding is found from the bytes alone; the text read back is exactly the text written.</summary>
public class EncodingTests
{
    // Test texts written for these tests: a short news paragraph in each script, with CRLF and LF line endings.
    private const string Simplified =
        "深圳市统计局发布消息，上半年全市地区生产总值同比增长百分之六，其中工业增加值增长较快。\r\n" +
        "记者从市工业和信息化局了解到，新能源汽车产量继续保持两位数增长。\n";

    private const string Traditional =
        "香港特區政府公布最新數據，本地生產總值按年上升，出口表現亦有所改善。\r\n" +
        "財政司司長表示，政府會繼續支持創新科技發展，並加強與內地城市的合作。\n";

    private static readonly DocumentReader Reader = new();

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding StrictEncoding(string name) =>
        Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static string ReadBack(byte[] bytes) => Reader.Read(bytes, "t", "t.txt", ReadOptions.Default).Text;

    [Theory]
    [InlineData(Simplified)]
    [InlineData(Traditional)]
    public void Utf8_without_bom_reads_as_is(string text) =>
        Assert.Equal(text, ReadBack(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData(Simplified)]
    [InlineData(Traditional)]
    public void Utf8_bom_is_removed(string text) =>
        Assert.Equal(text, ReadBack([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));

    [Theory]
    [InlineData(Simplified)]
    [InlineData(Traditional)]
    public void Utf16_little_endian_with_bom(string text) =>
        Assert.Equal(text, ReadBack([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]));

    [Theory]
    [InlineData(Simplified)]
    [InlineData(Traditional)]
    public void Utf16_big_endian_with_bom(string text) =>
        Assert.Equal(text, ReadBack([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]));

    [Theory]
    [InlineData(Simplified)]
    [InlineData(Traditional)]
    public void Gb18030(string text) =>
        Assert.Equal(text, ReadBack(StrictEncoding("GB18030").GetBytes(text)));

    [Fact]
    public void Gbk_bytes_read_as_gb18030_superset() =>
        Assert.Equal(Simplified, ReadBack(StrictEncoding("GBK").GetBytes(Simplified)));

    [Fact]
    public void Big5() =>
        Assert.Equal(Traditional, ReadBack(StrictEncoding("big5").GetBytes(Traditional)));

    [Fact]
    public void Extension_does_not_decide_the_encoding()
    {
        var big5 = StrictEncoding("big5").GetBytes(Traditional);
        Assert.Equal(Traditional, Reader.Read(big5, "t", "t.md", ReadOptions.Default).Text);
        Assert.Equal(Traditional, Reader.Read(big5, "t", null, ReadOptions.Default).Text);
    }

    [Fact]
    public void Common_character_share_separates_right_from_wrong_decoding()
    {
        var big5Bytes = StrictEncoding("big5").GetBytes(Traditional);
        string wrong = Encoding.GetEncoding("GB18030").GetString(big5Bytes);
        Assert.True(TextDecoder.CommonShare(Traditional).Share > 0.8);
        Assert.True(TextDecoder.CommonShare(wrong).Share < 0.2);
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "corpus/dev", "seeds" })
        {
            if (SharedFolder.Path is { } shared && Directory.Exists(Path.Combine(shared, folder)))
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(shared, folder), "*.txt").Order(StringComparer.Ordinal))
                {
                    data.Add(Path.Combine(folder, Path.GetFileName(file)));
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add("(shared folder absent)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Real_text_re_encoded_as_gb18030_reads_back_unchanged(string relative)
    {
        SharedFolder.RequireOrSkip("corpus");
        string original = File.ReadAllText(Path.Combine(SharedFolder.Path!, relative), new UTF8Encoding(false, true));
        Assert.Equal(original, ReadBack(StrictEncoding("GB18030").GetBytes(original)));
    }

    [Fact]
    public void Real_text_re_encoded_as_big5_reads_back_unchanged()
    {
        SharedFolder.RequireOrSkip("corpus/dev");
        string shared = SharedFolder.Path!;
        var big5 = StrictEncoding("big5");
        int tested = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(shared, "corpus/dev"), "*.txt")
                     .Concat(Directory.Exists(Path.Combine(shared, "seeds")) ? Directory.EnumerateFiles(Path.Combine(shared, "seeds"), "*.txt") : []))
        {
            // Big5 has no Simplified-only characters: keep the lines it can encode (all of a Traditional text,
            // little of a Simplified one) and test those where enough remains.
            string original = File.ReadAllText(file, new UTF8Encoding(false, true));
            string text = string.Join('\n', original.Split('\n').Where(line => CanEncode(big5, line)));
            if (TextDecoder.CommonShare(text).Han >= 200)
            {
                Assert.True(text == ReadBack(big5.GetBytes(text)), $"{Path.GetFileName(file)} did not read back as Big5");
                tested++;
            }
        }

        Assert.True(tested >= 5, $"only {tested} corpus files had enough Big5-encodable text");
    }

    private static bool CanEncode(Encoding encoding, string text)
    {
        try
        {
            encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
