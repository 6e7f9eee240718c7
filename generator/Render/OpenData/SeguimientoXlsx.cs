using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/seguimiento.xlsx: a sheet per published cut-off (newest first, named AAAA-MM-DD) with the columns of
/// seguimiento.csv as typed cells, and a sheet "Diccionario" with the data dictionary. Numbers are numbers; dates are
/// dates (format yyyy-mm-dd); a sheet "Compromisos" holds compromisos.csv; percentage columns (ponderación, cumplimiento, avances) are stored as fractions with the
/// number format 0.00 % (1.0616… shows as "106,16 %" in a Spanish Excel and keeps every decimal). Written row by row
/// by <see cref="WorkbookWriter"/> (fixed timestamps: two builds give the same bytes); the tests read it back with the
/// Open XML SDK.
/// </summary>
public static class SeguimientoXlsx
{
    public const string Path = "datos/seguimiento.xlsx";
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DictionarySheet = "Diccionario";

    // The cell formats below, by index.
    private const int HeaderStyle = 1;
    private const int PercentStyle = 2;
    private const int DateStyle = 3;

    private static readonly WorkbookFormat[] Formats =
    [
        new(),
        new(Bold: true),
        new(NumberFormat: "0.00%"),
        new(NumberFormat: "yyyy\\-mm\\-dd"),
    ];

    public static void Write(PlanReport report, Stream output)
    {
        var sheets = report.CutOffs.Reverse()
            .Select(c => new WorkbookSheet(ContentWords.Of(c.CutOff.Date), rows => CutOffRows(rows, c)))
            .Append(new WorkbookSheet(CompromisosCsv.SheetName, rows => TableRows(rows, CompromisosCsv.Columns, CompromisosCsv.Rows(report))))
            .Append(new WorkbookSheet(DictionarySheet, DictionaryRows))
            .ToList();
        WorkbookWriter.Write(output, Formats, sheets);
    }

    private static void CutOffRows(WorkbookRows row, CutOffReport cutOff)
    {
        row.Start();
        foreach (var column in SeguimientoCsv.Columns)
        {
            row.Text(column.Name, HeaderStyle);
        }
        row.End();
        foreach (var values in SeguimientoCsv.Rows([cutOff]))
        {
            row.Start();
            for (var i = 0; i < values.Count; i++)
            {
                Cell(row, values[i], SeguimientoCsv.Columns[i]);
            }
            row.End();
        }
    }

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

    private static void DictionaryRows(WorkbookRows row)
    {
        row.Start();
        foreach (var header in new[] { "Columna", "Tipo", "Unidad", "Descripción" })
        {
            row.Text(header, HeaderStyle);
        }
        row.End();
        foreach (var column in SeguimientoCsv.Columns)
        {
            row.Start();
            row.Text(column.Name);
            row.Text(column.Type);
            row.Text(column.IsPercent ? "% (fracción con formato de porcentaje: 1,0616 se ve 106,16 %)" : column.Unit ?? "");
            row.Text(column.Description);
            row.End();
        }
        // The sheet Compromisos (compromisos.csv) after the cut-offs' columns.
        row.Start();
        row.Text("");
        row.End();
        row.Start();
        row.Text($"Hoja {CompromisosCsv.SheetName} (compromisos.csv)", HeaderStyle);
        row.End();
        foreach (var column in CompromisosCsv.Columns)
        {
            row.Start();
            row.Text(column.Name);
            row.Text(column.Type);
            row.Text(column.IsPercent ? "% (fracción con formato de porcentaje: 1,0616 se ve 106,16 %)" : column.Unit ?? "");
            row.Text(column.Description);
            row.End();
        }
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
                row.Number(number / 100m, PercentStyle);
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
