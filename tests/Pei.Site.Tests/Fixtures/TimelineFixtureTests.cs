using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render;
using Pei.Site.Tests.Render;

namespace Pei.Site.Tests.Fixtures;

/// <summary>The plan-en-el-tiempo fixture: its records agree with its content, and its site shows the plan over time.</summary>
public class TimelineFixtureTests
{
    private const string Nbsp = "\u00A0";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Site =
        new(() => RenderedSite.Pages(PlanCalculator.Compute(TimelineFixture.Load()), new RenderOptions()));

    private static AngleSharp.Html.Dom.IHtmlDocument Page(string path) => RenderedSite.Parse(Site.Value[path]);

    [Fact]
    public void Every_published_cut_off_has_a_record_whose_figures_in_force_are_the_computed_ones_rounded_to_two_decimals()
    {
        var plan = TimelineFixture.Load();
        var report = PlanCalculator.Compute(plan);

        Assert.Equal(report.CutOffs.Select(c => c.CutOff.Date), plan.Publications.Select(p => p.CutOff));
        foreach (var cutOff in report.CutOffs)
        {
            var current = cutOff.Publication!.Current;
            foreach (var objective in cutOff.Objectives)
            {
                Assert.Equal(Rounded(objective.Compliance), current[new FigureKey(objective.Objective.Number, null, FigureNames.Compliance)].Value);
                foreach (var i in objective.Indicators)
                {
                    decimal? Figure(string name) => current[new FigureKey(objective.Objective.Number, i.Indicator.Id, name)].Value;
                    Assert.Equal(i.Weight, Figure(FigureNames.Weight));
                    Assert.Equal(i.FiscalYear.Target, Figure(FigureNames.YearTarget));
                    Assert.Equal(i.Measurement.Planned, Figure(FigureNames.Planned));
                    Assert.Equal(i.Measurement.Executed, Figure(FigureNames.Executed));
                    Assert.Equal(Rounded(i.CutOffProgress), Figure(FigureNames.CutOffProgress));
                    Assert.Equal(Rounded(i.YearProgress), Figure(FigureNames.YearProgress));
                }
            }
        }
        Assert.Equal([new DateOnly(2025, 9, 30)], plan.Publications.Where(p => p.Corrections.Count > 0).Select(p => p.CutOff));
    }

    [Fact]
    public void The_site_has_pages_for_every_published_cut_off_and_none_for_the_draft()
    {
        var cutOffs = Site.Value.Keys.Where(p => p.StartsWith("cortes/", StringComparison.Ordinal) && p.Count(c => c == '/') == 2).Order(StringComparer.Ordinal);

        Assert.Equal(["cortes/2025-03-31/index.html", "cortes/2025-06-30/index.html", "cortes/2025-09-30/index.html", "cortes/2025-12-31/index.html", "cortes/2026-03-31/index.html"], cutOffs);
        Assert.Contains("31 de marzo de 2026", Page("index.html").QuerySelector(".corte-actual")!.TextContent);
        Assert.Contains("Publicado el 15 de abril de 2026", Page("index.html").QuerySelector("footer")!.TextContent);
        Assert.Contains("Publicado el 15 de octubre de 2025", Page("cortes/2025-09-30/objetivos/2/index.html").QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public void An_objective_with_nothing_programmed_says_so_and_its_next_cut_off_says_it_started()
    {
        var first = Page("cortes/2025-03-31/index.html").QuerySelectorAll(".tarjeta")[1];
        var changes = Page("cortes/2025-06-30/index.html").QuerySelector("section.cambios")!;

        Assert.Equal("Sin indicadores programados", first.QuerySelector(".estado strong")!.TextContent);
        Assert.Contains("Gestión interna: empezó a medirse: 110,00" + Nbsp + "%", PageContentTests.Text(changes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_corrected_cut_off_shows_its_fe_de_erratas_and_the_others_do_not()
    {
        var errata = Page("cortes/2025-09-30/index.html").QuerySelector("section.erratas")!;

        Assert.Equal(
            [
                "Objetivo 1. Servicio a la ciudadanía: Cumplimiento | 99,26" + Nbsp + "% | 99,33" + Nbsp + "% | 5 de noviembre de 2025 | Se corrige la ponderación del indicador 101, que se publicó con la de 2026",
                "Objetivo 1, indicador 101: Ponderación | 50" + Nbsp + "% | 60" + Nbsp + "% | 5 de noviembre de 2025 | Se corrige la ponderación del indicador 101, que se publicó con la de 2026",
            ],
            errata.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(PageContentTests.Text))));
        Assert.NotNull(Page("cortes/2025-09-30/objetivos/1/index.html").QuerySelector("section.erratas"));
        Assert.Null(Page("cortes/2025-09-30/objetivos/2/index.html").QuerySelector("section.erratas"));
        Assert.Null(Page("index.html").QuerySelector("section.erratas"));
        Assert.Contains("Corregido después de publicado", Page("cortes/index.html").QuerySelectorAll("ol.cortes-lista > li")[2].TextContent);
    }

    [Fact]
    public void Changes_are_compared_across_fiscal_years()
    {
        var changes = PageContentTests.Text(Page("index.html").QuerySelector("section.cambios")!);

        Assert.Contains("Frente al corte del 31 de diciembre de 2025", changes);
        Assert.Contains("Servicio a la ciudadanía: subió", changes);
        Assert.Contains("Fondos documentales organizados (objetivo 2): pasó de Con rezago a En cumplimiento.", changes);
    }

    [Fact]
    public void Objective_and_indicator_pages_chart_the_trend_and_future_years_show_their_targets()
    {
        var objective = Page("objetivos/1/index.html");
        var indicator = Page("indicadores/201/index.html");

        // Drawn once per range of widths, each with the five cut-offs.
        Assert.Equal(5 * Pei.Site.Render.Charts.SvgChart.Frames.Count, objective.QuerySelectorAll("figure svg > .grafica-serie-cumplimiento > .grafica-marca").Length);
        Assert.Equal(Pei.Site.Render.Charts.SvgChart.Frames.Count, indicator.QuerySelectorAll("figure svg[role=img]").Length);
        Assert.Contains("Meta de la vigencia: 70", indicator.QuerySelectorAll("figure svg")[0].TextContent);
        var future = indicator.GetElementById("vigencia-2027")!.ParentElement!;
        Assert.Equal(["85", "50" + Nbsp + "%"], future.QuerySelectorAll("dl dd").Select(PageContentTests.Text));
        Assert.StartsWith("Sin mediciones aún", future.QuerySelector(".sin-mediciones")!.TextContent);
        // 2026 has one published cut-off: a sentence instead of a chart.
        Assert.Contains("Con un solo corte en esta vigencia", indicator.GetElementById("vigencia-2026")!.ParentElement!.TextContent);
    }

    private static decimal? Rounded(decimal? value) => value is { } v ? CutOffChanges.AsPublished(v) : null;
}
