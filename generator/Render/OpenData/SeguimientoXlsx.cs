using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/seguimiento.xlsx: a sheet per published cut-off (newest first, named AAAA-MM-DD) with the columns of
/// seguimiento.csv as typed cells, and a sheet "Diccionario" with the data dictionary. Numbers are numbers; dates are
/// dates (format yyyy-mm-dd); a sheet "Compromisos" holds compromisos.csv; codes and ids are text. Percentage columns (ponderación, cumplimiento, avances) hold the
/// same number as the CSV and plan.json (74.4 means 74,4 %), shown with the format 0.00 " %": one unit in every file.
/// Each sheet has its header row frozen, an autofilter on it and columns as wide as their content (up to a limit).
/// Every cell carries its reference, so exceljs, SheetJS, openpyxl and LibreOffice read it. Written row by row by
/// <see cref="WorkbookWriter"/> (fixed timestamps: two builds give the same bytes).
/// </summary>
public static class SeguimientoXlsx
{
    public const string Path = "datos/seguimiento.xlsx";
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DictionarySheet = "Diccionario";

    /// <summary>The number format of a percentage column: the figure as the CSV has it, followed by " %".</summary>
    public const string PercentFormat = "0.00\" %\"";

    /// <summary>The widest a column gets, in characters: longer texts (observaciones, metas) are cut on screen, not in the cell.</summary>
    private const double WidestColumn = 60;

    // The cell formats below, by index.
    private const int HeaderStyle = 1;
    private const int PercentStyle = 2;
    private const int DateStyle = 3;

    private static readonly WorkbookFormat[] Formats =
    [
        new(),
        new(Bold: true),
        new(NumberFormat: PercentFormat),
        new(NumberFormat: "yyyy\\-mm\\-dd"),
    ];

    public static void Write(PlanReport report, Stream output)
    {
        var sheets = report.CutOffs.Reverse()
            .Select(c => TableSheet(ContentWords.Of(c.CutOff.Date), SeguimientoCsv.Columns, SeguimientoCsv.Rows([c]).ToList()))
            .Append(TableSheet(CompromisosCsv.SheetName, CompromisosCsv.Columns, CompromisosCsv.Rows(report).ToList()))
            .Append(new WorkbookSheet(DictionarySheet, DictionaryRows)
            {
                ColumnWidths = Widths(DictionaryHeader, SeguimientoCsv.Columns.Concat(CompromisosCsv.Columns)
                    .Select(c => new[] { c.Name, c.Type, Unit(c), c.Description }.Select(LongestLine))),
                Filter = true,
            })
            .ToList();
        WorkbookWriter.Write(output, Formats, sheets);
    }

    private static readonly string[] DictionaryHeader = ["Columna", "Tipo", "Unidad", "Descripción"];

    /// <summary>Each column as wide as its header or its longest value (at most <see cref="WidestColumn"/>), plus room for the filter button.</summary>
    /// <param name="lengths">Each row's values as the length of their longest line.</param>
    private static List<double> Widths(IEnumerable<string> header, IEnumerable<IEnumerable<int>> lengths)
    {
        var widths = header.Select(h => (double)h.Length + 4).ToList();
        foreach (var row in lengths)
        {
            var i = 0;
            foreach (var longest in row)
            {
                if (i < widths.Count)
                {
                    widths[i] = Math.Max(widths[i], Math.Min(WidestColumn, longest + 2));
                }
                i++;
            }
        }
        return widths;
    }

    private static readonly FigureFormat TwoDecimals = FigureFormat.Invariant("0.00");

    /// <summary>
    /// The length of the longest line of a value as a spreadsheet shows it, for the column widths: measured, not written
    /// out, since every cell of the workbook is measured.
    /// </summary>
    private static int ShownLength(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case decimal number:
                Span<char> text = stackalloc char[64];
                return (TwoDecimals.TryFormat(number, text, out var written) ? written : TwoDecimals.Format(number).Length) + " %".Length;
            case DateOnly:
                return "2025-06-30".Length;
            default:
                return LongestLine(value as string ?? value.ToString() ?? "");
        }
    }

    /// <summary>The length of the longest of a text's lines, split at '\n'.</summary>
    private static int LongestLine(string text)
    {
        var longest = 0;
        var rest = text.AsSpan();
        for (var end = rest.IndexOf('\n'); end >= 0; end = rest.IndexOf('\n'))
        {
            longest = Math.Max(longest, end);
            rest = rest[(end + 1)..];
        }
        return Math.Max(longest, rest.Length);
    }

    private static string Unit(DataColumn column) => column.IsPercent ? PercentUnit : column.Unit ?? "";

    /// <summary>What the dictionary says of a percentage column's unit, in the workbook as in the CSV and plan.json.</summary>
    public const string PercentUnit = "% (de 0 a 100 y más: 74,4 es 74,4 %, igual que en el CSV y en plan.json)";

    /// <summary>A sheet of a table of the open data, with a filter on its header and columns as wide as their content.</summary>
    private static WorkbookSheet TableSheet(string name, IReadOnlyList<DataColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows) =>
        new(name, sheet => TableRows(sheet, columns, rows))
        {
            ColumnWidths = Widths(columns.Select(c => c.Name), rows.Select(r => r.Select(ShownLength))),
            Filter = true,
        };

    /// <summary>A sheet of a table of the open data: its header, then its rows as typed cells.</summary>
    private static void TableRows(WorkbookRows row, IReadOnlyList<DataColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        row.Start();
        foreach (var column in columns)
        {
            row.Text(column.Name, HeaderStyle);
        }
        row.End();
        foreach (var values in rows)
        {
            row.Start();
            for (var i = 0; i < values.Count; i++)
            {
                Cell(row, values[i], columns[i]);
            }
            row.End();
        }
    }

    /// <summary>A row of the dictionary for each column of a table: its name, type, unit and description.</summary>
    private static void ColumnEntries(WorkbookRows row, IReadOnlyList<DataColumn> columns)
    {
        foreach (var column in columns)
        {
            row.Start();
            row.Text(column.Name);
            row.Text(column.Type);
            row.Text(Unit(column));
            row.Text(column.Description);
            row.End();
        }
    }

    private static void DictionaryRows(WorkbookRows row)
    {
        row.Start();
        foreach (var header in DictionaryHeader)
        {
            row.Text(header, HeaderStyle);
        }
        row.End();
        ColumnEntries(row, SeguimientoCsv.Columns);
        // The sheet Compromisos (compromisos.csv) after the cut-offs' columns.
        row.Start();
        row.Text("");
        row.End();
        row.Start();
        row.Text($"Hoja {CompromisosCsv.SheetName} (compromisos.csv)", HeaderStyle);
        row.End();
        ColumnEntries(row, CompromisosCsv.Columns);
        row.Start();
        row.Text("");
        row.End();
        row.Start();
        row.Text("Números");
        row.Text("");
        row.Text("");
        row.Text(OpenNumbers.Rule);
        row.End();
    }

    private static void Cell(WorkbookRows row, object? value, DataColumn column)
    {
        switch (value)
        {
            case null:
                row.Empty();
                break;
            case decimal number when column.IsPercent:
                row.Number(number, PercentStyle);
                break;
            case decimal number:
                row.Number(number);
                break;
            case int number:
                row.Number(number);
                break;
            case DateOnly date:
                row.Number((decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
                break;
            default:
                row.Text(value.ToString() ?? "");
                break;
        }
    }
}
