namespace Spean.Core.Recommendations.Search;

internal readonly record struct ParsedQuery(QueryNode? Root, Refusal? Error);

/// <summary>
/// Recursive descent over: or := and (OR and)*; and := unary ([AND] unary)*; unary := (NOT|-) unary | primary;
/// primary := ( or ) | "phrase" | word | prefix*. Malformed input yields a message, never an exception.
/// Words that hold no indexable characters are dropped.
/// </summary>
internal sealed class QueryParser
{
    private const int MaxLength = 2000;
    private const int MaxDepth = 32;
    private readonly TextAnalyzer analyzer;
    private readonly List<Lexeme> lexemes;
    private int next;
    private int depth;

    private QueryParser(TextAnalyzer analyzer, List<Lexeme> lexemes)
    {
        this.analyzer = analyzer;
        this.lexemes = lexemes;
    }

    public static ParsedQuery Parse(string? text, TextAnalyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, null);
        }
        if (text.Length > MaxLength)
        {
            return new(null, new Refusal(QueryProblem.TooLong, $"The search text is too long (over {MaxLength} characters).", MaxLength));
        }
        try
        {
            var parser = new QueryParser(analyzer, QueryLexer.Lex(text));
            var root = parser.ParseOr();
            var rest = parser.Peek;
            if (rest.Kind != LexKind.End)
            {
                throw new QueryException(QueryProblem.CloseWithoutOpen, $"The ')' at position {rest.Position + 1} has no matching '('.", rest.Position + 1);
            }
            return new(root, null);
        }
        catch (QueryException e)
        {
            return new(null, e.Refusal);
        }
    }

    private Lexeme Peek => lexemes[next];

    private Lexeme Next() => lexemes[next++];

    private bool AtOperandEnd => Peek.Kind is LexKind.End or LexKind.Close or LexKind.Or or LexKind.And;

    private QueryNode? ParseOr()
    {
        var children = new List<QueryNode?> { ParseAnd() };
        while (Peek.Kind == LexKind.Or)
        {
            var op = Next();
            RequireOperand(op, "OR");
            children.Add(ParseAnd());
        }
        return Combine(children, nodes => new OrNode(nodes));
    }

    private QueryNode? ParseAnd()
    {
        if (Peek.Kind is LexKind.Or or LexKind.And)
        {
            throw new QueryException(QueryProblem.NeedsWordBefore, $"{Peek.Text} at position {Peek.Position + 1} needs a word before it.", Peek.Text, Peek.Position + 1);
        }
        var children = new List<QueryNode?>();
        while (Peek.Kind is not (LexKind.End or LexKind.Close or LexKind.Or))
        {
            if (Peek.Kind == LexKind.And)
            {
                RequireOperand(Next(), "AND");
                continue;
            }
            children.Add(ParseUnary());
        }
        return Combine(children, nodes => new AndNode(nodes));
    }

    private QueryNode? ParseUnary()
    {
        if (Peek.Kind is not (LexKind.Not or LexKind.Minus))
        {
            return ParsePrimary();
        }
        var op = Next();
        RequireOperand(op, op.Kind == LexKind.Not ? "NOT" : "'-'");
        var child = ParseUnary();
        return child is null ? null : new NotNode(child);
    }

    private QueryNode? ParsePrimary()
    {
        var lexeme = Next();
        return lexeme.Kind switch
        {
            LexKind.Open => ParseGroup(lexeme),
            LexKind.Close => throw new QueryException(QueryProblem.CloseWithoutOpen, $"The ')' at position {lexeme.Position + 1} has no matching '('.", lexeme.Position + 1),
            LexKind.Phrase => Words(lexeme.Text),
            _ => lexeme.Text.EndsWith('*') ? Prefix(lexeme.Text) : Words(lexeme.Text),
        };
    }

    private QueryNode? ParseGroup(Lexeme open)
    {
        if (++depth > MaxDepth)
        {
            throw new QueryException(QueryProblem.TooDeep, $"Too many nested parentheses (more than {MaxDepth}).", MaxDepth);
        }
        if (Peek.Kind == LexKind.Close)
        {
            throw new QueryException(QueryProblem.EmptyGroup, $"The parentheses at position {open.Position + 1} are empty.", open.Position + 1);
        }
        var inner = ParseOr();
        if (Next().Kind != LexKind.Close)
        {
            throw new QueryException(QueryProblem.OpenNotClosed, $"The '(' at position {open.Position + 1} is not closed. Add a ')'.", open.Position + 1);
        }
        depth--;
        return inner;
    }

    private void RequireOperand(Lexeme op, string name)
    {
        if (AtOperandEnd)
        {
            throw new QueryException(QueryProblem.NeedsOperand, $"{name} at position {op.Position + 1} needs a word, phrase or group after it.", name, op.Position + 1);
        }
    }

    private QueryNode? Words(string text)
    {
        var surfaces = Surfaces(text);
        return surfaces.Count switch
        {
            0 => null,
            1 => new TermNode(surfaces[0]),
            _ => new PhraseNode(surfaces),
        };
    }

    private PrefixNode Prefix(string word)
    {
        var surfaces = Surfaces(word.TrimEnd('*'));
        if (surfaces.Count > 1)
        {
            throw new QueryException(QueryProblem.PrefixOfSeveralWords, $"A prefix search works on one word; \"{word}\" has several.", word);
        }
        if (surfaces.Count == 0 || surfaces[0].Length < 2)
        {
            throw new QueryException(QueryProblem.PrefixTooShort, $"A prefix search needs at least 2 letters before '*' (\"{word}\").", word);
        }
        return new PrefixNode(surfaces[0]);
    }

    private List<string> Surfaces(string text)
    {
        var surfaces = new List<string>();
        analyzer.Tokenize(text, (surface, _, _) => surfaces.Add(new string(surface)));
        return surfaces;
    }

    private static QueryNode? Combine(List<QueryNode?> children, Func<IReadOnlyList<QueryNode>, QueryNode> make)
    {
        var present = children.OfType<QueryNode>().ToList();
        return present.Count switch { 0 => null, 1 => present[0], _ => make(present) };
    }
}
