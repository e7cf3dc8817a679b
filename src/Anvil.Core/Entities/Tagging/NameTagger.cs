using System.Buffers;
using Anvil.Core.Lexicons;
using Anvil.Data;

namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// A statistical name finder: an averaged structured perceptron over the characters of the matching
/// view (<see cref="NameFeatures"/>), trained on public annotated corpora by
/// <c>src/Anvil.Data/scripts/train-name-tagger.sh</c> (see <c>entities/name-tagger.md</c>). It marks
/// people, places, companies, government bodies and other organisations, including names no lexicon
/// lists. Read-only after construction and safe to share across threads.
/// </summary>
public sealed class NameTagger
{
    public const string BuiltInPath = "entities/name-tagger.bin";

    private const int T = NameTags.Count;

    public NameTagger(NameTaggerModel model, NameFeatures features)
    {
        Model = model;
        Features = features;
    }

    public NameTaggerModel Model { get; }

    public NameFeatures Features { get; }

    public static NameTaggerModel LoadBuiltInModel()
    {
        using var stream = DataFiles.Open(BuiltInPath);
        return NameTaggerModel.Read(stream);
    }

    /// <summary>Tags one stretch of text (a sentence or clause) and adds its names, offset by <paramref name="offset"/>.</summary>
    public void Tag(ReadOnlySpan<char> text, int offset, List<TaggedName> output)
    {
        int n = text.Length;
        if (n == 0)
        {
            return;
        }

        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n * NameFeatures.PerPosition);
        float[] emissions = ArrayPool<float>.Shared.Rent(n * T);
        byte[] tags = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            var k = keys.AsSpan(0, n * NameFeatures.PerPosition);
            Features.Extract(text, k);
            var e = emissions.AsSpan(0, n * T);
            Model.Score(k, NameFeatures.PerPosition, e);
            var t = tags.AsSpan(0, n);
            Viterbi.Decode(e, Model.Transitions, Model.Start, default, t);
            AddNames(t, offset, output);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<float>.Shared.Return(emissions);
            ArrayPool<byte>.Shared.Return(tags);
        }
    }

    /// <summary>The names a tag sequence marks.</summary>
    public static void AddNames(ReadOnlySpan<byte> tags, int offset, List<TaggedName> output)
    {
        int start = -1;
        for (int i = 0; i <= tags.Length; i++)
        {
            int tag = i < tags.Length ? tags[i] : NameTags.Outside;
            if (start >= 0 && !NameTags.IsInside(tag))
            {
                output.Add(new TaggedName(offset + start, offset + i, NameTags.KindOf(tags[start])));
                start = -1;
            }

            if (NameTags.IsBegin(tag))
            {
                start = i;
            }
        }
    }
}
