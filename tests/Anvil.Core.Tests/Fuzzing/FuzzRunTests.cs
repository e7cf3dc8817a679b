using System.Diagnostics;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// The short fuzz run of every <c>dotnet test</c>: a few hundred generated and mutated inputs (random bytes, real
/// documents mutated in every encoding, splices, HTML, PDFs, texts given to the pipeline directly), each under a
/// time bound; then no document or analysis may stay reachable once its input is done. <c>bench/fuzz.sh</c> runs
/// the same generators and checks over 100,000 inputs. ANVIL_FUZZ_SEED picks other inputs for this run.
/// </summary>
public sealed class FuzzRunTests
{
    private const int Inputs = 1000;

    private static readonly GeneratorLimits Small = new() { MaxSize = 16 * 1024, LongLineEvery = 0, MaxHtmlDepth = 500 };

    [Fact]
    public void Generated_and_mutated_inputs_keep_every_property_and_free_their_memory()
    {
        var generator = new InputGenerator(FuzzHarness.Corpus, FuzzHarness.Seed, Small);
        var seen = new List<WeakReference>();
        var oracle = new FuzzOracle(FuzzHarness.Reader, FuzzHarness.Pipeline)
        {
            Observe = analysis =>
            {
                lock (seen)
                {
                    seen.Add(new WeakReference(analysis));
                }
            },
        };

        var clock = Stopwatch.StartNew();
        string failures = FuzzHarness.RunAll(
            Enumerable.Range(0, Inputs).Select(i => ($"seed-{FuzzHarness.Seed}-input-{i}", generator.Make(i))), oracle: oracle);
        Assert.True(failures.Length == 0,
            $"re-run one with: dotnet bench/Anvil.Fuzz/bin/Release/net10.0/Anvil.Fuzz.dll --seed {FuzzHarness.Seed} --save-index I " +
            "(with the same --seeds), or --replay the saved file\n" + failures);
        Assert.True(seen.Count > Inputs / 4, $"only {seen.Count} of {Inputs} inputs were read: the generators have gone wrong");

        // memory stays bounded: no input's document or analysis is kept once it is done (a cache that grows
        // with every document would keep them). The last one or two may still sit on the worker thread's stack.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int alive = seen.Count(w => w.IsAlive);
        Assert.True(alive <= 2, $"{alive} of {seen.Count} analyses are still reachable after a full collection");
        TestContext.Current.SendDiagnosticMessage($"{Inputs} fuzz inputs in {clock.ElapsedMilliseconds} ms");
    }
}
