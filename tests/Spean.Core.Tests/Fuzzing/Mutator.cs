using System.Text;

namespace Spean.Core.Tests.Fuzzing;

/// <summary>
/// A deterministic mutation fuzzer: from real seed inputs, each call makes one input by a few random edits — bit flips,
/// byte inserts and deletes, interesting numbers, repeated blocks, splicing two seeds, and tokens of the format
/// (quotes, commas, CR/LF, BOM, NUL, huge numbers, Khmer text, parentheses and NOT/AND/OR for queries). The same seed
/// gives the same inputs, so a failure reproduces from its seed and index alone.
/// </summary>
public sealed class Mutator(int seed, IReadOnlyList<byte[]> seeds, IReadOnlyList<string> tokens, int maxLength)
{
    /// <summary>Tokens every text format meets in the wild or from an attacker.</summary>
    public static readonly string[] CommonTokens =
    [
        "\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", "\uFEFF", "\0", "=", "'", "\\", "%", "%00", "&", "<", ">", "]]>",
        "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e309", "NaN", "99999999999999999999999999999999",
        "ព្រះរាជាណាចក្រកម្ពុជា", "សិទ្ធិមនុស្ស", "\u200B", "\u17D2", "\uD800", "😀", "é", "ß", "İ", "null", "true", "{}", "[]",
    ];

    private readonly Random random = new(seed);
    private readonly byte[][] tokenBytes = [.. tokens.Concat(CommonTokens).Select(Encoding.UTF8.GetBytes)];

    private static readonly int[] Interesting = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, int.MaxValue, -1, int.MinValue];

    public byte[] Next()
    {
        var input = new List<byte>(seeds[random.Next(seeds.Count)]);
        var edits = 1 + random.Next(random.Next(2) == 0 ? 3 : 12);
        for (var i = 0; i < edits; i++) Mutate(input);
        if (input.Count > maxLength) input.RemoveRange(maxLength, input.Count - maxLength);
        return [.. input];
    }

    private void Mutate(List<byte> input)
    {
        var at = input.Count == 0 ? 0 : random.Next(input.Count + 1);
        switch (random.Next(10))
        {
            case 0 when input.Count > 0:
                var bit = random.Next(input.Count);
                input[bit] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when input.Count > 0:
                input[random.Next(input.Count)] = (byte)random.Next(256);
                break;
            case 2:
                input.Insert(at, (byte)random.Next(256));
                break;
            case 3 when input.Count > 0:
                var start = random.Next(input.Count);
                input.RemoveRange(start, Math.Min(input.Count - start, 1 + random.Next(Math.Min(64, input.Count))));
                break;
            case 4 when input.Count >= 4:
                var where = random.Next(input.Count - 3);
                var value = Interesting[random.Next(Interesting.Length)];
                var bytes = BitConverter.GetBytes(random.Next(2) == 0 ? value : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value));
                for (var b = 0; b < 4; b++) input[where + b] = bytes[b];
                break;
            case 5 when input.Count > 0:
                var from = random.Next(input.Count);
                var block = input.GetRange(from, Math.Min(input.Count - from, 1 + random.Next(32))).ToArray();
                for (var r = random.Next(1, 64); r > 0; r--) input.InsertRange(at, block);
                break;
            case 6:
                var other = seeds[random.Next(seeds.Count)];
                if (other.Length == 0) break;
                var cut = random.Next(other.Length);
                input.RemoveRange(at, input.Count - at);
                input.AddRange(other.AsSpan(cut).ToArray());
                break;
            case 7 when input.Count > 0:
                var drop = random.Next(input.Count);
                input.RemoveRange(drop, input.Count - drop);
                break;
            default:
                var token = tokenBytes[random.Next(tokenBytes.Length)];
                if (random.Next(3) == 0 && input.Count >= token.Length)
                {
                    var over = random.Next(input.Count - token.Length + 1);
                    for (var t = 0; t < token.Length; t++) input[over + t] = token[t];
                }
                else input.InsertRange(at, token);
                break;
        }
    }
}
