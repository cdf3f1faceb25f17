using System.Text;

namespace Spean.Core.Recommendations.Classification;

/// <summary>Splits recommendation text into lower-case word tokens; shared by both models.</summary>
public static class Tokenizer
{
    private static readonly string[] Suffixes = ["ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "e"];

    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var word = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (IsApostrophe(c) && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "women's" -> "women": the possessive carries no meaning here; "don't" -> "dont".
                if (char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                {
                    i++;
                }
            }
            else
            {
                Flush(word, tokens);
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    /// <summary>A crude suffix stripper, so that inflections meet: "ratifies" and "ratified" give "ratif", "ratifying" gives "ratify".</summary>
    public static string Stem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        foreach (var suffix in Suffixes)
        {
            if (token.Length - suffix.Length >= 4 && token.EndsWith(suffix, StringComparison.Ordinal))
            {
                return token[..^suffix.Length];
            }
        }

        return token;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
    }
}
