using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Spean.Core.Recommendations;

namespace Spean.Core.Implementation.Matrix;

/// <summary>The content patterns of a matrix's cells.</summary>
internal static partial class MatrixText
{
    public static (string Number, string Remainder)? ParagraphNumber(string text)
    {
        var match = ParagraphPattern().Match(text);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value.Trim()) : null;
    }

    /// <summary>"A/HRC/59/15/Add.1 - Para.3" from "Source of Position: A/HRC/59/15/Add.1 - Para.3"; empty when the line holds the label alone.</summary>
    public static string? PositionSource(string line)
    {
        var match = SourcePattern().Match(line);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    public static string? ThemeHeading(string line)
    {
        var match = ThemePattern().Match(line);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>
    /// The State's position as OHCHR and earlier matrices write it. "Supported/Noted" (partly supported) counts
    /// as noted: the State did not accept the whole recommendation.
    /// </summary>
    public static RecommendationResponse? Position(string text)
    {
        var words = Regex.Replace(text.ToLowerInvariant(), @"[^\p{L}/ ]+", " ").Trim();
        words = string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return words switch
        {
            "supported" or "accepted" or "support" or "accept" or "fully supported" => RecommendationResponse.Supported,
            "noted" or "rejected" or "not supported" or "not accepted" or "partially supported" or "supported/noted"
                or "supported / noted" or "partially accepted" => RecommendationResponse.Noted,
            "pending" or "deferred" or "under consideration" => RecommendationResponse.Pending,
            _ => null,
        };
    }

    public static (MatrixRole? Section, string Remainder) SectionMarker(string line)
    {
        var match = SectionPattern().Match(line.Trim());
        if (!match.Success) return (null, "");
        var name = match.Groups[1].Value.ToLowerInvariant();
        var section = name.StartsWith("sdg", StringComparison.Ordinal) || name.StartsWith("sustainable", StringComparison.Ordinal) ? MatrixRole.Sdgs
            : name.Contains("theme") ? MatrixRole.Themes
            : MatrixRole.Affected;
        return (section, match.Groups[2].Value.Trim());
    }

    public static string ListItem(string line) => line.Trim().TrimStart('-', '•', '–', '—', '*', '·', ' ').Trim();

    /// <summary>The goal of "16 - PEACE, JUSTICE ...", "Goal 5" or, in an SDG cell, a bare "16"; null when not 1 to 17.</summary>
    /// <param name="strict">Outside an SDG cell only "number - NAME" counts, so a theme starting with a number is no goal.</param>
    public static int? SdgGoal(string item, bool strict)
    {
        var match = (strict ? StrictGoalPattern() : GoalPattern()).Match(item);
        var number = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        return match.Success && int.TryParse(number, CultureInfo.InvariantCulture, out var goal) && goal is >= 1 and <= 17 ? goal : null;
    }

    /// <summary>
    /// The recommendation without its recommending States, and those States: the parenthesised groups that end the
    /// text or a ";"-separated part of it, "(France) (Lithuania)" and "(Portugal, Slovakia)" alike. A group counts when
    /// its names are States, so "(No. 29)" stays in the text; the last group counts even for an unknown name, as an
    /// observer or a new spelling would be.
    /// </summary>
    public static (string Text, IReadOnlyList<string> States) SplitStates(string text, Func<string, bool> isState)
    {
        var body = text.Trim().TrimEnd('.', ';', ',', ' ');
        var (kept, last) = TrailingStates(body, isState, lenient: true);
        if (last.Count == 0) return (body, []);
        var states = new List<string>();
        // Earlier parts of a double recommendation end in their own States: "... (Ukraine); Increase ... (Slovakia)".
        foreach (var part in SplitTopLevel(kept, ';'))
            states.AddRange(TrailingStates(part, isState, lenient: false).States);
        states.AddRange(last);
        return (kept, states.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static (string Text, List<string> States) TrailingStates(string text, Func<string, bool> isState, bool lenient)
    {
        var states = new List<string>();
        var rest = text.TrimEnd('.', ';', ',', ' ');
        var first = true;
        while (rest.EndsWith(')'))
        {
            var open = MatchingOpen(rest);
            if (open < 0) break;
            var names = SplitTopLevel(rest[(open + 1)..^1], ',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            if (names.Count == 0) break;
            var known = names.All(isState) || (lenient && first && names.All(LooksLikeName));
            if (!known)
            {
                // "Portugal, Slovakia" or a name with a comma of its own ("Korea, Republic of").
                var whole = rest[(open + 1)..^1].Trim();
                if (isState(whole) || (lenient && first && LooksLikeName(whole))) names = [whole];
                else break;
            }
            states.InsertRange(0, names);
            rest = rest[..open].TrimEnd(' ', ',');
            first = false;
        }
        return (rest, states);
    }

    private static bool LooksLikeName(string name) =>
        name.Length is > 1 and <= 80 && char.IsUpper(name[0]) && !name.Any(char.IsDigit) && !name.Contains("see ", StringComparison.OrdinalIgnoreCase);

    private static int MatchingOpen(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')') depth++;
            else if (text[i] == '(' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth = Math.Max(0, depth - 1);
            else if (text[i] == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Texts equal but for case, spacing, punctuation and quotes: how a recommendation is known again in other sources.</summary>
    public static string Normalise(string text)
    {
        var normalised = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) normalised.Append(char.ToLowerInvariant(c));
            else if (normalised.Length > 0 && normalised[^1] != ' ') normalised.Append(' ');
        }
        return normalised.ToString().Trim();
    }

    public static bool SameText(string a, string b) => Normalise(a) == Normalise(b);

    [GeneratedRegex(@"^\s*(\d{1,3}(?:\.\d{1,3}){1,2})\.?(?:\s+|$)(.*)$", RegexOptions.Singleline)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"^\s*source\s+of\s+(?:the\s+)?position\s*:?\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"^\s*(?:theme|cluster|thematic\s+area)\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThemePattern();

    [GeneratedRegex(@"^(sdgs?|sustainable development goals?|affected persons(?: and groups)?|groups? of persons|persons affected|affected groups|themes?|human rights themes)\s*:\s*(.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^(?:goal\s*|sdg\s*)?(\d{1,2})(?:\s*[-–:.]\s*\S.*|\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex GoalPattern();

    [GeneratedRegex(@"^(?:(?:[Gg]oal|SDG|Sdg)\s*(\d{1,2})\b.*|(\d{1,2})\s*[-–]\s*\p{Lu}{2}.*)$")]
    private static partial Regex StrictGoalPattern();
}
