using System.Text;
using Pei.Site.Method;
using Pei.Site.Render.OpenData;
using Pei.Site.Render.Pages;
using Pei.Site.Render.Theme;

namespace Pei.Site.Render;

/// <summary>
/// The Render stage: turns a computed <see cref="PlanReport"/> into the files of the site (HTML pages, the theme's
/// static assets and the open data). Create it once per theme and reuse it; sequential Render calls are safe.
/// </summary>
public sealed class SiteRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ThemeTemplates _theme;

    private SiteRenderer(ThemeTemplates theme)
    {
        _theme = theme;
    }

    /// <summary>Compiles every template of the theme folder (once per folder and process).</summary>
    /// <exception cref="ThemeException">The folder lacks a template or the static folder, or a template does not compile.</exception>
    public static SiteRenderer Create(string themeDirectory) => new(ThemeTemplates.For(themeDirectory));

    /// <summary>Every file of the site, sorted by path (ordinal).</summary>
    /// <exception cref="ThemeException">A template failed while rendering a page.</exception>
    public IReadOnlyList<OutputFile> Render(PlanReport report, RenderOptions options) =>
        Pages(report, options)
            .Concat(StaticFiles())
            .Concat(OpenDataFiles(report))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>The HTML pages only.</summary>
    public IReadOnlyList<OutputFile> Pages(PlanReport report, RenderOptions options) =>
        PageBuilder.Build(report, options)
            .Select(p => new OutputFile(p.Path, Utf8.GetBytes(_theme.Render(p))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>The theme's static assets (stylesheet, favicons, logo), copied as they are.</summary>
    public IReadOnlyList<OutputFile> StaticFiles() => StaticAssets.Read(_theme.StaticDirectory);

    /// <summary>The open data files: datos/plan.json and datos/seguimiento.csv.</summary>
    public static IReadOnlyList<OutputFile> OpenDataFiles(PlanReport report) =>
    [
        new(PlanJson.Path, PlanJson.Write(report)),
        new(SeguimientoCsv.Path, SeguimientoCsv.Write(report)),
    ];
}
