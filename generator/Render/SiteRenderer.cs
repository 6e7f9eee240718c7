using System.Text;
using Pei.Site.Method;
using Pei.Site.Render.Feeds;
using Pei.Site.Render.OpenData;
using Pei.Site.Render.Pages;
using Pei.Site.Render.Sitemap;
using Pei.Site.Render.Theme;

namespace Pei.Site.Render;

/// <summary>
/// The Render stage: turns a computed <see cref="PlanReport"/> into the files of the site (HTML pages, the theme's
/// static assets and the open data). Create it once per theme and reuse it; sequential Render calls are safe.
/// </summary>
public sealed class SiteRenderer
{
    private readonly ThemeTemplates _theme;

    private SiteRenderer(ThemeTemplates theme)
    {
        _theme = theme;
    }

    /// <summary>Compiles every template of the theme folder (once per folder and process).</summary>
    /// <exception cref="ThemeException">The folder lacks a template or the static folder, or a template does not compile.</exception>
    public static SiteRenderer Create(string themeDirectory) => new(ThemeTemplates.For(themeDirectory));

    /// <summary>
    /// Every file of the site, each rendered when the Write stage (or serve) asks for it: the open data first (the largest
    /// files), then the pages, the theme's static assets and the web files. Each page's model is built when its file is
    /// rendered (<see cref="PageBuilder.OnDemand"/>), on the core that renders it, and dropped with it: listing a plan of
    /// 10,000 indicators costs their paths, not 10,000 page models built on one core and kept to the end of the build
    /// (README, "Benchmark").
    /// </summary>
    public IReadOnlyList<SiteFile> Files(PlanReport report, RenderOptions options)
    {
        var pages = PageBuilder.OnDemand(report, options).Select(p => Page(p.Path, p.Build)).ToList();
        return
        [
            .. OpenData(report, options),
            .. pages,
            .. StaticFiles().Select(SiteFile.Of),
            .. WebFiles(report, options, pages.Select(p => p.Path)).Select(SiteFile.Of),
        ];
    }

    /// <summary>The HTML pages only, rendered into memory and sorted by path (ordinal): for tests.</summary>
    /// <exception cref="ThemeException">A template failed while rendering a page.</exception>
    public IReadOnlyList<OutputFile> Pages(PlanReport report, RenderOptions options) =>
        PageBuilder.Build(report, options).Select(Page).AsParallel().Select(f => f.Render()).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    /// <summary>A page already built, rendered as <see cref="Page(string, Func{Page})"/> renders one.</summary>
    private SiteFile Page(Page page) => Page(page.Path, () => page);

    /// <summary>
    /// A page whose model <paramref name="build"/> makes when the file is rendered, rendered with its template straight
    /// into the file's stream, as UTF-8 without a byte order mark.
    /// </summary>
    private SiteFile Page(string path, Func<Page> build) => new(path, stream =>
    {
        var page = build();
        PageText.WriteTo(stream, writer => _theme.Render(page, writer));
    });

    /// <summary>The HTML of one edition of a published cut-off's quarterly report (layouts/Report.cshtml), for <see cref="Pdf.ReportPrinter"/>.</summary>
    public Pdf.ReportDocument ReportHtml(PlanReport report, CutOffReport cutOff, Pdf.ReportEdition edition, RenderOptions options)
    {
        var page = Pdf.ReportPage.For(report, cutOff, edition, PageBuilder.Site(report, cutOff, options));
        return new Pdf.ReportDocument(_theme.Render(page), page.RunningHeader);
    }

    /// <summary>The theme's static assets (stylesheet, favicons, logo), copied as they are.</summary>
    public IReadOnlyList<OutputFile> StaticFiles() => StaticAssets.Read(_theme.StaticDirectory);

    /// <summary>
    /// The open data files: plan.json, seguimiento.csv, a CSV per published cut-off, the workbook seguimiento.xlsx and
    /// the descriptors (datapackage.json, catalogo.json).
    /// </summary>
    public static IReadOnlyList<OutputFile> OpenDataFiles(PlanReport report, RenderOptions options) =>
        OpenData(report, options).Select(f => f.Render()).ToList();

    private static IReadOnlyList<SiteFile> OpenData(PlanReport report, RenderOptions options)
    {
        var catalog = DataCatalog.For(report, options);
        return
        [
            new(SeguimientoXlsx.Path, stream => SeguimientoXlsx.Write(report, stream)),
            new(PlanJson.Path, stream => PlanJson.Write(report, stream)),
            new(SeguimientoCsv.Path, stream => SeguimientoCsv.Write(report, stream)),
            new(CompromisosCsv.Path, stream => CompromisosCsv.Write(report, stream)),
            .. report.CutOffs.Select(c => new SiteFile(SeguimientoCsv.CutOffPath(c.CutOff.Date), stream => SeguimientoCsv.Write(c, stream))),
            new(DataCatalog.DataPackagePath, stream => DataPackageJson.Write(catalog, stream)),
            new(DataCatalog.CatalogPath, stream => DcatCatalog.Write(catalog, stream)),
        ];
    }

    /// <summary>robots.txt always; with a base URL, sitemap.xml and the Atom feed feed.xml, which need absolute addresses.</summary>
    public static IReadOnlyList<OutputFile> WebFiles(PlanReport report, RenderOptions options, IEnumerable<string> pagePaths)
    {
        var files = new List<OutputFile> { new(SitePaths.Robots, SitemapXml.Robots(options.BaseUrl)) };
        if (options.BaseUrl is { } baseUrl)
        {
            files.Add(new(SitePaths.SitemapXml, SitemapXml.Write(pagePaths, report, baseUrl)));
            files.Add(new(SitePaths.Feed, AtomFeed.Write(report, baseUrl)));
        }
        return files;
    }
}
