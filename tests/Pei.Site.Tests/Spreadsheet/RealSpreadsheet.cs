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

    /// <summary>Writes a workbook with one sheet of <paramref name="rows"/> (null is an empty cell) to <paramref name="path"/>.</summary>
    public static void Write(string path, string sheet, IEnumerable<IEnumerable<object?>> rows)
    {
        var script = Repository.PathTo("tests", "Pei.Site.Tests", "Spreadsheet", "write-sheet.mjs");
        Assert.True(File.Exists(Repository.PathTo("tests", "node_modules", "exceljs", "package.json")),
            "exceljs is missing: run `npm install` in tests/ (tests/run.sh does)");
        var spec = path + ".json";
        File.WriteAllText(spec, JsonSerializer.Serialize(new { sheet, rows }));
        var start = new ProcessStartInfo("node", [script, spec, path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var node = Process.Start(start)!;
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        File.Delete(spec);
        Assert.True(node.ExitCode == 0, error);
    }
}
