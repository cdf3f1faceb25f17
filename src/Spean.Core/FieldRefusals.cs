namespace Spean.Core;

/// <summary>
/// A form's refusals gathered while checking its input, at most one per field (the first problem found), so the
/// person sees one thing to change beside each field.
/// </summary>
public sealed class FieldRefusals
{
    private readonly List<Refusal> refusals = [];

    public int Count => refusals.Count;

    public IReadOnlyList<Refusal> All => refusals;

    public FieldRefusals Add(string field, Enum code, string message, params object[] arguments)
    {
        if (refusals.TrueForAll(r => r.Field != field)) refusals.Add(new Refusal(code, message, arguments) { Field = field });
        return this;
    }
}
