using System.Buffers;
using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Facts;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Core.Output;
using Anvil.Core.Periods;
using Anvil.Core.Pipeline;
using Anvil.Core.Quantities;
using Anvil.Core.Reading;
using BenchmarkDotNet.Attributes;

namespace Anvil.Benchmarks;

/// <summary>
/// Each stage of extraction over the same documents (the dev corpus beside the repository, else the
/// bundled samples), so a slow stage shows. Stages after the first get the earlier stages' output,
/// prepared once in setup. Throughput per stage = corpus bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class StageBenchmarks
{
    private readonly List<(string Name, byte[] Bytes)> _files = [];
    private readonly List<Analysis> _prepared = [];
    private readonly DocumentReader _reader = new();
    private TextNormalizer _normalizer = null!;
    private EntityComponent _entities = null!;
    private QuantityComponent _quantities = null!;
    private PeriodComponent _periods = null!;
    private FactExtractor _facts = null!;
    private ExtractionPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        foreach (var path in CorpusFiles())
        {
            _files.Add((Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path)));
        }

        _normalizer = TextNormalizer.Default;
        var lexicon = EntityLexicon.LoadBuiltIn(_normalizer);
        _entities = new EntityComponent(new EntityRecognizer(lexicon, EntityPatternData.LoadBuiltIn()));
        _quantities = new QuantityComponent();
        _periods = new PeriodComponent();
        _facts = new FactExtractor(FactData.LoadBuiltIn(), lexicon);
        _pipeline = AnvilPipeline.Create();
        foreach (var (name, bytes) in _files)
        {
            _prepared.Add(_pipeline.Run(_reader.Read(bytes, name, name + ".txt")));
        }

        Console.WriteLine($"// corpus: {_files.Count} files, {_files.Sum(f => f.Bytes.Length):N0} bytes");
    }

    [Benchmark(Description = "reading (decode, boilerplate, title, date)")]
    public int Reading()
    {
        int n = 0;
        foreach (var (name, bytes) in _files)
        {
            n += _reader.Read(bytes, name, name + ".txt").Text.Length;
        }

        return n;
    }

    [Benchmark(Description = "normalisation (script, width, regional terms)")]
    public int Normalisation()
    {
        int n = 0;
        foreach (var a in _prepared)
        {
            n += _normalizer.Normalize(a.Document.Text).Text.Length;
        }

        return n;
    }

    [Benchmark(Description = "entity recognition")]
    public int Entities() => Stage(_entities, a => a.Entities.Clear());

    [Benchmark(Description = "quantities")]
    public int Quantities() => Stage(_quantities, a => a.Quantities.Clear());

    [Benchmark(Description = "periods")]
    public int Periods() => Stage(_periods, a => a.Periods.Clear());

    [Benchmark(Description = "facts (given entities, quantities, periods)")]
    public int Facts() => Stage(_facts, a => a.Facts.Clear());

    [Benchmark(Description = "JSON Lines writing")]
    public long JsonWriting()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        foreach (var a in _prepared)
        {
            JsonLinesWriter.Write(a, buffer);
        }

        return buffer.WrittenCount;
    }

    [Benchmark(Description = "whole pipeline (reading to JSON)")]
    public long Whole()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        foreach (var (name, bytes) in _files)
        {
            JsonLinesWriter.Write(_pipeline.Run(_reader.Read(bytes, name, name + ".txt")), buffer);
        }

        return buffer.WrittenCount;
    }

    private int Stage(IPipelineComponent component, Action<Analysis> reset)
    {
        int n = 0;
        foreach (var a in _prepared)
        {
            reset(a);
            component.Process(a);
            n++;
        }

        return n;
    }

    private static IEnumerable<string> CorpusFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Anvil.slnx")))
        {
            dir = dir.Parent;
        }

        string root = dir?.FullName ?? ".";
        string dev = Path.Combine(root, "..", "shared", "corpus", "dev");
        string folder = Directory.Exists(dev) ? dev : Path.Combine(root, "samples");
        return Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal);
    }
}
