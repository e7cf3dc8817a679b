using System.Diagnostics;
using System.Globalization;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Runs the oracle on one input at a time on a thread of its own, with a time bound. The bound is on the
/// processor time of that thread where Linux tells it (/proc), so that a machine busy with other work does not
/// make a slow input look hung; a blocked thread (which uses no processor time) is caught when its processor time
/// has not moved for <see cref="WallFactor"/> times the bound of wall-clock time. A thread that is merely waiting
/// for a core on a loaded machine still gets some time in that span, so it is not taken for blocked. A thread cannot be stopped in .NET, so an input that overruns is
/// reported as a hang and its thread abandoned (a background thread, left to finish or spin); the next input gets
/// a fresh thread. Threads have the default stack size, as the CLI's worker threads do, so deep recursion fails
/// here as it would there.
/// </summary>
internal sealed class FuzzWorker(FuzzOracle oracle) : IDisposable
{
    public const int WallFactor = 5;

    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    private Lane? _lane;

    /// <summary>How many threads were abandoned to inputs that overran.</summary>
    public int Abandoned { get; private set; }

    /// <summary>Runs one input; Elapsed is the worker thread's processor time where known, else wall-clock time.</summary>
    public (FuzzOutcome Outcome, TimeSpan Elapsed) Run(FuzzInput input, TimeSpan timeout)
    {
        var lane = _lane ??= new Lane(oracle);
        lane.Input = input;
        long started = Stopwatch.GetTimestamp();
        var cpuAtStart = lane.ProcessorTime();
        var cpuSeen = cpuAtStart;
        long progressed = started;
        lane.Start.Release();
        while (!lane.Done.Wait(Slice))
        {
            var wall = Stopwatch.GetElapsedTime(started);
            var cpuNow = lane.ProcessorTime();
            var cpu = cpuNow - cpuAtStart;
            if (cpuNow != cpuSeen)
            {
                cpuSeen = cpuNow;
                progressed = Stopwatch.GetTimestamp();
            }

            bool stalled = Stopwatch.GetElapsedTime(progressed) > timeout * WallFactor;
            if ((cpuAtStart is null && wall > timeout) || cpu > timeout || stalled)
            {
                lane.Abandon();
                _lane = null;
                Abandoned++;
                string what = cpu is { } c ? $"{c.TotalSeconds:0.#} s of processor time, {wall.TotalSeconds:0.#} s in all" : $"{wall.TotalSeconds:0.#} s";
                return (new FuzzOutcome(FuzzVerdict.Hang, $"no result within the bound of {timeout.TotalSeconds:0.#} s: {what}"), cpu ?? wall);
            }
        }

        var elapsed = lane.ProcessorTime() - cpuAtStart ?? Stopwatch.GetElapsedTime(started);
        return (lane.Outcome!, elapsed);
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
        private readonly TaskCompletionSource<string?> _statPathOfThread = new();
        private readonly string? _statPath;
        private volatile bool _stopping;

        public Lane(FuzzOracle oracle)
        {
            _oracle = oracle;
            var thread = new Thread(Loop) { IsBackground = true, Name = "fuzz worker" };
            thread.Start();
            _statPath = _statPathOfThread.Task.GetAwaiter().GetResult();
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

        /// <summary>User and system time of the worker thread (Linux), null where it cannot be read.</summary>
        public TimeSpan? ProcessorTime()
        {
            if (_statPath is null)
            {
                return null;
            }

            try
            {
                // fields after the command name in parentheses: state is the 3rd field, utime the 14th, stime the 15th
                string stat = File.ReadAllText(_statPath);
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        private void Loop()
        {
            // /proc/thread-self links to <pid>/task/<tid>: this thread's own statistics
            string? link = OperatingSystem.IsLinux() ? new FileInfo("/proc/thread-self").LinkTarget : null;
            _statPathOfThread.SetResult(link is null ? null : Path.Combine("/proc", link, "stat"));
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
