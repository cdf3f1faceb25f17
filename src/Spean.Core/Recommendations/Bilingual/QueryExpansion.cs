namespace Spean.Core.Recommendations.Bilingual;

/// <summary>A term of the query found in the glossary and the words searched beside it.</summary>
/// <param name="ToEnglish">True when a Khmer term brought in English words; false when an English term brought in Khmer ones.</param>
public sealed record ExpandedTerm(string Term, IReadOnlyList<string> Equivalents, bool ToEnglish);

/// <summary>Why a search found nothing, so the page can say what to try.</summary>
public enum EmptyResultReason
{
    /// <summary>The query has Khmer words the glossary has no English for; the recommendations are in English.</summary>
    NoEnglishKnown,

    /// <summary>Every term was translated, but no recommendation holds them all.</summary>
    NothingHasEveryTerm,
}

/// <summary>
/// What was searched for a query: the text given to the index (<see cref="Searched"/>: every Khmer term OR its English
/// equivalents, every English term OR its Khmer ones), and the English-only query a person can read and change.
/// </summary>
/// <param name="EnglishQuery">The query with each Khmer term replaced by its English words and the unknown Khmer words left out; null when the query had no Khmer term to translate.</param>
/// <param name="UnknownKhmer">Khmer words the glossary has no English for: they still match Khmer texts, but no English recommendation.</param>
public sealed record QueryExpansion(
    string Original, string Searched, string? EnglishQuery, IReadOnlyList<ExpandedTerm> Terms, IReadOnlyList<string> UnknownKhmer)
{
    public bool Changed => !string.Equals(Searched, Original, StringComparison.Ordinal);

    /// <summary>Why this query found nothing, if it found nothing.</summary>
    public EmptyResultReason? ReasonForNothing(int total) => total > 0 ? null
        : UnknownKhmer.Count > 0 ? EmptyResultReason.NoEnglishKnown
        : Terms.Any(t => t.ToEnglish) ? EmptyResultReason.NothingHasEveryTerm
        : null;

    /// <summary>An English sentence saying why nothing was found and what to try, for the API.</summary>
    public string? Explain(int total) => ReasonForNothing(total) switch
    {
        EmptyResultReason.NoEnglishKnown =>
            $"Recommendations are written in English, and no English term is known for: {string.Join(", ", UnknownKhmer)}. " +
            "Try an English word, a shorter or more common Khmer word, or the English query without those words" +
            (string.IsNullOrWhiteSpace(EnglishQuery) ? "." : $": {EnglishQuery}"),
        EmptyResultReason.NothingHasEveryTerm =>
            $"No recommendation holds every one of these English terms: {EnglishQuery}. Try fewer words, or OR between them.",
        _ => null,
    };
}
