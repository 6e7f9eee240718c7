using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Pei.Site.Tests.Serve;

/// <summary>serve on a copy of the real content: what it answers, and how it follows edits, broken or not.</summary>
public sealed class PreviewServerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ObjectivePage = "objetivos/3/";
    private const string Indicator4199 = "indicadores/4199/";

    private readonly ServedContent _served = new();

    public Task InitializeAsync() => _served.InitializeAsync();

    public Task DisposeAsync() => _served.DisposeAsync();

    [Fact]
    public async Task The_home_page_is_served_on_loopback_without_caching()
    {
        Assert.StartsWith("http://127.0.0.1:", _served.Server.BaseUrl, StringComparison.Ordinal);
        using var response = await _served.Http.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("106,16", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Sitio generado en", _served.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("css/site.css", "text/css; charset=utf-8")]
    [InlineData("datos/plan.json", "application/json; charset=utf-8")]
    [InlineData("datos/seguimiento.csv", "text/csv; charset=utf-8")]
    [InlineData("favicon.svg", "image/svg+xml")]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("__pei/recarga.js", "text/javascript; charset=utf-8")]
    [InlineData("objetivos/3/", "text/html; charset=utf-8")]
    public async Task Every_file_is_served_with_its_content_type(string path, string contentType)
    {
        using var response = await _served.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_so_relative_links_work()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _served.Http.BaseAddress };
        using var response = await client.GetAsync("objetivos/3");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/objetivos/3/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Editing_an_indicator_of_a_draft_cut_off_rebuilds_and_the_objective_page_shows_the_new_figure()
    {
        var served = new ServedContent(prepare: ServedContent.Unpublish);
        await served.InitializeAsync();
        try
        {
            var before = await served.GetTextAsync(ObjectivePage);
            Assert.Contains("74,40", before, StringComparison.Ordinal);

            var took = await served.EditAsync(served.IndicatorFile("4199"), "ejecutado: 0.36456", "ejecutado: 0.49");
            output.WriteLine($"edit of 4199.yaml served after {took.TotalMilliseconds:0} ms (watcher, 150 ms quiet period and rebuild)");
            output.WriteLine(served.Stdout.ToString());

            var after = await served.GetTextAsync(ObjectivePage);
            Assert.DoesNotContain("74,40", after, StringComparison.Ordinal);
            var indicator = await served.GetPageAsync(Indicator4199);
            Assert.Contains("100,00", indicator.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Matches(@"Reconstruido en \d+ ms\.", served.Stdout.ToString());
            Assert.Equal("", served.Stderr.ToString());
        }
        finally
        {
            await served.DisposeAsync();
        }
    }

    [Fact]
    public async Task Editing_a_figure_of_a_published_cut_off_keeps_the_published_figures_and_asks_for_corregir_until_corrected()
    {
        var file = _served.IndicatorFile("4199");
        await _served.EditAsync(file, "ejecutado: 0.36456", "ejecutado: 0.49");

        var page = await _served.GetPageAsync(ObjectivePage);
        Assert.Contains("74,40", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var banner = page.QuerySelector(".aviso-diagnosticos")!.TextContent;
        Assert.Contains($"{file}:17:20: error PEI055: el corte 2025-06-30 ya está publicado y el ejecutado del indicador 4199 (objetivo 3) cambia: se publicó 0,36456 y ahora da 0,49", banner, StringComparison.Ordinal);

        var version = _served.Server.Version;
        Assert.Equal(0, Cli.Run("corregir", "2025-06-30", "--motivo", "Se corrige el ejecutado de 4199", "--content", _served.Content).ExitCode);
        await _served.WaitForRebuildAfterAsync(version);

        page = await _served.GetPageAsync(ObjectivePage);
        Assert.Null(page.QuerySelector(".aviso-diagnosticos"));
        // The table shows the corrected figure, marked, with the published one beside it (issue 17).
        var table = page.QuerySelector("table.metas")!.TextContent;
        Assert.Contains("corregido; publicado 74,40", table, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(table, "74,40"));
        var errata = page.QuerySelector("section.erratas")!.TextContent;
        Assert.Contains("74,40", errata, StringComparison.Ordinal); // the published figure stays, in the fe de erratas
        Assert.Contains("Se corrige el ejecutado de 4199", errata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_figures_and_shows_the_diagnostic_as_a_banner_until_fixed()
    {
        var file = _served.IndicatorFile("4199");
        await _served.EditAsync(file, "ponderacion: 50", "ponderacion: cincuenta");

        var page = await _served.GetPageAsync(ObjectivePage);
        Assert.Contains("74,40", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var banner = page.QuerySelector(".aviso-diagnosticos");
        Assert.NotNull(banner);
        var diagnostic = $"{file}:13:18: error PEI008: 'ponderacion' debe ser un número";
        Assert.Contains(diagnostic, banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("El contenido tiene errores", banner.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await _served.GetPageAsync("")).QuerySelector(".aviso-diagnosticos"));
        Assert.Contains(diagnostic, _served.Stderr.ToString(), StringComparison.Ordinal);

        await _served.EditAsync(file, "ponderacion: cincuenta", "ponderacion: 50");

        Assert.Null((await _served.GetPageAsync(ObjectivePage)).QuerySelector(".aviso-diagnosticos"));
    }

    [Fact]
    public async Task A_draft_cut_off_is_previewed_with_a_banner_and_never_built()
    {
        var plan = Path.Combine(_served.Content, "plan.yaml");
        Assert.DoesNotContain("BORRADOR", await _served.GetTextAsync(""), StringComparison.Ordinal);

        await _served.EditAsync(plan, "    titulo: Segundo trimestre 2025\n", "    titulo: Segundo trimestre 2025\n  - fecha: 2025-09-30\n    borrador: true\n");

        var home = await _served.GetPageAsync("");
        Assert.Contains("BORRADOR", home.QuerySelector(".aviso-borrador")!.TextContent, StringComparison.Ordinal);
        Assert.Null(home.QuerySelector(".aviso-diagnosticos"));
        Assert.Contains("PEI022", _served.Stderr.ToString(), StringComparison.Ordinal); // a warning: no measurements yet

        using var temp = new TempFolder();
        var build = Cli.Run("build", "--content", _served.Content, "--out", temp["_site"], "--theme", Repository.Theme);
        Assert.Equal(0, build.ExitCode);
        Assert.DoesNotContain("BORRADOR", File.ReadAllText(temp["_site/index.html"]), StringComparison.Ordinal);
        Assert.DoesNotContain("__pei", File.ReadAllText(temp["_site/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_reference_the_reload_script_with_their_build_number_and_the_version_grows_with_each_rebuild()
    {
        Assert.Equal(1, _served.Server.Version);
        Assert.Equal("1", await _served.GetTextAsync("__pei/version"));
        var script = (await _served.GetPageAsync("objetivos/3/")).QuerySelector("head script")!;
        Assert.Equal("/__pei/recarga.js?v=1", script.GetAttribute("src"));
        Assert.True(script.HasAttribute("defer"));
        Assert.Contains("/__pei/espera.js?v=", await _served.GetTextAsync("__pei/recarga.js"), StringComparison.Ordinal);

        // A page of build 1 asks whether to reload: the request is held until the next build, then says so.
        var clock = Stopwatch.StartNew();
        var waiting = _served.GetTextAsync("__pei/espera.js?v=1");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        File.AppendAllText(_served.IndicatorFile("4199"), "\n");
        Assert.Equal("location.reload();\n", await waiting);
        output.WriteLine($"wait request answered after {clock.ElapsedMilliseconds} ms");

        Assert.Equal(2, _served.Server.Version);
        Assert.Equal("2", await _served.GetTextAsync("__pei/version"));
        Assert.Equal("/__pei/recarga.js?v=2", (await _served.GetPageAsync("")).QuerySelector("head script")!.GetAttribute("src"));
        // A page of an older build is told at once.
        Assert.Equal("location.reload();\n", await _served.GetTextAsync("__pei/espera.js?v=1"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _served.Http.GetAsync("__pei/espera.js")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_answers_404_with_the_sites_404_page()
    {
        using var response = await _served.Http.GetAsync("objetivos/99/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("Página no encontrada", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../plan.yaml")]
    [InlineData("/%2e%2e/plan.yaml")]
    [InlineData("/%2E%2E%2Fplan.yaml")]
    [InlineData("/..%5cplan.yaml")]
    [InlineData("/css/../../plan.yaml")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    public async Task Paths_that_climb_out_of_the_site_are_not_served(string target)
    {
        var (status, body) = await _served.GetRawAsync(target);
        Assert.NotEqual(200, status);
        Assert.DoesNotContain("entidad:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_get_and_head_are_answered()
    {
        using var post = await _served.Http.PostAsync("", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var head = await _served.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "css/site.css"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Stopping_the_server_stops_serving()
    {
        Assert.Equal(HttpStatusCode.OK, (await _served.Http.GetAsync("")).StatusCode);
        await _served.DisposeAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => new HttpClient().GetAsync(_served.Server.BaseUrl));
    }
}
