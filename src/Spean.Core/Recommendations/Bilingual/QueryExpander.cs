using System.Text;
using Spean.Core.Recommendations.Search;

namespace Spean.Core.Recommendations.Bilingual;

/// <summary>
/// Rewrites a search so that Khmer terms also find the English recommendations that speak of them and English terms
/// also find Khmer texts: "ដីធ្លី" becomes ("ដីធ្លី" OR land OR landholding). Khmer runs are split by the segmenter and
/// matched against the glossary longest term first, so "សិទ្ធិលើដីធ្លី" is one term (land rights), not two. Operators,
/// groups, prefixes and exclusions keep their meaning: an excluded term is excluded with its equivalents.
/// </summary>
public sealed class QueryExpander(BilingualGlossary glossary, Func<string, IEnumerable<string>> khmerSegmenter)
{
    private const int MaxSearchedLength = 2000;

    /// <summary>Khmer words that carry no topic (and, of, in, the nominaliser ការ …): left out when the glossary does not know them.</summary>
    private static readonly HashSet<string> KhmerFunctionWords = new(StringComparer.Ordinal)
    {
        "និង", "នៃ", "របស់", "ក្នុង", "នៅ", "លើ", "ពី", "ដោយ", "ជា", "ដែល", "សម្រាប់", "ការ", "សេចក្តី", "សេចក្ដី", "ភាព",
        "អំពី", "ពីការ", "ចំពោះ", "ទៅ", "មក", "ឬ", "ទាំង", "អស់", "ទាំងអស់", "មាន", "គឺ", "ត្រូវ", "បាន", "ពួក", "នូវ", "ឲ្យ", "ឱ្យ",
        "ផង", "ដែរ", "នេះ", "នោះ", "ទេ", "តើ", "អ្វី", "ណា", "ខ្លះ", "ទៀត", "ចំនួន", "រឿង", "បញ្ហា", "ស្តីពី", "ស្ដីពី", "ពាក់ព័ន្ធ",
    };

    public QueryExpansion? Expand(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        List<Lexeme> lexemes;
        try
        {
            lexemes = QueryLexer.Lex(text);
        }
        catch (QueryException)
        {
            return null; // the index's parser says what is wrong with it
        }
        var state = new State();
        var searched = new List<string>();
        var english = new List<string>();
        var i = 0;
        while (lexemes[i].Kind != LexKind.End)
        {
            var lexeme = lexemes[i];
            var negated = i > 0 && lexemes[i - 1].Kind is LexKind.Minus or LexKind.Not;
            if (lexeme.Kind is LexKind.Word && !lexeme.Text.EndsWith('*'))
            {
                var end = i + 1;
                while (!negated && lexemes[end].Kind == LexKind.Word && !lexemes[end].Text.EndsWith('*')) end++;
                var (s, e) = Run(lexemes.GetRange(i, end - i).Select(l => l.Text).ToList(), state);
                searched.Add(negated && s.Count > 1 ? $"({string.Join(' ', s)})" : string.Join(' ', s));
                english.Add(negated && e.Count > 1 ? $"({string.Join(' ', e)})" : string.Join(' ', e));
                i = end;
                continue;
            }
            var (one, oneEnglish) = lexeme.Kind == LexKind.Phrase ? Phrase(lexeme.Text, state) : (Operator(lexeme), Operator(lexeme));
            searched.Add(one);
            english.Add(oneEnglish);
            i++;
        }
        var searchedText = Join(searched);
        if (state.Terms.Count == 0 && state.Unknown.Count == 0 || searchedText.Length > MaxSearchedLength)
            return new QueryExpansion(text, text, null, [], []);
        var englishQuery = state.Terms.Any(t => t.ToEnglish) || state.Unknown.Count > 0 ? Tidy(english) : null;
        return new QueryExpansion(text, state.Terms.Count == 0 ? text : searchedText, englishQuery, state.Terms, state.Unknown.Distinct().ToList());
    }

    private sealed class State
    {
        public List<ExpandedTerm> Terms { get; } = [];
        public List<string> Unknown { get; } = [];
    }

    private static string Operator(Lexeme lexeme) => lexeme.Kind switch
    {
        LexKind.And => "AND",
        LexKind.Or => "OR",
        LexKind.Not => "NOT",
        LexKind.Minus => "-",
        _ => lexeme.Text,
    };

    /// <summary>Consecutive plain words: Khmer and English stretches are matched against the glossary separately.</summary>
    private (List<string> Searched, List<string> English) Run(List<string> words, State state)
    {
        var searched = new List<string>();
        var english = new List<string>();
        var start = 0;
        while (start < words.Count)
        {
            var khmer = HasKhmer(words[start]);
            var end = start + 1;
            while (end < words.Count && HasKhmer(words[end]) == khmer) end++;
            var stretch = words.GetRange(start, end - start);
            var (s, e) = khmer ? KhmerStretch(stretch, state) : EnglishStretch(stretch, state);
            searched.AddRange(s);
            english.AddRange(e);
            start = end;
        }
        return (searched, english);
    }

    private (List<string>, List<string>) KhmerStretch(List<string> words, State state)
    {
        var tokens = words.SelectMany(w => khmerSegmenter(w)).Select(t => t.Trim('\u200B')).Where(t => t.Length > 0).ToList();
        var searched = new List<string>();
        var english = new List<string>();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            IReadOnlyList<string> equivalents = [];
            var key = "";
            for (var j = i; j < tokens.Count; j++)
            {
                key += BilingualGlossary.KhmerKey(tokens[j]);
                if (key.Length > glossary.LongestKhmer) break;
                if (glossary.EnglishFor(key) is { Count: > 0 } found)
                {
                    matched = j - i + 1;
                    equivalents = found;
                }
            }
            if (matched > 0)
            {
                var term = string.Concat(tokens.GetRange(i, matched));
                state.Terms.Add(new ExpandedTerm(term, equivalents, ToEnglish: true));
                searched.Add($"(\"{term}\" OR {string.Join(" OR ", equivalents.Select(EnglishAlternative))})");
                english.Add(equivalents.Count == 1 ? EnglishAlternative(equivalents[0]) : $"({string.Join(" OR ", equivalents.Select(EnglishAlternative))})");
                i += matched;
                continue;
            }
            var token = tokens[i++];
            if (!HasKhmer(token))
            {
                searched.Add(token);
                english.Add(token);
            }
            else if (!KhmerFunctionWords.Contains(token))
            {
                state.Unknown.Add(token);
                searched.Add(token);
            }
        }
        return (searched, english);
    }

    private (List<string>, List<string>) EnglishStretch(List<string> words, State state)
    {
        var searched = new List<string>();
        var i = 0;
        while (i < words.Count)
        {
            var matched = 0;
            IReadOnlyList<string> equivalents = [];
            for (var j = i; j < words.Count && j - i < glossary.LongestEnglish; j++)
            {
                if (glossary.KhmerFor(string.Join(' ', words.GetRange(i, j - i + 1))) is { Count: > 0 } found)
                {
                    matched = j - i + 1;
                    equivalents = found;
                }
            }
            if (matched == 0)
            {
                searched.Add(words[i++]);
                continue;
            }
            var term = string.Join(' ', words.GetRange(i, matched));
            state.Terms.Add(new ExpandedTerm(term, equivalents, ToEnglish: false));
            var original = matched == 1 ? term : $"({term})";
            searched.Add($"({original} OR {string.Join(" OR ", equivalents.Select(k => $"\"{k}\""))})");
            i += matched;
        }
        return (searched, words);
    }

    private (string, string) Phrase(string phrase, State state)
    {
        var quoted = $"\"{phrase}\"";
        if (HasKhmer(phrase))
        {
            if (glossary.EnglishFor(phrase) is { Count: > 0 } english)
            {
                state.Terms.Add(new ExpandedTerm(phrase, english, ToEnglish: true));
                var alternatives = string.Join(" OR ", english.Select(EnglishAlternative));
                return ($"({quoted} OR {alternatives})", english.Count == 1 ? alternatives : $"({alternatives})");
            }
            state.Unknown.Add(phrase);
            return (quoted, "");
        }
        if (glossary.KhmerFor(phrase) is { Count: > 0 } khmer)
        {
            state.Terms.Add(new ExpandedTerm(phrase, khmer, ToEnglish: false));
            return ($"({quoted} OR {string.Join(" OR ", khmer.Select(k => $"\"{k}\""))})", quoted);
        }
        return (quoted, quoted);
    }

    /// <summary>An English equivalent as query text: a word, or its words grouped, so "forced eviction" needs both but not side by side.</summary>
    private static string EnglishAlternative(string english)
    {
        var words = BilingualGlossary.EnglishWords(english).Select(w => w.TrimStart('-')).Where(w => w.Length > 0).ToList();
        return words.Count == 1 ? words[0] : $"({string.Join(' ', words)})";
    }

    private static bool HasKhmer(string text) => text.Any(TextAnalyzer.IsKhmer);

    private static string Join(List<string> pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces.Where(p => p.Length > 0))
        {
            if (text.Length > 0 && text[^1] != '-' && text[^1] != '(' && piece != ")") text.Append(' ');
            text.Append(piece);
        }
        return text.ToString();
    }

    /// <summary>The English query once unknown Khmer words are left out: no operator is left without a word on each side.</summary>
    private static string Tidy(List<string> pieces)
    {
        var kept = pieces.Where(p => p.Length > 0).ToList();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < kept.Count; i++)
            {
                var piece = kept[i];
                var previous = i > 0 ? kept[i - 1] : null;
                var next = i + 1 < kept.Count ? kept[i + 1] : null;
                var binary = piece is "AND" or "OR";
                var unary = piece is "NOT" or "-";
                if (binary && (previous is null or "(" or "AND" or "OR" or "NOT" or "-" || next is null or ")" or "AND" or "OR")
                    || unary && next is null or ")" or "AND" or "OR"
                    || piece == "(" && next == ")")
                {
                    kept.RemoveAt(i);
                    if (piece == "(") kept.RemoveAt(i);
                    changed = true;
                    break;
                }
            }
        }
        while (changed);
        // One alternative group alone needs no parentheses: "land OR landholding" reads better.
        if (kept.Count == 1 && kept[0].StartsWith('(') && kept[0].EndsWith(')') && kept[0].Count(c => c == '(') == 1 && kept[0].Contains(" OR ", StringComparison.Ordinal))
            return kept[0][1..^1];
        return Join(kept);
    }
}
