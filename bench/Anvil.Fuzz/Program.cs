using System.Diagnostics;
using System.Globalization;
using System.Text;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Fuzzing;

// The long fuzz run (bench/fuzz.sh): N generated or mutated inputs from a fixed seed, each read, extracted and
// written under a time bound, judged by the test suite's oracle. Failing inputs are saved; exit 1 if any.
//
//   dotnet bench/Anvil.Fuzz/bin/Release/net10.0/Anvil.Fuzz.dll [--inputs N] [--seed S] [--timeout SECONDS]
//       [--threads T] [--out DIR] [--seeds FOLDER]... [--max-heap-growth-mb M]
//   ... --save-index I [I...]     make inputs I of the run again and save them without running them
//   ... --replay FILE...          run saved inputs (a .utf16 file is a text given to the pipeline directly)
//   ... --minimize FILE           shrink a failing input while it fails the same way; writes FILE.min.EXT
//   ... --floods CHARS            every hot token repeated to CHARS and twice as many characters: flags time that
//                                 more than triples when the text doubles (quadratic work), and any failure
namespace Anvil.Fuzz;

internal static class Program
{
    private static int Main(string[] args)
    {
        var options = FuzzOptions.Parse(args);
        if (options is null)
        {
            return 2;
        }

        var corpus = SeedCorpus.Load(options.SeedFolders);
        var generator = new InputGenerator(corpus, options.Seed);
        Directory.CreateDirectory(options.OutDir);
        if (options.SaveIndexes.Count > 0)
        {
            foreach (long index in options.SaveIndexes)
            {
                var input = generator.Make(index);
                string path = FailureLog.SaveInput(options.OutDir, $"inflight-{index}", input);
                Console.WriteLine($"saved input {index} ({input.Recipe}) as {path}");
            }

            return 0;
        }

        var oracle = new FuzzOracle(new DocumentReader(), AnvilPipeline.Create());
        if (options.Floods > 0)
        {
            return Floods.Run(options.Floods, oracle, options.Timeout);
        }

        if (options.Minimize is { } file)
        {
            return Minimizer.Run(file, oracle, options.Timeout);
        }

        return options.Replay.Count > 0 ? Replay(options, oracle) : new FuzzRun(options, generator, oracle, corpus).Run();
    }

    private static int Replay(FuzzOptions options, FuzzOracle oracle)
    {
        int failed = 0;
        using var worker = new FuzzWorker(oracle);
        foreach (var file in options.Replay)
        {
            var input = FuzzInput.Load(file);
            var (outcome, elapsed) = worker.Run(input, options.Timeout);
            failed += outcome.Failed ? 1 : 0;
            Console.WriteLine($"{file}: {outcome.Verdict} in {elapsed.TotalMilliseconds:0} ms {outcome.Detail}");
        }

        return failed == 0 ? 0 : 1;
    }
}

internal sealed class FuzzOptions
{
    public long Inputs { get; private set; } = 100_000;

    public ulong Seed { get; private set; } = 20251126;

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(10);

    public int Threads { get; private set; } = Environment.ProcessorCount;

    public string OutDir { get; private set; } = "artifacts/fuzz";

    public List<string> SeedFolders { get; } = [];

    public List<long> SaveIndexes { get; } = [];

    public List<string> Replay { get; } = [];

    public long MaxHeapGrowthBytes { get; private set; } = 64L << 20;

    public string? Minimize { get; private set; }

    public int Floods { get; private set; }

    public static FuzzOptions? Parse(string[] args)
    {
        var o = new FuzzOptions();
        var ci = CultureInfo.InvariantCulture;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--inputs": o.Inputs = long.Parse(Value(), ci); break;
                case "--seed": o.Seed = ulong.Parse(Value(), ci); break;
                case "--timeout": o.Timeout = TimeSpan.FromSeconds(double.Parse(Value(), ci)); break;
                case "--threads": o.Threads = Math.Max(1, int.Parse(Value(), ci)); break;
                case "--out": o.OutDir = Value(); break;
                case "--seeds": o.SeedFolders.Add(Value()); break;
                case "--minimize": o.Minimize = Value(); break;
                case "--floods": o.Floods = int.Parse(Value(), ci); break;
                case "--max-heap-growth-mb": o.MaxHeapGrowthBytes = long.Parse(Value(), ci) << 20; break;
                case "--save-index":
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        o.SaveIndexes.Add(long.Parse(args[++i], ci));
                    }

                    break;
                case "--replay":
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        o.Replay.Add(args[++i]);
                    }

                    break;
                default:
                    Console.Error.WriteLine($"anvil-fuzz: unknown option {args[i]} (see the comment at the top of bench/Anvil.Fuzz/Program.cs)");
                    return null;
            }
        }

        return o;
    }
}

/// <summary>Saved failing inputs, at most a few per kind of failure, each with a note saying what happened.</summary>
internal sealed class FailureLog(string outDir)
{
    private const int KeepPerSignature = 3;
    private readonly Dictionary<string, int> _bySignature = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public int Saved { get; private set; }

    public IReadOnlyDictionary<string, int> Signatures => _bySignature;

    public void Record(long index, FuzzInput input, FuzzOutcome outcome, TimeSpan elapsed)
    {
        string signature = Signature(outcome);
        lock (_gate)
        {
            int seen = _bySignature.GetValueOrDefault(signature);
            _bySignature[signature] = seen + 1;
            if (seen >= KeepPerSignature)
            {
                return;
            }

            string name = $"{outcome.Verdict.ToString().ToLowerInvariant()}-{index}";
            string path = SaveInput(outDir, name, input);
            File.WriteAllText(Path.Combine(outDir, name + ".log"), Printable(
                $"input {index}: {input.Recipe}\nfile name given to the reader: {input.FileName ?? "(none: sniffed)"}\n" +
                $"{outcome.Verdict} after {elapsed.TotalMilliseconds:0} ms\n{outcome.Detail}\n"));
            Saved++;
            Console.WriteLine($"  FAIL {outcome.Verdict} input {index} ({input.Recipe}) -> {path}");
            Console.WriteLine(Printable($"       {FirstLine(outcome.Detail)}"));
        }
    }

    public static string SaveInput(string outDir, string name, FuzzInput input)
    {
        string path = Path.Combine(outDir, name + input.Extension);
        File.WriteAllBytes(path, input.Text is { } text ? Encoding.Unicode.GetBytes(text) : input.Bytes);
        return path;
    }

    /// <summary>The verdict with the exception type and the first frame inside Anvil: one bug, one signature.</summary>
    public static string Signature(FuzzOutcome outcome)
    {
        var lines = outcome.Detail.Split('\n');
        string head = lines[0].Split(':')[0];
        string frame = lines.FirstOrDefault(l => l.Contains("at Anvil.", StringComparison.Ordinal))?.Trim() ?? "";
        int paren = frame.IndexOf('(', StringComparison.Ordinal);
        return $"{outcome.Verdict} {head} {(paren > 0 ? frame[..paren] : frame)}".Trim();
    }

    /// <summary>Lone surrogates (which the fuzzer puts in texts on purpose) escaped, so logs stay valid UTF-8.</summary>
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
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n')[0] is { Length: > 200 } l ? l[..200] + "…" : text.Split('\n')[0];
}

/// <summary>The run itself: lanes of work on all cores, a watch on time and memory, and the report.</summary>
internal sealed class FuzzRun(FuzzOptions options, InputGenerator generator, FuzzOracle oracle, SeedCorpus corpus)
{
    private readonly FailureLog _failures = new(options.OutDir);
    private readonly long[] _verdicts = new long[Enum.GetValues<FuzzVerdict>().Length];
    private readonly object _gate = new();
    private readonly List<(long Index, double Ms, string Recipe)> _slowest = [];
    private long _next = -1;
    private long _done;
    private long _bytes;
    private int _abandoned;

    public int Run()
    {
        Console.WriteLine($"anvil-fuzz: seed {options.Seed}, {options.Inputs} inputs, {options.Threads} threads, " +
            $"time bound {options.Timeout.TotalSeconds:0.#} s per input, {corpus.Documents.Count} seed documents, failures to {options.OutDir}");
        Console.WriteLine($"  re-run: bench/fuzz.sh {options.Inputs} --seed {options.Seed}");

        var clock = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, options.Threads).Select(n => new Thread(() => Lane(n)) { Name = $"lane {n}" }).ToList();
        lanes.ForEach(t => t.Start());

        // heap after a forced collection, at every tenth of the run: it must level off, not keep growing
        var heap = new List<(long Done, long Bytes)>();
        long nextSample = options.Inputs / 10;
        var lastReport = clock.Elapsed;
        while (lanes.Any(t => t.IsAlive))
        {
            Thread.Sleep(200);
            long done = Interlocked.Read(ref _done);
            if (done >= nextSample && done < options.Inputs)
            {
                heap.Add((done, GC.GetTotalMemory(forceFullCollection: true)));
                nextSample += options.Inputs / 10;
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {done} inputs, {done / clock.Elapsed.TotalSeconds:0} inputs/s, {Failures()} failing, " +
                    $"heap {GC.GetTotalMemory(false) >> 20} MiB, working set {Environment.WorkingSet >> 20} MiB");
            }

            if (_abandoned > 4 * options.Threads)
            {
                Console.WriteLine("  too many hung inputs: stopping early (their threads still spin)");
                break;
            }
        }

        clock.Stop();
        heap.Add((_done, GC.GetTotalMemory(forceFullCollection: true)));
        return Report(clock.Elapsed, heap);
    }

    private long Failures() => _verdicts.Where((_, v) => v >= (int)FuzzVerdict.ReadCrash).Sum();

    private void Lane(int lane)
    {
        using var inflight = new FileStream(Path.Combine(options.OutDir, $"inflight-lane{lane}"), FileMode.Create, FileAccess.Write, FileShare.Read);
        using var worker = new FuzzWorker(oracle);
        var marker = new byte[24];
        while (_abandoned <= 4 * options.Threads)
        {
            long index = Interlocked.Increment(ref _next);
            if (index >= options.Inputs)
            {
                break;
            }

            // the input in flight, for bench/fuzz.sh to save should the process die (a stack overflow cannot be caught)
            Array.Fill(marker, (byte)' ');
            Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture), marker);
            inflight.Position = 0;
            inflight.Write(marker);
            inflight.Flush();

            var input = generator.Make(index);
            var (outcome, elapsed) = worker.Run(input, options.Timeout);
            Interlocked.Increment(ref _verdicts[(int)outcome.Verdict]);
            Interlocked.Add(ref _bytes, input.Size);
            if (outcome.Verdict == FuzzVerdict.Hang)
            {
                Interlocked.Increment(ref _abandoned);
            }

            if (outcome.Failed)
            {
                _failures.Record(index, input, outcome, elapsed);
            }

            NoteTime(index, elapsed, input.Recipe);
            Interlocked.Increment(ref _done);
        }

        inflight.SetLength(0);
    }

    private void NoteTime(long index, TimeSpan elapsed, string recipe)
    {
        double ms = elapsed.TotalMilliseconds;
        lock (_gate)
        {
            if (_slowest.Count < 5 || ms > _slowest[^1].Ms)
            {
                _slowest.Add((index, ms, recipe));
                _slowest.Sort((a, b) => b.Ms.CompareTo(a.Ms));
                if (_slowest.Count > 5)
                {
                    _slowest.RemoveAt(5);
                }
            }
        }
    }

    private int Report(TimeSpan elapsed, List<(long Done, long Bytes)> heap)
    {
        long done = _done;
        long V(FuzzVerdict v) => _verdicts[(int)v];
        long crashes = V(FuzzVerdict.ReadCrash) + V(FuzzVerdict.ExtractCrash) + V(FuzzVerdict.WriteCrash);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        // growth: the last sample against the smallest after the first tenth (warm-up fills the lazy tables)
        long baseline = heap.Count > 1 ? heap.Skip(1).Min(h => h.Bytes) : heap[0].Bytes;
        long growth = heap[^1].Bytes - baseline;
        bool leaking = growth > options.MaxHeapGrowthBytes;

        Console.WriteLine();
        Console.WriteLine($"seed            {options.Seed}");
        Console.WriteLine($"inputs run      {done} of {options.Inputs} ({_bytes / (1 << 20)} MiB)");
        Console.WriteLine($"time            {elapsed.TotalSeconds:0.0} s, {done / elapsed.TotalSeconds:0} inputs/s");
        Console.WriteLine($"read and passed {V(FuzzVerdict.Passed)}; refused by the reader {V(FuzzVerdict.Rejected)}");
        Console.WriteLine($"crashes         {crashes} (reader {V(FuzzVerdict.ReadCrash)}, extraction {V(FuzzVerdict.ExtractCrash)}, writer {V(FuzzVerdict.WriteCrash)})");
        Console.WriteLine($"hangs           {V(FuzzVerdict.Hang)} (over {options.Timeout.TotalSeconds:0.#} s of processor time, or {options.Timeout.TotalSeconds * FuzzWorker.WallFactor:0.#} s in all)");
        Console.WriteLine($"span violations {V(FuzzVerdict.SpanViolation)}");
        Console.WriteLine($"spec violations {V(FuzzVerdict.SpecViolation)} (kinds, units, qualifiers, periods, types outside the output spec)");
        Console.WriteLine($"nondeterminism  {V(FuzzVerdict.Nondeterministic)} (one input in 16 extracted twice)");
        Console.WriteLine($"peak memory     {peak >> 20} MiB working set; heap after full GC {string.Join(", ", heap.Select(h => $"{h.Bytes >> 20}"))} MiB" +
            $" (growth {growth >> 20} MiB{(leaking ? $", over the {options.MaxHeapGrowthBytes >> 20} MiB bound" : "")})");
        Console.WriteLine($"slowest inputs  {string.Join("; ", _slowest.Select(s => $"#{s.Index} {s.Ms:0} ms ({Short(s.Recipe)})"))}");
        foreach (var (signature, count) in _failures.Signatures.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"  {count,6} x {signature}");
        }

        bool failed = crashes + V(FuzzVerdict.Hang) + V(FuzzVerdict.SpanViolation) + V(FuzzVerdict.SpecViolation) + V(FuzzVerdict.Nondeterministic) > 0 || leaking || done < options.Inputs;
        Console.WriteLine(failed ? $"FAILED: {_failures.Saved} failing inputs saved in {options.OutDir}" : "clean");
        return failed ? 1 : 0;
    }

    private static string Short(string recipe) => recipe.Length > 60 ? recipe[..60] + "…" : recipe;
}

/// <summary>
/// Shrinks a failing input by removing ever smaller chunks (of characters for a text, of bytes otherwise) while
/// it still fails with the same signature: small cases for tests/Anvil.Core.Tests/Fuzzing/cases.
/// </summary>
internal static class Minimizer
{
    public static int Run(string file, FuzzOracle oracle, TimeSpan timeout)
    {
        var input = FuzzInput.Load(file);
        using var worker = new FuzzWorker(oracle);
        var first = worker.Run(input, timeout).Outcome;
        if (!first.Failed)
        {
            Console.WriteLine($"{file}: {first.Verdict}, nothing to minimise");
            return 1;
        }

        string signature = FailureLog.Signature(first);
        Console.WriteLine($"{file}: {signature}");
        bool StillFails(FuzzInput candidate)
        {
            var outcome = worker.Run(candidate, timeout).Outcome;
            return outcome.Failed && FailureLog.Signature(outcome) == signature;
        }

        FuzzInput best;
        if (input.Text is { } text)
        {
            var units = Shrink(text.ToCharArray(), u => StillFails(input with { Text = new string(u) }));
            best = input with { Text = new string(units) };
        }
        else if (IsUtf8(input.Bytes) is { } decoded)
        {
            // text in UTF-8: shrink by characters, or removals of parts of characters would only make it undecodable
            var units = Shrink(decoded.ToCharArray(), u => StillFails(input with { Bytes = Encoding.UTF8.GetBytes(u) }));
            best = input with { Bytes = Encoding.UTF8.GetBytes(units) };
        }
        else
        {
            var units = Shrink(input.Bytes, u => StillFails(input with { Bytes = u }));
            best = input with { Bytes = units };
        }

        string stem = Path.ChangeExtension(file, null);
        stem = stem.Contains(".date-", StringComparison.Ordinal) ? stem[..stem.LastIndexOf(".date-", StringComparison.Ordinal)] : stem;
        string path = stem + ".min" + best.Extension;
        File.WriteAllBytes(path, best.Text is { } t ? Encoding.Unicode.GetBytes(t) : best.Bytes);
        var last = worker.Run(best, timeout);
        Console.WriteLine($"{input.Size} -> {best.Size} bytes: {path}");
        Console.WriteLine(FailureLog.Printable(last.Outcome.Detail));
        return 0;
    }

    private static string? IsUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static T[] Shrink<T>(T[] units, Func<T[], bool> stillFails)
    {
        int chunk = Math.Max(1, units.Length / 2);
        while (true)
        {
            bool removed = false;
            for (int at = 0; at < units.Length;)
            {
                int len = Math.Min(chunk, units.Length - at);
                T[] candidate = [.. units.AsSpan(0, at), .. units.AsSpan(at + len)];
                if (candidate.Length > 0 && stillFails(candidate))
                {
                    units = candidate;
                    removed = true;
                }
                else
                {
                    at += len;
                }
            }

            if (chunk == 1 && !removed)
            {
                return units;
            }

            chunk = Math.Max(1, removed ? chunk : chunk / 2);
        }
    }
}

/// <summary>Each hot token alone, repeated: work that grows with the square of a run shows as time that quadruples.</summary>
internal static class Floods
{
    public static int Run(int chars, FuzzOracle oracle, TimeSpan timeout)
    {
        using var worker = new FuzzWorker(oracle);
        worker.Run(FuzzInput.FromText("warm-up", "深圳2024年产业规模达3600亿元，同比增长35%。"), timeout);
        int flagged = 0;
        var tokens = HotText.Tokens.Concat(HotText.IllFormed).Concat(["三千六百", "1,000,", "深圳、北京和上海分别增长5%、6%和7%，", "《深圳》", "2024年", "1月"]).Distinct(StringComparer.Ordinal);
        foreach (string token in tokens)
        {
            var times = new List<double>();
            foreach (int n in new[] { chars, chars * 2 })
            {
                string text = string.Concat(Enumerable.Repeat(token, Math.Max(1, n / token.Length)));
                var (outcome, elapsed) = worker.Run(FuzzInput.FromText("flood", text), timeout);
                times.Add(elapsed.TotalMilliseconds);
                if (outcome.Failed)
                {
                    flagged++;
                    Console.WriteLine(FailureLog.Printable($"FAIL {Escape(token)} x{n / token.Length}: {outcome.Verdict} {outcome.Detail.Split('\n')[0]}"));
                }
            }

            bool quadratic = times[1] > 200 && times[1] > 3 * Math.Max(times[0], 20);
            flagged += quadratic ? 1 : 0;
            if (quadratic || times[1] > 1000)
            {
                Console.WriteLine(FailureLog.Printable($"{(quadratic ? "QUADRATIC" : "slow")} {Escape(token)}: {times[0]:0} ms, then {times[1]:0} ms for twice as much"));
            }
        }

        Console.WriteLine(flagged == 0 ? "floods: clean" : $"floods: {flagged} flagged");
        return flagged == 0 ? 0 : 1;
    }

    private static string Escape(string token) =>
        string.Concat(token.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
