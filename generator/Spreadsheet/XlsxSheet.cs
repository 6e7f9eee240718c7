using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Model;

namespace Pei.Site.Spreadsheet;

/// <summary>
/// The measurement sheet as an Excel workbook (Office Open XML, read by Excel and LibreOffice): one sheet named after the
/// cut-off, a bold header row frozen at the top, column widths, figures stored as numbers, and the columns planners do
/// not fill in shaded grey (the id column's header says "no editar").
/// </summary>
public static class XlsxSheet
{
    // Cell formats of the stylesheet below, by index.
    private const uint Plain = 0;
    private const uint Header = 1;
    private const uint ReadOnly = 2;
    private const uint Wrapped = 3;

    public static byte[] Write(string sheetName, IReadOnlyList<SheetRow> rows)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, MeasurementSheet.Columns.Select(c => Text(c.Header, Header))));
            var number = 2u;
            foreach (var row in rows)
            {
                data.Append(Row(number++,
                [
                    Text(ContentWords.Of(row.CutOff), ReadOnly), Text(row.Objective, ReadOnly), Text(row.Target, ReadOnly),
                    Text(row.Id, ReadOnly), Text(row.Indicator, ReadOnly), Text(row.Unit, ReadOnly), Number(row.YearTarget, ReadOnly),
                    Number(row.Planned, Plain), Number(row.Executed, Plain), Text(row.Observations ?? "", Wrapped),
                ]));
            }
            var columns = new Columns(MeasurementSheet.Columns.Select((c, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true }));
            var frozenHeader = new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 };
            sheetPart.Worksheet = new Worksheet(new SheetViews(frozenHeader), columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return output.ToArray();
    }

    public static SheetTable Read(byte[] bytes)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
            var workbook = document.WorkbookPart ?? throw new UnreadableSheetException("el libro no tiene hojas");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new UnreadableSheetException("el libro no tiene hojas");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var rows = new List<IReadOnlyList<SheetCell>>();
            var rowNumber = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
                var cells = new List<SheetCell>();
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                    var (text, isNumber) = ValueOf(cell, shared);
                    cells.Add(new SheetCell(rowNumber, column, text, isNumber));
                }
                rows.Add(cells);
            }
            return new SheetTable(sheet.Name?.Value, rows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new UnreadableSheetException($"no es un libro de Excel (.xlsx) válido ({e.Message})");
        }
    }

    private static (string Text, bool IsNumber) ValueOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "", false);
        }
        if (type == CellValues.InlineString)
        {
            return (cell.InlineString is { } inline ? TextOf(inline) : raw, false);
        }
        if (type is null || type == CellValues.Number)
        {
            return (raw, raw.Length > 0);
        }
        return (raw, false);
    }

    /// <summary>The text of a string item: its plain text, or its rich-text runs (phonetic guides left out).</summary>
    private static string TextOf(OpenXmlCompositeElement item) =>
        item.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Text>() is { } text ? text.Text : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    /// <summary>"C5" → 3.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = column * 26 + char.ToUpperInvariant(c) - 'A' + 1;
        }
        return column;
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + (column - 1) % 26) + name;
        }
        return name;
    }

    private static Row Row(uint number, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = number };
        var column = 1;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + number.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }
        return row;
    }

    private static Cell Text(string text, uint style) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell Number(decimal? value, uint style) =>
        value is { } v
            ? new Cell(new CellValue(v.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number, StyleIndex = style }
            : new Cell { StyleIndex = style };

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FillId = 2, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true })
        { Count = 4 });
}
