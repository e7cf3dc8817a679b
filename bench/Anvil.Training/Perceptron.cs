using Anvil.Core.Entities.Tagging;

namespace Anvil.Training;

/// <summary>
/// Averaged structured perceptron (Collins 2002) over <see cref="NameFeatures"/>, with the averaging
/// done lazily (Daumé's trick: keep the sum of step-weighted updates and subtract it at the end).
/// A partially annotated sentence is learned from the best tag sequence its annotation allows.
/// Deterministic: the order of sentences comes from a fixed seed.
/// </summary>
internal sealed class Perceptron
{
    private const int T = NameTags.Count;

    private readonly Dictionary<ulong, int> _index = [];
    private readonly List<int[]> _features = []; // per sentence: n * PerPosition feature indices (-1: unseen)
    private float[] _w = [];
    private float[] _u = [];
    private readonly float[] _trans = new float[T * T];
    private readonly float[] _transU = new float[T * T];
    private readonly float[] _start = new float[T];
    private readonly float[] _startU = new float[T];
    private int _step = 1;

    public int FeatureCount => _index.Count;

    /// <summary>Computes and indexes the features of every training sentence once.</summary>
    public void Prepare(IReadOnlyList<Sentence> sentences, NameFeatures features)
    {
        foreach (var s in sentences)
        {
            var keys = new ulong[s.Text.Length * NameFeatures.PerPosition];
            features.Extract(s.Text, keys);
            var ids = new int[keys.Length];
            for (int k = 0; k < keys.Length; k++)
            {
                if (!_index.TryGetValue(keys[k], out int id))
                {
                    id = _index.Count;
                    _index[keys[k]] = id;
                }

                ids[k] = id;
            }

            _features.Add(ids);
        }

        _w = new float[_index.Count * T];
        _u = new float[_index.Count * T];
    }

    public void Train(IReadOnlyList<Sentence> sentences, int epochs, int seed, Action<int, int>? afterEpoch = null)
    {
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int wrong = 0;
            foreach (int s in order)
            {
                wrong += Learn(sentences[s], _features[s]) ? 0 : 1;
                _step++;
            }

            afterEpoch?.Invoke(epoch, wrong);
        }
    }

    private bool Learn(Sentence sentence, int[] ids)
    {
        int n = sentence.Text.Length;
        if (n == 0)
        {
            return true;
        }

        var emissions = new float[n * T];
        Emissions(ids, n, _w, emissions);
        var predicted = new byte[n];
        Viterbi.Decode(emissions, _trans, _start, default, predicted);
        bool agrees = true;
        for (int i = 0; i < n && agrees; i++)
        {
            agrees = (sentence.Allowed[i] & (1 << predicted[i])) != 0;
        }

        if (agrees)
        {
            return true;
        }

        var gold = new byte[n];
        Viterbi.Decode(emissions, _trans, _start, sentence.Allowed, gold);
        int p = NameFeatures.PerPosition;
        for (int i = 0; i < n; i++)
        {
            int g = gold[i], q = predicted[i];
            if (g != q)
            {
                for (int k = i * p; k < (i + 1) * p; k++)
                {
                    Update(_w, _u, (ids[k] * T) + g, 1);
                    Update(_w, _u, (ids[k] * T) + q, -1);
                }
            }

            if (i == 0)
            {
                if (g != q)
                {
                    Update(_start, _startU, g, 1);
                    Update(_start, _startU, q, -1);
                }
            }
            else if (g != q || gold[i - 1] != predicted[i - 1])
            {
                Update(_trans, _transU, (gold[i - 1] * T) + g, 1);
                Update(_trans, _transU, (predicted[i - 1] * T) + q, -1);
            }
        }

        return false;
    }

    private void Update(float[] w, float[] u, int at, float delta)
    {
        w[at] += delta;
        u[at] += _step * delta;
    }

    private static void Emissions(int[] ids, int n, float[] w, float[] emissions)
    {
        int p = NameFeatures.PerPosition;
        for (int i = 0; i < n; i++)
        {
            var row = emissions.AsSpan(i * T, T);
            for (int k = i * p; k < (i + 1) * p; k++)
            {
                var weights = w.AsSpan(ids[k] * T, T);
                for (int t = 0; t < T; t++)
                {
                    row[t] += weights[t];
                }
            }
        }
    }

    /// <summary>
    /// The averaged weights as a runtime model: features whose largest averaged weight is below
    /// <paramref name="keepAbove"/> are dropped, the rest quantised to 8 bits.
    /// </summary>
    public NameTaggerModel Export(float keepAbove, string header, IReadOnlyList<Sentence> reference, out byte[] file)
    {
        float c = _step;
        var avg = new float[_w.Length];
        for (int k = 0; k < _w.Length; k++)
        {
            avg[k] = _w[k] - (_u[k] / c);
        }

        var trans = new float[T * T];
        for (int k = 0; k < trans.Length; k++)
        {
            trans[k] = _trans[k] - (_transU[k] / c);
        }

        var start = new float[T];
        for (int k = 0; k < T; k++)
        {
            start[k] = _start[k] - (_startU[k] / c);
        }

        var kept = new List<(ulong Key, int Id)>();
        float maxAbs = 0;
        foreach (var (key, id) in _index)
        {
            float m = 0;
            for (int t = 0; t < T; t++)
            {
                m = Math.Max(m, Math.Abs(avg[(id * T) + t]));
            }

            if (m >= keepAbove)
            {
                kept.Add((key, id));
                maxAbs = Math.Max(maxAbs, m);
            }
        }

        kept.Sort((a, b) => a.Key.CompareTo(b.Key));
        float scale = maxAbs / 127f;
        var keys = new ulong[kept.Count];
        var weights = new sbyte[kept.Count * T];
        for (int k = 0; k < kept.Count; k++)
        {
            keys[k] = kept[k].Key;
            for (int t = 0; t < T; t++)
            {
                weights[(k * T) + t] = (sbyte)Math.Clamp(MathF.Round(avg[(kept[k].Id * T) + t] / scale), -127, 127);
            }
        }

        // the score unit: the pair score one adjoining pair of training characters in twenty passes (NameTaggerModel.ScoreUnit)
        var unweighed = new NameTaggerModel(keys, weights, scale, trans, start, header);
        var pairs = new List<float>();
        foreach (var s in reference)
        {
            for (int i = 0; i + 1 < s.Text.Length; i++)
            {
                float p = s.Text[i] > 0x2000 ? unweighed.PairScore(s.Text[i], s.Text[i + 1]) : float.NegativeInfinity;
                if (float.IsFinite(p))
                {
                    pairs.Add(p);
                }
            }
        }

        pairs.Sort();
        float unit = pairs.Count == 0 ? 1f : pairs[(int)(0.95 * (pairs.Count - 1))];
        using var stream = new MemoryStream();
        NameTaggerModel.Write(stream, header, scale, unit, trans, start, keys, weights);
        file = stream.ToArray();
        stream.Position = 0;
        return NameTaggerModel.Read(stream);
    }
}
