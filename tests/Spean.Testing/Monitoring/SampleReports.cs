using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Taxonomies;

namespace Spean.Testing.Monitoring;

/// <summary>A saved report to hang people and evidence on, with the organisation, author and place it needs.</summary>
public static class SampleReports
{
    public static async Task<Guid> CreateAsync(SpeanDbContext db)
    {
        var place = await db.AdminUnits.Select(u => u.Code).FirstOrDefaultAsync();
        if (place is null)
        {
            place = "99";
            db.AdminUnits.Add(new AdminUnit { Code = place, Level = AdminLevel.Province, NameKm = "សាកល្បង", NameLatin = "Test", TypeKm = "ខេត្ត", TypeEn = "Province", ProvinceCode = place });
        }
        var organisation = new Organisation { Name = "Sample organisation " + Guid.NewGuid().ToString("N") };
        var author = new SpeanUser { DisplayName = "Sample monitor", UserName = Guid.NewGuid().ToString("N"), OrganisationId = organisation.Id };
        var report = new Report
        {
            ClientId = Guid.CreateVersion7(), Title = "Sample report", Narrative = "Sample narrative", Category = "other",
            OccurredFrom = new DateOnly(2025, 1, 1), ReportedAt = DateTime.UtcNow, AdminUnitCode = place,
            OrganisationId = organisation.Id, AuthorId = author.Id,
        };
        db.AddRange(organisation, author, report);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return report.Id;
    }
}
