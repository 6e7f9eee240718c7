using Microsoft.Playwright;
using Pei.Site.Text;

namespace Pei.Site.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Chromium)]
public class AccessibilityTests(BrowserSite sites)
{
    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void Every_page_has_zero_axe_violations_at_wcag_2_1_AA(string name)
    {
        var site = sites[name];
        Assert.Contains("index.html", site.Pages);
        Assert.Contains("404.html", site.Pages);
        Assert.Contains("metodologia/index.html", site.Pages);
        Assert.Contains("datos/index.html", site.Pages);
        Assert.Contains("cortes/index.html", site.Pages);
        Assert.Contains(site.Pages, p => p.StartsWith("cortes/", StringComparison.Ordinal) && p.Contains("/objetivos/", StringComparison.Ordinal));
        Assert.Contains(site.Pages, p => p.StartsWith("objetivos/", StringComparison.Ordinal));
        Assert.Contains(site.Pages, p => p.StartsWith("indicadores/", StringComparison.Ordinal));
        Assert.Contains("compromisos/index.html", site.Pages);
        Assert.Contains("transparencia/index.html", site.Pages);
        Assert.Contains(site.Pages, p => p.StartsWith("cortes/", StringComparison.Ordinal) && p.EndsWith("/compromisos/index.html", StringComparison.Ordinal));
        if (name == BrowserSite.Timeline)
        {
            // The walk reads a commitments page that lists commitments, not only the empty one of the real content.
            Assert.Contains("class=\"compromiso compromiso-", File.ReadAllText(Path.Combine(site.Out, "compromisos", "index.html")), StringComparison.Ordinal);
        }
        var problems = site.Pages.SelectMany(path => site.Visits[path].AxeViolations).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_axe_check_of_the_walk_reports_an_image_without_a_text_alternative()
    {
        await using var context = await SiteWalk.NewContextAsync(sites.Browser);
        await context.RouteAsync("http://prueba.invalid/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = "<!DOCTYPE html><html lang=\"es-CO\"><head><title>Prueba</title></head><body><main><h1>Prueba</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>",
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync("http://prueba.invalid/");

        var violations = await SiteWalk.AxeViolationsAsync(page);

        Assert.Contains(violations, v => v.StartsWith("image-alt (critical) ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void Every_page_declares_es_CO_and_has_one_h1_and_landmarks(string name)
    {
        var site = sites[name];
        foreach (var path in site.Pages)
        {
            var visit = site.Visits[path];
            Assert.Equal("es-CO", visit.Language);
            Assert.Equal(1, visit.Headings);
            Assert.Equal(1, visit.Mains);
            Assert.True(visit.Headers >= 1, path);
            Assert.True(visit.Footers >= 1, path);
            Assert.True(visit.Navs >= 1, path);
        }
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task Tab_from_the_top_reaches_the_skip_link_first_and_it_moves_focus_to_the_main_content(string name)
    {
        var site = sites[name];
        await Task.WhenAll(new[] { "index.html", site.FirstObjectivePage }.Select(async path =>
        {
            await using var context = await site.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Url(path));
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
            Assert.Equal("Saltar al contenido", focused);
            Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.top >= 0; }"),
                "the focused skip link must be visible");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("contenido", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }));
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task Every_link_and_control_is_reachable_with_the_keyboard_and_shows_visible_focus(string name)
    {
        var site = sites[name];
        await Task.WhenAll(new[] { "index.html", site.FirstObjectivePage, "datos/index.html" }.Select(async path =>
        {
            await using var context = await site.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Url(path));
            var expected = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')].filter(e => e.getClientRects().length > 0).length");
            var reached = new HashSet<string>();
            for (var i = 0; i < expected + 5; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var info = await page.EvaluateAsync<string?>(
                    "() => { const e = document.activeElement; if (!e || e === document.body) return null; " +
                    "const s = getComputedStyle(e); const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; " +
                    "return (visible ? 'V' : 'N') + '|' + (e.outerHTML.slice(0, 120)) + '|' + [...document.querySelectorAll('*')].indexOf(e); }");
                if (info is null)
                {
                    continue;
                }
                Assert.True(info.StartsWith('V'), $"{path}: no visible focus on {info}");
                reached.Add(info);
            }
            Assert.True(reached.Count >= expected, $"{path}: reached {reached.Count} of {expected} focusable elements");
        }));
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task Progress_bars_are_read_by_assistive_technology_with_a_text_value(string name)
    {
        var site = sites[name];
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("index.html"));
        var bars = page.Locator("meter, progress, [role=progressbar], [role=meter]");
        var objectives = site.LatestCutOff.GetProperty("objetivos").EnumerateArray().ToList();
        Assert.Equal(objectives.Count(o => o.GetProperty("cumplimiento").ValueKind == System.Text.Json.JsonValueKind.Number), await bars.CountAsync());
        var snapshot = await page.Locator("main").AriaSnapshotAsync();
        foreach (var figure in objectives.Select(o => site.LatestCompliance(o.GetProperty("numero").GetInt32())).OfType<string>())
        {
            // The accessibility tree reads the no-break space before "%" as a plain space: compare the digits.
            Assert.Contains(figure.Split(Pei.Site.Text.EsCo.NoBreakSpace)[0], snapshot, StringComparison.Ordinal);
        }
    }
}
