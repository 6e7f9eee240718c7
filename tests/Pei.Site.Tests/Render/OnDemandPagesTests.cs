using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Render.Pages;

namespace Pei.Site.Tests.Render;

/// <summary>
/// Build and serve list the site's files with each page's model built only when its file is rendered
/// (<see cref="SiteRenderer.Files"/>, through <see cref="PageBuilder.OnDemand"/>). The pages must be those of
/// <see cref="PageBuilder.Build"/>, which builds every model first: the same paths, in the same order, with the same bytes,
/// the site map included, whichever page is rendered first.
/// </summary>
public sealed class OnDemandPagesTests
{
    public static TheoryData<string> Cases => ["publicado", "borrador en vista previa"];

    private static (PlanReport Report, RenderOptions Options) Case(string name)
    {
        if (name == "publicado")
        {
            // The published content as build computes and renders it, with its address (sitemap.xml and feed.xml too).
            var diagnostics = new DiagnosticBag();
            var report = Pipeline.Compute(Repository.PublishedJune2025, diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
            return (report!, new RenderOptions { BaseUrl = report!.Plan.Url ?? new Uri("https://pei.example.gov.co/") });
        }
        // A draft cut-off with a correction before it, as serve previews it: banner and reload script on every page.
        return (SamplePlan.Report(withDraft: true), new RenderOptions { Preview = true, Banner = ["Un aviso"], ExtraScript = "/__pei/recarga.js?v=7" });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pages_built_on_demand_are_the_pages_built_first_at_the_same_paths_in_the_same_order_with_the_same_bytes(string name)
    {
        var (report, options) = Case(name);
        var builtFirst = PageBuilder.Build(report, options).Select(p => p.Path).ToList();
        var expected = RenderedSite.Instance.Pages(report, options).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var files = RenderedSite.Instance.Files(report, options);
        var pages = files.Where(f => expected.ContainsKey(f.Path)).ToList();

        Assert.Equal(builtFirst, pages.Select(f => f.Path));
        Assert.Equal(SitePaths.SiteMap, pages[^1].Path);
        Assert.True(pages.Count(f => f.Path.StartsWith("indicadores/", StringComparison.Ordinal)) > 1);
        // Last to first: each page rendered on its own, the site map before any other page was built.
        foreach (var file in pages.AsEnumerable().Reverse())
        {
            Assert.True(expected[file.Path].AsSpan().SequenceEqual(file.Render().Content), $"{file.Path} differs from the page built first");
        }
    }
}
