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
    public void Tag(ReadOnlySpan<char> text, int offset, List<TaggedName> output) => Tag(text, offset, output, [], []);

    /// <summary>
    /// Tags a stretch and, for each proposed name (a range of the stretch and a kind), how much worse the best
    /// tagging is that marks exactly that name: 0 when the tagger finds it itself, large when no reading of
    /// the stretch makes it a name.
    /// </summary>
    /// <param name="lexiconMatches">empty, or the longest lexicon entry at each character (<see cref="NameFeatures.Extract(ReadOnlySpan{char}, Span{ulong}, ReadOnlySpan{LexiconMatch})"/>)</param>
    public void Tag(ReadOnlySpan<char> text, int offset, List<TaggedName> output, ReadOnlySpan<TaggedName> proposed, Span<float> gaps,
        ReadOnlySpan<LexiconMatch> lexiconMatches = default)
    {
        int n = text.Length;
        if (n == 0)
        {
            return;
        }

        float[] emissions = ArrayPool<float>.Shared.Rent(n * T);
        byte[] tags = ArrayPool<byte>.Shared.Rent(n);
        float[]? forward = proposed.Length > 0 ? ArrayPool<float>.Shared.Rent(n * T) : null;
        ushort[]? rentedMasks = proposed.Length > 0 ? ArrayPool<ushort>.Shared.Rent(n) : null;
        try
        {
            var e = emissions.AsSpan(0, n * T);
            Features.Score(text, Model, e, lexiconMatches);
            var t = tags.AsSpan(0, n);
            var f = forward is null ? default : forward.AsSpan(0, n * T);
            float best = Viterbi.Decode(e, Model.TransitionRows, Model.Start, default, t, f);
            AddNames(t, offset, output);
            if (rentedMasks is not null)
            {
                // each proposal's best reading agrees with the best unmasked one up to where the proposal begins:
                // the decode starts there from the unmasked scores (the same sums, so the same score to the last bit)
                var allowed = rentedMasks.AsSpan(0, n);
                for (int p = 0; p < proposed.Length; p++)
                {
                    var name = proposed[p];
                    allowed.Fill(ushort.MaxValue);
                    allowed[name.Start] = (ushort)(1 << NameTags.Begin(name.Kind));
                    for (int i = name.Start + 1; i < name.End; i++)
                    {
                        allowed[i] = (ushort)(1 << NameTags.Inside(name.Kind));
                    }

                    if (name.End < n)
                    {
                        allowed[name.End] = unchecked((ushort)~(1 << NameTags.Inside(name.Kind)));
                    }

                    gaps[p] = best - Viterbi.BestScore(e, Model.TransitionRows, Model.Start, allowed, f, name.Start);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emissions);
            ArrayPool<byte>.Shared.Return(tags);
            if (forward is not null)
            {
                ArrayPool<float>.Shared.Return(forward);
            }

            if (rentedMasks is not null)
            {
                ArrayPool<ushort>.Shared.Return(rentedMasks);
            }
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
