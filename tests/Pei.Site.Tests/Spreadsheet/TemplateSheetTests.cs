using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pei.Site.Tests.Spreadsheet;

/// <summary>
/// The template plantilla writes for a draft cut-off on Load/Cases/_base, read back with the Open XML SDK: the previous
/// cut-off's figures and the anualización in words beside the cells to fill, every other cell locked in a protected
/// sheet, and the cells to fill accepting numbers only.
/// </summary>
public sealed class TemplateSheetTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string sheet;

    public TemplateSheetTests()
    {
        var content = temp.Copy(Repository.BaseCase, "content");
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        sheet = temp["plantilla.xlsx"];
        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", sheet, "--content", content).ExitCode);
    }

    public void Dispose() => temp.Dispose();

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    [Fact]
    public void Rows_carry_the_previous_cut_offs_figures_and_the_anualizacion_in_words()
    {
        using var document = SpreadsheetDocument.Open(sheet, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal(["corte", "objetivo", "meta", "id (no editar)", "indicador", "unidad", "meta de la vigencia", "anualización",
            "programado del corte anterior", "ejecutado del corte anterior", "programado", "ejecutado", "observaciones",
            "causa", "accion", "responsable", "fecha_compromiso"], header);
        var byId = rows.Skip(1).ToDictionary(r => Text(r.Elements<Cell>().ElementAt(3)), r => r.Elements<Cell>().Select(Text).ToList());
        Assert.Equal(["suma: acumulado del año", "0", "10"], byId["203"][7..10]);
        Assert.Equal(["constante: el valor al corte", "95", "90"], byId["102"][7..10]);
        Assert.Equal(["creciente: el valor alcanzado al corte", "65", "66"], byId["201"][7..10]);
    }

    [Fact]
    public void Only_the_cells_to_fill_can_change_and_programado_and_ejecutado_accept_numbers_only()
    {
        using var document = SpreadsheetDocument.Open(sheet, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        Assert.Equal(true, part.Worksheet.Elements<SheetProtection>().Single().Sheet?.Value);
        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Unlocked(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false;
        var second = part.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        Assert.Equal([false, false, false, false, false, false, false, false, false, false, true, true, true, true, true, true, true], second.Select(Unlocked));

        var validation = part.Worksheet.Descendants<DataValidation>().Single();
        Assert.Equal(DataValidationValues.Decimal, validation.Type!.Value);
        Assert.Equal("K2:K6 L2:L6", validation.SequenceOfReferences!.InnerText);
        Assert.True(validation.ShowErrorMessage!.Value);
        Assert.Contains("sin '%' ni separador de miles", validation.Error!.Value, StringComparison.Ordinal);
    }
}
