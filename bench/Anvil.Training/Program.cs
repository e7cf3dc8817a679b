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
        float keepAbove = args.Length > 5 ? float.Parse(args[5], culture) : 1f;
        var model = perceptron.Export(keepAbove, File.ReadAllText(args[3]), out var file);
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

    case "tag":
    {
        // tag TEXT: what the tagger marks and what the recogniser keeps, for looking into a case
        var lexicon = EntityLexicon.LoadBuiltIn(TextNormalizer.Default);
        var patterns = EntityPatternData.LoadBuiltIn();
        var words = WordDictionary.LoadBuiltIn();
        var model = NameTagger.LoadBuiltInModel();
        var tagger = new NameTagger(model, new NameFeatures(lexicon, patterns, words));
        string view = TextNormalizer.Default.Normalize(args[1]).Text;
        var found = new List<TaggedName>();
        tagger.Tag(view, 0, found);
        Console.WriteLine("tagger: " + string.Join(" | ", found.Select(n => $"{view[n.Start..n.End]}:{n.Kind}")));
        var cuts = new int[view.Length + 1];
        int count = words.Segment(view, cuts);
        Console.WriteLine($"contains 收入={words.Contains("收入")} 收={words.Contains("收")} common 工厂={words.IsCommonWord("工厂")}");
        Console.WriteLine(string.Join(" ", new[] { "和", "服", "务", "和服", "服务", "收", "入", "收入" }.Select(w => $"{w}={words.LogProbability(w):F2}")));
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
    var dictionary = Anvil.Data.DataFiles.Exists("words/words.bin") ? WordDictionary.LoadBuiltIn() : null;
    return new NameFeatures(lexicon, EntityPatternData.LoadBuiltIn(), dictionary);
}
