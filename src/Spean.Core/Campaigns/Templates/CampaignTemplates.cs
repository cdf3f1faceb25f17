using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spean.Core.Campaigns.Templates;

public sealed record TemplateIndicator(string En, string Km, decimal Baseline, decimal Target);

public sealed record TemplateAction(string En, string Km, ActionLevel Level);

public sealed record TemplateObjective(string En, string Km, IReadOnlyList<TemplateAction> Actions, IReadOnlyList<TemplateIndicator>? Indicators);

public sealed record TemplateGoal(string En, string Km, IReadOnlyList<TemplateObjective> Objectives);

/// <summary>A shipped campaign plan (data/campaigns/templates/*.json) in English and Khmer; starting from it copies it.</summary>
public sealed record CampaignTemplate(
    string Key, string NameEn, string NameKm, string DescriptionEn, string DescriptionKm, string Source, string KeywordsEn, string KeywordsKm,
    bool FollowsMineBan, bool FollowsClusterMunitions, IReadOnlyList<TemplateGoal> Goals)
{
    /// <summary>New goals, objectives, actions and indicators in the campaign; nothing of the template is shared or changed.</summary>
    public void CopyInto(Campaign campaign)
    {
        var goalOrder = 0;
        foreach (var g in Goals)
        {
            var goal = new Goal { CampaignId = campaign.Id, Order = ++goalOrder, TitleEn = g.En, TitleKm = g.Km };
            var objectiveOrder = 0;
            foreach (var o in g.Objectives)
            {
                var objective = new Objective { GoalId = goal.Id, Order = ++objectiveOrder, TitleEn = o.En, TitleKm = o.Km };
                var actionOrder = 0;
                foreach (var a in o.Actions)
                    objective.Actions.Add(new CampaignAction
                    {
                        ObjectiveId = objective.Id, CampaignId = campaign.Id, Order = ++actionOrder, TitleEn = a.En, TitleKm = a.Km, Level = a.Level,
                    });
                foreach (var i in o.Indicators ?? [])
                    objective.Indicators.Add(new Indicator
                    {
                        ObjectiveId = objective.Id, CampaignId = campaign.Id, NameEn = i.En, NameKm = i.Km, Baseline = i.Baseline, Target = i.Target,
                    });
                goal.Objectives.Add(objective);
            }
            campaign.Goals.Add(goal);
        }
    }
}

/// <summary>The shipped templates, read once.</summary>
public sealed class CampaignTemplates
{
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "data", "campaigns", "templates");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Lazy<IReadOnlyList<CampaignTemplate>> all = new(() =>
        [.. Directory.EnumerateFiles(ShippedDirectory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<CampaignTemplate>(File.ReadAllText(f), Json)
                ?? throw new InvalidDataException($"The campaign template {f} is empty."))]);

    public IReadOnlyList<CampaignTemplate> All => all.Value;

    public CampaignTemplate? Find(string key) => All.FirstOrDefault(t => string.Equals(t.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
}
