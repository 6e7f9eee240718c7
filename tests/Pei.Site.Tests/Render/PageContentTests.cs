using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Pei.Site.Method;
using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>What each kind of page shows, checked on the parsed HTML of the sample plan.</summary>
public class PageContentTests
{
    private const string Nbsp = "\u00A0";

    /// <summary>
    /// The element's text with runs of ASCII whitespace collapsed (the no-break spaces stay), without the cell labels
    /// that only phones show (.rotulo).
    /// </summary>
    internal static string Text(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var label in copy.QuerySelectorAll(".rotulo").ToList())
        {
            label.Remove();
        }
        return Regex.Replace(copy.TextContent, "[ \t\r\n]+", " ").Trim();
    }

    private static string Rows(IEnumerable<IEnumerable<string>> rows) => string.Join("\n", rows.Select(r => string.Join(" | ", r)));

    [Fact]
    public void Home_shows_the_plan_its_latest_cut_off_and_strategic_platform()
    {
        var document = RenderedSite.Page("index.html");
        var main = Text(document.QuerySelector("main")!);

        // The cut-off first (the plan's name is the site's header), then the counts by status.
        Assert.Equal("Seguimiento con corte al 30 de junio de 2025 — Segundo trimestre", Text(document.QuerySelector("h1")!));
        Assert.Equal("resumen-titulo", document.QuerySelectorAll("main h2")[0].Id);
        Assert.Contains("Avance del plan estratégico 2024–2027", main);
        Assert.Contains("Liderar la articulación y coordinación de la administración distrital.", main);
        Assert.Contains("Ser reconocida por fortalecer la confianza en la gestión pública.", main);
        Assert.Equal("Ley 152 de 1994", document.QuerySelector(".plataforma strong")!.TextContent);
        Assert.Equal("Plataforma", document.QuerySelector(".plataforma .markdown h3")!.TextContent);
    }

    [Fact]
    public void Home_lists_every_objective_with_its_compliance_a_capped_bar_and_its_status_in_words()
    {
        var cards = RenderedSite.Page("index.html").QuerySelectorAll("#objetivos ~ ol > li");

        Assert.Equal(2, cards.Length);
        var first = cards[0];
        Assert.Equal("objetivos/1/index.html", first.QuerySelector("h3 a")!.GetAttribute("href"));
        // The card leads with the objective's name, its number after it; its status colours it.
        Assert.StartsWith("Promover la paz y la reconciliación en Bogotá", first.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("Objetivo 1", first.QuerySelector("h3")!.TextContent);
        Assert.Contains("estado-cumplimiento", first.ClassList);
        Assert.Equal("106,16" + Nbsp + "%", first.QuerySelector(".cifra")!.TextContent);
        var meter = first.QuerySelector("meter")!;
        Assert.Equal("100", meter.GetAttribute("value"));
        Assert.Equal("0", meter.GetAttribute("min"));
        Assert.Equal("100", meter.GetAttribute("max"));
        Assert.Contains("106,16" + Nbsp + "%", meter.GetAttribute("aria-label"));
        Assert.Equal("En cumplimiento", first.QuerySelector(".estado strong")!.TextContent);

        Assert.Equal("84,97" + Nbsp + "%", cards[1].QuerySelector(".cifra")!.TextContent);
        Assert.Equal("84.97", cards[1].QuerySelector("meter")!.GetAttribute("value"));
        Assert.Equal("Con rezago", cards[1].QuerySelector(".estado strong")!.TextContent);
    }

    [Fact]
    public void Home_counts_the_indicators_by_status_at_the_latest_cut_off()
    {
        var counts = RenderedSite.Page("index.html").QuerySelectorAll(".conteo li")
            .ToDictionary(li => li.QuerySelector(".conteo-estado")!.TextContent, li => li.QuerySelector(".conteo-cifra")!.TextContent);

        Assert.Equal(new Dictionary<string, string>
        {
            ["En cumplimiento"] = "2",
            ["Con rezago"] = "1",
            ["No programado al corte"] = "1",
        }, counts);
    }

    [Fact]
    public void Each_status_count_links_to_the_list_of_its_indicators_on_the_home_page()
    {
        var home = RenderedSite.Page("index.html");

        var lagging = home.QuerySelectorAll(".conteo li").Single(li => li.QuerySelector(".conteo-estado")!.TextContent == "Con rezago");
        var href = lagging.QuerySelector("a")!.GetAttribute("href")!;
        Assert.StartsWith("#", href);
        var heading = home.GetElementById(href[1..])!;
        Assert.Contains("Con rezago", heading.TextContent);
        var items = heading.NextElementSibling!.QuerySelectorAll("li");
        Assert.Equal(lagging.QuerySelector(".conteo-cifra")!.TextContent, items.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(items, li => Assert.StartsWith("indicadores/", li.QuerySelector("a")!.GetAttribute("href")));
        Assert.All(items, li => Assert.Contains("avance al corte", li.TextContent));
    }

    [Fact]
    public void Each_objective_shows_its_year_progress_beside_its_compliance_and_the_home_says_how_they_differ()
    {
        var home = RenderedSite.Page("index.html");
        var report = SamplePlan.Report().CutOffs[^1];

        foreach (var (card, objective) in home.QuerySelectorAll(".tarjeta").Zip(report.Objectives))
        {
            // The indicators' avance de la vigencia weighted like the cumplimiento.
            var expected = objective.Indicators.Where(i => i.YearProgress is not null).Sum(i => i.Weight * i.YearProgress!.Value)
                / objective.Indicators.Where(i => i.YearProgress is not null).Sum(i => i.Weight);
            Assert.Equal("Avance de la vigencia 2025 " + Pei.Site.Text.EsCo.Percent(expected), Text(card.QuerySelector(".vigencia-cifra")!));
        }
        Assert.Contains("el avance de la vigencia lo compara con la meta de todo 2025", home.QuerySelector(".objetivos .nota")!.TextContent);
    }

    [Fact]
    public void Open_data_page_steers_excel_users_to_the_workbook_and_keeps_the_csv_for_machines()
    {
        var page = RenderedSite.Page("datos/index.html");

        var notice = page.QuerySelector(".aviso-excel")!;
        Assert.Equal("../datos/seguimiento.xlsx", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("UTF-8, separador coma", notice.TextContent);
        Assert.Contains("106.16 significa 106,16", page.QuerySelector("#formato")!.ParentElement!.TextContent);
    }

    [Fact]
    public void Objective_without_programmed_indicators_says_so_in_words()
    {
        var plan = SamplePlan.Build();
        var idle = plan.Objectives[0] with
        {
            Indicators = [plan.Objectives[0].Indicators[1]],
        };
        var pages = RenderedSite.Pages(PlanCalculator.Compute(plan with { Objectives = [idle, plan.Objectives[1]] }), new RenderOptions());

        var card = RenderedSite.Parse(pages["index.html"]).QuerySelector(".tarjeta")!;

        Assert.Equal("Sin indicadores programados", card.QuerySelector(".estado strong")!.TextContent);
        Assert.Null(card.QuerySelector("meter"));
        Assert.Contains("sin dato", card.TextContent);
    }

    [Fact]
    public void Objective_page_lists_every_indicator_with_its_figures_and_status_in_words()
    {
        var document = RenderedSite.Page("objetivos/2/index.html");
        var table = document.QuerySelector("table.metas")!;

        Assert.Equal("Metas e indicadores del objetivo 2 al corte del 30 de junio de 2025", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(
            ["Meta", "Indicador", "Programación 2025", "Programación al corte", "Ejecutado al corte", "% avance al corte", "Avance de la vigencia", "Ponderación", "Estado", "Observaciones"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));

        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        var lagging = rows[0].Children.Select(Text).ToList();
        Assert.Equal("Meta 4199. Meta de estrategia de comunicación pública ejecutada", lagging[0]);
        Assert.Equal("4199-estrategia-comunicacion (código 4199) — Estrategia de comunicación pública ejecutada", lagging[1]);
        Assert.Equal(["1", "0,49", "0,36 (corregido; publicado 0,3)", "73,47" + Nbsp + "%", "36,00" + Nbsp + "%", "60" + Nbsp + "%", "Con rezago"], lagging[2..9]);
        Assert.Equal("row", rows[0].QuerySelector("th")!.GetAttribute("scope"));
        Assert.Equal("../../indicadores/4199-estrategia-comunicacion/index.html", rows[0].QuerySelector("th a")!.GetAttribute("href"));

        var onTrack = rows[1].Children.Select(Text).ToList();
        Assert.Equal(["15.334", "15.000", "15.334", "102,23" + Nbsp + "%", "100,00" + Nbsp + "%", "40" + Nbsp + "%", "En cumplimiento"], onTrack[2..9]);
        Assert.Equal("—sin dato", onTrack[9]);
    }

    [Fact]
    public void Objective_page_shows_its_number_description_and_compliance()
    {
        var document = RenderedSite.Page("objetivos/1/index.html");

        Assert.Equal("Objetivo 1 Promover la paz y la reconciliación en Bogotá", Text(document.QuerySelector("h1")!));
        Assert.Contains("integración local de las poblaciones afectadas", document.QuerySelector(".descripcion")!.TextContent);
        Assert.Equal("106,16" + Nbsp + "%", document.QuerySelector(".cumplimiento .cifra")!.TextContent);
        Assert.Equal("En cumplimiento", document.QuerySelector(".cumplimiento .estado strong")!.TextContent);
        var notProgrammed = document.QuerySelectorAll("tbody tr")[1];
        Assert.Equal("No programado al corte", notProgrammed.QuerySelector(".estado")!.TextContent);
        Assert.Contains("sin dato", notProgrammed.Children[5].TextContent);
    }

    [Fact]
    public void Objective_page_renders_observations_as_markdown_without_unsafe_links()
    {
        var cell = RenderedSite.Page("objetivos/2/index.html").QuerySelector("tbody tr td.observaciones")!;

        Assert.Equal("rezago", cell.QuerySelector("strong")!.TextContent);
        var links = cell.QuerySelectorAll("a");
        Assert.Single(links);
        Assert.Equal("https://example.org/informe", links[0].GetAttribute("href"));
        Assert.Contains("y x.", cell.TextContent);
    }

    [Fact]
    public void Hostile_observations_never_reach_the_page_as_markup()
    {
        const string hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> [a](JaVaScRiPt:alert(1)) [b](java&#x09;script:alert(1)) ![i](data:image/png;base64,AAAA)";
        var pages = RenderedSite.Pages(SamplePlan.Report(observations: hostile), new RenderOptions());

        foreach (var path in new[] { "objetivos/2/index.html", "indicadores/4199-estrategia-comunicacion/index.html" })
        {
            var document = RenderedSite.Parse(pages[path]);
            Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, td img"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("script:", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(document.QuerySelectorAll("td.observaciones"), td => td.TextContent.Contains("<script>alert(1)</script>"));
        }
    }

    [Fact]
    public void Objective_page_shows_compliance_at_every_published_cut_off()
    {
        var history = RenderedSite.Page("objetivos/2/index.html").QuerySelector("caption#historia-tabla")!.ParentElement!;

        Assert.Equal(
            Rows([["31 de marzo de 2025", "100,00" + Nbsp + "%", "En cumplimiento"], ["30 de junio de 2025", "84,97" + Nbsp + "% (corregido; publicado 80,32" + Nbsp + "%)", "Con rezago"]]),
            Rows(history.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(Text))));
    }

    [Fact]
    public void Indicator_page_shows_its_facts_in_words()
    {
        var document = RenderedSite.Page("indicadores/8116-3-campanas/index.html");
        var facts = document.QuerySelector("dl.ficha")!.QuerySelectorAll("dt")
            .ToDictionary(dt => dt.TextContent, dt => Text(dt.NextElementSibling!));

        Assert.Equal("Objetivo 2. Informar a la ciudadanía", facts["Objetivo estratégico"]);
        Assert.Equal("../../objetivos/2/index.html", document.QuerySelector("dl.ficha a")!.GetAttribute("href"));
        Assert.Equal("Gestión", facts["Tipo"]);
        Assert.Equal("Meta 3. Meta de número de campañas de comunicación pública generadas", facts["Meta"]);
        Assert.Equal("3", facts["Código del indicador"]);
        Assert.Equal("Número", facts["Unidad de medida"]);
        Assert.Equal("Suma", facts["Anualización"]);
        Assert.Equal("—sin dato", facts["Línea base"]);
        Assert.Equal("Oficina Asesora de Planeación", facts["Área responsable"]);
        Assert.Equal("Proyecto de inversión", RenderedSite.Page("indicadores/3980-procesos-memoria/index.html").QuerySelectorAll("dl.ficha dd")[1].TextContent);
        Assert.Equal("Sectorial", RenderedSite.Page("indicadores/3979-modelo-victimas/index.html").QuerySelectorAll("dl.ficha dd")[1].TextContent);
    }

    [Fact]
    public void Indicator_page_lists_each_fiscal_year_with_target_weight_and_every_measurement()
    {
        var document = RenderedSite.Page("indicadores/3979-modelo-victimas/index.html");
        var year = document.GetElementById("vigencia-2025")!.ParentElement!;

        Assert.Equal("Vigencia 2025", document.GetElementById("vigencia-2025")!.TextContent);
        Assert.Contains("45" + Nbsp + "%", year.QuerySelectorAll("dl dd")[0].TextContent);
        Assert.Equal("50" + Nbsp + "%", year.QuerySelectorAll("dl dd")[1].TextContent);
        Assert.Equal(
            ["Corte", "Programado al corte", "Ejecutado al corte", "% avance al corte", "Avance de la vigencia", "Estado", "Observaciones"],
            year.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(
            Rows(
            [
                ["31 de marzo de 2025", "10" + Nbsp + "%", "10" + Nbsp + "%", "100,00" + Nbsp + "%", "22,22" + Nbsp + "%", "En cumplimiento"],
                ["30 de junio de 2025", "31,92" + Nbsp + "%", "33,89" + Nbsp + "%", "106,16" + Nbsp + "%", "75,30" + Nbsp + "%", "En cumplimiento"],
            ]),
            Rows(year.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(Text).Take(6))));
    }

    [Fact]
    public void Methodology_page_renders_the_plan_methodology_then_explains_the_formulas()
    {
        var document = RenderedSite.Page("metodologia/index.html");
        var main = Text(document.QuerySelector("main")!);

        Assert.Equal("Metodología de medición", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Estructura", document.QuerySelector(".markdown h2")!.TextContent);
        Assert.Equal("mide", document.QuerySelector(".markdown strong")!.TextContent);
        Assert.Contains("avance al corte = ejecutado al corte ÷ programado al corte × 100", main);
        Assert.Contains("línea base", main);
        Assert.Contains("avance de la vigencia = ejecutado al corte ÷ meta de la vigencia × 100", main);
        Assert.Contains("Solo cuentan los indicadores programados al corte", main);
        Assert.Contains("alejándose de cero", main);
        Assert.Contains("no se limitan a 100", main);
        foreach (var status in new[] { "En cumplimiento", "Con rezago", "No programado al corte", "Sin reporte" })
        {
            Assert.Contains(status, main);
        }
    }

    [Fact]
    public void Open_data_page_links_both_files_and_describes_their_format()
    {
        var document = RenderedSite.Page("datos/index.html");
        var main = Text(document.QuerySelector("main")!);
        var hrefs = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("../datos/seguimiento.csv", hrefs);
        Assert.Contains("../datos/plan.json", hrefs);
        Assert.Contains("UTF-8", main);
        Assert.Contains("RFC 4180", main);
        Assert.Contains("separador coma", main);
        Assert.Contains("punto (.) como separador decimal", main);
        Assert.Contains("Un campo vacío significa que no hay valor", main);
    }

    [Fact]
    public void Preview_of_a_draft_cut_off_shows_the_borrador_banner_and_build_does_not()
    {
        var preview = RenderedSite.Pages(SamplePlan.Report(withDraft: true), new RenderOptions { Preview = true });
        var home = RenderedSite.Parse(preview["index.html"]);

        Assert.Contains("BORRADOR — este corte no está publicado", home.QuerySelector("main .aviso-borrador")!.TextContent);
        Assert.Contains("30 de septiembre de 2025", home.QuerySelector(".corte-actual")!.TextContent);
        Assert.Contains("Sin reporte", home.QuerySelector(".conteo")!.TextContent);
        Assert.Contains("(borrador)", RenderedSite.Parse(preview["objetivos/2/index.html"]).QuerySelector("caption#historia-tabla")!.ParentElement!.TextContent);
        Assert.All(RenderedSite.Sample.Values, html => Assert.DoesNotContain("BORRADOR", html));
    }

    [Fact]
    public void Serve_diagnostics_and_the_extra_script_appear_on_every_page()
    {
        var options = new RenderOptions { Banner = ["objetivos/01/plan.yaml:3:5 PEI012 falta la ponderación", "otro <aviso>"], ExtraScript = "/__recarga.js" };
        var pages = RenderedSite.Pages(SamplePlan.Report(), options);

        foreach (var html in pages.Values)
        {
            var document = RenderedSite.Parse(html);
            Assert.Equal(
                ["objetivos/01/plan.yaml:3:5 PEI012 falta la ponderación", "otro <aviso>"],
                document.QuerySelectorAll(".aviso-diagnosticos li").Select(li => li.TextContent));
            Assert.Equal("/__recarga.js", document.QuerySelector("head script")!.GetAttribute("src"));
        }
        Assert.DoesNotContain(RenderedSite.Sample.Values, html => RenderedSite.Parse(html).QuerySelectorAll("script:not([type='application/ld+json'])").Length > 0);
    }

    [Fact]
    public void A_plan_without_cut_offs_still_renders_every_page()
    {
        var plan = SamplePlan.Build() with { CutOffs = [] };
        var pages = RenderedSite.Pages(PlanCalculator.Compute(plan), new RenderOptions());

        Assert.Equal(
            RenderedSite.Sample.Keys.Where(p => p == "cortes/index.html" || !p.StartsWith("cortes/", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            pages.Keys.Order(StringComparer.Ordinal));
        foreach (var html in pages.Values)
        {
            var document = RenderedSite.Parse(html);
            Assert.Single(document.QuerySelectorAll("h1"));
            Assert.Contains("Sin cortes publicados", document.Body!.TextContent);
        }
    }

    [Fact]
    public void Output_is_the_same_bytes_whatever_the_current_culture()
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var outputs = new[] { "en-US", "es-CO", "de-DE", "ar-SA" }.Select(name =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                var report = SamplePlan.Report();
                return RenderedSite.Instance.Pages(report, new RenderOptions()).Concat(RenderedSite.Instance.StaticFiles()).ToList();
            }).ToList();

            foreach (var other in outputs.Skip(1))
            {
                Assert.Equal(outputs[0].Select(f => f.Path), other.Select(f => f.Path));
                Assert.All(outputs[0].Zip(other), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
