using System.Buffers;
using Anvil.Core.Output;

namespace Anvil.Core.Tests.Output;

public class StreamBufferWriterTests
{
    [Fact]
    public void PassesEverythingOnInOrderWhateverTheSizes()
    {
        using var stream = new MemoryStream();
        var expected = new List<byte>();
        using (var writer = new StreamBufferWriter(stream, bufferSize: 300))
        {
            var random = new Random(3);
            for (int i = 0; i < 500; i++)
            {
                // small writes, writes that overflow the buffer and some larger than it
                var chunk = new byte[i % 50 == 0 ? 1000 + i : random.Next(0, 120)];
                random.NextBytes(chunk);
                writer.Write(chunk);
                expected.AddRange(chunk);
                if (i % 97 == 0)
                {
                    writer.Flush();
                    Assert.Equal(expected.Count, stream.Length);
                }
            }
        }

        Assert.Equal(expected, stream.ToArray());
    }

    [Fact]
    public void HoldsNoMoreThanItsBuffer()
    {
        using var stream = new MemoryStream();
        using var writer = new StreamBufferWriter(stream, bufferSize: 256);
        writer.Write(new byte[200]);
        Assert.Equal(0, stream.Length);
        for (int i = 0; i < 10; i++)
        {
            writer.Write(new byte[200]);
            Assert.InRange(stream.Length, ((i + 2) * 200) - 256, (i + 2) * 200);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(writer.GetSpan().Length + 1));
    }
}
