using Microsoft.Playwright;

namespace Spean.EndToEnd.Tests;

/// <summary>The map as a phone's browser draws it: the outlines come from files it keeps, not from the page.</summary>
[Collection(nameof(BrowserApp))]
public sealed class MapTests(BrowserApp app)
{
    [Fact]
    public async Task Every_province_and_the_districts_are_drawn_from_the_outline_files_and_a_tap_on_a_province_lists_its_reports()
    {
        var page = await app.NewPhonePageAsync();
        await page.GotoAsync("/map?districts=true", new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });

        // A <use> whose file did not load draws nothing and measures 0 × 0.
        var sizes = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('svg.province-map use')].map(u => { const b = u.getBBox(); return [b.width, b.height]; })");
        Assert.Equal(26, sizes.Length);
        Assert.All(sizes, size => Assert.True(size[0] > 1 && size[1] > 1, $"an outline measures {size[0]} × {size[1]}"));

        await page.Locator("svg.province-map a[data-code='13'] use").ClickAsync();
        await page.WaitForURLAsync("**/reports?place=13");
        await page.Context.CloseAsync();
    }
}
