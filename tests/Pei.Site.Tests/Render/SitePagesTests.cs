using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>What every page of the site must have, checked on the parsed HTML of the sample plan.</summary>
public class SitePagesTests
{
    private static readonly string[] ExpectedPages =
    [
        "404.html",
        "compromisos/index.html",
        "cortes/2025-03-31/compromisos/index.html",
        "cortes/2025-03-31/index.html",
        "cortes/2025-03-31/objetivos/1/index.html",
        "cortes/2025-03-31/objetivos/2/index.html",
        "cortes/2025-06-30/compromisos/index.html",
        "cortes/2025-06-30/index.html",
        "cortes/2025-06-30/objetivos/1/index.html",
        "cortes/2025-06-30/objetivos/2/index.html",
        "cortes/index.html",
        "datos/index.html",
        "index.html",
        "indicadores/3979-modelo-victimas/index.html",
        "indicadores/3980-procesos-memoria/index.html",
        "indicadores/4199-estrategia-comunicacion/index.html",
        "indicadores/8116-3-campanas/index.html",
        "mapa-del-sitio/index.html",
        "metodologia/index.html",
        "objetivos/1/index.html",
        "objetivos/2/index.html",
        "transparencia/index.html",
    ];

    public static TheoryData<string> Pages => new(ExpectedPages);

    [Fact]
    public void Site_has_the_home_each_objective_each_indicator_each_cut_off_methodology_open_data_and_404_sorted_by_path()
    {
        var paths = RenderedSite.Instance.Pages(SamplePlan.Report(), new RenderOptions()).Select(f => f.Path).ToList();

        Assert.Equal(ExpectedPages, paths);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_is_spanish_utf8_responsive_and_declares_the_content_security_policy(string path)
    {
        var document = RenderedSite.Page(path);

        Assert.Equal("es-CO", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal("width=device-width, initial-scale=1", document.QuerySelector("meta[name=viewport]")!.GetAttribute("content"));
        var csp = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'", csp);
        Assert.StartsWith("<!DOCTYPE html>", RenderedSite.Sample[path]);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_has_exactly_one_h1_and_no_inline_script_or_style(string path)
    {
        var document = RenderedSite.Page(path);

        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        // A JSON-LD block is data, never executed (the CSP's script-src does not apply to it); every other script is external.
        Assert.All(document.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.True(s.HasAttribute("src") && s.TextContent.Trim() == ""));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_page_has_a_unique_title()
    {
        var titles = RenderedSite.Sample.Keys.Select(p => RenderedSite.Page(p).Title).ToList();

        Assert.All(titles, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.Equal("Objetivo 1 — Plan Estratégico Institucional 2024-2027", RenderedSite.Page("objetivos/1/index.html").Title);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_starts_with_a_skip_link_to_the_focusable_main(string path)
    {
        var document = RenderedSite.Page(path);
        var firstFocusable = document.Body!.QuerySelectorAll("a[href], button, input, select, textarea, [tabindex]").First();

        Assert.Equal("#contenido", firstFocusable.GetAttribute("href"));
        Assert.Equal("Saltar al contenido", firstFocusable.TextContent);
        var main = document.QuerySelector("main")!;
        Assert.Equal("contenido", main.Id);
        Assert.Equal("-1", main.GetAttribute("tabindex"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_has_the_govco_bar_header_labelled_nav_main_and_footer(string path)
    {
        var document = RenderedSite.Page(path);

        var govco = document.QuerySelector("header .govco a[href='https://www.gov.co/']")!;
        Assert.Contains("GOV.CO", govco.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Contains("Secretaría General de la Alcaldía Mayor de Bogotá", document.QuerySelector("header")!.TextContent);
        Assert.Contains("Plan Estratégico Institucional 2024-2027", document.QuerySelector("header")!.TextContent);
        var nav = document.QuerySelector("nav[aria-label='Navegación principal']")!;
        Assert.Equal(["Inicio", "Objetivos", "Cortes", "Metodología", "Compromisos", "Datos abiertos"], nav.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.Single(document.QuerySelectorAll("main"));
        Assert.Single(document.QuerySelectorAll("footer"));
        Assert.All(document.QuerySelectorAll("nav"), n => Assert.False(string.IsNullOrEmpty(n.GetAttribute("aria-label"))));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_footer_names_entity_address_source_and_the_cut_off_and_publication_date_of_the_page(string path)
    {
        var footer = RenderedSite.Page(path).QuerySelector("footer")!.TextContent;
        var march = path.StartsWith("cortes/2025-03-31/", StringComparison.Ordinal);

        Assert.Contains("Secretaría General de la Alcaldía Mayor de Bogotá", footer);
        Assert.Contains("Carrera 8 No. 10-65, Bogotá D. C.", footer);
        Assert.Contains($"Fuente: SEGPLAN. Plan de Acción 2025. Corte {(march ? "31 de marzo de 2025" : "30 de junio de 2025")}", footer);
        Assert.Contains($"Publicado el {(march ? "15 de abril de 2025" : "15 de julio de 2025")}", footer);
    }

    [Fact]
    public void Publication_date_comes_from_the_cut_off_s_record_and_is_left_out_without_one()
    {
        static string Footer(Pei.Site.Model.Plan plan, string path) => RenderedSite.Parse(
            RenderedSite.Pages(Pei.Site.Method.PlanCalculator.Compute(plan), new RenderOptions())[path]).QuerySelector("footer")!.TextContent;
        var plan = SamplePlan.Build();

        Assert.Contains("Publicado el 15 de julio de 2025", Footer(plan, "index.html"));
        Assert.Contains("Publicado el 15 de abril de 2025", Footer(plan, "cortes/2025-03-31/index.html"));
        var noDate = Footer(plan with { Publications = [] }, "index.html");
        Assert.Contains("Corte 30 de junio de 2025", noDate);
        Assert.DoesNotContain("Publicado el", noDate);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_id_is_unique_and_every_table_has_a_caption_scoped_headers_and_a_focusable_scroll_region(string path)
    {
        var document = RenderedSite.Page(path);

        var ids = document.All.Where(e => !string.IsNullOrEmpty(e.Id)).Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var table in document.QuerySelectorAll("table"))
        {
            Assert.NotNull(table.QuerySelector("caption"));
            Assert.All(table.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
            var region = table.ParentElement!;
            Assert.StartsWith("tabla", region.ClassName);
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.Equal(table.QuerySelector("caption")!.Id, region.GetAttribute("aria-labelledby"));
        }
        foreach (var labelled in document.QuerySelectorAll("[aria-labelledby]"))
        {
            Assert.NotNull(document.GetElementById(labelled.GetAttribute("aria-labelledby")!));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_and_asset_resolves_to_a_generated_file(string path)
    {
        var document = RenderedSite.Page(path);
        var generated = RenderedSite.Sample.Keys
            .Concat(RenderedSite.Instance.StaticFiles().Select(f => f.Path))
            .Concat(SiteRenderer.OpenDataFiles(SamplePlan.Report(), new RenderOptions()).Select(f => f.Path))
            .ToHashSet();

        var references = document.QuerySelectorAll("a[href], link[href], img[src], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => !u.StartsWith("https://", StringComparison.Ordinal) && !u.StartsWith('#'))
            .ToList();

        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.DoesNotContain("://", reference);
            // Only the 404 page, served at any depth, links from the site's base path ("/" without a base URL).
            Assert.True(!reference.StartsWith('/') || path == "404.html", $"{reference} is root-relative in {path}");
            var resolved = new Uri(new Uri("http://sitio/" + path), reference);
            var target = Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
            Assert.True(generated.Contains(target), $"{reference} in {path} leads to {target}, which is not generated");
            if (resolved.Fragment.Length > 1)
            {
                var fragment = resolved.Fragment[1..];
                Assert.NotNull(RenderedSite.Page(target).GetElementById(fragment));
            }
        }
    }

    [Theory]
    [InlineData("index.html", 0)]
    [InlineData("metodologia/index.html", 2)]
    [InlineData("objetivos/1/index.html", 2)]
    [InlineData("indicadores/4199-estrategia-comunicacion/index.html", 3)]
    public void Inner_pages_have_breadcrumbs_ending_at_the_current_page(string path, int crumbs)
    {
        var items = RenderedSite.Page(path).QuerySelectorAll("nav.migas li");

        Assert.Equal(crumbs, items.Length);
        if (crumbs > 0)
        {
            Assert.Equal("Inicio", items[0].TextContent.Trim());
            Assert.Equal("page", items[^1].QuerySelector("[aria-current]")!.GetAttribute("aria-current"));
        }
    }

    [Fact]
    public void Not_found_page_links_start_from_the_site_root_path_without_a_base_url()
    {
        var document = RenderedSite.Page("404.html");

        Assert.Equal("Página no encontrada", document.QuerySelector("h1")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/index.html");
        Assert.Equal("/css/site.css", document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void Static_assets_include_the_stylesheet_favicons_and_govco_logo()
    {
        var files = RenderedSite.Instance.StaticFiles().ToDictionary(f => f.Path, f => f.Content);

        Assert.Contains("css/site.css", files.Keys);
        Assert.Contains("favicon.svg", files.Keys);
        Assert.Contains("img/govco.svg", files.Keys);
        var ico = files["favicon.ico"];
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 0, 16, 16 }, ico[..8]);
        var css = System.Text.Encoding.UTF8.GetString(files["css/site.css"]);
        Assert.Contains("@media print", css);
        Assert.Contains(":focus-visible", css);
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("url(http", css);
        Assert.Contains("GOV.CO", System.Text.Encoding.UTF8.GetString(files["img/govco.svg"]));
    }
}
