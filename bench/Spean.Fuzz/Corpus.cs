using System.Text;
using Spean.Core.Tests.Fuzzing;

namespace Spean.Fuzz;

/// <summary>
/// The starting corpus afl-fuzz mutates: the same seeds as the deterministic <see cref="Mutator"/> (shipped UPR CSV
/// lines, OHCHR matrices, evidence samples, query strings), and the target's format tokens as an AFL dictionary.
/// </summary>
internal static class Corpus
{
    /// <summary>afl-fuzz refuses dictionary entries longer than this (MAX_DICT_FILE) and starting inputs over 1 MiB.</summary>
    private const int MaxToken = 128;
    private const int MaxSeed = 1024 * 1024;

    public static int Write(FuzzTarget target, string folder, string dictionary)
    {
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var (seed, n) in target.Seeds.Select((s, n) => (s, n)))
        {
            if (seed.Length > MaxSeed)
            {
                Console.Error.WriteLine($"{target.Name}: seed {n} is {seed.Length:N0} bytes, over afl-fuzz's 1 MiB; left out");
                continue;
            }
            File.WriteAllBytes(Path.Combine(folder, $"seed-{n:00}.bin"), seed);
            written++;
        }
        var tokens = target.Tokens.Concat(Mutator.CommonTokens).Select(Encoding.UTF8.GetBytes).Where(t => t.Length is > 0 and <= MaxToken);
        File.WriteAllLines(dictionary, tokens.Select((t, n) => $"token_{n}=\"{Escape(t)}\""));
        Console.WriteLine($"{target.Name}: {written} seeds in {folder}, dictionary {dictionary}");
        return written > 0 ? 0 : 1;
    }

    private static string Escape(byte[] token)
    {
        var text = new StringBuilder();
        foreach (var b in token)
            text.Append(b is >= 0x20 and < 0x7F && b != '"' && b != '\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        return text.ToString();
    }
}
