using System.Xml.Linq;
using AngleSharp.Dom;
using Pei.Site.Diagnostics;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Render.Feeds;
using Pei.Site.Tests.Fixtures;

namespace Pei.Site.Tests.Render;

/// <summary>
/// The pages as the published record holds them (issue 17): a cut-off's own pages show only what its record held, a
/// corrected figure says "corregido" with its published value wherever it appears, and one label names each indicator.
/// On the plan-en-el-tiempo fixture, whose 2025-09-30 cut-off was corrected (objective 1's cumplimiento 99,26 → 99,33 %,
/// indicator 101's ponderación 50 → 60 %).
/// </summary>
public class PublishedRecordPagesTests
{
    private const string Nbsp = "\u00A0";
    private const string Errata = "cortes/2025-09-30/index.html#fe-de-erratas";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Site =
        new(() => RenderedSite.Pages(PlanCalculator.Compute(TimelineFixture.Load()), new RenderOptions()));

    private static AngleSharp.Html.Dom.IHtmlDocument Page(string path) => RenderedSite.Parse(Site.Value[path]);

    private static string Text(IElement element) => PageContentTests.Text(element);

    /// <summary>The marks of a page: each mark's text and where its link leads, from the site root.</summary>
    private static List<(string Text, string Href)> Marks(IElement scope, string pagePath) =>
        scope.QuerySelectorAll(".corregido").Select(m => (Text(m), FromRoot(pagePath, m.QuerySelector("a")!.GetAttribute("href")!))).ToList();

    private static string FromRoot(string pagePath, string href) =>
        new Uri(new Uri("https://x/" + pagePath), href).PathAndQuery.TrimStart('/') + new Uri(new Uri("https://x/" + pagePath), href).Fragment;

    [Fact]
    public void Adding_an_indicator_that_starts_in_2026_leaves_every_2025_cut_off_page_byte_for_byte_unchanged()
    {
        var content = Directory.CreateTempSubdirectory("pei-nuevo-indicador-").FullName;
        try
        {
            CopyDirectory(TimelineFixture.Content, content);
            File.WriteAllText(Path.Combine(content, "objetivos", "01-servicio-ciudadano", "indicadores", "103.yaml"), """
                tipo: gestion
                meta:
                  descripcion: Atender trámites en línea
                codigo: "7"
                nombre: Trámites en línea
                unidad: numero
                anualizacion: suma
                vigencias:
                  2026:
                    meta: 10
                    ponderacion: 0
                    cortes: {}
                  2027:
                    meta: 12
                    ponderacion: 0
                    cortes: {}
                """);
            var diagnostics = new DiagnosticBag();
            var report = Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = content })
                ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
            var after = RenderedSite.Pages(report, new RenderOptions());

            var archived2025 = Site.Value.Keys.Where(p => p.StartsWith("cortes/2025-", StringComparison.Ordinal)).ToList();
            Assert.Equal(16, archived2025.Count);
            Assert.All(archived2025, path => Assert.Equal(Site.Value[path], after[path]));
            // Its 2026 cut-off's record did not count it either; the current page lists it, without a measurement yet.
            Assert.Equal(Site.Value["cortes/2026-03-31/objetivos/1/index.html"], after["cortes/2026-03-31/objetivos/1/index.html"]);
            Assert.Equal(
                ["103 (código 7) — Trámites en línea"],
                RenderedSite.Parse(after["objetivos/1/index.html"]).QuerySelectorAll("#otros-titulo + ul li").Select(Text));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public void An_indicator_that_starts_in_a_later_year_says_so_on_the_current_pages_only_and_an_ended_one_says_it_ended()
    {
        var plan = TimelineFixture.Load();
        var objective = plan.Objectives[0];
        var later = objective.Indicators[0] with { Id = "105", Code = null, Name = "Empieza después", FiscalYears = [objective.Indicators[0].FiscalYears[^1]] };
        var ended = objective.Indicators[1] with { Id = "106", Code = null, Name = "Ya terminó", FiscalYears = [objective.Indicators[1].FiscalYears[0] with { Measurements = [] }] };
        plan = plan with { Objectives = [objective with { Indicators = [.. objective.Indicators, later, ended] }, plan.Objectives[1]] };
        var pages = RenderedSite.Pages(PlanCalculator.Compute(plan), new RenderOptions());
        string[] Listed(string path) => RenderedSite.Parse(pages[path]).QuerySelectorAll("#otros-titulo + ul li").Select(Text).ToArray();

        Assert.Equal(["105 — Empieza después (empieza en 2027)", "106 — Ya terminó (terminó en 2025)"], Listed("objetivos/1/index.html"));
        // Neither was in any record: the cut-offs' own pages name neither.
        Assert.Empty(Listed("cortes/2026-03-31/objetivos/1/index.html"));
        Assert.Empty(Listed("cortes/2025-06-30/objetivos/1/index.html"));
    }

    [Theory]
    [InlineData("cortes/2025-09-30/index.html")]
    [InlineData("cortes/2025-09-30/objetivos/1/index.html")]
    public void The_corrected_compliance_is_marked_with_its_published_value_and_links_the_fe_de_erratas_on_the_cut_offs_pages(string path)
    {
        var document = Page(path);
        var figure = path.Contains("objetivos", StringComparison.Ordinal)
            ? document.QuerySelector(".cumplimiento-cifra")!
            : document.QuerySelectorAll(".tarjeta")[0].QuerySelector(".cumplimiento-cifra")!;

        Assert.Equal([("(corregido; publicado 99,26" + Nbsp + "%)", Errata)], Marks(figure, path));
        Assert.Equal("99,33" + Nbsp + "%", figure.QuerySelector(".cifra")!.TextContent);
        Assert.Equal("fe-de-erratas", document.QuerySelector("section.erratas")!.Id);
        Assert.Contains("corregido; publicado 99,26", document.QuerySelector(".cumplimiento meter")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Objective_2_never_corrected_carries_no_mark()
    {
        Assert.Empty(Page("cortes/2025-09-30/objetivos/2/index.html").QuerySelectorAll(".corregido"));
        Assert.Empty(Page("cortes/2025-06-30/index.html").QuerySelectorAll(".corregido"));
    }

    [Fact]
    public void The_objective_table_marks_the_corrected_weight_of_indicator_101_only()
    {
        const string path = "cortes/2025-09-30/objetivos/1/index.html";
        var rows = Page(path).QuerySelectorAll("table.metas tbody tr");

        Assert.Equal([("(corregido; publicado 50" + Nbsp + "%)", Errata)], Marks(rows[0], path));
        Assert.Contains("60" + Nbsp + "%", Text(rows[0].QuerySelectorAll("td.num")[^1]));
        Assert.Empty(Marks(rows[1], path));
    }

    [Fact]
    public void Changes_since_the_cut_off_before_mark_a_corrected_figure_with_its_published_value()
    {
        const string path = "cortes/2025-12-31/index.html";
        var first = Page(path).QuerySelector("section.cambios ul.cambios-lista li")!;

        Assert.Contains("(de 99,33" + Nbsp + "% (corregido; publicado 99,26" + Nbsp + "%) a 100,89" + Nbsp + "%)", Text(first));
        Assert.Equal([("(corregido; publicado 99,26" + Nbsp + "%)", Errata)], Marks(first, path));
    }

    [Fact]
    public void The_compliance_chart_frames_the_corrected_point_says_so_in_its_text_alternative_and_its_table_marks_it()
    {
        const string path = "objetivos/1/index.html";
        var document = Page(path);
        var svg = document.QuerySelector("figure.grafica-figura svg")!;
        var summary = document.GetElementById(svg.GetAttribute("aria-describedby")!)!;
        var rows = document.QuerySelectorAll("#historia-tabla ~ tbody tr");

        // One framed point, and the same frame in the legend.
        Assert.Equal(2, svg.QuerySelectorAll("rect.grafica-corregido").Length);
        Assert.Single(svg.QuerySelectorAll("g.grafica-leyenda rect.grafica-corregido"));
        Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "Corregido después de publicado");
        Assert.Contains("al 30 de septiembre de 2025, 99,33" + Nbsp + "% (corregido; publicado 99,26" + Nbsp + "%)", summary.TextContent);
        Assert.Equal([0, 0, 1, 0, 0], rows.Select(r => r.QuerySelectorAll(".corregido").Length));
        Assert.Equal([("(corregido; publicado 99,26" + Nbsp + "%)", Errata)], Marks(rows[2], path));
    }

    [Fact]
    public void A_chart_without_corrections_has_no_framed_point_and_no_legend_for_them()
    {
        var svg = Page("objetivos/2/index.html").QuerySelector("figure.grafica-figura svg")!;

        Assert.Empty(svg.QuerySelectorAll("rect.grafica-corregido"));
        Assert.DoesNotContain(svg.QuerySelectorAll("text"), t => t.TextContent == "Corregido después de publicado");
    }

    [Fact]
    public void The_indicator_page_marks_the_corrected_weight_of_its_year_naming_the_cut_off()
    {
        const string path = "indicadores/101/index.html";
        var year = Page(path).GetElementById("vigencia-2025")!.ParentElement!;

        Assert.Equal([("(corregido; publicado 50" + Nbsp + "% al 30 de septiembre de 2025)", Errata)], Marks(year.QuerySelector("dl")!, path));
        Assert.Empty(Page(path).GetElementById("vigencia-2026")!.ParentElement!.QuerySelectorAll(".corregido"));
    }

    [Fact]
    public void The_archive_links_the_fe_de_erratas_of_each_corrected_cut_off()
    {
        var links = Page("cortes/index.html").QuerySelectorAll("ol.cortes-lista a").Where(a => a.TextContent == "ver la fe de erratas").ToList();

        Assert.Equal([Errata], links.Select(a => FromRoot("cortes/index.html", a.GetAttribute("href")!)));
    }

    [Fact]
    public void The_feed_entry_of_a_corrected_cut_off_marks_its_corrected_figure()
    {
        var report = PlanCalculator.Compute(TimelineFixture.Load());
        XNamespace atom = AtomFeed.Namespace;
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(AtomFeed.Write(report, new Uri("https://example.gov.co/"))));
        string Summary(string id) => feed.Descendants(atom + "entry").Single(e => (string)e.Element(atom + "id")! == id).Element(atom + "summary")!.Value;

        var september = Summary("https://example.gov.co/cortes/2025-09-30/").Split('\n');
        Assert.Contains("Objetivo 1. Servicio a la ciudadanía: 99,33" + Nbsp + "% (corregido; publicado 99,26" + Nbsp + "%; corregido el 5 de noviembre de 2025) (Con rezago).", september);
        Assert.DoesNotContain(september, l => l.StartsWith("Objetivo 2", StringComparison.Ordinal) && l.Contains("corregido", StringComparison.Ordinal));
        Assert.DoesNotContain("corregido", Summary("https://example.gov.co/cortes/2025-12-31/"), StringComparison.Ordinal);
        Assert.Contains("Objetivo 1, indicador 101, Ponderación: 50" + Nbsp + "% → 60" + Nbsp + "%.", Summary("https://example.gov.co/cortes/2025-09-30/#correccion-1"));
    }

    [Fact]
    public void An_indicator_is_named_by_its_id_with_its_code_beside_it_where_it_differs_in_title_heading_breadcrumb_lists_errata_and_site_map()
    {
        const string id = "8116-3-campanas";
        var page = RenderedSite.Page($"indicadores/{id}/index.html");
        var objective = RenderedSite.Page("objetivos/2/index.html");
        var home = RenderedSite.Page("index.html");
        var map = RenderedSite.Page("mapa-del-sitio/index.html");

        Assert.StartsWith($"Indicador {id} (código 3) — Objetivo 2 — ", page.Title);
        Assert.Equal($"Indicador {id} (código 3)", Text(page.QuerySelector("h1 .titulo-numero")!));
        Assert.Equal($"Indicador {id} (código 3)", Text(page.QuerySelectorAll("nav.migas li")[^1]));
        Assert.Contains($"{id} (código 3) — Número de campañas de comunicación pública generadas", objective.QuerySelectorAll("table.metas th.indicador").Select(Text));
        Assert.Contains(home.QuerySelectorAll("section.erratas tbody th"), th => Text(th) == "Objetivo 2, indicador 4199-estrategia-comunicacion (código 4199): Ejecutado al corte");
        Assert.Contains(map.QuerySelectorAll("a"), a => Text(a) == $"Indicador {id} (código 3) — Número de campañas de comunicación pública generadas");
    }

    [Fact]
    public void The_site_map_lists_each_page_once_the_current_ones_then_each_cut_offs_pages_under_its_date()
    {
        const string path = "mapa-del-sitio/index.html";
        var map = Page(path);
        var hrefs = map.QuerySelectorAll("main section.mapa a").Select(a => FromRoot(path, a.GetAttribute("href")!)).ToList();

        Assert.Equal(hrefs.Distinct().Count(), hrefs.Count);
        Assert.Equal(Site.Value.Keys.Where(p => p != "404.html").Order(StringComparer.Ordinal), hrefs.Order(StringComparer.Ordinal));
        var cutOffs = map.QuerySelectorAll("section.mapa").Single(s => Text(s.QuerySelector("h2")!) == "Cortes de seguimiento");
        var september = cutOffs.QuerySelectorAll(":scope > ul > li").Single(li => Text(li.QuerySelector("a")!) == "Corte del 30 de septiembre de 2025");
        Assert.Equal(
            ["cortes/2025-09-30/objetivos/1/index.html", "cortes/2025-09-30/objetivos/2/index.html", "cortes/2025-09-30/compromisos/index.html"],
            september.QuerySelectorAll(":scope > ul a").Select(a => FromRoot(path, a.GetAttribute("href")!)));
        var current = map.QuerySelectorAll("section.mapa").Single(s => Text(s.QuerySelector("h2")!) == "Objetivos estratégicos e indicadores");
        Assert.DoesNotContain(current.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("cortes/", StringComparison.Ordinal));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
