using System.Security.Cryptography;
using System.Text;
using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Spreadsheet;

/// <summary>importar on a small fixture (a copy of Load/Cases/_base with a draft cut-off 2025-09-30): what it writes, and
/// every refusal with its exact diagnostic and no file changed.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public ImportCommandTests()
    {
        content = DraftContent.In(temp);
    }

    public void Dispose() => temp.Dispose();

    private static string Row(string id, string planned, string executed, string observations = "", string cutOff = "2025-09-30") =>
        $"{cutOff};;;{id};;;;{planned};{executed};{observations}";

    /// <summary>A complete sheet for the fixture's five indicators, with the rows given replacing the defaults by id.</summary>
    private string Sheet(string name, string text, bool byteOrderMark = true)
    {
        var path = temp[name];
        File.WriteAllBytes(path, [.. byteOrderMark ? Encoding.UTF8.Preamble.ToArray() : [], .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    private string FullSheet(params string[] rows) => string.Join("\n", [DraftContent.Header, .. rows]) + "\n";

    private static readonly string[] Filled =
    [
        Row("101", "3", "3"),
        Row("102", "95", "96"),
        Row("201", "70", "72"),
        Row("202", "2", "2"),
        Row("203", "1", "12"),
    ];

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(content, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    private Cli.Outcome Refused(string sheet)
    {
        var before = Snapshot();
        var outcome = Cli.Run("importar", sheet, "--content", content);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(before, Snapshot());
        return outcome;
    }

    private Pei.Site.Model.Plan Load()
    {
        var diagnostics = new DiagnosticBag();
        var plan = Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" })?.Plan;
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return plan!;
    }

    private Pei.Site.Model.Measurement September(string id) =>
        Load().Indicators.Single(i => i.Id == id).FiscalYear(2025)!.Measurement(new DateOnly(2025, 9, 30))!;

    [Fact]
    public void Semicolon_csv_with_decimal_comma_and_a_byte_order_mark_fills_in_the_draft()
    {
        var sheet = Sheet("t.csv", FullSheet(
            Row("101", "3,5", "2,25", "\"Rezago: faltó un punto; se abrirá en octubre.\nSegunda línea con \"\"comillas\"\".\""),
            Filled[1], Filled[2], Filled[3], Filled[4]));

        var outcome = Cli.Run("importar", sheet, "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith($"Cifras del corte 2025-09-30 importadas de {sheet}: 5 indicadores, 5 archivos modificados.", outcome.Stdout, StringComparison.Ordinal);
        var measurement = September("101");
        Assert.Equal(3.5m, measurement.Planned);
        Assert.Equal(2.25m, measurement.Executed);
        Assert.Equal("Rezago: faltó un punto; se abrirá en octubre.\nSegunda línea con \"comillas\".", measurement.Observations);
        Assert.Contains(
            "      2025-09-30:\n        programado: 3.5\n        ejecutado: 2.25\n        observaciones: |\n          Rezago: faltó un punto; se abrirá en octubre.\n          Segunda línea con \"comillas\".\n",
            File.ReadAllText(Path.Combine(content, "objetivos", "01-servicio-ciudadano", "indicadores", "101.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Comma_separated_csv_with_decimal_point_and_no_byte_order_mark_reads_the_same()
    {
        var text = FullSheet(Row("101", "2.5", "1.25"), Filled[1], Filled[2], Filled[3], Filled[4]).Replace(';', ',');
        var sheet = Sheet("t.csv", text, byteOrderMark: false);

        var outcome = Cli.Run("importar", sheet, "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(2.5m, September("101").Planned);
        Assert.Equal(1.25m, September("101").Executed);
        Assert.Equal(96m, September("102").Executed);
    }

    [Fact]
    public void Importing_the_same_sheet_twice_changes_nothing_the_second_time()
    {
        var sheet = Sheet("t.csv", FullSheet(Filled));
        Assert.Equal(0, Cli.Run("importar", sheet, "--content", content).ExitCode);
        var before = Snapshot();

        var outcome = Cli.Run("importar", sheet, "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("5 indicadores, 0 archivos modificados.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void An_unknown_indicator_id_is_named_and_nothing_changes()
    {
        var sheet = Sheet("t.csv", FullSheet(Filled[0], Filled[1], Filled[2], Filled[3], Filled[4], Row("9999", "1", "1")));

        var outcome = Refused(sheet);

        Assert.Equal(
            [$"{sheet}:7:4: error PEI071: fila 7, columna 'id (no editar)': no hay un indicador '9999' con vigencia 2025 en el contenido; no cambie la columna 'id (no editar)'"],
            outcome.ErrorLines);
    }

    [Fact]
    public void A_number_that_does_not_read_names_its_row_and_column()
    {
        var sheet = Sheet("t.csv", FullSheet(Filled[0], Row("102", "95", "96 %"), Filled[2], Filled[3], Row("203", "1.000,5", "1")));

        var outcome = Refused(sheet);

        Assert.Equal(
        [
            $"{sheet}:3:9: error PEI073: fila 3, columna 'ejecutado': '96 %' no se lee como número; escriba solo la cifra, con coma o punto decimal y sin '%' ni separador de miles, p. ej. 0,49",
            $"{sheet}:6:8: error PEI073: fila 6, columna 'programado': '1.000,5' no se lee como número; escriba solo la cifra, con coma o punto decimal y sin '%' ni separador de miles, p. ej. 0,49",
        ], outcome.ErrorLines);
    }

    [Fact]
    public void A_row_twice_and_a_missing_row_are_both_reported()
    {
        var sheet = Sheet("t.csv", FullSheet(Filled[0], Filled[1], Filled[2], Filled[3], Filled[3]));

        var outcome = Refused(sheet);

        Assert.Equal(
        [
            $"{sheet}:1:1: error PEI074: falta la fila del indicador '203' (Servidores capacitados); la hoja debe tener una fila por cada indicador con vigencia 2025",
            $"{sheet}:6:4: error PEI072: fila 6, columna 'id (no editar)': el indicador '202' ya aparece en la fila 5; deje una sola fila por indicador",
        ], outcome.ErrorLines.Select(l => l).ToArray());
    }

    [Fact]
    public void A_published_cut_off_is_refused_pointing_to_corregir()
    {
        var sheet = Sheet("t.csv", FullSheet(Filled.Select(r => r.Replace("2025-09-30", "2025-06-30", StringComparison.Ordinal)).ToArray()));

        var outcome = Refused(sheet);

        Assert.Equal(
            [$"{sheet}:2:1: error PEI070: fila 2, columna 'corte': el corte 2025-06-30 ya está publicado (no tiene 'borrador: true' en plan.yaml); importar solo llena cortes en borrador: use corregir para cambiar cifras publicadas"],
            outcome.ErrorLines);
    }

    [Fact]
    public void A_cut_off_missing_from_the_plan_or_mixed_cut_offs_are_refused()
    {
        var unknown = Sheet("a.csv", FullSheet(Filled.Select(r => r.Replace("2025-09-30", "2025-12-31", StringComparison.Ordinal)).ToArray()));
        var mixed = Sheet("b.csv", FullSheet(Filled[0], Filled[1], Filled[2], Filled[3], Row("203", "1", "1", cutOff: "2025-12-31")));
        var invalid = Sheet("c.csv", FullSheet(Filled[0], Row("102", "1", "1", cutOff: "septiembre"), Filled[2], Filled[3], Filled[4]));

        Assert.Equal(
            [$"{unknown}:2:1: error PEI069: fila 2, columna 'corte': el corte 2025-12-31 no está en plan.yaml; créelo primero con 'nuevo-corte 2025-12-31'"],
            Refused(unknown).ErrorLines);
        Assert.Equal(
            [$"{mixed}:6:1: error PEI068: fila 6, columna 'corte': la fila es del corte 2025-12-31, pero la hoja es del corte 2025-09-30 (fila 2); importe un corte por archivo"],
            Refused(mixed).ErrorLines);
        Assert.Equal(
            [$"{invalid}:3:1: error PEI067: fila 3, columna 'corte': 'septiembre' no es una fecha de corte; la columna 'corte' lleva la fecha AAAA-MM-DD del corte en cada fila, como la escribió 'plantilla'"],
            Refused(invalid).ErrorLines);
    }

    [Fact]
    public void A_missing_column_or_an_unreadable_file_is_refused()
    {
        var noColumn = Sheet("a.csv", string.Join("\n", [DraftContent.Header.Replace(";ejecutado", "", StringComparison.Ordinal), "2025-09-30;;;101;;;;1;"]));
        var notAWorkbook = Sheet("b.xlsx", "esto no es un libro de Excel");

        Assert.Equal(
            [$"{noColumn}:1:1: error PEI066: fila 1: falta la columna 'ejecutado'; la primera fila debe tener los encabezados de la plantilla: corte, objetivo, meta, id (no editar), indicador, unidad, meta de la vigencia, anualización, programado del corte anterior, ejecutado del corte anterior, programado, ejecutado, observaciones, causa, accion, responsable, fecha_compromiso"],
            Refused(noColumn).ErrorLines);
        var unreadable = Assert.Single(Refused(notAWorkbook).ErrorLines);
        Assert.StartsWith($"{notAWorkbook}:1:1: error PEI065: no se pudo leer la hoja de cálculo: no es un libro de Excel (.xlsx) válido", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_that_leave_the_content_invalid_write_nothing()
    {
        var sheet = Sheet("t.csv", FullSheet(Row("101", "-3", "3"), Filled[1], Filled[2], Filled[3], Filled[4]));

        var outcome = Refused(sheet);

        var error = Assert.Single(outcome.ErrorLines);
        Assert.Contains("error PEI009: 'programado' vale -3", error, StringComparison.Ordinal);
        Assert.StartsWith("content/objetivos/01-servicio-ciudadano/indicadores/101.yaml:", error.Replace(content, "content", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
