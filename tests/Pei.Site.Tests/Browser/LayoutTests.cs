using Microsoft.Playwright;

namespace Pei.Site.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Chromium)]
public class LayoutTests(BrowserSite sites)
{
    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void No_page_scrolls_horizontally_at_320_px(string name)
    {
        var site = sites[name];
        var problems = new List<string>();
        var objectiveTables = 0;
        foreach (var path in site.Pages)
        {
            var visit = site.Visits[path];
            if (visit.WidthAt320 > 320)
            {
                problems.Add($"{path}: {visit.WidthAt320} px");
            }
            // The objective table, the page people share, reads as cards: it does not scroll inside its own region either.
            problems.AddRange(visit.TablesScrollingAt320.Select(s => $"{path}: the table scrolls ({s})"));
            if (path.EndsWith("index.html", StringComparison.Ordinal) && path.Contains("objetivos/", StringComparison.Ordinal))
            {
                objectiveTables += visit.ObjectiveTables;
            }
        }
        Assert.True(problems.Count == 0, "horizontal scrolling at 320 px: " + string.Join(", ", problems));
        Assert.True(objectiveTables > 0, "no objective table was checked");
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void From_320_to_1280_px_and_at_200_and_400_percent_zoom_nothing_scrolls_sideways_and_charts_read_at_12_px_without_overlaps(string name)
    {
        var site = sites[name];
        var problems = site.Pages.SelectMany(path => site.Visits[path].LayoutProblems).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)) + (problems.Count > 60 ? $"\n… {problems.Count - 60} more" : ""));
        // The check measured real charts: the objective pages of a site with two or more cut-offs draw one.
        var charted = site.Pages.Where(p => site.Visits[p].ChartTexts > 0).ToList();
        if (site.Plan.GetProperty("cortes").GetArrayLength() > 1)
        {
            Assert.Contains(charted, p => p.StartsWith("objetivos/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void No_page_logs_console_errors_or_has_failed_requests(string name)
    {
        var site = sites[name];
        // The 404 page, served at the root and three folders down, loads its stylesheet and icons from either.
        var problems = site.Pages.Concat(SiteWalk.MissingPaths).SelectMany(path => site.Visits[path].ConsoleAndRequestProblems).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task Objective_page_prints_as_a_clean_report_without_navigation_chrome(string name)
    {
        var site = sites[name];
        var path = site.FirstObjectivePage;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var chrome in new[] { "nav", ".saltar, a[href='#contenido']" })
        {
            var hidden = await page.EvaluateAsync<bool>(
                $"() => [...document.querySelectorAll(\"{chrome}\")].every(e => getComputedStyle(e).display === 'none' || e.getClientRects().length === 0)");
            Assert.True(hidden, $"{chrome} must not print");
        }
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        var text = await page.InnerTextAsync("body");
        Assert.Contains(site.CutOffDateShownOn(path), text, StringComparison.Ordinal);
        Assert.Contains("Fuente", text, StringComparison.Ordinal);
        var rowsAvoidBreaks = await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('tr')].every(r => ['avoid', 'avoid-page'].includes(getComputedStyle(r).breakInside))");
        Assert.True(rowsAvoidBreaks, "table rows must not be cut across pages");
        // The printable width of landscape A4 with the stylesheet's 12 mm margins is about 1030 CSS px: every table must fit it.
        var objectives = site.Pages.Where(SiteWalk.IsPrinted).ToList();
        Assert.NotEmpty(objectives);
        var overflowing = objectives.SelectMany(objective => site.Visits[objective].TablesWiderThanPrintedPage).ToList();
        Assert.True(overflowing.Count == 0, "tables wider than the printed page: " + string.Join("; ", overflowing));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        await File.WriteAllBytesAsync(Path.Combine(BrowserSite.ArtifactsFolder, $"objetivo-impreso-{site.Name}.pdf"), pdf);
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task Screenshots_of_home_and_an_objective_are_saved_at_desktop_and_phone_widths(string name)
    {
        var site = sites[name];
        var objective = site.FirstObjectivePage;
        var shots = new[] { (Name: "inicio", Path: "index.html"), (Name: "objetivo", Path: objective), (Name: "cortes", Path: "cortes/index.html") }
            .SelectMany(shot => new[] { 1280, 320 }, (shot, width) => (shot.Name, shot.Path, Width: width));
        await Task.WhenAll(shots.Select(async shot =>
        {
            await using var context = await site.NewContextAsync(width: shot.Width, height: 800);
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Url(shot.Path));
            var file = Path.Combine(BrowserSite.ArtifactsFolder, $"{site.Name}-{shot.Name}-{shot.Width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 1000);
        }));
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task Pages_are_readable_without_javascript(string name)
    {
        var site = sites[name];
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("index.html"));
        var text = await page.InnerTextAsync("main");
        foreach (var objective in site.LatestCutOff.GetProperty("objetivos").EnumerateArray())
        {
            Assert.Contains(site.LatestCompliance(objective.GetProperty("numero").GetInt32()) ?? "Sin indicadores programados", text, StringComparison.Ordinal);
        }
        if (site.Name == BrowserSite.RealContent)
        {
            // The 2025-06-30 report never changes: its own pages keep its figures whatever cut-offs come after.
            await page.GotoAsync(site.Url("cortes/2025-06-30/index.html"));
            Assert.Contains("106,16", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await page.GotoAsync(site.Url("cortes/2025-06-30/objetivos/3/index.html"));
            Assert.Contains("74,40", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        }
        else
        {
            // Charts are drawn at build time: they are there without JavaScript.
            await page.GotoAsync(site.Url(site.FirstObjectivePage));
            // One drawing per range of widths: the one that fits the screen shows.
            Assert.Equal(1, await page.Locator("figure svg[role=img]:visible").CountAsync());
        }
    }
}
