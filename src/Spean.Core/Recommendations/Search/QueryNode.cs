namespace Spean.Core.Recommendations.Search;

/// <summary>Parsed text query. Words are kept as normalised surface forms; they become terms at evaluation.</summary>
internal abstract record QueryNode;

internal sealed record TermNode(string Surface) : QueryNode;

internal sealed record PrefixNode(string Prefix) : QueryNode;

internal sealed record PhraseNode(IReadOnlyList<string> Surfaces) : QueryNode;

internal sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

internal sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

internal sealed record NotNode(QueryNode Child) : QueryNode;
