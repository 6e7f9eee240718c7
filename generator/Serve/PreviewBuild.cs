using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Render;

namespace Pei.Site.Serve;

/// <summary>
/// The Load and Method stages of one preview build, draft cut-offs included, with the files that changed since the last
/// build read again and the others taken from <see cref="LoadMemo"/>, and the objectives whose indicators changed
/// computed again and the others taken from <see cref="MethodMemo"/>; and the theme compiled for Render (again only when
/// its layouts changed). Nothing is rendered or written here; <see cref="PreviewServer"/> decides what to publish and
/// renders each file when it is asked for.
/// </summary>
internal sealed record PreviewBuild(IReadOnlyList<Diagnostic> Diagnostics, PlanReport? Report, SiteRenderer? Renderer)
{
    public static PreviewBuild Prepare(string content, string theme, LoadMemo memo, MethodMemo computed)
    {
        var diagnostics = new DiagnosticBag();
        if (Build.Pipeline.Compute(content, diagnostics, new Build.Pipeline.Options { IncludeDrafts = true, Memo = memo, Computed = computed }) is not { } report)
        {
            return new PreviewBuild(diagnostics.Sorted(), null, null);
        }
        try
        {
            var renderer = SiteRenderer.Create(theme);
            return new PreviewBuild(diagnostics.Sorted(), report, renderer);
        }
        catch (ThemeException e)
        {
            diagnostics.Add(e.ToDiagnostic(theme));
            return new PreviewBuild(diagnostics.Sorted(), null, null);
        }
    }

    /// <summary>
    /// The files of the preview site, each rendered when asked for: draft cut-offs marked "BORRADOR", the live-reload
    /// script and the banner on every page.
    /// </summary>
    public static IReadOnlyList<SiteFile> Files(SiteRenderer renderer, PlanReport report, IReadOnlyList<string> banner, string script) =>
        renderer.Files(report, new RenderOptions { Preview = true, Banner = banner, ExtraScript = script });
}
