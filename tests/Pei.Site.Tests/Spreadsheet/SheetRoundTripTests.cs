using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Spreadsheet;

/// <summary>The quarterly update without retyping, on a copy of the real content: nuevo-corte, plantilla, fill in the
/// sheet, importar, validate.</summary>
public sealed class SheetRoundTripTests : IDisposable
{
    private static readonly DateOnly September = new(2025, 9, 30);

    private readonly TempFolder temp = new();
    private readonly string content;

    public SheetRoundTripTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--titulo", "Tercer trimestre 2025", "--content", content).ExitCode);
    }

    public void Dispose() => temp.Dispose();

    private Pei.Site.Model.Plan Load()
    {
        var diagnostics = new DiagnosticBag();
        var plan = Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" })?.Plan;
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return plan!;
    }

    [Fact]
    public void Csv_template_filled_in_and_imported_validates_and_keeps_the_files_comments()
    {
        var sheet = temp["t.csv"];
        var made = Cli.Run("plantilla", "2025-09-30", "--out", sheet, "--content", content);
        Assert.Equal(0, made.ExitCode);
        var expected = Load().Indicators.Where(i => i.FiscalYear(2025) is not null).Select(i => i.Id).ToList();

        // Fill in the sheet as a spreadsheet program saves it: same columns, a value in every figure cell.
        var lines = File.ReadAllText(sheet, Encoding.UTF8).TrimEnd('\r', '\n').Split("\r\n");
        Assert.Equal("corte;objetivo;meta;id (no editar);indicador;unidad;meta de la vigencia;anualización;programado del corte anterior;ejecutado del corte anterior;programado;ejecutado;observaciones;causa;accion;responsable;fecha_compromiso", lines[0]);
        Assert.Equal(expected.Count, lines.Length - 1);
        var filled = new StringBuilder(lines[0] + "\r\n");
        var values = new Dictionary<string, (decimal Planned, decimal Executed)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var id = expected[i - 1];
            var (planned, executed) = (i + 0.5m, i + 0.25m);
            values[id] = (planned, executed);
            filled.Append(CultureInfo.InvariantCulture,
                $"2025-09-30;x;x;{id};x;x;1;x;;;{planned.ToString(CultureInfo.InvariantCulture).Replace('.', ',')};{executed.ToString(CultureInfo.InvariantCulture).Replace('.', ',')};\"Rezago de 0,25 en {id}.\nSe subsanará en octubre.\"\r\n");
        }
        File.WriteAllText(sheet, filled.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var imported = Cli.Run("importar", sheet, "--content", content);
        var validated = Cli.Run("validate", "--content", content);

        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(0, validated.ExitCode);
        Assert.StartsWith("Contenido válido:", validated.Stdout, StringComparison.Ordinal);
        var plan = Load();
        Assert.Equal("Tercer trimestre 2025", plan.CutOffs.Single(c => c.Date == September).Title);
        foreach (var indicator in plan.Indicators.Where(i => values.ContainsKey(i.Id)))
        {
            var measurement = indicator.FiscalYear(2025)!.Measurement(September)!;
            Assert.Equal(values[indicator.Id], (measurement.Planned!.Value, measurement.Executed!.Value));
            Assert.Equal($"Rezago de 0,25 en {indicator.Id}.\nSe subsanará en octubre.", measurement.Observations);
        }
        var file4199 = File.ReadAllText(Path.Combine(content, "objetivos", "03-comunicacion-publica", "indicadores", "4199.yaml"));
        Assert.Contains("    ponderacion: 50  # inferida:", file4199, StringComparison.Ordinal);
        Assert.Contains("        ejecutado: 0.36456  # el informe imprime 0,36;", file4199, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=", file4199, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_template_reads_back_with_a_header_row_one_row_per_indicator_and_numbers_as_numbers()
    {
        var sheet = temp["t.xlsx"];

        var made = Cli.Run("plantilla", "2025-09-30", "--out", sheet, "--content", content);

        Assert.Equal(0, made.ExitCode);
        var plan = Load();
        var expected = plan.Indicators.Where(i => i.FiscalYear(2025) is not null).ToList();
        using var document = SpreadsheetDocument.Open(sheet, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheetEntry = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Corte 2025-09-30", sheetEntry.Name!.Value);
        var part = (WorksheetPart)workbook.GetPartById(sheetEntry.Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(
            ["corte", "objetivo", "meta", "id (no editar)", "indicador", "unidad", "meta de la vigencia", "anualización", "programado del corte anterior", "ejecutado del corte anterior", "programado", "ejecutado", "observaciones", "causa", "accion", "responsable", "fecha_compromiso"],
            rows[0].Select(c => c.InnerText));
        Assert.Equal(expected.Select(i => i.Id), rows.Skip(1).Select(r => r[3].InnerText));
        Assert.All(rows.Skip(1), r => Assert.Equal("2025-09-30", r[0].InnerText));
        var row4199 = rows.Single(r => r[3].InnerText == "4199");
        Assert.Equal(CellValues.Number, row4199[6].DataType!.Value);
        Assert.Equal(1m, decimal.Parse(row4199[6].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(17, part.Worksheet.Descendants<Column>().Count());
        Assert.All(part.Worksheet.Descendants<Column>(), c => Assert.True(c.Width!.Value >= 10));
    }

    [Fact]
    public void Xlsx_template_freezes_a_bold_header_shades_the_columns_planners_do_not_fill_in_and_wraps_observaciones()
    {
        var sheet = temp["t.xlsx"];

        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", sheet, "--content", content).ExitCode);

        using var document = SpreadsheetDocument.Open(sheet, isEditable: false);
        var workbook = document.WorkbookPart!;
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        var fills = styles.Fills!.Elements<Fill>().ToList();
        CellFormat FormatOf(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)];
        string? FillOf(Cell cell) => fills[(int)(FormatOf(cell).FillId?.Value ?? 0)].PatternFill?.ForegroundColor?.Rgb?.Value;
        var part = workbook.WorksheetParts.Single();
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.All(rows[0], c => Assert.NotNull(fonts[(int)FormatOf(c).FontId!.Value].GetFirstChild<Bold>()));
        var row4199 = rows.Single(r => r[3].InnerText == "4199");
        Assert.All(row4199.Take(10), c => Assert.Equal("FFE7E6E6", FillOf(c)));
        Assert.All(row4199.Skip(10), c => Assert.Null(FillOf(c)));
        Assert.True(FormatOf(row4199[12]).Alignment!.WrapText!.Value);
    }

    [Fact]
    public void Xlsx_template_of_the_published_cut_off_holds_its_figures_and_imports_back_unchanged_into_a_draft()
    {
        var published = temp["junio.xlsx"];
        Assert.Equal(0, Cli.Run("plantilla", "2025-06-30", "--out", published, "--content", content).ExitCode);
        using (var document = SpreadsheetDocument.Open(published, isEditable: false))
        {
            var part = document.WorkbookPart!.WorksheetParts.Single();
            var row = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).Single(r => r[3].InnerText == "4199");
            Assert.Equal(0.49m, decimal.Parse(row[10].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(0.36456m, decimal.Parse(row[11].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.StartsWith("Al corte del 30 de junio", row[12].InnerText, StringComparison.Ordinal);
        }

        var draft = temp["septiembre.xlsx"];
        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", draft, "--content", content).ExitCode);
        var imported = Cli.Run("importar", draft, "--content", content);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("0 archivos modificados.", imported.Stdout, StringComparison.Ordinal);
    }
}
