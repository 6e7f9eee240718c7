using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/seguimiento.xlsx: a sheet per published cut-off (newest first, named AAAA-MM-DD) with the columns of
/// seguimiento.csv as typed cells, and a sheet "Diccionario" with the data dictionary. Numbers are numbers; dates are
/// dates (format yyyy-mm-dd); percentage columns (ponderación, cumplimiento, avances) are stored as fractions with the
/// number format 0.00 % (1.0616… shows as "106,16 %" in a Spanish Excel and keeps every decimal). Written with the
/// Open XML SDK and re-zipped with fixed timestamps, so two builds give the same bytes.
/// </summary>
public static partial class SeguimientoXlsx
{
    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]{16}\"")]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();

    public const string Path = "datos/seguimiento.xlsx";
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DictionarySheet = "Diccionario";

    private const uint HeaderStyle = 1;
    private const uint PercentStyle = 2;
    private const uint DateStyle = 3;
    private const uint DateFormatId = 164;

    public static byte[] Write(PlanReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdEstilos");
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var cutOff in report.CutOffs.Reverse())
            {
                AddSheet(workbookPart, sheets, id++, ContentWords.Of(cutOff.CutOff.Date), CutOffRows(cutOff));
            }
            AddSheet(workbookPart, sheets, id, DictionarySheet, DictionaryRows());
            workbookPart.Workbook.Save();
        }
        return Deterministic(stream.ToArray());
    }

    private static IEnumerable<Row> CutOffRows(CutOffReport cutOff)
    {
        yield return new Row(SeguimientoCsv.Columns.Select(c => TextCell(c.Name, HeaderStyle)));
        foreach (var values in SeguimientoCsv.Rows([cutOff]))
        {
            yield return new Row(values.Select((value, i) => Cell(value, SeguimientoCsv.Columns[i])));
        }
    }

    private static IEnumerable<Row> DictionaryRows()
    {
        yield return new Row(new[] { "Columna", "Tipo", "Unidad", "Descripción" }.Select(h => TextCell(h, HeaderStyle)));
        foreach (var column in SeguimientoCsv.Columns)
        {
            yield return new Row(
                TextCell(column.Name),
                TextCell(column.Type),
                TextCell(column.IsPercent ? "% (fracción con formato de porcentaje: 1,0616 se ve 106,16 %)" : column.Unit ?? ""),
                TextCell(column.Description));
        }
        yield return new Row(TextCell(""));
        yield return new Row(TextCell("Números"), TextCell(""), TextCell(""), TextCell(OpenNumbers.Rule));
    }

    private static Cell Cell(object? value, DataColumn column) => value switch
    {
        null => new Cell(),
        decimal number when column.IsPercent => NumberCell(number / 100m, PercentStyle),
        decimal number => NumberCell(number, 0),
        int number => NumberCell(number, 0),
        DateOnly date => NumberCell((decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
        _ => TextCell(value.ToString() ?? ""),
    };

    private static Cell NumberCell(decimal value, uint style) => new()
    {
        DataType = CellValues.Number,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell TextCell(string text, uint style = 0) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, IEnumerable<Row> rows)
    {
        var relationship = "rIdHoja" + id.ToString(CultureInfo.InvariantCulture);
        var part = workbookPart.AddNewPart<WorksheetPart>(relationship);
        var data = new SheetData();
        uint index = 1;
        foreach (var row in rows)
        {
            row.RowIndex = index++;
            data.Append(row);
        }
        part.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            data);
        part.Worksheet.Save();
        sheets.Append(new Sheet { Id = relationship, SheetId = id, Name = name });
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy\\-mm\\-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            // Built-in number format 10 is "0.00%".
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true })
        { Count = 4 });

    /// <summary>
    /// The same entries, in the same order, with a fixed timestamp (the package's own carry the time of the build) and a
    /// fixed id for the package's relationship to the workbook (the SDK makes a random one).
    /// </summary>
    private static byte[] Deterministic(byte[] package)
    {
        var fixedTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = fixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    using var reader = new StreamReader(from);
                    var rels = RandomRelationshipId().Replace(reader.ReadToEnd(), "Id=\"rIdLibro\"");
                    to.Write(new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(rels));
                    continue;
                }
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
