using Spean.Core.Implementation;

namespace Spean.Web.Implementation.Home;

/// <summary>The strings of Implementation's section on the home page (ImplementationHomeStrings.resx and .km.resx beside it).</summary>
internal sealed class ImplementationHomeStrings;

internal sealed record HomeAssessment(Guid RecommendationId, string Text, string? TextKm, ImplementationStatus Status, string Author, DateTime RecordedAt);
