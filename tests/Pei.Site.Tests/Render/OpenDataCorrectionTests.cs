using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Tests.Fixtures;

namespace Pei.Site.Tests.Render;

/// <summary>
/// A correction shows in the open data beside the figure it corrects. The fixture plan-en-el-tiempo corrected its
/// 2025-09-30 cut-off on 2025-11-05: the weight of indicator 101 went from 50 to 60, and objective 1's cumplimiento from
/// 99.26 to 99.33. The CSV, the workbook and plan.json keep the corrected figure in its column and add the figure as first
/// published and the correction's date; the other cut-offs and figures have those columns empty.
/// </summary>
public sealed class OpenDataCorrectionTests : IClassFixture<OpenDataCorrectionTests.Site>
{
    public sealed class Site : IDisposable
    {
        private readonly TempFolder temp = new();

        public Site()
        {
            Out = temp["_site"];
            TimelineFixture.Build(Out);
        }

        public string Out { get; }

        public string this[string path] => Path.Combine(Out, path);

        public void Dispose() => temp.Dispose();
    }

    private static readonly string[] ExistingColumns =
    [
        "corte", "vigencia", "objetivo_numero", "objetivo_titulo", "objetivo_cumplimiento", "indicador_id", "indicador_codigo",
        "indicador_nombre", "tipo", "unidad", "anualizacion", "linea_base", "meta_codigo", "meta_descripcion", "ponderacion",
        "meta_vigencia", "programado", "ejecutado", "avance_corte", "avance_vigencia", "estado", "observaciones",
    ];

    private static readonly string[] CorrectionColumns =
    [
        "objetivo_cumplimiento_publicado", "ponderacion_publicado", "meta_vigencia_publicado", "programado_publicado",
        "ejecutado_publicado", "avance_corte_publicado", "avance_vigencia_publicado", "corregido_el",
    ];

    /// <summary>Columns added after the correction columns: each indicator's responsible area.</summary>
    private static readonly string[] LaterColumns = ["indicador_responsable"];

    private readonly Site site;

    public OpenDataCorrectionTests(Site site) => this.site = site;

    [Theory]
    [InlineData("datos/cortes/2025-09-30.csv")]
    [InlineData("datos/seguimiento.csv")]
    public void Csv_keeps_its_columns_and_adds_each_corrected_figure_as_first_published_and_the_correction_date(string file)
    {
        var records = Csv.Parse(File.ReadAllText(site[file]));
        var header = records[0];
        Assert.Equal([.. ExistingColumns, .. CorrectionColumns, .. LaterColumns], header);
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        var september = records.Skip(1).Where(r => Cell(r, "corte") == "2025-09-30").ToDictionary(r => Cell(r, "indicador_id"));

        var corrected = september["101"];
        Assert.Equal("60", Cell(corrected, "ponderacion"));
        Assert.Equal("50", Cell(corrected, "ponderacion_publicado"));
        Assert.Equal("99.33", Cell(corrected, "objetivo_cumplimiento"));
        Assert.Equal("99.26", Cell(corrected, "objetivo_cumplimiento_publicado"));
        Assert.Equal("2025-11-05", Cell(corrected, "corregido_el"));
        Assert.All(["meta_vigencia_publicado", "programado_publicado", "ejecutado_publicado", "avance_corte_publicado", "avance_vigencia_publicado"],
            column => Assert.Equal("", Cell(corrected, column)));

        // Its objective's other indicator carries the objective's corrected cumplimiento, and its own figures stand.
        var sibling = september["102"];
        Assert.Equal("99.26", Cell(sibling, "objetivo_cumplimiento_publicado"));
        Assert.Equal("", Cell(sibling, "ponderacion_publicado"));
        Assert.Equal("2025-11-05", Cell(sibling, "corregido_el"));

        // Nothing of objective 2 nor of any other cut-off was corrected.
        var untouched = records.Skip(1).Where(r => Cell(r, "corte") != "2025-09-30" || Cell(r, "objetivo_numero") == "2").ToList();
        Assert.NotEmpty(untouched);
        Assert.All(untouched, row => Assert.All(CorrectionColumns, column => Assert.Equal("", Cell(row, column))));
    }

    [Fact]
    public void Workbook_sheet_of_the_corrected_cut_off_has_the_first_published_weight_in_percent_and_the_correction_as_a_date()
    {
        using var document = SpreadsheetDocument.Open(site["datos/seguimiento.xlsx"], false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "2025-09-30");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal([.. ExistingColumns, .. CorrectionColumns, .. LaterColumns], header);
        var row = rows.Single(r => Text(r.Elements<Cell>().ElementAt(header.IndexOf("indicador_id"))) == "101").Elements<Cell>().ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        var published = row[header.IndexOf("ponderacion_publicado")];
        Assert.Equal(CellValues.Number, published.DataType!.Value);
        Assert.Equal("50", published.CellValue!.Text);
        var percent = formats[(int)published.StyleIndex!.Value].NumberFormatId!.Value; // 0.00 " %": shows 50,00 %
        Assert.Equal("0.00\" %\"", workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == percent).FormatCode!.Value);
        Assert.Equal("60", row[header.IndexOf("ponderacion")].CellValue!.Text);
        Assert.Equal("99.26", row[header.IndexOf("objetivo_cumplimiento_publicado")].CellValue!.Text);

        var date = row[header.IndexOf("corregido_el")];
        Assert.Equal(new DateTime(2025, 11, 5), DateTime.FromOADate(double.Parse(date.CellValue!.Text, CultureInfo.InvariantCulture)));
        var dateFormat = formats[(int)date.StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Equal("yyyy\\-mm\\-dd", workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dateFormat).FormatCode!.Value);

        var dictionary = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Diccionario");
        var described = ((WorksheetPart)workbook.GetPartById(dictionary.Id!)).Worksheet.Descendants<Row>()
            .Select(r => Text(r.Elements<Cell>().First())).ToList();
        Assert.All(CorrectionColumns, column => Assert.Contains(column, described));
    }

    [Fact]
    public void Plan_json_marks_the_corrected_objective_and_indicator_with_their_figures_as_first_published()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(site["datos/plan.json"]));
        var cutOffs = json.RootElement.GetProperty("cortes").EnumerateArray().ToList();
        var september = cutOffs.Single(c => c.GetProperty("fecha").GetString() == "2025-09-30");
        var objective = september.GetProperty("objetivos").EnumerateArray().Single(o => o.GetProperty("numero").GetInt32() == 1);
        Assert.Equal("2025-11-05", objective.GetProperty("correccion").GetProperty("corregido_el").GetString());
        Assert.Equal("99.26", objective.GetProperty("correccion").GetProperty("publicado").GetProperty("cumplimiento").GetRawText());
        Assert.Equal("99.33", objective.GetProperty("cumplimiento").GetRawText());
        var indicators = objective.GetProperty("indicadores").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        var published = indicators["101"].GetProperty("correccion").GetProperty("publicado");
        Assert.Equal(["ponderacion"], published.EnumerateObject().Select(p => p.Name));
        Assert.Equal("50", published.GetProperty("ponderacion").GetRawText());
        Assert.Equal(JsonValueKind.Null, indicators["102"].GetProperty("correccion").ValueKind);

        var others = cutOffs.Where(c => c.GetProperty("fecha").GetString() != "2025-09-30")
            .SelectMany(c => c.GetProperty("objetivos").EnumerateArray())
            .SelectMany(o => o.GetProperty("indicadores").EnumerateArray().Append(o))
            .ToList();
        Assert.NotEmpty(others);
        Assert.All(others, o => Assert.Equal(JsonValueKind.Null, o.GetProperty("correccion").ValueKind));
    }

    [Fact]
    public void Data_package_describes_the_correction_columns_of_every_csv()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(site["datos/datapackage.json"]));
        var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Contains(resources, r => r.GetProperty("path").GetString() == "cortes/2025-09-30.csv");
        // compromisos.csv has columns of its own (Commitments/CommitmentPagesTests).
        Assert.All(resources.Where(r => r.GetProperty("name").GetString() != "compromisos"), resource =>
        {
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
            Assert.Equal([.. ExistingColumns, .. CorrectionColumns, .. LaterColumns], fields.Keys);
            Assert.Equal("number", fields["avance_corte_publicado"].GetProperty("type").GetString());
            Assert.Equal("%", fields["avance_corte_publicado"].GetProperty("unit").GetString());
            Assert.Equal("date", fields["corregido_el"].GetProperty("type").GetString());
            Assert.Contains("como se publicó por primera vez", fields["ponderacion_publicado"].GetProperty("description").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("2 decimales", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
