using System.Diagnostics;
using System.Text.Json;

namespace Pei.Site.Tests.Spreadsheet;

/// <summary>
/// Workbooks written by an independent spreadsheet writer, exceljs (installed in tests/node_modules by tests/run.sh),
/// through tests/Pei.Site.Tests/Spreadsheet/write-sheet.mjs: the cells a planner's program stores, percentages with their
/// number format, formulas with or without a stored result, logical values and errors included.
/// </summary>
public static class RealSpreadsheet
{
    /// <summary>A number shown with a number format, such as "0%".</summary>
    public static object Formatted(double value, string numberFormat) => new Dictionary<string, object> { ["value"] = value, ["numFmt"] = numberFormat };

    /// <summary>A formula without a stored result (as written by a program that does not calculate).</summary>
    public static object Formula(string formula) => new Dictionary<string, object> { ["formula"] = formula };

    /// <summary>A formula with its stored result.</summary>
    public static object Formula(string formula, object result) => new Dictionary<string, object> { ["formula"] = formula, ["result"] = result };

    /// <summary>A formula that ended in an error such as "#DIV/0!".</summary>
    public static object FormulaError(string formula, string error) => Formula(formula, new Dictionary<string, object> { ["error"] = error });

    /// <summary>The one writer process of the test run, started by the first workbook and ended with the run.</summary>
    private static readonly Lazy<Process> Writer = new(Start);

    /// <summary>Writes a workbook with one sheet of <paramref name="rows"/> (null is an empty cell) to <paramref name="path"/>.</summary>
    public static void Write(string path, string sheet, IEnumerable<IEnumerable<object?>> rows)
    {
        var request = JsonSerializer.Serialize(new { @out = path, sheet, rows });
        string? answer;
        lock (Writer)
        {
            Writer.Value.StandardInput.WriteLine(request);
            Writer.Value.StandardInput.Flush();
            answer = Writer.Value.StandardOutput.ReadLine();
        }
        Assert.True(answer == "ok", $"exceljs: {answer ?? Writer.Value.StandardError.ReadToEnd()}");
    }

    private static Process Start()
    {
        Assert.True(File.Exists(Repository.PathTo("tests", "node_modules", "exceljs", "package.json")),
            "exceljs is missing: run `npm install` in tests/ (tests/run.sh does)");
        var script = Repository.PathTo("tests", "Pei.Site.Tests", "Spreadsheet", "write-sheet.mjs");
        var start = new ProcessStartInfo("node", [script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        var node = Process.Start(start)!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => node.Kill();
        return node;
    }
}
