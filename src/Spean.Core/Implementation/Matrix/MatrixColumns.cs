namespace Spean.Core.Implementation.Matrix;

internal enum MatrixRole
{
    Recommendation,
    Position,
    Source,
    Themes,
    Affected,
    Sdgs,
    Ignored,
}

/// <summary>The columns of a matrix, found by what their header says rather than where they stand.</summary>
internal sealed class MatrixColumns(Dictionary<int, MatrixRole> roles)
{
    public int? Recommendation => Find(MatrixRole.Recommendation);

    public int? Position => Find(MatrixRole.Position);

    public MatrixRole? RoleOf(int column) => roles.TryGetValue(column, out var role) ? role : null;

    private int? Find(MatrixRole role) => roles.Where(r => r.Value == role).Select(r => (int?)r.Key).FirstOrDefault();

    /// <summary>The header's columns when <paramref name="cells"/> is a header row (first or repeated on a new page), otherwise null.</summary>
    public static MatrixColumns? FromHeader(IReadOnlyList<MatrixReader.Cell> cells)
    {
        var roles = new Dictionary<int, MatrixRole>();
        foreach (var cell in cells)
        {
            if (cell.Lines.Count is 0 or > 3) continue;
            var text = string.Join(' ', cell.Lines);
            if (text.Length > 90 || MatrixText.ParagraphNumber(text) is not null) return null;
            if (Role(text.ToLowerInvariant()) is { } role) roles.TryAdd(cell.Column, role);
        }
        return roles.ContainsValue(MatrixRole.Recommendation) && roles.Count >= 2 ? new MatrixColumns(roles) : null;
    }

    // Order matters: "Assessment/comments on level of implementation" names no recommendation,
    // "Position of the State under review" is not the review's State, "Human rights themes and groups of persons" holds both.
    private static MatrixRole? Role(string header) =>
        header.Contains("assessment") || header.Contains("comment") || header.Contains("implementation") || header.Contains("follow-up")
            ? MatrixRole.Ignored
        : header.Contains("sdg") || header.Contains("sustainable development") ? MatrixRole.Sdgs
        : header.Contains("source") ? MatrixRole.Source
        : header.Contains("theme") || header.Contains("issue") || header.Contains("thematic") ? MatrixRole.Themes
        : header.Contains("affected") || header.Contains("groups of persons") || header.Contains("persons") ? MatrixRole.Affected
        : header.Contains("position") || header.Contains("response") || header.Contains("status") ? MatrixRole.Position
        : header.Contains("recommendation") ? MatrixRole.Recommendation
        : null;
}

/// <summary>Themes, affected persons and SDG goals from cells whose lines switch list at "SDGs:", "Affected persons:" and the like.</summary>
internal sealed class MatrixLists
{
    public List<string> Themes { get; } = [];
    public List<string> Affected { get; } = [];
    public HashSet<int> Sdgs { get; } = [];

    public void Read(IEnumerable<string> lines, MatrixRole role)
    {
        var section = role;
        foreach (var raw in lines)
        {
            var (marker, rest) = MatrixText.SectionMarker(raw);
            if (marker is not null)
            {
                section = marker.Value;
                if (rest.Length == 0) continue;
                foreach (var item in rest.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    Add(section, item);
                continue;
            }
            Add(section, raw);
        }
    }

    private void Add(MatrixRole section, string raw)
    {
        var item = MatrixText.ListItem(raw);
        if (item.Length == 0) return;
        if (MatrixText.SdgGoal(item, strict: section != MatrixRole.Sdgs) is { } goal)
        {
            Sdgs.Add(goal);
            return;
        }
        if (section == MatrixRole.Sdgs) return; // a goal's name on a line of its own
        var list = section == MatrixRole.Affected ? Affected : Themes;
        if (!list.Contains(item, StringComparer.OrdinalIgnoreCase)) list.Add(item);
    }
}
