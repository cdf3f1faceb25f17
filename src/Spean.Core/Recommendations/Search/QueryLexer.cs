namespace Spean.Core.Recommendations.Search;

internal enum LexKind { Word, Phrase, And, Or, Not, Minus, Open, Close, End }

internal readonly record struct Lexeme(LexKind Kind, string Text, int Position);

/// <summary>Why a search text cannot be read; pages say it in the reader's language from "QueryProblem.{Code}".</summary>
public enum QueryProblem
{
    TooLong,
    QuoteNotClosed,
    CloseWithoutOpen,
    NeedsWordBefore,
    TooDeep,
    EmptyGroup,
    OpenNotClosed,
    NeedsOperand,
    PrefixOfSeveralWords,
    PrefixTooShort,
    UnknownField,
    UnknownCrossField,
    UnknownSort,
    NotAPageNumber,
}

internal sealed class QueryException(QueryProblem problem, string message, params object[] arguments) : Exception(message)
{
    public Refusal Refusal { get; } = new(problem, message, arguments);
}

/// <summary>Splits query text into words, "phrases", operators and parentheses. Operators count only in capitals.</summary>
internal static class QueryLexer
{
    public static List<Lexeme> Lex(string query)
    {
        var result = new List<Lexeme>();
        int i = 0;
        while (i < query.Length)
        {
            char c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                result.Add(new(c == '(' ? LexKind.Open : LexKind.Close, c.ToString(), i++));
            }
            else if (IsQuote(c))
            {
                i = LexPhrase(query, i, result);
            }
            else if (c == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]) && query[i + 1] != '-')
            {
                result.Add(new(LexKind.Minus, "-", i++));
            }
            else
            {
                i = LexWord(query, i, result);
            }
        }
        result.Add(new(LexKind.End, "", query.Length));
        return result;
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    private static int LexPhrase(string query, int open, List<Lexeme> result)
    {
        int close = open + 1;
        while (close < query.Length && !IsQuote(query[close]))
        {
            close++;
        }
        if (close == query.Length)
        {
            throw new QueryException(QueryProblem.QuoteNotClosed, $"The quote at position {open + 1} is not closed. Add a closing \" to search for an exact phrase.", open + 1);
        }
        result.Add(new(LexKind.Phrase, query[(open + 1)..close], open));
        return close + 1;
    }

    private static int LexWord(string query, int start, List<Lexeme> result)
    {
        int end = start;
        while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not ('(' or ')') && !IsQuote(query[end]))
        {
            end++;
        }
        string word = query[start..end];
        var kind = word switch { "AND" or "&&" => LexKind.And, "OR" or "||" => LexKind.Or, "NOT" => LexKind.Not, _ => LexKind.Word };
        result.Add(new(kind, word, start));
        return end;
    }
}
