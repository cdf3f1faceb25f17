using System.Runtime.InteropServices;

namespace Spean.Search.Bench;

/// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): unlike wall time it does not grow when other processes take the cores.</summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    public static double Milliseconds()
    {
        ClockGetTime(ThreadCpuTime, out var t);
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }
}
