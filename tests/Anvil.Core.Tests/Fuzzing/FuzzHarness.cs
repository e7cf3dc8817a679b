using System.Text;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// What the fuzz tests share: one reader, one pipeline, one oracle, and the seed documents (the repository's
/// samples, plus ../shared/corpus/dev when it is there). A failing input is reported with what it takes to make it
/// again: the seed and index for <c>bench/fuzz.sh</c>, or its bytes saved where the message says.
/// </summary>
internal static class FuzzHarness
{
    /// <summary>The seed of the in-suite run; ANVIL_FUZZ_SEED runs other inputs (the same checks).</summary>
    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("ANVIL_FUZZ_SEED"), out ulong seed) ? seed : 7_2024_0305;

    /// <summary>Per input, in a Debug build on a busy CI machine: ten times what the slowest generated input takes.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    private static readonly DocumentReader SharedReader = new();

    private static readonly Lazy<ExtractionPipeline> LazyPipeline = new(() => AnvilPipeline.Create());

    private static readonly Lazy<FuzzOracle> LazyOracle = new(() => new FuzzOracle(SharedReader, LazyPipeline.Value));

    private static readonly Lazy<SeedCorpus> LazyCorpus = new(() =>
    {
        var folders = new List<string> { Path.Combine(SharedFolder.RepositoryRoot, "samples") };
        if (SharedFolder.Path is { } shared)
        {
            folders.Add(Path.Combine(shared, "corpus", "dev"));
        }

        return SeedCorpus.Load(folders);
    });

    public static DocumentReader Reader => SharedReader;

    public static ExtractionPipeline Pipeline => LazyPipeline.Value;

    public static FuzzOracle Oracle => LazyOracle.Value;

    public static SeedCorpus Corpus => LazyCorpus.Value;

    /// <summary>Runs inputs under the time bound; returns a report of the failures (empty when none).</summary>
    public static string RunAll(IEnumerable<(string Name, FuzzInput Input)> inputs, TimeSpan? timeout = null, FuzzOracle? oracle = null)
    {
        using var worker = new FuzzWorker(oracle ?? Oracle);
        var failures = new StringBuilder();
        foreach (var (name, input) in inputs)
        {
            var (outcome, elapsed) = worker.Run(input, timeout ?? Timeout);
            if (outcome.Failed)
            {
                string saved = Save(name, input);
                failures.Append(Printable($"{name} [{input.Recipe}]: {outcome.Verdict} after {elapsed.TotalMilliseconds:0} ms, input saved as {saved}\n{outcome.Detail}\n\n"));
            }
        }

        return failures.ToString();
    }

    /// <summary>A failing input written to the temporary folder, named so the driver's --replay and --minimize read it.</summary>
    public static string Save(string name, FuzzInput input)
    {
        string folder = Path.Combine(Path.GetTempPath(), "anvil-fuzz-failures");
        Directory.CreateDirectory(folder);
        string safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        string path = Path.Combine(folder, safe + input.Extension);
        File.WriteAllBytes(path, input.Text is { } text ? Encoding.Unicode.GetBytes(text) : input.Bytes);
        return path;
    }

    /// <summary>Lone surrogates escaped, so that a failure message is printable.</summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append($"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
