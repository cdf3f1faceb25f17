using System.Runtime.InteropServices;
using Spean.Core.Tests.Fuzzing;

namespace Spean.Fuzz;

/// <summary>
/// One target under afl-fuzz. A broken property (anything <see cref="FuzzTarget.Check"/> throws) escapes to SharpFuzz,
/// which reports it to afl-fuzz as a crash. The out-of-process server is used because the in-process one dies with
/// afl-fuzz on the first timeout or stack overflow, and a hang in a parser is a finding we want counted, not a stop.
/// </summary>
internal static class AflRun
{
    public static void Run(FuzzTarget target)
    {
        // The seeds run once first so the lazily built state (search index, state names, the matrix template) and the
        // JIT are behind us: without it the first inputs' coverage differs from every later run's.
        foreach (var seed in target.Seeds) target.Check(seed);
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            target.Check(input.ToArray());
        });
    }

    /// <summary>
    /// Instrumented code counts edges in SharpFuzz's map, which is null until afl-fuzz's shared memory is attached: code
    /// that runs before (the warm-up, or any command of this program on an instrumented copy) counts into a scratch map.
    /// </summary>
    public static unsafe void UseScratchMap()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null) SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
    }
}
