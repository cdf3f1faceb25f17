using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Spean.Core.Recommendations.Search.Upr;

/// <summary>One row of the UPR Info export (see shared/data/upr-info-2008-2014/SOURCE.md).</summary>
public sealed record UprRow(
    string To, string ToGroup, string ToOrg, string Text, string From, string FromGroup, string FromOrg,
    string Response, string Action, string Issue, int Session, int Cycle);

public static class UprCsv
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_sessions_1-18.csv");

    public static List<UprRow> Read(string? path = null)
    {
        using var reader = new StreamReader(path ?? DefaultPath);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Context.RegisterClassMap<RowMap>();
        return csv.GetRecords<UprRow>().ToList();
    }

    private sealed class RowMap : ClassMap<UprRow>
    {
        public RowMap()
        {
            Parameter("To").Name("To");
            Parameter("ToGroup").Name("To-Rgrp");
            Parameter("ToOrg").Name("To-Org");
            Parameter("Text").Name("Text");
            Parameter("From").Name("From");
            Parameter("FromGroup").Name("From-Rgrp");
            Parameter("FromOrg").Name("From-Org");
            Parameter("Response").Name("Response");
            Parameter("Action").Name("Action");
            Parameter("Issue").Name("Issue");
            Parameter("Session").Name("Session");
            Parameter("Cycle").Name("Cycle");
        }
    }
}
