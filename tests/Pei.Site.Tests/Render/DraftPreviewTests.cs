using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>The preview of a draft being filled in says what is missing: unreported is never "not programmed", a partial
/// figure says it is partial, and the home's counts add up.</summary>
public sealed class DraftPreviewTests
{
    private static readonly DateOnly September = SamplePlan.September;

    /// <summary>The sample plan with its September draft, where objective 2's 8116-3 has reported and 4199 has not;
    /// objective 1 has no September measurement at all.</summary>
    private static PlanReport HalfFilledDraft()
    {
        var plan = SamplePlan.Build(withDraft: true);
        var second = plan.Objectives[1];
        var reported = second.Indicators[1] with
        {
            FiscalYears =
            [
                second.Indicators[1].FiscalYears[0] with
                {
                    Measurements =
                    [
                        .. second.Indicators[1].FiscalYears[0].Measurements,
                        new Measurement { CutOff = September, Planned = 15000m, Executed = 15500m, Where = new("prueba.yaml", 1, 1) },
                    ],
                },
            ],
        };
        var objectives = new[] { plan.Objectives[0], second with { Indicators = [second.Indicators[0], reported] } };
        return PlanCalculator.Compute(plan with { Objectives = objectives }, includeDrafts: true);
    }

    [Fact]
    public void Objective_compliance_counts_the_indicators_expected_and_reported_at_a_draft_cut_off()
    {
        var draft = HalfFilledDraft().Latest!;

        var first = draft.Objectives[0];
        var second = draft.Objectives[1];

        Assert.Equal((2, 0, false, Status.NotReported), (first.Expected, first.Reported, first.IsPartial, first.Status));
        Assert.Equal((2, 1, true, Status.OnTrack), (second.Expected, second.Reported, second.IsPartial, second.Status));
        Assert.Equal(15500m / 15000m * 100m, second.Compliance);
        Assert.Equal(4, draft.Expected);
        Assert.Equal(4, new[] { Status.OnTrack, Status.Lagging, Status.NotProgrammed, Status.NotReported }.Sum(draft.Count));
        Assert.Equal(3, draft.Count(Status.NotReported));
    }

    [Fact]
    public void Home_preview_says_unreported_and_partial_in_words_and_its_counts_add_up()
    {
        var pages = RenderedSite.Pages(HalfFilledDraft(), new RenderOptions { Preview = true });
        var home = RenderedSite.Parse(pages["index.html"]);

        var cards = home.QuerySelectorAll(".tarjeta").ToList();
        Assert.Equal("Sin reporte", cards[0].QuerySelector(".estado strong")!.TextContent);
        Assert.DoesNotContain("Sin indicadores programados", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Estado: En cumplimiento (parcial: 1 de 2 indicadores reportados)", cards[1].QuerySelector("p.estado")!.TextContent.Trim());

        var summary = home.QuerySelector(".resumen")!;
        Assert.Equal("4 indicadores al corte:", summary.QuerySelector("p")!.TextContent.Trim());
        var counts = summary.QuerySelectorAll(".conteo li")
            .ToDictionary(li => li.QuerySelector(".conteo-estado")!.TextContent, li => int.Parse(li.QuerySelector(".conteo-cifra")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Dictionary<string, int> { ["En cumplimiento"] = 1, ["Con rezago"] = 0, ["No programado al corte"] = 0, ["Sin reporte"] = 3 }, counts);
    }

    [Fact]
    public void Objective_page_of_a_draft_marks_its_partial_figure()
    {
        var pages = RenderedSite.Pages(HalfFilledDraft(), new RenderOptions { Preview = true });

        var objective = RenderedSite.Parse(pages[SitePaths.Objective(2)]);

        Assert.Contains("(parcial: 1 de 2 indicadores reportados)", objective.QuerySelector(".cumplimiento .estado")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_without_a_code_is_named_by_its_id_the_file_name_its_address_and_open_data_use()
    {
        var plan = SamplePlan.Build();
        var uncoded = plan.Objectives[1].Indicators[1] with { Id = "tramites-recursos-fisicos", Code = null };
        var objectives = new[] { plan.Objectives[0], plan.Objectives[1] with { Indicators = [plan.Objectives[1].Indicators[0], uncoded] } };
        var pages = RenderedSite.Pages(PlanCalculator.Compute(plan with { Objectives = objectives }), new RenderOptions());

        var page = RenderedSite.Parse(pages[SitePaths.Indicator("tramites-recursos-fisicos")]);

        Assert.Equal("Indicador tramites-recursos-fisicos Número de campañas de comunicación pública generadas", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Indicador tramites-recursos-fisicos", page.QuerySelectorAll(".migas li").Last().TextContent.Trim());
        Assert.DoesNotContain("código", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
