using System.IO.Compression;
using System.Text;
using Pei.Site.Spreadsheet;
using Pei.Site.Tests.Spreadsheet;

namespace Pei.Site.Tests.Hardening;

/// <summary>
/// Spreadsheets that are small on disk and huge once unpacked or parsed: workbooks declaring millions of rows, cells far
/// to the right, strings of megabytes, parts that unpack to gigabytes, millions of shared strings; CSV files of millions of
/// blank lines, of thousands of fields, of one endless field; and files that are not files at all (a named pipe, links to
/// devices, a folder). importar refuses each within the time bound, with its diagnostic at the row and column where the
/// limit was passed, exit 1 and no file changed.
/// </summary>
public sealed class SheetBombTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public SheetBombTests()
    {
        content = DraftContent.In(temp);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>importar, within the time bound: exit 1, no file of the content changed, and the one error line it gave.</summary>
    private string Refused(string sheet)
    {
        var before = Hazards.Snapshot(content);
        var outcome = Bounded.Run(() => Cli.Run("importar", sheet, "--content", content), "importar");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(before, Hazards.Snapshot(content));
        Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
        return Assert.Single(outcome.ErrorLines);
    }

    /// <summary>The workbook plantilla writes for the draft, with its sheet's rows followed by what <paramref name="rows"/> writes.</summary>
    /// <summary>The column letter of a column of the template (all of them fit in A–Z).</summary>
    private static char Letter(SheetColumn column) => (char)('A' + MeasurementSheet.Columns.ToList().IndexOf(column));

    private string Workbook(string name, Action<TextWriter> rows, string? part = null, Action<TextWriter>? partText = null, bool onlyHeader = false)
    {
        var path = temp[name];
        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", path, "--content", content).ExitCode);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        string text;
        using (var reader = new StreamReader(sheet.Open()))
        {
            // The writer prefixes its elements ("x:row"); the rows written below are in the default namespace instead.
            text = reader.ReadToEnd().Replace("<x:", "<", StringComparison.Ordinal).Replace("</x:", "</", StringComparison.Ordinal)
                .Replace("xmlns:x=", "xmlns=", StringComparison.Ordinal);
        }
        var end = text.IndexOf("</sheetData>", StringComparison.Ordinal);
        Assert.True(end > 0);
        if (onlyHeader)
        {
            var afterHeader = text.IndexOf("</row>", StringComparison.Ordinal) + "</row>".Length;
            text = text[..afterHeader] + text[end..];
            end = afterHeader;
        }
        sheet.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry(sheet.FullName, CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
        {
            writer.Write(text.AsSpan(0, end));
            rows(writer);
            writer.Write(text.AsSpan(end));
        }
        if (part == SharedStrings)
        {
            // Spreadsheet programs keep texts in this part, named in the workbook's relations and the package's types.
            Rewrite(zip, "xl/_rels/workbook.xml.rels", t => t.Replace("</Relationships>",
                "<Relationship Id=\"rIdCompartidas\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>", StringComparison.Ordinal));
            Rewrite(zip, "[Content_Types].xml", t => t.Replace("</Types>",
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>", StringComparison.Ordinal));
        }
        if (part is not null)
        {
            zip.GetEntry(part)?.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            partText!(writer);
        }
        return path;
    }

    private const string SharedStrings = "xl/sharedStrings.xml";

    private static void Rewrite(ZipArchive zip, string name, Func<string, string> change)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(change(text));
    }

    private string Csv(string name, Action<TextWriter> write)
    {
        var path = temp[name];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        write(writer);
        return path;
    }

    [Fact]
    public void A_workbook_declaring_millions_of_empty_numbered_rows_is_refused_at_the_first_row_past_the_limit()
    {
        var sheet = Workbook("filas.xlsx", w =>
        {
            for (var row = 100; row < 2_000_000; row++)
            {
                w.Write($"<row r=\"{row}\"/>");
            }
        });
        Assert.True(new FileInfo(sheet).Length < 10 * 1024 * 1024);

        Assert.Equal(
            $"{sheet}:100001:1: error PEI111: hoja 'Corte 2025-09-30', fila 100001: la hoja pasa de 100000 filas; una hoja de medición tiene una fila por indicador: borre las filas sobrantes o use el archivo que escribió 'plantilla'",
            Refused(sheet));
    }

    [Fact]
    public void A_workbook_of_millions_of_unnumbered_empty_rows_is_refused_too()
    {
        var sheet = Workbook("sin-numero.xlsx", w =>
        {
            for (var row = 0; row < 3_000_000; row++)
            {
                w.Write("<row/>");
            }
        });

        Assert.StartsWith($"{sheet}:100001:1: error PEI111: ", Refused(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public void One_row_numbered_past_the_limit_is_refused_without_reading_the_rows_before_it()
    {
        var sheet = Workbook("lejos.xlsx", w => w.Write("<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));

        Assert.StartsWith($"{sheet}:100001:1: error PEI111: hoja 'Corte 2025-09-30', fila 100001: la hoja pasa de 100000 filas", Refused(sheet), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALM", 1001)]
    [InlineData("XFD", 16384)]
    [InlineData("ZZZZZZZZZZZZZZ", 1001)]
    public void A_cell_past_the_last_column_is_refused_at_its_row(string column, int number)
    {
        var sheet = Workbook($"columna-{column}.xlsx", w => w.Write($"<row r=\"9\"><c r=\"{column}9\"><v>1</v></c></row>"));

        Assert.Equal(
            $"{sheet}:9:1: error PEI112: hoja 'Corte 2025-09-30', fila 9: la hoja tiene datos en la columna {Math.Min(number, 1001)} y el máximo es 1000; borre las columnas que sobran a la derecha de las de la plantilla",
            Refused(sheet));
    }

    [Theory]
    [InlineData("<c/>")]
    [InlineData("<c r=\"A9\"/>")]
    [InlineData("<c><v>1</v></c>")]
    public void A_row_of_millions_of_cells_is_refused_without_reading_it_whole(string cell)
    {
        var sheet = Workbook($"fila-ancha-{cell.Length}.xlsx", w =>
        {
            w.Write("<row r=\"9\">");
            for (var i = 0; i < 3_000_000; i++)
            {
                w.Write(cell);
            }
            w.Write("</row>");
        });

        Assert.Equal(
            $"{sheet}:9:1: error PEI112: hoja 'Corte 2025-09-30', fila 9: la hoja tiene datos en la columna 1001 y el máximo es 1000; borre las columnas que sobran a la derecha de las de la plantilla",
            Refused(sheet));
    }

    [Fact]
    public void A_string_longer_than_an_excel_cell_is_refused_at_its_cell()
    {
        var sheet = Workbook("larga.xlsx", w => w.Write($"<row r=\"9\"><c r=\"J9\" t=\"inlineStr\"><is><t>{new string('a', 1_000_000)}</t></is></c></row>"));

        Assert.Equal(
            $"{sheet}:9:10: error PEI113: hoja 'Corte 2025-09-30', fila 9: la celda tiene 1000000 caracteres y el máximo es 32767 (el de una celda de Excel); acorte el texto",
            Refused(sheet));
    }

    [Fact]
    public void A_sheet_part_that_unpacks_past_the_limit_is_refused_before_it_is_parsed()
    {
        var sheet = Workbook("inflada.xlsx", w =>
        {
            var blanks = new string(' ', 1 << 20);
            for (var i = 0; i < 70; i++)
            {
                w.Write(blanks);
            }
        });
        Assert.True(new FileInfo(sheet).Length < 1024 * 1024);

        Assert.Equal(
            $"{sheet}:1:1: error PEI110: el libro descomprimido pasa de 67108864 bytes, el máximo (al descomprimir 'xl/worksheets/sheet1.xml'); una hoja de medición ocupa unos kilobytes: no es el archivo que escribió 'plantilla'",
            Refused(sheet));
    }

    [Fact]
    public void Another_part_read_whole_is_held_to_a_smaller_limit()
    {
        var sheet = Workbook("estilos.xlsx", _ => { }, "xl/styles.xml", w =>
        {
            w.Write("<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            w.Write(new string(' ', 9 << 20));
            w.Write("</styleSheet>");
        });

        Assert.Equal(
            $"{sheet}:1:1: error PEI110: el libro descomprimido tiene una parte, 'xl/styles.xml', que pasa de 8388608 bytes, el máximo; una hoja de medición ocupa unos kilobytes: no es el archivo que escribió 'plantilla'",
            Refused(sheet));
    }

    [Fact]
    public void Millions_of_shared_strings_are_refused()
    {
        var sheet = Workbook("compartidas.xlsx", _ => { }, SharedStrings, w =>
        {
            w.Write("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (var i = 0; i < 1_500_000; i++)
            {
                w.Write("<si><t/></si>");
            }
            w.Write("</sst>");
        });

        Assert.Equal(
            $"{sheet}:1:1: error PEI119: hoja 'Corte 2025-09-30', fila 1: la hoja pasa de 1000000 celdas con datos; una hoja de medición tiene una fila por indicador y las columnas de la plantilla: use el archivo que escribió 'plantilla'",
            Refused(sheet));
    }

    [Fact]
    public void Shared_strings_as_spreadsheet_programs_save_them_are_read_plain_and_rich_without_phonetic_guides()
    {
        var sheet = Workbook("compartidas-validas.xlsx", w =>
        {
            string[] ids = ["101", "102", "201", "202", "203"];
            for (var i = 0; i < ids.Length; i++)
            {
                var row = i + 2;
                var observations = i < 2 ? $"<c r=\"{Letter(MeasurementSheet.Observations)}{row}\" t=\"s\"><v>{i}</v></c>" : "";
                w.Write($"<row r=\"{row}\"><c r=\"{Letter(MeasurementSheet.CutOff)}{row}\" t=\"s\"><v>2</v></c><c r=\"{Letter(MeasurementSheet.Id)}{row}\" t=\"inlineStr\"><is><t>{ids[i]}</t></is></c>" +
                    $"<c r=\"{Letter(MeasurementSheet.Planned)}{row}\"><v>1</v></c><c r=\"{Letter(MeasurementSheet.Executed)}{row}\"><v>1</v></c>{observations}</row>");
            }
        }, SharedStrings, w => w.Write(
            "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">" +
            "<si><r><t xml:space=\"preserve\">Rezago </t></r><r><rPr><b/></rPr><t>explicado</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>" +
            "<si><t>Observación compartida</t></si><si><t>2025-09-30</t></si></sst>"), onlyHeader: true);

        var outcome = Bounded.Run(() => Cli.Run("importar", sheet, "--content", content), "importar");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var diagnostics = new Pei.Site.Diagnostics.DiagnosticBag();
        var plan = Pei.Site.Build.Pipeline.Load(content, diagnostics)!;
        string? Observations(string id) => plan.Indicators.Single(i => i.Id == id).FiscalYear(2025)!.Measurement(new DateOnly(2025, 9, 30))!.Observations;
        Assert.Equal("Rezago explicado", Observations("101"));
        Assert.Equal("Observación compartida", Observations("102"));
        Assert.Null(Observations("201"));
    }

    [Fact]
    public void A_sheet_with_a_document_type_that_expands_entities_is_not_a_workbook()
    {
        var sheet = Workbook("entidades.xlsx", _ => { }, SharedStrings, w => w.Write(
            "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" +
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&c;</t></si></sst>"));

        Assert.StartsWith($"{sheet}:1:1: error PEI065: no se pudo leer la hoja de cálculo: no es un libro de Excel (.xlsx) válido", Refused(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_of_millions_of_blank_lines_is_refused_at_the_first_line_past_the_limit()
    {
        var sheet = Csv("blancas.csv", w =>
        {
            w.Write(DraftContent.Header + "\n");
            w.Write(new string('\n', 9_000_000));
        });

        Assert.Equal(
            $"{sheet}:100001:1: error PEI111: fila 100001: la hoja pasa de 100000 filas; una hoja de medición tiene una fila por indicador: borre las filas sobrantes o use el archivo que escribió 'plantilla'",
            Refused(sheet));
    }

    [Fact]
    public void A_csv_of_millions_of_lines_of_separators_is_refused_too()
    {
        var sheet = Csv("separadores.csv", w =>
        {
            w.Write(DraftContent.Header + "\r\n");
            for (var i = 0; i < 1_000_000; i++)
            {
                w.Write(";;\r\n");
            }
        });

        Assert.StartsWith($"{sheet}:100001:1: error PEI111: ", Refused(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_row_of_thousands_of_fields_is_refused_at_its_row()
    {
        var sheet = Csv("campos.csv", w =>
        {
            w.Write(DraftContent.Header + "\n");
            w.Write(new string(';', 5_000_000) + "\n");
        });

        Assert.Equal(
            $"{sheet}:2:1: error PEI112: fila 2: la hoja tiene datos en la columna 5000001 y el máximo es 1000; borre las columnas que sobran a la derecha de las de la plantilla",
            Refused(sheet));
    }

    [Fact]
    public void A_csv_field_of_megabytes_is_refused_at_its_cell()
    {
        var sheet = Csv("campo.csv", w =>
        {
            w.Write(DraftContent.Header + "\n");
            w.Write("2025-09-30;;;101;;;;1;1;\"" + new string('x', 5_000_000) + "\"\n");
        });

        Assert.Equal(
            $"{sheet}:2:10: error PEI113: fila 2: la celda tiene 5000000 caracteres y el máximo es 32767 (el de una celda de Excel); acorte el texto",
            Refused(sheet));
    }

    [Fact]
    public void A_quote_that_never_closes_is_one_long_field_refused_the_same_way()
    {
        var sheet = Csv("abierta.csv", w =>
        {
            w.Write(DraftContent.Header + "\n");
            w.Write("2025-09-30;;;101;;;;1;1;\"" + string.Concat(Enumerable.Repeat("línea\n", 1_000_000)));
        });

        Assert.StartsWith($"{sheet}:2:10: error PEI113: fila 2: la celda tiene ", Refused(sheet), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.csv")]
    [InlineData("x.xlsx")]
    public void A_named_pipe_is_refused_without_being_opened(string name)
    {
        Hazards.Fifo(temp[name]);

        Assert.Equal(
            $"{temp[name]}:1:1: error PEI065: no se pudo leer la hoja de cálculo: no es un archivo normal sino una tubería con nombre (FIFO); use el archivo que escribió 'plantilla' (.xlsx o .csv)",
            Refused(temp[name]));
    }

    [Theory]
    [InlineData("/dev/zero", "x.csv")]
    [InlineData("/dev/urandom", "x.xlsx")]
    [InlineData("/dev/null", "x.csv")]
    public void A_link_to_a_device_is_refused_without_reading_it(string device, string name)
    {
        Hazards.Link(temp[name], device);

        Assert.Equal(
            $"{temp[name]}:1:1: error PEI065: no se pudo leer la hoja de cálculo: no es un archivo normal sino un dispositivo; use el archivo que escribió 'plantilla' (.xlsx o .csv)",
            Refused(temp[name]));
    }

    [Fact]
    public void A_folder_named_like_a_sheet_is_refused()
    {
        Directory.CreateDirectory(temp["carpeta.csv"]);

        Assert.Equal(
            $"{temp["carpeta.csv"]}:1:1: error PEI065: no se pudo leer la hoja de cálculo: no es un archivo normal sino una carpeta; use el archivo que escribió 'plantilla' (.xlsx o .csv)",
            Refused(temp["carpeta.csv"]));
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_whatever_it_holds()
    {
        var sheet = Csv("grande.csv", w =>
        {
            w.Write(DraftContent.Header + "\n");
            w.Write(new string(' ', 11 * 1024 * 1024));
        });

        Assert.Equal(
            $"{sheet}:1:1: error PEI065: no se pudo leer la hoja de cálculo: el archivo pesa más de 10485760 bytes, el máximo; use el archivo que escribió 'plantilla' (.xlsx o .csv)",
            Refused(sheet));
    }
}
