using System.Diagnostics;
using System.Globalization;
using Anvil.Core.Entities;
using Anvil.Core.Entities.Tagging;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Training;

// Builds Anvil's derived model data. Called by the scripts in src/Anvil.Data/scripts/:
//   words DICT.txt OUT.bin HEADER.txt           the word dictionary from jieba's dict.txt
//   train BENCHMARKS_DIR OUT.bin HEADER.txt     the name tagger from the public NER corpora
//   evaluate BENCHMARKS_DIR [MODEL.bin]         the tagger alone on CLUENER2020 dev and MSRA test
//   tag TEXT [NAME...]                          what the tagger marks, the words, the recogniser's entities,
//                                               and how far each NAME is from being read as a company
//   tag-lines FILE                              the tagger alone on each line of a file
//   pair-stats FILE                             quantiles of the pair score that picks clauses to tag
//   speed FOLDER                                where the tagger's time goes over a folder of documents
var culture = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: words DICT OUT HEADER | train BENCHMARKS OUT HEADER [EPOCHS] | evaluate BENCHMARKS [MODEL]");
    return 2;
}

switch (args[0])
{
    case "words":
        WordsBuilder.Build(args[1], args[2], File.ReadAllText(args[3]));
        return 0;
    case "train":
    {
        var clock = Stopwatch.StartNew();
        var features = BuiltInFeatures();
        var train = new List<Sentence>();
        train.AddRange(Corpora.ReadCluener(Path.Combine(args[1], "cluener2020", "train.json")));
        train.AddRange(Corpora.ReadBio(Path.Combine(args[1], "peoples-daily-ner", "example.dev"), partialOrganizations: true, "peoples-daily"));
        train.AddRange(Corpora.ReadBio(Path.Combine(args[1], "peoples-daily-ner", "example.test"), partialOrganizations: true, "peoples-daily"));
        Console.WriteLine($"train: {train.Count} sentences, {train.Sum(s => s.Text.Length)} characters");
        var perceptron = new Perceptron();
        perceptron.Prepare(train, features);
        Console.WriteLine($"train: {perceptron.FeatureCount} features ({clock.Elapsed.TotalSeconds:F1} s)");
        int epochs = args.Length > 4 ? int.Parse(args[4], culture) : 12;
        perceptron.Train(train, epochs, seed: 20250101, (epoch, wrong) =>
            Console.WriteLine($"  epoch {epoch}: {wrong} sentences wrong ({clock.Elapsed.TotalSeconds:F1} s)"));
        float keepAbove = args.Length > 5 ? float.Parse(args[5], culture) : 3f;
        var model = perceptron.Export(keepAbove, File.ReadAllText(args[3]), train, out var file);
        Console.WriteLine(string.Create(culture, $"train: score unit {model.ScoreUnit:F2}"));
        File.WriteAllBytes(args[2], file);
        Console.WriteLine($"train: kept {model.FeatureCount} features, {file.Length / 1e6:F1} MB, {clock.Elapsed.TotalSeconds:F1} s in all");
        Evaluation.Report(args[1], new NameTagger(model, features));
        return 0;
    }

    case "evaluate":
    {
        var features = BuiltInFeatures();
        NameTaggerModel model;
        if (args.Length > 2)
        {
            using var stream = File.OpenRead(args[2]);
            model = NameTaggerModel.Read(stream);
        }
        else
        {
            model = NameTagger.LoadBuiltInModel();
        }

        Evaluation.Report(args[1], new NameTagger(model, features));
        return 0;
    }

    case "speed":
    {
        // speed FOLDER: where the tagger's time goes, over the documents of a folder (views built first)
        var lexicon = EntityLexicon.LoadBuiltIn(TextNormalizer.Default);
        var patterns = EntityPatternData.LoadBuiltIn();
        var words = WordDictionary.LoadBuiltIn();
        var model = NameTagger.LoadBuiltInModel();
        var views = Directory.GetFiles(args[1]).Select(f => TextNormalizer.Default.Normalize(File.ReadAllText(f)).Text).ToList();
        long chars = views.Sum(v => (long)v.Length);
        {
            string label = "tagger";
            var features = new NameFeatures(lexicon, patterns);
            var keys = new ulong[200000 * NameFeatures.PerPosition];
            var emissions = new float[200000 * NameTags.Count];
            var tags = new byte[200000];
            for (int round = 0; round < 2; round++)
            {
                var w = Stopwatch.StartNew();
                double extract = 0, score = 0, decode = 0;
                foreach (var v in views)
                {
                    int n = Math.Min(v.Length, 200000);
                    var t0 = w.Elapsed.TotalMilliseconds;
                    features.Extract(v.AsSpan(0, n), keys.AsSpan(0, n * NameFeatures.PerPosition));
                    var t1 = w.Elapsed.TotalMilliseconds;
                    model.Score(keys.AsSpan(0, n * NameFeatures.PerPosition), NameFeatures.PerPosition, emissions.AsSpan(0, n * NameTags.Count));
                    var t2 = w.Elapsed.TotalMilliseconds;
                    Viterbi.Decode(emissions.AsSpan(0, n * NameTags.Count), model.Transitions, model.Start, default, tags.AsSpan(0, n));
                    var t3 = w.Elapsed.TotalMilliseconds;
                    extract += t1 - t0; score += t2 - t1; decode += t3 - t2;
                }

                Console.WriteLine($"{label}: {chars} chars; ns/char extract {extract * 1e6 / chars:F0}, score {score * 1e6 / chars:F0}, decode {decode * 1e6 / chars:F0}");
            }
        }

        foreach (var (label, m, d) in new[] { ("recogniser alone", (NameTaggerModel?)null, (WordDictionary?)null), ("+ words", null, words), ("+ tagger", model, null), ("+ both", model, words) })
        {
            var recognizer = new EntityRecognizer(lexicon, patterns, m, d);
            double bestMs = double.MaxValue;
            for (int round = 0; round < 7; round++)
            {
                var w = Stopwatch.StartNew();
                foreach (var v in views)
                {
                    recognizer.Find(v);
                }

                bestMs = Math.Min(bestMs, w.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"{label}: best ns/char {bestMs * 1e6 / chars:F0}");
        }

        var segmentCuts = new int[200001];
        var ws = Stopwatch.StartNew();
        foreach (var v in views)
        {
            words.Segment(v.AsSpan(0, Math.Min(v.Length, 200000)), segmentCuts);
        }

        Console.WriteLine($"segment alone: ns/char {ws.Elapsed.TotalMilliseconds * 1e6 / chars:F0}");
        return 0;
    }

    case "pair-stats":
    {
        // pair-stats FILE: quantiles of the tagger's pair score over a text, to set the recogniser's PairThreshold
        var model = NameTagger.LoadBuiltInModel();
        var text = File.ReadAllText(args[1]);
        var scores = Enumerable.Range(0, text.Length - 1).Where(i => text[i] > 0x2000).Select(i => model.PairScore(text[i], text[i + 1])).Where(float.IsFinite).OrderBy(x => x).ToArray();
        foreach (var q in new[] { 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995 })
        {
            Console.WriteLine(string.Create(culture, $"q{q}: {scores[(int)(q * (scores.Length - 1))]}"));
        }

        return 0;
    }

    case "tag-lines":
    {
        // tag-lines FILE: the tagger alone on each line of a file (as bench/cluener_eval.py writes it), as
        // "line<TAB>start<TAB>end<TAB>kind", to set beside what extraction keeps of it
        var tagger = new NameTagger(NameTagger.LoadBuiltInModel(), BuiltInFeatures());
        var found = new List<TaggedName>();
        int number = 0;
        foreach (var line in File.ReadLines(args[1]))
        {
            found.Clear();
            tagger.Tag(TextNormalizer.Default.Normalize(line).Text, 0, found);
            foreach (var n in found)
            {
                Console.WriteLine(string.Create(culture, $"{number}\t{n.Start}\t{n.End}\t{n.Kind}"));
            }

            number++;
        }

        return 0;
    }

    case "tag":
    {
        // tag TEXT: what the tagger marks and what the recogniser keeps, for looking into a case
        var lexicon = EntityLexicon.LoadBuiltIn(TextNormalizer.Default);
        var patterns = EntityPatternData.LoadBuiltIn();
        var words = WordDictionary.LoadBuiltIn();
        var model = NameTagger.LoadBuiltInModel();
        var tagger = new NameTagger(model, new NameFeatures(lexicon, patterns));
        string view = TextNormalizer.Default.Normalize(args[1]).Text;
        var found = new List<TaggedName>();
        tagger.Tag(view, 0, found);
        Console.WriteLine("tagger: " + string.Join(" | ", found.Select(n => $"{view[n.Start..n.End]}:{n.Kind}")));
        foreach (var range in args.Skip(2))
        {
            int from = view.IndexOf(range, StringComparison.Ordinal);
            if (from < 0)
            {
                continue;
            }

            var gaps = new float[1];
            tagger.Tag(view, 0, [], [new TaggedName(from, from + range.Length, NameKind.Company)], gaps);
            Console.WriteLine($"gap {range} as company: {gaps[0]:F1}");
        }

        var cuts = new int[view.Length + 1];
        int count = words.Segment(view, cuts);
        Console.WriteLine("words: " + string.Join(" ", Enumerable.Range(0, count - 1).Select(k => view[cuts[k]..cuts[k + 1]])));
        var recognizer = new EntityRecognizer(lexicon, patterns, model, words);
        Console.WriteLine("entities: " + string.Join(" | ", recognizer.Find(view).Select(e => $"{view[e.Start..e.End]}={e.Name}:{e.Type}")));
        return 0;
    }

    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}

static NameFeatures BuiltInFeatures()
{
    var lexicon = EntityLexicon.LoadBuiltIn(TextNormalizer.Default);
    return new NameFeatures(lexicon, EntityPatternData.LoadBuiltIn());
}
