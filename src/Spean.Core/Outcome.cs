using System.Diagnostics.CodeAnalysis;

namespace Spean.Core;

/// <summary>
/// What an operation that may refuse gives back: its value, or why not — one <see cref="Refusal"/>, or one per field
/// for a form. The one shape for every such operation, so pages say refusals in the reader's language and the API
/// turns them into the same ProblemDetails, whatever the module.
/// </summary>
public sealed class Outcome<T>
{
    internal Outcome(T? value, IReadOnlyList<Refusal> refusals)
    {
        Value = value;
        Refusals = refusals;
    }

    public T? Value { get; }
    public IReadOnlyList<Refusal> Refusals { get; }

    [MemberNotNullWhen(false, nameof(Value))]
    public bool Refused => Refusals.Count > 0;

    /// <summary>The first refusal, for operations that refuse for one reason at a time.</summary>
    public Refusal? Refusal => Refused ? Refusals[0] : null;

    /// <summary><c>var (report, refusal) = await importer.ImportAsync(…)</c>: the value, or the first refusal.</summary>
    public void Deconstruct(out T? value, out Refusal? refusal)
    {
        value = Value;
        refusal = Refusal;
    }

    public static implicit operator Outcome<T>(T value) => new(value, []);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, [refusal]);
}

public static class Outcome
{
    /// <summary>Refused for several reasons at once, such as a form with more than one field at fault.</summary>
    public static Outcome<T> Refuse<T>(IReadOnlyList<Refusal> refusals) =>
        refusals.Count > 0 ? new(default, refusals) : throw new ArgumentException("A refusal needs at least one reason.", nameof(refusals));
}
