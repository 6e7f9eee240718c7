using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Pei.Site.Render;
using Pei.Site.Tests.Render;

namespace Pei.Site.Tests.Commitments;

/// <summary>The commitments on the site and in the open data, built from the fixture Fixtures/compromisos.</summary>
public class CommitmentPagesTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Pages =
        new(() => RenderedSite.Pages(CommitmentFixture.Report, new RenderOptions()));

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> OpenData =
        new(() => SiteRenderer.OpenDataFiles(CommitmentFixture.Report, new RenderOptions()).ToDictionary(f => f.Path, f => f.Content));

    private static IHtmlDocument Page(string path) => RenderedSite.Parse(Pages.Value[path]);

    private static string Text(AngleSharp.Dom.IElement element) => PageContentTests.Text(element);

    /// <summary>The state and indicator of each commitment on a compromisos page, in page order.</summary>
    private static List<(string Id, string State)> Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("section[aria-labelledby^='objetivo-'] li.compromiso")
            .Select(li => (li.Id!, Text(li.QuerySelector(".estado")!)))
            .Distinct()
            .ToList();

    [Fact]
    public void The_commitments_page_lists_each_objective_s_commitments_overdue_first_linked_to_their_indicator()
    {
        var page = Page("compromisos/index.html");
        var listed = Listed(page);

        Assert.Equal(
        [
            ("compromiso-102-2025-03-31", "Vencido"), ("compromiso-104-2025-12-31", "Vigente"), ("compromiso-103-2025-03-31", "Reprogramado"),
            ("compromiso-101-2025-03-31", "Cumplido"), ("compromiso-103-2025-06-30", "Cumplido"),
            ("compromiso-203-2025-03-31", "Vencido"), ("compromiso-201-2025-06-30", "Cumplido"),
        ], listed);
        Assert.Equal("../indicadores/103/index.html", page.QuerySelector("#compromiso-103-2025-03-31 .compromiso-titulo a")!.GetAttribute("href"));
        var rescheduled = Text(page.QuerySelector("#compromiso-103-2025-03-31")!);
        Assert.Contains("30 de junio de 2025; nueva fecha: 31 de diciembre de 2025", rescheduled);
        Assert.Equal(["2 Vencido", "1 Vigente", "1 Reprogramado", "3 Cumplido"], page.QuerySelectorAll(".resumen .conteo li").Select(Text));
    }

    [Fact]
    public void Each_responsible_area_has_a_section_linking_its_commitments_and_those_of_its_indicators()
    {
        var page = Page("compromisos/index.html");
        var area = page.GetElementById("area-oficina-de-tecnologia")!.ParentElement!;
        var attention = page.GetElementById("area-subdireccion-de-atencion")!.ParentElement!;

        Assert.Equal(["#compromiso-102-2025-03-31"], area.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        // 102's commitment is the Oficina de Tecnología's, and 102 is the Subdirección de Atención's: it is in both, said so.
        Assert.Contains("#compromiso-102-2025-03-31", attention.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("el área responde por el indicador; el compromiso está a cargo de Oficina de Tecnología", Text(attention));
        Assert.Contains("sin compromisos", Text(page.QuerySelector("ul.areas")!));
        // The indicator page names its area and links its section.
        var indicator = Page("indicadores/102/index.html");
        Assert.Equal("../../compromisos/index.html#area-subdireccion-de-atencion",
            indicator.QuerySelectorAll(".ficha dd a").Last().GetAttribute("href"));
    }

    [Fact]
    public void Each_published_cut_off_keeps_the_states_as_they_were_at_that_cut_off()
    {
        var june = Listed(Page("cortes/2025-06-30/compromisos/index.html"));
        var march = Listed(Page("cortes/2025-03-31/compromisos/index.html"));

        Assert.Contains(("compromiso-201-2025-06-30", "Vigente"), june);
        Assert.Contains(("compromiso-103-2025-06-30", "Vigente"), june);
        Assert.Contains(("compromiso-102-2025-03-31", "Vencido"), june);
        Assert.DoesNotContain(june, c => c.Id == "compromiso-104-2025-12-31");
        Assert.All(march, c => Assert.Equal("Vigente", c.State));
        Assert.Equal("Compromisos al 30 de junio de 2025 — Plan Estratégico Institucional 2025-2026", Page("cortes/2025-06-30/compromisos/index.html").Title);
    }

    [Fact]
    public void The_home_and_objective_pages_say_how_many_commitments_are_overdue_at_their_cut_off()
    {
        Assert.Equal("2 de los 7 compromisos del plan están vencidos a este corte. Ver los compromisos, los vencidos primero.",
            Text(Page("index.html").QuerySelector(".compromisos-nota p")!));
        Assert.Equal("1 de los 2 compromisos del objetivo 2 está vencido a este corte. Ver los compromisos, los vencidos primero.",
            Text(Page("objetivos/2/index.html").QuerySelector(".compromisos-nota p")!));
        // At 2025-09-30, as corrected, 203 is overdue and 201 met; the archived pages link the archived list.
        var september = Page("cortes/2025-09-30/objetivos/2/index.html").QuerySelector(".compromisos-nota")!;
        Assert.StartsWith("1 de los 2 compromisos del objetivo 2", Text(september.QuerySelector("p")!));
        Assert.Equal("../../../../cortes/2025-09-30/compromisos/index.html", september.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_fe_de_erratas_says_which_commitments_a_correction_changed()
    {
        var corrected = Page("cortes/2025-09-30/index.html").QuerySelector(".erratas-compromisos")!;

        Assert.Equal(
            ["Objetivo 2, indicador 201: compromiso del corte del 30 de junio de 2025 con fecha 30 de septiembre de 2025: pasó de Vencido a Cumplido con la corrección del 20 de octubre de 2025."],
            corrected.QuerySelectorAll("li").Select(Text));
        Assert.NotNull(Page("cortes/2025-09-30/objetivos/2/index.html").QuerySelector(".erratas-compromisos"));
        Assert.Null(Page("cortes/2025-09-30/objetivos/1/index.html").QuerySelector(".erratas-compromisos"));
        Assert.Null(Page("cortes/2025-06-30/index.html").QuerySelector(".erratas-compromisos"));
    }

    [Fact]
    public void The_indicator_page_shows_the_history_of_its_commitments()
    {
        var page = Page("indicadores/103/index.html");

        Assert.Equal(["compromiso-103-2025-03-31", "compromiso-103-2025-06-30"], page.QuerySelectorAll("#compromisos-titulo ~ ol li").Select(li => li.Id));
        Assert.Equal(["Reprogramado", "Cumplido"], page.QuerySelectorAll("#compromisos-titulo ~ ol li .compromiso-titulo .estado").Select(Text));
        Assert.Contains("31 de diciembre de 2025 (reprograma la fecha del 30 de junio de 2025)", Text(page.QuerySelector("#compromiso-103-2025-06-30")!));
        Assert.Null(Page("indicadores/202/index.html").QuerySelector("#compromisos-titulo"));
    }

    [Fact]
    public void Compromisos_csv_matches_its_data_package_schema()
    {
        var csv = Csv.Parse(Encoding.UTF8.GetString(OpenData.Value[SitePaths.CommitmentsCsv]));
        using var package = JsonDocument.Parse(OpenData.Value["datos/datapackage.json"]);
        var resource = package.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "compromisos");
        var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();

        Assert.Equal("compromisos.csv", resource.GetProperty("path").GetString());
        Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), csv[0]);
        Assert.Equal(4 + 6 + 6 + 7, csv.Count - 1);
        foreach (var row in csv.Skip(1))
        {
            Assert.Equal(fields.Count, row.Length);
            for (var i = 0; i < fields.Count; i++)
            {
                var value = row[i];
                if (value.Length == 0)
                {
                    continue;
                }
                var type = fields[i].GetProperty("type").GetString();
                var pattern = type switch
                {
                    "date" => @"^\d{4}-\d{2}-\d{2}$",
                    "integer" => @"^-?\d+$",
                    "number" => @"^-?\d+(\.\d+)?$",
                    _ => ".",
                };
                Assert.Matches(pattern, value);
            }
            Assert.Contains(row[csv[0].ToList().IndexOf("estado")], new[] { "cumplido", "vencido", "vigente", "reprogramado" });
        }
        var latest = csv.Skip(1).Where(r => r[0] == "2025-12-31").ToDictionary(r => r[1], r => r[13]);
        Assert.Equal("reprogramado", latest["103-2025-03-31"]);
        Assert.Equal("vencido", latest["102-2025-03-31"]);
        Assert.Equal("vigente", latest["104-2025-12-31"]);
        Assert.Equal("cumplido", latest["201-2025-06-30"]);
    }

    [Fact]
    public void The_data_dictionary_and_the_workbook_describe_compromisos_csv()
    {
        var dictionary = Page("datos/index.html").QuerySelectorAll("#tabla-compromisos ~ tbody code").Select(c => c.TextContent);
        var header = Csv.Parse(Encoding.UTF8.GetString(OpenData.Value[SitePaths.CommitmentsCsv]))[0];

        Assert.Equal(header, dictionary);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(OpenData.Value["datos/seguimiento.xlsx"]), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["2025-12-31", "2025-09-30", "2025-06-30", "2025-03-31", "Compromisos", "Diccionario"], sheets);
    }

    [Fact]
    public void The_transparency_page_says_what_each_norm_asks_and_links_where_the_site_meets_it()
    {
        var page = Page("transparencia/index.html");
        var norms = page.QuerySelectorAll(".obligacion h2").Select(Text).ToList();

        Assert.Equal(["Ley 1474 de 2011, artículo 74", "Decreto 612 de 2018", "Ley 1712 de 2014", "Resolución MinTIC 1519 de 2020, Anexo 1", "Resolución MinTIC 1519 de 2020, Anexo 2"], norms);
        Assert.All(page.QuerySelectorAll(".obligacion"), section =>
        {
            Assert.NotEmpty(section.QuerySelectorAll("dd a"));
            Assert.Equal("2026-01-15", section.QuerySelector("dd time")!.GetAttribute("datetime"));
        });
        Assert.Contains("../compromisos/index.html", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        // Every page's footer links it, and the site map lists it.
        Assert.All(Pages.Value.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal) && p != "404.html"), path =>
            Assert.Contains(Page(path).QuerySelectorAll("footer a"), a => Regex.IsMatch(a.GetAttribute("href")!, @"(^|/)transparencia/index\.html$")));
        Assert.Contains(Page("mapa-del-sitio/index.html").QuerySelectorAll("main a"), a => a.GetAttribute("href") == "../transparencia/index.html");
        Assert.Contains(Page("mapa-del-sitio/index.html").QuerySelectorAll("main a"), a => a.GetAttribute("href") == "../compromisos/index.html");
    }

    [Fact]
    public void The_printed_report_has_a_section_with_the_states_of_its_edition()
    {
        var report = CommitmentFixture.Report;
        var september = report.CutOffs[CommitmentFixture.Index("2025-09-30")];
        string[] Row201(Pei.Site.Render.Pdf.ReportEdition edition) => RenderedSite.Parse(RenderedSite.Instance.ReportHtml(report, september, edition, new RenderOptions()).Html)
            .QuerySelectorAll("section.compromisos tbody tr").Select(r => r.Children.Select(Text).ToArray()).Single(r => r[2].StartsWith("201", StringComparison.Ordinal));

        // As first published, 201 still lagged at its date; the edition corrected on 2025-10-20 has it met, and says why.
        Assert.Equal("Vencido", Row201(new(september.CutOff.Date, null))[0]);
        var corrected = new Pei.Site.Render.Pdf.ReportEdition(september.CutOff.Date, CommitmentFixture.Day("2025-10-20"));
        Assert.Equal("Cumplido", Row201(corrected)[0]);
        var html = RenderedSite.Parse(RenderedSite.Instance.ReportHtml(report, september, corrected, new RenderOptions()).Html);
        Assert.Equal("2 vencidos, 1 vigente, 1 reprogramado, 2 cumplidos. Los vencidos primero.", Text(html.QuerySelector("section.compromisos p")!));
        Assert.Contains("de Vencido a Cumplido (corrección del 20 de octubre de 2025)", Text(html.QuerySelector("section.compromisos ul")!));
    }
}
