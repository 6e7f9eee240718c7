using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pei.Site.Tests.Web;

/// <summary>build --base-url … --pdf on the real content: what a search engine, a feed reader, a data portal and a reader of the PDF get.</summary>
[Trait(Needs.Trait, Needs.Chromium)]
public class PublishedSiteTests(PublishedSite site) : IClassFixture<PublishedSite>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The ten objective figures printed in "Seguimiento 30 junio 2025", as the site and the PDF write them.</summary>
    private static readonly string[] ObjectiveFigures =
        ["106,16 %", "100,00 %", "87,20 %", "100,00 %", "100,00 %", "85,00 %", "98,67 %", "100,00 %", "97,58 %", "103,37 %"];

    [Fact]
    public void The_build_with_a_base_url_and_pdf_succeeds_without_diagnostics()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.Stderr);
        Assert.Equal("", DatedWarnings.Without(site.Build.Stderr));
        Assert.DoesNotContain("sitemap.xml", site.Build.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sitemap_validates_and_lists_every_page_but_404_by_absolute_address_with_its_publication_date()
    {
        var document = Validated("sitemap.xml", "sitemap.xsd");

        var urls = document.Root!.Elements(Sitemap + "url").ToList();
        var expected = site.Pages.Where(p => p != "404.html").Select(PublishedSite.AddressOf).Order(StringComparer.Ordinal);
        Assert.Equal(expected, urls.Select(u => u.Element(Sitemap + "loc")!.Value).Order(StringComparer.Ordinal));
        Assert.Contains(PublishedSite.BaseUrl + "mapa-del-sitio/", urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        Assert.All(urls, u => Assert.True(DateOnly.Parse(u.Element(Sitemap + "lastmod")!.Value, CultureInfo.InvariantCulture) >= new DateOnly(2025, 6, 30)));
        Assert.Contains("Sitemap: " + PublishedSite.BaseUrl + "sitemap.xml", File.ReadAllText(site["robots.txt"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_validates_as_atom_and_has_an_entry_for_2025_06_30_with_every_objective_figure_and_a_link_to_its_page()
    {
        var feed = Validated("feed.xml", "atom.xsd").Root!;

        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            Assert.Single(element.Elements(Atom + "id"));
            Assert.Single(element.Elements(Atom + "title"));
            Assert.Single(element.Elements(Atom + "updated"));
            Assert.True(Uri.TryCreate(element.Element(Atom + "id")!.Value, UriKind.Absolute, out _));
        }
        Assert.NotEmpty(feed.Elements(Atom + "author"));
        var page = PublishedSite.BaseUrl + "cortes/2025-06-30/";
        var entry = Assert.Single(feed.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value == page);
        Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate" && (string?)l.Attribute("href") == page);
        var summary = entry.Element(Atom + "summary")!.Value.Replace('\u00A0', ' ');
        Assert.All(ObjectiveFigures, figure => Assert.Contains(figure, summary, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_has_its_canonical_address_a_description_open_graph_tags_and_the_feed()
    {
        Assert.Contains("mapa-del-sitio/index.html", site.Pages);
        var descriptions = new HashSet<string>();
        foreach (var path in site.Pages)
        {
            var document = site.Page(path);
            string? Meta(string selector) => document.QuerySelector(selector)?.GetAttribute("content");
            Assert.Equal(PublishedSite.AddressOf(path), document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            var description = Meta("meta[name=description]");
            Assert.False(string.IsNullOrWhiteSpace(description), path);
            descriptions.Add(description!);
            Assert.Equal(document.Title, Meta("meta[property='og:title']"));
            Assert.Equal(description, Meta("meta[property='og:description']"));
            Assert.Equal(PublishedSite.AddressOf(path), Meta("meta[property='og:url']"));
            Assert.Equal("website", Meta("meta[property='og:type']"));
            Assert.Equal("es_CO", Meta("meta[property='og:locale']"));
            var image = Meta("meta[property='og:image']")!;
            Assert.StartsWith(PublishedSite.BaseUrl, image, StringComparison.Ordinal);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(site[image[PublishedSite.BaseUrl.Length..]])[..4]);
            var feed = document.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")!;
            Assert.Equal(PublishedSite.BaseUrl + "feed.xml", new Uri(new Uri(PublishedSite.AddressOf(path)), feed).AbsoluteUri);
        }
        Assert.True(descriptions.Count >= site.Pages.Count - 1, "descriptions are page-specific");
    }

    [Fact]
    public void Not_found_page_links_all_start_from_the_base_path()
    {
        var document = site.Page("404.html");
        var references = document.QuerySelectorAll("a[href], link[href]:not([rel=canonical]), [src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(r => !r.StartsWith("https://www.gov.co/", StringComparison.Ordinal) && !r.StartsWith('#'))
            .ToList();

        Assert.Contains("/pei/css/site.css", references);
        Assert.Contains("/pei/index.html", references);
        Assert.All(references, r => Assert.StartsWith("/pei/", r, StringComparison.Ordinal));
        Assert.All(references.Select(r => Uri.UnescapeDataString(r["/pei/".Length..].Split('#')[0])), r => Assert.True(File.Exists(site[r]) || File.Exists(site[Path.Combine(r, "index.html")]), r));
    }

    [Fact]
    public void Every_footer_links_to_the_site_map_and_the_site_map_links_every_page_but_404()
    {
        foreach (var path in site.Pages)
        {
            var document = site.Page(path);
            var links = document.QuerySelectorAll("footer a").Select(a => new Uri(new Uri(PublishedSite.AddressOf(path)), a.GetAttribute("href")!).AbsoluteUri);
            Assert.Contains(PublishedSite.BaseUrl + "mapa-del-sitio/index.html", links);
        }
        var map = site.Page("mapa-del-sitio/index.html");
        var listed = map.QuerySelectorAll("main section a")
            .Select(a => Path.GetRelativePath(site.Out, Path.GetFullPath(Path.Combine(site["mapa-del-sitio"], a.GetAttribute("href")!))).Replace('\\', '/'))
            .ToHashSet();
        Assert.Equal(site.Pages.Where(p => p != "404.html").ToHashSet(), listed);
        Assert.Contains(map.QuerySelectorAll("h2"), h => h.TextContent.Contains("Objetivos", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_package_describes_every_csv_column_by_its_header_with_the_licence()
    {
        using var package = JsonDocument.Parse(File.ReadAllBytes(site["datos/datapackage.json"]));
        var root = package.RootElement;
        Assert.Equal("tabular-data-package", root.GetProperty("profile").GetString());
        Assert.Contains("4.0", root.GetProperty("licenses")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://creativecommons.org/licenses/by/4.0/", root.GetProperty("licenses")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Contains(resources, r => r.GetProperty("path").GetString() == "cortes/2025-06-30.csv");
        foreach (var resource in resources)
        {
            var file = site["datos/" + resource.GetProperty("path").GetString()];
            var header = Csv.Parse(File.ReadAllText(file))[0];
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(header, fields.Select(f => f.GetProperty("name").GetString()));
            Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString())));
            // The tables of the follow-up have avance_corte; compromisos.csv, the avance at the cut-off of the lag.
            var progress = resource.GetProperty("name").GetString() == "compromisos" ? "avance_corte_rezago" : "avance_corte";
            Assert.Contains(fields, f => f.GetProperty("name").GetString() == progress && f.GetProperty("type").GetString() == "number" && f.GetProperty("unit").GetString() == "%");
        }
        Assert.Contains(resources, r => r.GetProperty("path").GetString() == "seguimiento.csv");
    }

    [Fact]
    public void Open_data_page_names_the_licence_and_carries_a_schema_org_dataset_whose_files_exist()
    {
        var document = site.Page("datos/index.html");
        var licence = document.QuerySelector("a[rel=license]")!;
        Assert.Contains("Creative Commons", licence.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.es", licence.GetAttribute("href"));

        var block = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(block.TextContent);
        var dataset = json.RootElement;
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.es", dataset.GetProperty("license").GetProperty("url").GetString());
        Assert.Equal("GovernmentOrganization", dataset.GetProperty("publisher").GetProperty("@type").GetString());
        var latest = RealContent.Report.Latest!.CutOff.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith("/" + latest, dataset.GetProperty("temporalCoverage").GetString(), StringComparison.Ordinal);
        var downloads = dataset.GetProperty("distribution").EnumerateArray().ToList();
        Assert.Contains(downloads, d => d.GetProperty("encodingFormat").GetString() == "text/csv");
        Assert.Contains(downloads, d => d.GetProperty("contentUrl").GetString() == PublishedSite.BaseUrl + "informes/seguimiento-2025-06-30.pdf");
        Assert.All(downloads, d => Assert.True(File.Exists(site[d.GetProperty("contentUrl").GetString()![PublishedSite.BaseUrl.Length..]])));

        using var catalog = JsonDocument.Parse(File.ReadAllBytes(site["datos/catalogo.json"]));
        var entry = catalog.RootElement.GetProperty("dataset")[0];
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.es", entry.GetProperty("license").GetString());
        Assert.All(entry.GetProperty("distribution").EnumerateArray(), d => Assert.True(File.Exists(site[d.GetProperty("downloadURL").GetString()![PublishedSite.BaseUrl.Length..]])));
    }

    [Fact]
    public void Csv_of_a_cut_off_and_the_whole_history_write_numbers_by_one_rule()
    {
        var records = Csv.Parse(File.ReadAllText(site["datos/cortes/2025-06-30.csv"]));
        var header = records[0];
        var row = records.Single(r => r[Array.IndexOf(header, "indicador_id")] == "3979");
        Assert.Equal("106.16", row[Array.IndexOf(header, "avance_corte")]);
        Assert.Equal("75.3", row[Array.IndexOf(header, "avance_vigencia")]);
        Assert.Equal("50", row[Array.IndexOf(header, "ponderacion")]);
        var history = Csv.Parse(File.ReadAllText(site["datos/seguimiento.csv"]));
        Assert.Equal(header, history[0]);
        Assert.Contains(history, r => r.SequenceEqual(row));
    }

    [Fact]
    public void Workbook_has_a_sheet_per_cut_off_and_the_dictionary_with_typed_numbers_and_percentages_in_the_csv_unit()
    {
        using var document = SpreadsheetDocument.Open(site["datos/seguimiento.xlsx"], false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Contains(sheets, s => s.Name == "2025-06-30");
        Assert.Contains(sheets, s => s.Name == "Diccionario");

        var part = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "2025-06-30").Id!);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        var row = rows.Single(r => r.Elements<Cell>().ElementAt(header.IndexOf("indicador_id")).InlineString?.Text?.Text == "3979");
        var progress = row.Elements<Cell>().ElementAt(header.IndexOf("avance_corte"));
        Assert.Equal(CellValues.Number, progress.DataType!.Value);
        // The same number as the CSV and plan.json, shown with " %": one unit in every file.
        Assert.Equal("106.16", progress.CellValue!.Text);
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)progress.StyleIndex!.Value);
        Assert.Equal("0.00\" %\"", workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value);
        var executed = row.Elements<Cell>().ElementAt(header.IndexOf("ejecutado"));
        Assert.Equal(CellValues.Number, executed.DataType!.Value);
        Assert.Equal("33.885", executed.CellValue!.Text);
    }

    [Fact]
    public void Pdf_report_of_2025_06_30_is_tagged_has_a_page_per_objective_the_figures_the_method_and_the_mission()
    {
        var pdf = site["informes/seguimiento-2025-06-30.pdf"];
        Assert.True(File.Exists(pdf));
        var info = Run("pdfinfo", pdf);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.True(int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture) >= 10, info);
        Assert.Matches(@"Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)", info);
        var bytes = File.ReadAllText(pdf, System.Text.Encoding.Latin1);
        Assert.Contains("/Outlines", bytes, StringComparison.Ordinal);

        var text = Run("pdftotext", "-layout", pdf, "-").Replace('\u00A0', ' ');
        Assert.All(ObjectiveFigures, figure => Assert.Contains(figure, text, StringComparison.Ordinal));
        Assert.Contains("Misión", text, StringComparison.Ordinal);
        Assert.Contains("Metodología", text, StringComparison.Ordinal);
        Assert.Contains("Fuente:", text, StringComparison.Ordinal);
        for (var objective = 1; objective <= 10; objective++)
        {
            Assert.Contains($"Objetivo {objective}", text, StringComparison.Ordinal);
        }

        var cutOffPage = site.Page("cortes/2025-06-30/index.html");
        var link = Assert.Single(cutOffPage.QuerySelectorAll("a[href$='.pdf']"));
        Assert.Equal("../../informes/seguimiento-2025-06-30.pdf", link.GetAttribute("href"));
        Assert.Contains("Descargar informe (PDF)", link.TextContent, StringComparison.Ordinal);
        foreach (var objective in RealContent.Plan.Objectives)
        {
            var page = site.Page($"cortes/2025-06-30/objetivos/{objective.Number}/index.html");
            Assert.Equal("../../../../informes/seguimiento-2025-06-30.pdf", Assert.Single(page.QuerySelectorAll("a[href$='.pdf']")).GetAttribute("href"));
        }
    }

    [Fact]
    public void Pdf_report_can_be_cited_results_first_with_page_numbers_a_running_header_and_no_near_empty_page()
    {
        var report = PrintedReport.Read(site["informes/seguimiento-2025-06-30.pdf"]);
        var published = RealContent.Plan.Publications.Single(p => p.CutOff == new DateOnly(2025, 6, 30)).Published;

        report.AssertCitable($"Seguimiento con corte al 30 de junio de 2025 · Publicado el {Pei.Site.Text.EsCo.Date(published)}");
        // Results first (objectives with status, changes, lags), then each objective, then method, mission and vision.
        report.AssertInOrder(
        [
            "Objetivos estratégicos al 30 de junio de 2025", "Cambios desde el corte anterior", "Indicadores con rezago",
            .. RealContent.Plan.Objectives.Select(o => $"Objetivo {o.Number}. {o.Title}\n"),
            "Metodología de medición", "Misión", "Visión",
        ]);
        // Each objective's section leads with its figure, its avance de la vigencia and its status in words.
        foreach (var objective in RealContent.Plan.Objectives)
        {
            Assert.Matches($@"Objetivo {objective.Number}\. {System.Text.RegularExpressions.Regex.Escape(objective.Title)}\nCumplimiento [\d.,]+ % · Avance de la vigencia 2025: [\d.,]+ % · Estado: [●▼■◆] ", report.Body);
        }
    }

    private XDocument Validated(string file, string schema)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Repository.PathTo("tests", "Pei.Site.Tests", "Web", "Schemas", schema));
        var errors = new List<string>();
        var document = XDocument.Load(site[file], LoadOptions.SetLineInfo);
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return document;
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}. bash tests/run.sh installs poppler-utils.");
        return output;
    }
}
