namespace Pei.Site.Spreadsheet;

/// <summary>A cell as read from a workbook or a CSV file: its 1-based position, its text, and whether the file stored it as a number.</summary>
public sealed record SheetCell(int Row, int Column, string Text, bool IsNumber)
{
    /// <summary>What the workbook stored beyond the text (a percentage, a logical value, a formula without a result…).</summary>
    public CellNote Note { get; init; }
}

/// <summary>
/// The cells of the first sheet of a file, row by row, as the planner sees them in a spreadsheet program; the sheet's
/// name for a workbook, null for a CSV file.
/// </summary>
public sealed record SheetTable(string? SheetName, IReadOnlyList<IReadOnlyList<SheetCell>> Rows);

/// <summary>A file importar cannot read at all (not a workbook, damaged, too large, not UTF-8).</summary>
public class UnreadableSheetException(string message) : Exception(message);

/// <summary>The two formats of the measurement sheet, chosen by the file's extension.</summary>
public static class SheetFormat
{
    /// <summary>A sheet larger than this is refused: a plan's sheet is a few kilobytes.</summary>
    public const long MaxBytes = SheetLimits.MaxFileBytes;

    public static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string path) => IsWorkbook(path) || IsCsv(path);

    public static byte[] Write(string path, DateOnly cutOff, IReadOnlyList<SheetRow> rows) =>
        IsWorkbook(path) ? XlsxSheet.Write(MeasurementSheet.SheetName(cutOff), rows) : CsvSheet.Write(rows);

    /// <summary>Reads the file; throws <see cref="UnreadableSheetException"/> with a Spanish reason when it cannot.</summary>
    public static SheetTable Read(string path)
    {
        var bytes = SheetLimits.ReadFile(path);
        if (IsWorkbook(path))
        {
            SheetLimits.CheckPackage(bytes);
            return XlsxSheet.Read(bytes);
        }
        return CsvSheet.Read(bytes);
    }
}
