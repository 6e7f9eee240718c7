using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>Every published cut-off at its own address, the archive, what changed, the fe de erratas and future years.</summary>
public class CutOffPagesTests
{
    private const string Nbsp = "\u00A0";

    private static string Text(AngleSharp.Dom.IElement element) => PageContentTests.Text(element);

    [Fact]
    public void Each_cut_off_dashboard_shows_the_figures_of_its_own_date()
    {
        var march = RenderedSite.Page("cortes/2025-03-31/index.html");
        var june = RenderedSite.Page("cortes/2025-06-30/index.html");

        Assert.Contains("Seguimiento con corte al 31 de marzo de 2025 — Primer trimestre", Text(march.QuerySelector(".corte-actual")!));
        Assert.Equal(["100,00" + Nbsp + "%", "100,00" + Nbsp + "%"], march.QuerySelectorAll(".tarjeta .cifra").Select(e => e.TextContent));
        Assert.Equal(["106,16" + Nbsp + "%", "84,97" + Nbsp + "%"], june.QuerySelectorAll(".tarjeta .cifra").Select(e => e.TextContent));
        Assert.Equal("../../cortes/2025-03-31/objetivos/1/index.html", march.QuerySelector(".tarjeta h3 a")!.GetAttribute("href"));
        Assert.Contains("Está consultando un corte anterior", march.QuerySelector("main")!.TextContent);
        Assert.Null(june.QuerySelector(".aviso-archivo"));
        Assert.Equal("Corte del 31 de marzo de 2025 — Plan Estratégico Institucional 2024-2027", march.Title);
    }

    [Fact]
    public void Each_cut_off_objective_page_shows_its_table_statuses_and_history_as_of_then()
    {
        var document = RenderedSite.Page("cortes/2025-03-31/objetivos/2/index.html");
        var rows = document.QuerySelectorAll("table.metas tbody tr");

        Assert.Equal("Metas e indicadores del objetivo 2 al corte del 31 de marzo de 2025", document.QuerySelector("table.metas caption")!.TextContent);
        Assert.Equal(["0,2", "0,2", "100,00" + Nbsp + "%", "20,00" + Nbsp + "%", "60" + Nbsp + "%", "En cumplimiento"], rows[0].Children.Select(Text).Skip(3).Take(6));
        Assert.Equal(["31 de marzo de 2025"], document.QuerySelectorAll("#historia-tabla ~ tbody th").Select(Text));
        Assert.Equal("Objetivo 2 al 31 de marzo de 2025 — Plan Estratégico Institucional 2024-2027", document.Title);
        Assert.Equal(["Inicio", "Cortes", "31 de marzo de 2025", "Objetivo 2"], document.QuerySelectorAll("nav.migas li").Select(Text));
    }

    [Fact]
    public void Cut_off_pages_link_the_previous_and_next_cut_off_and_the_archive()
    {
        string[] Links(string path) => RenderedSite.Page(path).QuerySelectorAll("nav.cortes-navegacion a").Select(a => a.GetAttribute("href")!).ToArray();

        Assert.Equal(["../../cortes/2025-06-30/index.html", "../../cortes/index.html"], Links("cortes/2025-03-31/index.html"));
        Assert.Equal(["../../cortes/2025-03-31/index.html", "../../cortes/index.html"], Links("cortes/2025-06-30/index.html"));
        Assert.Equal(["../../../../cortes/2025-06-30/objetivos/2/index.html", "../../../../cortes/index.html"], Links("cortes/2025-03-31/objetivos/2/index.html"));
        Assert.Equal(["../../cortes/2025-03-31/objetivos/2/index.html", "../../cortes/index.html"], Links("objetivos/2/index.html"));
        Assert.Equal(["cortes/2025-03-31/index.html", "cortes/index.html"], Links("index.html"));
        Assert.Contains(RenderedSite.Page("index.html").QuerySelectorAll("nav.navegacion a"), a => a.GetAttribute("href") == "cortes/index.html");
    }

    [Fact]
    public void The_archive_lists_every_cut_off_newest_first_with_title_publication_date_and_correction()
    {
        var items = RenderedSite.Page("cortes/index.html").QuerySelectorAll("ol.cortes-lista > li");

        Assert.Equal(
            [
                "Corte del 30 de junio de 2025 — Segundo trimestre Publicado el 15 de julio de 2025. Corregido después de publicado: ver la fe de erratas.",
                "Corte del 31 de marzo de 2025 — Primer trimestre Publicado el 15 de abril de 2025.",
            ],
            items.Select(Text));
        Assert.Equal("../cortes/2025-06-30/index.html", items[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_archive_says_when_a_cut_off_has_no_publication_record()
    {
        var sample = SamplePlan.Build();
        var plan = sample with { Publications = [] };
        var archive = RenderedSite.Parse(RenderedSite.Pages(PlanCalculator.Compute(plan), new RenderOptions())["cortes/index.html"]);

        Assert.All(archive.QuerySelectorAll("ol.cortes-lista > li"), li => Assert.EndsWith("Sin registro de publicación.", Text(li)));
    }

    [Fact]
    public void The_dashboard_says_which_objectives_rose_or_fell_and_by_how_many_points_and_which_indicators_changed_status()
    {
        var changes = RenderedSite.Page("index.html").QuerySelector("section.cambios")!;
        var lists = changes.QuerySelectorAll("ul.cambios-lista");

        Assert.Contains("Frente al corte del 31 de marzo de 2025", Text(changes));
        Assert.Equal(
            [
                "Objetivo 1. Promover la paz y la reconciliación en Bogotá: subió 6,16" + Nbsp + "puntos (de 100,00" + Nbsp + "% a 106,16" + Nbsp + "%)",
                "Objetivo 2. Informar a la ciudadanía: bajó 15,03" + Nbsp + "puntos (de 100,00" + Nbsp + "% a 84,97" + Nbsp + "% (corregido; publicado 80,32" + Nbsp + "%))",
            ],
            lists[0].QuerySelectorAll("li").Select(Text));
        Assert.Equal(["4199-estrategia-comunicacion (código 4199) — Estrategia de comunicación pública ejecutada (objetivo 2): pasó de En cumplimiento a Con rezago."], lists[1].QuerySelectorAll("li").Select(Text));
        Assert.Contains("Es el primer corte publicado", RenderedSite.Page("cortes/2025-03-31/index.html").QuerySelector("section.cambios")!.TextContent);
    }

    [Fact]
    public void The_objective_page_says_how_its_compliance_moved()
    {
        var document = RenderedSite.Page("objetivos/2/index.html");

        Assert.Equal("Frente al corte del 31 de marzo de 2025, el cumplimiento bajó 15,03" + Nbsp + "puntos (de 100,00" + Nbsp + "% a 84,97" + Nbsp + "% (corregido; publicado 80,32" + Nbsp + "%)).", Text(document.QuerySelector(".cambio")!));
        Assert.Contains("pasó de En cumplimiento a Con rezago", Text(document.QuerySelector("main")!));
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("cortes/2025-06-30/index.html")]
    [InlineData("objetivos/2/index.html")]
    [InlineData("cortes/2025-06-30/objetivos/2/index.html")]
    public void A_corrected_cut_off_shows_its_fe_de_erratas(string path)
    {
        var section = RenderedSite.Page(path).QuerySelector("section.erratas")!;

        Assert.Equal("Fe de erratas", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(
            [
                "Objetivo 2. Informar a la ciudadanía: Cumplimiento | 80,32" + Nbsp + "% | 84,97" + Nbsp + "% | 1 de agosto de 2025 | " + SamplePlan.CorrectionReason,
                "Objetivo 2, indicador 4199-estrategia-comunicacion (código 4199): Ejecutado al corte | 0,3 | 0,36 | 1 de agosto de 2025 | " + SamplePlan.CorrectionReason,
            ],
            section.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(Text))));
    }

    [Theory]
    [InlineData("cortes/2025-03-31/index.html")]
    [InlineData("cortes/2025-06-30/objetivos/1/index.html")]
    [InlineData("cortes/2025-03-31/objetivos/2/index.html")]
    public void Pages_of_a_cut_off_never_corrected_or_of_an_objective_not_corrected_have_no_fe_de_erratas(string path)
    {
        Assert.Null(RenderedSite.Page(path).QuerySelector("section.erratas"));
    }

    [Fact]
    public void Fiscal_years_without_cut_offs_show_their_target_and_weight_and_say_there_are_no_measurements_yet()
    {
        var plan = SamplePlan.Build();
        var indicator = plan.Objectives[0].Indicators[0];
        var withFuture = indicator with
        {
            FiscalYears = [.. indicator.FiscalYears, indicator.FiscalYears[0] with { Year = 2026, Target = 70m, Weight = 40m, Measurements = [] }],
        };
        plan = plan with { Objectives = [plan.Objectives[0] with { Indicators = [withFuture, plan.Objectives[0].Indicators[1]] }, plan.Objectives[1]] };

        var document = RenderedSite.Parse(RenderedSite.Pages(PlanCalculator.Compute(plan), new RenderOptions())["indicadores/3979-modelo-victimas/index.html"]);
        var year = document.GetElementById("vigencia-2026")!.ParentElement!;

        Assert.Equal(["70" + Nbsp + "%", "40" + Nbsp + "%"], year.QuerySelectorAll("dl dd").Select(Text));
        Assert.StartsWith("Sin mediciones aún", Text(year.QuerySelector(".sin-mediciones")!));
        Assert.Empty(year.QuerySelectorAll("table, svg"));
    }

    [Fact]
    public void Preview_builds_pages_for_the_draft_cut_off_with_the_borrador_banner()
    {
        var preview = RenderedSite.Pages(SamplePlan.Report(withDraft: true), new RenderOptions { Preview = true });

        Assert.Contains("BORRADOR", RenderedSite.Parse(preview["cortes/2025-09-30/index.html"]).QuerySelector(".aviso-borrador")!.TextContent);
        Assert.Null(RenderedSite.Parse(preview["cortes/2025-06-30/index.html"]).QuerySelector(".aviso-borrador"));
        Assert.DoesNotContain(RenderedSite.Sample.Keys, p => p.StartsWith("cortes/2025-09-30/", StringComparison.Ordinal));
    }
}
