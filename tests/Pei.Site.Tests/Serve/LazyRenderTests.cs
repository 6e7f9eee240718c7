using System.Net;
using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Render;
using Pei.Site.Serve;

namespace Pei.Site.Tests.Serve;

/// <summary>serve renders a file only when it is asked for, once per version, and a rebuild starts with nothing rendered.</summary>
public sealed class LazyRenderTests : IAsyncLifetime
{
    private const string Indicator4199 = "indicadores/4199/";

    private readonly ServedContent _served = new();

    public Task InitializeAsync() => _served.InitializeAsync();

    public Task DisposeAsync() => _served.DisposeAsync();

    [Fact]
    public async Task A_build_renders_nothing_until_asked_and_each_request_renders_only_the_file_it_asks_for_once()
    {
        var site = _served.Server.Site!;
        Assert.Equal(1, site.Version);
        Assert.Equal(0, site.Renders);

        await _served.GetPageAsync("objetivos/3/");
        Assert.Equal(1, site.Renders);
        await _served.GetPageAsync("objetivos/3/");
        await _served.GetPageAsync("objetivos/3/index.html");
        Assert.Equal(1, site.Renders);

        await _served.GetTextAsync("css/site.css");
        Assert.Equal(2, site.Renders);

        // A missing path renders the 404 page, once.
        Assert.Equal(HttpStatusCode.NotFound, (await _served.Http.GetAsync("no-existe/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _served.Http.GetAsync("tampoco/")).StatusCode);
        Assert.Equal(3, site.Renders);

        // A rebuild publishes a new version with nothing rendered; the old one renders nothing more.
        await _served.EditAsync(_served.IndicatorFile("4199"), "Se espera subsanar el rezago", "Se espera corregir el rezago");
        var rebuilt = _served.Server.Site!;
        Assert.Equal(2, rebuilt.Version);
        Assert.Equal(0, rebuilt.Renders);
        await _served.GetPageAsync(Indicator4199);
        Assert.Equal(1, rebuilt.Renders);
        Assert.Equal(3, site.Renders);
    }

    [Fact]
    public async Task Serve_lists_the_files_build_lists_and_serves_a_page_and_the_site_map_with_the_bytes_build_renders()
    {
        // What build would render with serve's options (drafts, the reload script), from a renderer of its own.
        var diagnostics = new DiagnosticBag();
        var report = Pipeline.Compute(_served.Content, diagnostics, new Pipeline.Options { IncludeDrafts = true });
        Assert.NotNull(report);
        var built = SiteRenderer.Create(_served.Theme).Files(report, new RenderOptions { Preview = true, Banner = [], ExtraScript = LiveReload.ScriptHref(1) });

        var site = _served.Server.Site!;
        Assert.Equal(built.Select(f => f.Path), site.Paths);
        foreach (var path in new[] { Indicator4199 + "index.html", SitePaths.SiteMap })
        {
            Assert.Equal(built.Single(f => f.Path == path).Render().Content, await _served.Http.GetByteArrayAsync(path));
        }
        Assert.Equal(2, site.Renders);
    }

    [Fact]
    public async Task A_page_asked_for_after_an_edit_shows_the_edit_though_the_page_was_rendered_before()
    {
        var before = (await _served.GetPageAsync(Indicator4199)).QuerySelector("main")!.TextContent;
        Assert.Contains("Se espera subsanar el rezago en el mes de julio.", before, StringComparison.Ordinal);

        await _served.EditAsync(_served.IndicatorFile("4199"), "Se espera subsanar el rezago en el mes de julio.", "Se espera subsanar el rezago en agosto.");

        var page = await _served.GetPageAsync(Indicator4199);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Se espera subsanar el rezago en agosto.", main, StringComparison.Ordinal);
        Assert.DoesNotContain("en el mes de julio", main, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".aviso-diagnosticos"));
        Assert.Equal("/__pei/recarga.js?v=2", page.QuerySelector("head script")!.GetAttribute("src"));
        Assert.Equal("", _served.Stderr.ToString());
    }
}
