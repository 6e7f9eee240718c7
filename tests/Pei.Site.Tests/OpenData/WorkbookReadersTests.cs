using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Method;
using Pei.Site.Render.OpenData;
using Pei.Site.Tests.Fixtures;

namespace Pei.Site.Tests.OpenData;

/// <summary>
/// The open-data workbook read back by three independent readers: the Open XML SDK in .NET, and exceljs and SheetJS in
/// Node.js (tests/node_modules, installed by tests/run.sh). Each must see every sheet, the same cells as the CSV of the
/// cut-off, codes and ids as text, a filter on the header row and a width for every column.
/// </summary>
[Trait(Needs.Trait, Needs.Node)]
public sealed class WorkbookReadersTests(WorkbookReadersTests.Workbook written) : IClassFixture<WorkbookReadersTests.Workbook>
{
    /// <summary>The multi-year fixture's workbook, written once for the tests of this class.</summary>
    public sealed class Workbook : IDisposable
    {
        private readonly TempFolder temp = new();

        public Workbook()
        {
            Report = PlanCalculator.Compute(TimelineFixture.Load());
            Directory.CreateDirectory(temp["datos"]);
            Path = System.IO.Path.Combine(temp["datos"], "seguimiento.xlsx");
            using var file = File.Create(Path);
            SeguimientoXlsx.Write(Report, file);
        }

        public PlanReport Report { get; }

        public string Path { get; }

        public void Dispose() => temp.Dispose();
    }

    private readonly PlanReport report = written.Report;
    private readonly string workbook = written.Path;

    /// <summary>A cut-off's rows as the CSV writes them, header first.</summary>
    private List<string[]> Csv(CutOffReport cutOff)
    {
        using var stream = new MemoryStream();
        SeguimientoCsv.Write(cutOff, stream);
        return Tests.Csv.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Exceljs_and_SheetJS_read_every_sheet_with_the_csv_values_codes_as_text_a_filter_and_column_widths()
    {
        var read = JsonDocument.Parse(Node(Repository.PathTo("tests", "Pei.Site.Tests", "OpenData", "read-workbook.cjs"), workbook)).RootElement;
        var expectedSheets = report.CutOffs.Reverse().Select(c => Model.ContentWords.Of(c.CutOff.Date)).Append(CompromisosCsv.SheetName).Append(SeguimientoXlsx.DictionarySheet).ToList();
        foreach (var reader in new[] { "exceljs", "sheetjs" })
        {
            var sheets = read.GetProperty(reader).EnumerateArray().ToList();
            Assert.Equal(expectedSheets, sheets.Select(s => s.GetProperty("name").GetString()));
            foreach (var cutOff in report.CutOffs)
            {
                var sheet = sheets.Single(s => s.GetProperty("name").GetString() == Model.ContentWords.Of(cutOff.CutOff.Date));
                var rows = sheet.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
                var csv = Csv(cutOff);
                Assert.Equal(csv.Count, rows.Count);
                var columns = csv[0].Length;
                Assert.Equal($"A1:{Column(columns)}{csv.Count}", sheet.GetProperty("filter").GetString());
                var widths = sheet.GetProperty("widths").EnumerateArray().ToList();
                Assert.True(widths.Count >= columns, $"{reader}: {widths.Count} column widths for {columns} columns");
                Assert.All(widths.Take(columns), w => Assert.True(w.ValueKind == JsonValueKind.Number && w.GetDouble() >= 8, $"{reader}: width {w}"));
                for (var r = 0; r < csv.Count; r++)
                {
                    for (var c = 0; c < columns; c++)
                    {
                        var where = $"{reader}, sheet {Model.ContentWords.Of(cutOff.CutOff.Date)}, {csv[0][c]} row {r + 1}";
                        var cell = c < rows[r].Count ? rows[r][c] : default;
                        var expected = csv[r][c];
                        if (expected == "")
                        {
                            Assert.True(cell.ValueKind == JsonValueKind.Null || cell.ValueKind == JsonValueKind.Undefined || cell.GetProperty("value").ToString() == "", where);
                            continue;
                        }
                        var type = cell.GetProperty("type").GetString();
                        var value = cell.GetProperty("value");
                        switch (type)
                        {
                            case "number":
                                Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value.GetDecimal());
                                break;
                            case "date":
                                Assert.Equal(expected, value.GetString());
                                break;
                            default:
                                Assert.Equal("string", type);
                                Assert.Equal(expected.Replace("\r\n", "\n"), value.GetString()!.Replace("\r\n", "\n"));
                                break;
                        }
                        // Codes and ids are text, whatever they look like.
                        if (r > 0 && csv[0][c] is "indicador_id" or "indicador_codigo" or "meta_codigo")
                        {
                            Assert.True(type == "string", $"{where}: {type}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void The_Open_XML_SDK_reads_every_cell_with_its_reference_and_the_percentages_in_the_csv_unit()
    {
        using var document = SpreadsheetDocument.Open(workbook, false);
        var part = document.WorkbookPart!;
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var rows = worksheet.Descendants<Row>().ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Elements<Cell>().ToList();
                Assert.Equal(cells.Select((_, c) => Column(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture)), cells.Select(c => c.CellReference?.Value));
            }
            Assert.NotNull(worksheet.GetFirstChild<AutoFilter>());
            Assert.NotEmpty(worksheet.Descendants<Column>());
        }
        var latest = report.CutOffs[^1];
        var csv = Csv(latest);
        var first = ((WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        var progress = Array.IndexOf(csv[0], "avance_corte");
        Assert.Equal(csv[1][progress], first[progress].CellValue?.Text ?? "");
    }

    private static string Column(int number)
    {
        var name = "";
        for (var n = number; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Runs a script with Node.js from the tests folder, whose node_modules tests/run.sh fills.</summary>
    private static string Node(params string[] args)
    {
        var modules = Repository.PathTo("tests", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "exceljs")) && Directory.Exists(Path.Combine(modules, "xlsx")),
            "exceljs and xlsx (SheetJS) are not in tests/node_modules: bash tests/run.sh installs them (cd tests && npm install).");
        var start = new ProcessStartInfo("node", args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.PathTo("tests") };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}");
        return output;
    }
}
