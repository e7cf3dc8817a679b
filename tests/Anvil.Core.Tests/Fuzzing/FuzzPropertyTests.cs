using System.Globalization;
using System.Text;
using CsCheck;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Property tests (CsCheck) over texts built from what the recognisers key on: digits in both widths, Chinese
/// numerals and magnitudes (万亿), units, %, 《》「」, 分别, clause punctuation, names, surrogate pairs; then the
/// same with lone surrogates and control characters anywhere. A failure is shrunk to a small text before it is
/// reported. ANVIL_FUZZ_SEED does not apply here; CsCheck prints its own seed with any failure.
/// </summary>
public sealed class FuzzPropertyTests
{
    private static readonly Gen<string> Number = Gen.Frequency(
        (4, Gen.Int[0, 1_000_000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Char['0', '9'].Array[1, 40].Select(d => new string(d))),
        (2, Gen.OneOf("零一二三四五六七八九十百千万亿两".ToCharArray()).Array[1, 12].Select(c => new string(c))),
        (1, Gen.Select(Gen.Int[0, 99_999], Gen.Int[0, 9_999], (a, b) => string.Create(CultureInfo.InvariantCulture, $"{a}.{b}"))));

    private static readonly Gen<string> Token = Gen.Frequency((6, Gen.OneOf(HotText.Tokens)), (2, Number));

    private static readonly Gen<string> Hot = Token.Array[0, 250].Select(string.Concat);

    private static readonly Gen<string> IllFormed = Gen.Frequency(
        (6, Token),
        (2, Gen.OneOf(HotText.IllFormed)),
        (1, Gen.Char[(char)0, (char)0x1F].Select(c => c.ToString())),
        (1, Gen.Char.Select(c => c.ToString()))).Array[0, 250].Select(string.Concat);

    private static void Holds(Gen<string> texts, bool throughTheReader, int iterations)
    {
        using var worker = new FuzzWorker(FuzzHarness.Oracle);
        texts.Sample(
            text =>
            {
                var inputs = throughTheReader
                    ? new[] { FuzzInput.FromText("text", text), new FuzzInput("utf-8", Encoding.UTF8.GetBytes(text), "hot.txt") }
                    : [FuzzInput.FromText("text", text)];
                foreach (var input in inputs)
                {
                    var (outcome, _) = worker.Run(input, FuzzHarness.Timeout);
                    if (outcome.Failed)
                    {
                        string saved = FuzzHarness.Save($"property-{outcome.Verdict}-{(uint)text.GetHashCode():x8}", input);
                        throw new InvalidOperationException(FuzzHarness.Printable($"{input.Recipe}: {outcome.Verdict} (saved as {saved}): {outcome.Detail}"));
                    }
                }
            },
            iter: iterations,
            threads: 1,
            print: FuzzHarness.Printable);
    }

    [Fact]
    public void Texts_full_of_what_recognisers_key_on() => Holds(Hot, throughTheReader: true, iterations: 300);

    [Fact]
    public void Lone_surrogates_and_control_characters_anywhere() => Holds(IllFormed, throughTheReader: false, iterations: 300);
}
