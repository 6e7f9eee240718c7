using System.Security.Cryptography;
using Pei.Site.Spreadsheet;

namespace Pei.Site.Tests.Spreadsheet;

/// <summary>
/// importar on workbooks written by an independent writer (exceljs): a cell formatted as a percentage reads as the
/// percentage it shows, or is refused for an indicator measured in numbers; a formula without its result, a logical value
/// and a formula's error are refused with the cell named; one run reports every problem of the sheet and of the content,
/// and a refused run writes nothing and says so.
/// </summary>
[Trait(Needs.Trait, Needs.Node)]
public sealed class WorkbookCellTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public WorkbookCellTests()
    {
        content = DraftContent.In(temp);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>The fixture's five indicators filled in with plausible figures, one row each, in the template's columns.</summary>
    private static Dictionary<string, (object? Planned, object? Executed, object? Observations)> Filled() => new()
    {
        ["101"] = (3, 3, null),
        ["102"] = (95, 96, null),
        ["201"] = (70, 72, null),
        ["202"] = (2, 2, null),
        ["203"] = (1, 12, null),
    };

    /// <summary>Row of the sheet (header is row 1) of each indicator, in the fixture's order.</summary>
    private static readonly string[] Ids = ["101", "102", "201", "202", "203"];

    private string Workbook(string name, Dictionary<string, (object? Planned, object? Executed, object? Observations)> figures)
    {
        var path = temp[name];
        var header = MeasurementSheet.Columns.Select(c => (object?)c.Header);
        var rows = Ids.Select(id => MeasurementSheet.Columns.Select(c =>
            c == MeasurementSheet.CutOff ? "2025-09-30"
            : c == MeasurementSheet.Id ? id
            : c == MeasurementSheet.Planned ? figures[id].Planned
            : c == MeasurementSheet.Executed ? figures[id].Executed
            : c == MeasurementSheet.Observations ? figures[id].Observations
            : null));
        RealSpreadsheet.Write(path, "Corte 2025-09-30", [header, .. rows]);
        return path;
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(content, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    private Cli.Outcome Refused(string sheet)
    {
        var before = Snapshot();
        var outcome = Cli.Run("importar", sheet, "--content", content);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(before, Snapshot());
        Assert.EndsWith("; no se escribió nada.", outcome.Stderr.TrimEnd());
        return outcome;
    }

    private string September(string id) =>
        File.ReadAllText(Directory.GetFiles(content, id + ".yaml", SearchOption.AllDirectories).Single()).Split("2025-09-30:")[1];

    [Theory]
    [InlineData(0.96, "0%", "96")]
    [InlineData(0.955, "0.00%", "95.5")]
    [InlineData(1.0616, "0.00%", "106.16")]
    [InlineData(0.9, "#,##0.0 %", "90")]
    public void A_percent_formatted_cell_of_a_percentage_indicator_reads_as_the_percentage_it_shows(double stored, string format, string written)
    {
        var figures = Filled();
        figures["102"] = (RealSpreadsheet.Formatted(0.95, format), RealSpreadsheet.Formatted(stored, format), "Texto");

        var outcome = Cli.Run("importar", Workbook("pct.xlsx", figures), "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("programado: 95\n", September("102"), StringComparison.Ordinal);
        Assert.Contains($"ejecutado: {written}\n", September("102"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_percent_formatted_cell_of_a_number_indicator_is_refused_with_what_it_shows()
    {
        var figures = Filled();
        figures["101"] = (3, RealSpreadsheet.Formatted(0.5, "0%"), null);
        var sheet = Workbook("pct-numero.xlsx", figures);

        var outcome = Refused(sheet);

        Assert.Contains($"{sheet}:2:12: error PEI133: hoja 'Corte 2025-09-30', fila 2, columna 'ejecutado': la celda tiene formato de porcentaje y muestra 50,00 %, pero el indicador '101' se mide en número (unidad 'numero'); quite el formato de porcentaje de la celda (Formato de celdas → Número) y escriba la cifra",
            outcome.ErrorLines);
    }

    [Fact]
    public void Formula_without_result_logical_value_and_formula_error_are_each_refused_with_the_cell_named_in_one_run()
    {
        var figures = Filled();
        figures["101"] = (RealSpreadsheet.Formula("I2+1"), 3, null);
        figures["102"] = (95, true, null);
        figures["201"] = (70, RealSpreadsheet.FormulaError("1/0", "#DIV/0!"), null);
        figures["202"] = (2, false, null);
        var sheet = Workbook("celdas.xlsx", figures);

        var outcome = Refused(sheet);

        Assert.Equal(
        [
            $"{sheet}:2:11: error PEI134: hoja 'Corte 2025-09-30', fila 2, columna 'programado': la celda tiene la fórmula '=I2+1' sin su resultado guardado; abra el archivo en Excel o LibreOffice y guárdelo de nuevo (así se guarda el resultado) o escriba la cifra en lugar de la fórmula",
            $"{sheet}:3:12: error PEI135: hoja 'Corte 2025-09-30', fila 3, columna 'ejecutado': la celda tiene el valor lógico VERDADERO, no una cifra; escriba el número",
            $"{sheet}:4:12: error PEI136: hoja 'Corte 2025-09-30', fila 4, columna 'ejecutado': la celda muestra el error #DIV/0! de una fórmula; corrija la fórmula o escriba la cifra",
            $"{sheet}:5:12: error PEI135: hoja 'Corte 2025-09-30', fila 5, columna 'ejecutado': la celda tiene el valor lógico FALSO, no una cifra; escriba el número",
        ], outcome.ErrorLines);
    }

    [Theory]
    [InlineData("d-mmm")]
    [InlineData("dd/mm/yyyy")]
    [InlineData("[$-es-CO]d \"de\" mmmm")]
    public void A_figure_the_spreadsheet_took_for_a_date_is_refused_with_the_date_it_shows(string format)
    {
        var figures = Filled();
        figures["101"] = (3, RealSpreadsheet.Formatted(45778, format), null); // "1.5" typed, taken for 1 May 2025
        var sheet = Workbook("fecha.xlsx", figures);

        var outcome = Refused(sheet);

        Assert.Equal(
            [$"{sheet}:2:12: error PEI144: hoja 'Corte 2025-09-30', fila 2, columna 'ejecutado': la celda tiene formato de fecha y muestra 01/05/2025: el programa de hoja de cálculo tomó la cifra por una fecha; quite el formato de fecha (Formato de celdas → Número) y escriba la cifra con coma decimal (p. ej. 1,5)"],
            outcome.ErrorLines);
    }

    [Theory]
    [InlineData("0.00")]
    [InlineData("#,##0 \"días\"")]
    [InlineData("[Red]0.0")]
    public void A_number_format_without_date_codes_reads_as_the_number(string format)
    {
        var figures = Filled();
        figures["101"] = (3, RealSpreadsheet.Formatted(3, format), null);

        var outcome = Cli.Run("importar", Workbook("numero.xlsx", figures), "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("ejecutado: 3\n", September("101"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_with_its_stored_result_reads_as_the_result()
    {
        var figures = Filled();
        figures["101"] = (RealSpreadsheet.Formula("1+2", 3), RealSpreadsheet.Formula("0.1*30", 3), null);

        var outcome = Cli.Run("importar", Workbook("formula.xlsx", figures), "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("programado: 3\n        ejecutado: 3\n", September("101"), StringComparison.Ordinal);
    }

    [Fact]
    public void One_run_reports_the_sheets_problems_and_the_contents_together()
    {
        var figures = Filled();
        figures["101"] = (3, "tres", null);
        figures["201"] = (70, 66, null); // a lag without observations: the content's problem
        var sheet = Workbook("ambos.xlsx", figures);

        var outcome = Refused(sheet);

        Assert.Contains($"{sheet}:2:12: error PEI073: hoja 'Corte 2025-09-30', fila 2, columna 'ejecutado': 'tres' no se lee como número; escriba solo la cifra, con coma o punto decimal y sin '%' ni separador de miles, p. ej. 0,49", outcome.ErrorLines);
        Assert.Contains("content/objetivos/02-gestion-interna/indicadores/201.yaml:", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(": warning PEI021: el indicador tiene rezago al corte 2025-09-30 (avance 60,00 %)", outcome.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("1 error, ", outcome.Stderr.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_with_three_decimals_is_imported_with_a_warning_that_it_may_be_a_thousands_separator()
    {
        var figures = Filled();
        figures["203"] = (1, "8.110", null);
        var sheet = Workbook("miles.xlsx", figures);

        var outcome = Cli.Run("importar", sheet, "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains($"{sheet}:6:12: warning PEI131: hoja 'Corte 2025-09-30', fila 6, columna 'ejecutado': '8.110' se lee como 8,110, con tres decimales, porque en la hoja el punto separa los decimales, no los miles; si la cifra es 8110 (sin decimales), escriba 8110; si de verdad tiene tres decimales, no cambie nada",
            outcome.Stderr, StringComparison.Ordinal);
    }
}
