using Pei.Site.Diagnostics;
using Pei.Site.Method;
using Pei.Site.Render;

namespace Pei.Site.Serve;

/// <summary>
/// The Load and Method stages of one preview build, draft cut-offs included, and the theme compiled for Render
/// (again only when its layouts changed). Nothing is written here; <see cref="PreviewServer"/> decides what to publish.
/// </summary>
internal sealed record PreviewBuild(IReadOnlyList<Diagnostic> Diagnostics, PlanReport? Report, SiteRenderer? Renderer)
{
    public static PreviewBuild Prepare(string content, string theme)
    {
        var diagnostics = new DiagnosticBag();
        if (Cli.Pipeline.Compute(content, diagnostics, includeDrafts: true) is not { } report)
        {
            return new PreviewBuild(diagnostics.Sorted(), null, null);
        }
        try
        {
            return new PreviewBuild(diagnostics.Sorted(), report, SiteRenderer.Create(theme));
        }
        catch (ThemeException e)
        {
            diagnostics.Add(e.ToDiagnostic(theme));
            return new PreviewBuild(diagnostics.Sorted(), null, null);
        }
    }

    /// <summary>The preview site: draft cut-offs marked "BORRADOR", the live-reload script and the banner on every page.</summary>
    /// <exception cref="ThemeException">A template failed while rendering a page.</exception>
    public static IReadOnlyList<OutputFile> Render(SiteRenderer renderer, PlanReport report, IReadOnlyList<string> banner, string script) =>
        renderer.Render(report, new RenderOptions { Preview = true, Banner = banner, ExtraScript = script });
}
