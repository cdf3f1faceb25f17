using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Core.Taxonomies;

public sealed record ImportSummary(string Dataset, int Created, int Updated, int Unchanged);

/// <summary>
/// Loads the reference data shipped under data/reference. Keyed by natural codes, so importing
/// the same files twice changes nothing and an edited file updates only what changed.
/// </summary>
public sealed class ReferenceDataImporter(SpeanDbContext db, AuditTrail audit, AuditActor actor)
{
    public static string ShippedDataDirectory => Path.Combine(AppContext.BaseDirectory, "data", "reference");

    /// <summary>False also when a column added since the last load (a country's Khmer name) is still empty, so it gets filled.</summary>
    public async Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default) =>
        await db.AdminUnits.AnyAsync(cancellationToken) && await db.Concessions.AnyAsync(cancellationToken)
        && !await db.Countries.AnyAsync(c => c.NameKm == "", cancellationToken);

    public async Task<IReadOnlyList<ImportSummary>> ImportAllAsync(
        string directory, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var steps = new (string Name, Func<string, Task<ImportSummary>> Import)[]
        {
            ("organisations", ImportOrganisationsAsync),
            ("countries", ImportCountriesAsync),
            ("memberships", ImportMembershipsAsync),
            ("treaties", ImportTreatiesAsync),
            ("gazetteer", ImportGazetteerAsync),
            ("sdgs", ImportSdgsAsync),
            ("concessions", ImportConcessionsAsync),
        };
        var summaries = new List<ImportSummary>();
        actor.SuppressRowAudit = true;
        try
        {
            for (var i = 0; i < steps.Length; i++)
            {
                progress?.Report(new ImportProgress(steps[i].Name, i, steps.Length));
                summaries.Add(await steps[i].Import(directory));
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        progress?.Report(new ImportProgress("done", steps.Length, steps.Length));
        await audit.RecordAsync(AuditAction.Created, "Reference data imported: " +
            string.Join("; ", summaries.Select(s => $"{s.Dataset} +{s.Created} ~{s.Updated}")), cancellationToken: cancellationToken);
        return summaries;
    }

    private Task<ImportSummary> ImportOrganisationsAsync(string directory) =>
        UpsertAsync("organisations", db.IntergovernmentalOrganisations, o => o.Code,
            Read(directory, "organisations.csv", r => new IntergovernmentalOrganisation
            {
                Code = r["code"], NameEn = r["name_en"], NameKm = r["name_km"],
            }),
            (existing, incoming) =>
            {
                existing.NameEn = incoming.NameEn;
                existing.NameKm = incoming.NameKm;
            });

    private Task<ImportSummary> ImportCountriesAsync(string directory)
    {
        var khmer = Read(directory, "countries_km.csv", r => (Iso3: r["iso3"], Name: r["name_km"])).ToDictionary(k => k.Iso3, k => k.Name);
        string NameKm(string iso3) => khmer.TryGetValue(iso3, out var name) && name.Length > 0
            ? name
            : throw new InvalidDataException($"countries_km.csv has no Khmer name for {iso3}: add a line '{iso3},<name in Khmer>'.");
        return UpsertAsync("countries", db.Countries, c => c.Iso3,
            Read(directory, "countries.csv", r => new Country
            {
                Iso3 = r["iso3"], Iso2 = r["iso2"], M49 = r["m49"], Name = r["name"], NameKm = NameKm(r["iso3"]),
                OfficialName = r["official_name"], UnMember = r["un_member"] == "True",
                RegionalGroup = ParseGroup(r["un_regional_group_code"]),
            }),
            (existing, incoming) =>
            {
                existing.Iso2 = incoming.Iso2;
                existing.M49 = incoming.M49;
                existing.Name = incoming.Name;
                existing.NameKm = incoming.NameKm;
                existing.OfficialName = incoming.OfficialName;
                existing.UnMember = incoming.UnMember;
                existing.RegionalGroup = incoming.RegionalGroup;
            });
    }

    private Task<ImportSummary> ImportMembershipsAsync(string directory) =>
        UpsertAsync("memberships", db.OrganisationMemberships, m => (m.CountryIso3, m.OrganisationCode),
            Read(directory, "organisation_members.csv", r => new OrganisationMembership
            {
                CountryIso3 = r["iso3"], OrganisationCode = r["organisation"],
            }),
            (_, _) => { });

    private Task<ImportSummary> ImportTreatiesAsync(string directory) =>
        UpsertAsync("treaties", db.TreatyMemberships, m => (m.Treaty, m.CountryIso3),
            Read(directory, "ccm_cluster_munitions_states_parties.csv", r => new TreatyMembership
            {
                Treaty = Treaty.ClusterMunitions, CountryIso3 = r["iso3"], Status = r["status"], Left = NullIfEmpty(r["left"]),
            }).Concat(Read(directory, "apmbc_ottawa_states_parties.csv", r => new TreatyMembership
            {
                Treaty = Treaty.MineBan, CountryIso3 = r["iso3"], Status = r["status"],
            })),
            (existing, incoming) =>
            {
                existing.Status = incoming.Status;
                existing.Left = incoming.Left;
            });

    private Task<ImportSummary> ImportGazetteerAsync(string directory)
    {
        var provinces = Read(directory, "cambodia_provinces.csv", r => new AdminUnit
        {
            Code = r["code"], Level = AdminLevel.Province, NameKm = Clean(r["name_km"]), NameLatin = r["name_en"],
            TypeKm = r["type"] == "municipality" ? "រាជធានី" : "ខេត្ត",
            TypeEn = r["type"] == "municipality" ? "Capital" : "Province",
            ProvinceCode = r["code"],
        });
        var units = Read(directory, "cambodia_admin_units.csv", r => new AdminUnit
        {
            Code = r["code"], Level = Enum.Parse<AdminLevel>(r["level"], ignoreCase: true),
            NameKm = Clean(r["name_km"]), NameLatin = Clean(r["name_latin"]),
            TypeKm = r["type_km"], TypeEn = r["type_en"], ParentCode = r["parent_code"], ProvinceCode = r["province_code"],
        });
        return UpsertAsync("gazetteer", db.AdminUnits, u => u.Code, provinces.Concat(units),
            (existing, incoming) =>
            {
                existing.Level = incoming.Level;
                existing.NameKm = incoming.NameKm;
                existing.NameLatin = incoming.NameLatin;
                existing.TypeKm = incoming.TypeKm;
                existing.TypeEn = incoming.TypeEn;
                existing.ParentCode = incoming.ParentCode;
                existing.ProvinceCode = incoming.ProvinceCode;
            });
    }

    private Task<ImportSummary> ImportSdgsAsync(string directory)
    {
        var order = 0;
        var goals = Read(directory, "sdg_goals_en_km.csv", r => new SdgItem
        {
            Code = r["goal"], Level = SdgLevel.Goal, Goal = int.Parse(r["goal"], CultureInfo.InvariantCulture),
            SortOrder = order++, ShortEn = r["short_en"], ShortKm = r["short_km"], TitleEn = r["title_en"], TitleKm = r["title_km"],
        });
        var targets = Read(directory, "sdg_targets_en_km.csv", r => SdgChild(r, SdgLevel.Target, order++));
        var indicators = Read(directory, "sdg_indicators_en_km.csv", r => SdgChild(r, SdgLevel.Indicator, order++));
        return UpsertAsync("sdgs", db.SdgItems, s => s.Code, goals.Concat(targets).Concat(indicators),
            (existing, incoming) =>
            {
                existing.Level = incoming.Level;
                existing.Goal = incoming.Goal;
                existing.ParentCode = incoming.ParentCode;
                existing.SortOrder = incoming.SortOrder;
                existing.ShortEn = incoming.ShortEn;
                existing.ShortKm = incoming.ShortKm;
                existing.TitleEn = incoming.TitleEn;
                existing.TitleKm = incoming.TitleKm;
            });
    }

    private Task<ImportSummary> ImportConcessionsAsync(string directory)
    {
        var provinceCodes = Read(directory, "cambodia_provinces.csv", r => (Name: r["name_en"], Code: r["code"]))
            .ToDictionary(p => p.Name, p => p.Code);
        return UpsertAsync("concessions", db.Concessions, c => c.Id, ConcessionFiles.Read(directory, provinceCodes),
            (existing, incoming) =>
            {
                existing.Kind = incoming.Kind;
                existing.Name = incoming.Name;
                existing.Company = incoming.Company;
                existing.InvestorCountry = incoming.InvestorCountry;
                existing.Purpose = incoming.Purpose;
                existing.Provinces = incoming.Provinces;
                existing.ProvinceCodes = incoming.ProvinceCodes;
                existing.District = incoming.District;
                existing.Commune = incoming.Commune;
                existing.Hectares = incoming.Hectares;
                existing.ContractDate = incoming.ContractDate;
                existing.DurationYears = incoming.DurationYears;
                existing.Status = incoming.Status;
                existing.DataClass = incoming.DataClass;
                existing.Reference = incoming.Reference;
                existing.Geometry = incoming.Geometry;
                existing.SourceFields = incoming.SourceFields;
            });
    }

    private static SdgItem SdgChild(IReadOnlyDictionary<string, string> r, SdgLevel level, int order)
    {
        var code = r["code_dotted"];
        return new SdgItem
        {
            Code = code, Level = level, Goal = int.Parse(r["goal"], CultureInfo.InvariantCulture),
            ParentCode = code[..code.LastIndexOf('.')], SortOrder = order, TitleEn = r["title_en"], TitleKm = r["title_km"],
        };
    }

    private async Task<ImportSummary> UpsertAsync<TEntity, TKey>(
        string dataset, DbSet<TEntity> set, Func<TEntity, TKey> key, IEnumerable<TEntity> incoming, Action<TEntity, TEntity> update)
        where TEntity : class
        where TKey : notnull
    {
        var existing = (await set.ToListAsync()).ToDictionary(key);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var item in incoming)
        {
            if (!existing.TryGetValue(key(item), out var current))
            {
                set.Add(item);
                existing[key(item)] = item;
                created++;
                continue;
            }
            update(current, item);
            // This entry only: the tracker's DetectChanges scans every tracked row, which made a refresh of the gazetteer's
            // 16,000 units quadratic (four minutes).
            var entry = db.Entry(current);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) updated++;
            else unchanged++;
        }
        await db.SaveChangesAsync();
        return new ImportSummary(dataset, created, updated, unchanged);
    }

    private static IEnumerable<T> Read<T>(string directory, string file, Func<IReadOnlyDictionary<string, string>, T> map)
    {
        using var reader = new StreamReader(Path.Combine(directory, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length);
            for (var i = 0; i < header.Length; i++) row[header[i]] = csv.GetField(i)?.Trim() ?? "";
            yield return map(row);
        }
    }

    private static string Clean(string name) => name.Replace("\u200B", "", StringComparison.Ordinal).Trim();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static RegionalGroup? ParseGroup(string code) => code switch
    {
        "AFRICANGROUP" => RegionalGroup.African,
        "ASIAPACIFICGROUP" => RegionalGroup.AsiaPacific,
        "EEG" => RegionalGroup.EasternEuropean,
        "GRULAC" => RegionalGroup.LatinAmericanAndCaribbean,
        "WEOG" => RegionalGroup.WesternEuropeanAndOthers,
        _ => null,
    };
}
