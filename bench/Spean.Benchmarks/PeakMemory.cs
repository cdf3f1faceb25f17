using System.Diagnostics;

namespace Spean.Search.Bench;

/// <summary>The process's peak resident set (VmHWM), which Linux lets a process reset so each part of the run gets its own peak.</summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static double MiB
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64 / 1048576.0;
        }
    }
}
