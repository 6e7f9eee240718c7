using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Method;
using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>
/// serve lists the site's files with each page's model built only when the page is asked for
/// (<see cref="SiteRenderer.FilesOnDemand"/>); build builds every model first (<see cref="SiteRenderer.Files"/>). Both
/// must give the same files at the same paths, in the same order, with the same bytes, the site map included.
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
    public void Pages_built_on_demand_are_builds_pages_at_the_same_paths_in_the_same_order_with_the_same_bytes(string name)
    {
        var (report, options) = Case(name);
        var built = RenderedSite.Instance.Files(report, options);
        var onDemand = RenderedSite.Instance.FilesOnDemand(report, options);

        Assert.Equal(built.Select(f => f.Path), onDemand.Select(f => f.Path));
        Assert.Contains(SitePaths.SiteMap, onDemand.Select(f => f.Path));
        Assert.True(onDemand.Count(f => f.Path.StartsWith("indicadores/", StringComparison.Ordinal)) > 1);
        // Last to first: each page rendered on its own, the site map before any other page was built.
        foreach (var file in onDemand.Reverse())
        {
            var expected = built.Single(f => f.Path == file.Path).Render().Content;
            Assert.True(expected.AsSpan().SequenceEqual(file.Render().Content), $"{file.Path} differs between build and serve");
        }
    }
}
