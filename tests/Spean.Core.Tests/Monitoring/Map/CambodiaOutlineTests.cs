using Spean.Core.Monitoring.Map;

namespace Spean.Core.Tests.Monitoring.Map;

/// <summary>A report's GPS point is checked against Cambodia's borders, islands included, not against a rectangle.</summary>
public sealed class CambodiaOutlineTests
{
    private static readonly CambodiaOutline Cambodia = new(CambodiaBoundaries.Load(CambodiaBoundaries.ShippedDirectory));

    [Theory]
    [InlineData(11.5564, 104.9282)] // Phnom Penh
    [InlineData(13.8047, 104.9802)] // Preah Vihear
    [InlineData(13.6590, 102.5640)] // Poipet, on the Thai border
    [InlineData(10.7000, 103.2400)] // off Koh Rong's shore, within a kilometre
    [InlineData(9.9300, 102.8800)] // Koh Poulo Wai, south of any rectangle drawn from the mainland
    public void Points_in_Cambodia_and_on_its_islands_are_in(double latitude, double longitude) =>
        Assert.True(Cambodia.Contains(latitude, longitude));

    [Theory]
    [InlineData(10.8231, 106.6297)] // Ho Chi Minh City
    [InlineData(10.2899, 103.9840)] // Phu Quoc
    [InlineData(12.2436, 102.5151)] // Trat
    [InlineData(13.7500, 100.5000)] // Bangkok
    public void Points_in_neighbouring_countries_are_out_though_a_rectangle_round_Cambodia_holds_most_of_them(double latitude, double longitude) =>
        Assert.False(Cambodia.Contains(latitude, longitude));
}
