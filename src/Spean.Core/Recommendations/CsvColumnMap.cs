namespace Spean.Core.Recommendations;

public enum ColumnMapProblem
{
    NotAPair,
    UnknownField,
    MappedTwice,
    RequiredMissing,
}

/// <summary>Which CSV column holds which field of a recommendation: UPR Info's export, or a map given as field=Column pairs.</summary>
public sealed class CsvColumnMap
{
    /// <summary>The fields a map can name.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["text", "sur", "from", "session", "response", "cycle", "date", "action", "issues", "sdgs", "source", "paragraph", "textKm"];

    private static readonly string[] RequiredFields = ["text", "sur", "from", "session"];

    /// <summary>UPR Info's export; regional groups and organisations are read for the benchmark, not stored.</summary>
    public static CsvColumnMap UprInfo { get; } = new(
        new Dictionary<string, string>
        {
            ["sur"] = "To", ["surGroup"] = "To-Rgrp", ["surOrg"] = "To-Org", ["text"] = "Text", ["from"] = "From",
            ["fromGroup"] = "From-Rgrp", ["fromOrg"] = "From-Org", ["response"] = "Response", ["action"] = "Action",
            ["issues"] = "Issue", ["session"] = "Session", ["cycle"] = "Cycle",
        },
        optionalFields: ["surGroup", "surOrg", "fromGroup", "fromOrg", "cycle"]);

    private CsvColumnMap(Dictionary<string, string> columns, IReadOnlyCollection<string> optionalFields)
    {
        Columns = columns;
        Fields = columns.Keys.ToHashSet();
        RequiredColumns = columns.Where(c => !optionalFields.Contains(c.Key)).Select(c => c.Value).ToList();
    }

    /// <summary>Field name → column name.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; }

    public IReadOnlySet<string> Fields { get; }

    /// <summary>The columns a file's header must have.</summary>
    public IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Reads pairs such as <c>text=Recommendation</c>; every named column must then be in the file.</summary>
    public static Outcome<CsvColumnMap> Parse(IEnumerable<string> pairs)
    {
        var columns = new Dictionary<string, string>();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
                return Refuse(ColumnMapProblem.NotAPair, $"'{pair}' is not field=Column (for example text=Recommendation).", pair);
            var name = pair[..equals].Trim();
            var field = FieldNames.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
                return Refuse(ColumnMapProblem.UnknownField, $"'{name}' is not a field Spean imports; the fields are {string.Join(", ", FieldNames)}.", name);
            if (!columns.TryAdd(field, pair[(equals + 1)..].Trim()))
                return Refuse(ColumnMapProblem.MappedTwice, $"The field {field} is mapped twice.", field);
        }
        var unmapped = RequiredFields.Where(f => !columns.ContainsKey(f)).ToList();
        if (unmapped.Count > 0)
            return Refuse(ColumnMapProblem.RequiredMissing, $"The map lacks {string.Join(", ", unmapped)}: every import needs {string.Join(", ", RequiredFields)}.",
                string.Join(", ", unmapped));
        return new CsvColumnMap(columns, optionalFields: []);
    }

    private static Refusal Refuse(ColumnMapProblem problem, string message, string value) => new(problem, message, value);
}
