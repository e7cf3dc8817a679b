using System.Diagnostics;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Runs the oracle on one input at a time on a thread of its own, with a time bound. A thread cannot be stopped
/// in .NET, so an input that overruns is reported as a hang and its thread abandoned (a background thread, left
/// to finish or spin); the next input gets a fresh thread. Threads have the default stack size, as the CLI's
/// worker threads do, so deep recursion fails here as it would there.
/// </summary>
internal sealed class FuzzWorker(FuzzOracle oracle) : IDisposable
{
    private Lane? _lane;

    /// <summary>How many threads were abandoned to inputs that overran.</summary>
    public int Abandoned { get; private set; }

    public (FuzzOutcome Outcome, TimeSpan Elapsed) Run(FuzzInput input, TimeSpan timeout)
    {
        var lane = _lane ??= new Lane(oracle);
        lane.Input = input;
        long started = Stopwatch.GetTimestamp();
        lane.Start.Release();
        if (!lane.Done.Wait(timeout))
        {
            lane.Abandon();
            _lane = null;
            Abandoned++;
            return (new FuzzOutcome(FuzzVerdict.Hang, $"no result within {timeout.TotalSeconds:0.#} s"), Stopwatch.GetElapsedTime(started));
        }

        return (lane.Outcome!, Stopwatch.GetElapsedTime(started));
    }

    public void Dispose()
    {
        _lane?.Stop();
        _lane = null;
    }

    /// <summary>One worker thread and the hand-over of its inputs and results.</summary>
    private sealed class Lane
    {
        private readonly FuzzOracle _oracle;
        private volatile bool _stopping;

        public Lane(FuzzOracle oracle)
        {
            _oracle = oracle;
            var thread = new Thread(Loop) { IsBackground = true, Name = "fuzz worker" };
            thread.Start();
        }

        public SemaphoreSlim Start { get; } = new(0);

        public SemaphoreSlim Done { get; } = new(0);

        public FuzzInput? Input { get; set; }

        public FuzzOutcome? Outcome { get; private set; }

        public void Abandon() => _stopping = true; // the thread ends after its current input, if it ever finishes it

        public void Stop()
        {
            _stopping = true;
            Start.Release();
        }

        private void Loop()
        {
            while (true)
            {
                Start.Wait();
                if (_stopping)
                {
                    return;
                }

                Outcome = _oracle.Check(Input!);
                Done.Release();
                if (_stopping)
                {
                    return;
                }
            }
        }
    }
}
