using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Spreadsheet;

/// <summary>
/// The measurement sheet as an Excel workbook (Office Open XML, read by Excel and LibreOffice): one sheet named after the
/// cut-off, a bold header row frozen at the top, column widths, figures stored as numbers, and the columns planners do
/// not fill in shaded grey and locked (the sheet is protected without a password; the id column's header says "no
/// editar"). Beside the cells to fill are the previous cut-off's programado and ejecutado and the anualización in words
/// ("suma: acumulado del año"), and the programado and ejecutado cells accept numbers only. Written by the site's one
/// XLSX writer (<see cref="WorkbookWriter"/>); read with the Open XML SDK, which reads any workbook a spreadsheet program
/// saves, and its cells as <see cref="CellValue"/> interprets them.
/// </summary>
public static class XlsxSheet
{
    // Cell formats of the workbook, by index.
    private const int Plain = 0;
    private const int Header = 1;
    private const int ReadOnly = 2;
    private const int Wrapped = 3;
    private const int Input = 4;

    private static readonly WorkbookFormat[] Formats =
    [
        new(),
        new(Bold: true),
        new(Fill: "FFE7E6E6", Wrapped: true),
        new(Wrapped: true, Unlocked: true),
        new(Unlocked: true),
    ];

    public static byte[] Write(string sheetName, IReadOnlyList<SheetRow> rows)
    {
        using var output = new MemoryStream();
        WorkbookWriter.Write(output, Formats,
        [
            new WorkbookSheet(sheetName, sheet => Rows(sheet, rows))
            {
                ColumnWidths = [.. MeasurementSheet.Columns.Select(c => c.Width)],
                Protected = true,
                NumberOnly = new NumberOnlyColumns(
                    [ColumnOf(MeasurementSheet.Planned), ColumnOf(MeasurementSheet.Executed)],
                    "Solo una cifra",
                    "Escriba solo la cifra, sin '%' ni separador de miles. Con anualización 'suma', el acumulado del año hasta el corte."),
            },
        ]);
        return output.ToArray();
    }

    private static void Rows(WorkbookRows sheet, IReadOnlyList<SheetRow> rows)
    {
        sheet.Start();
        foreach (var column in MeasurementSheet.Columns)
        {
            sheet.Text(column.Header, Header);
        }
        sheet.End();
        foreach (var row in rows)
        {
            sheet.Start();
            sheet.Text(ContentWords.Of(row.CutOff), ReadOnly);
            sheet.Text(row.Objective, ReadOnly);
            sheet.Text(row.Target, ReadOnly);
            sheet.Text(row.Id, ReadOnly);
            sheet.Text(row.Indicator, ReadOnly);
            sheet.Text(row.Unit, ReadOnly);
            sheet.Number(row.YearTarget, ReadOnly);
            sheet.Text(row.Accumulation, ReadOnly);
            Number(sheet, row.PreviousPlanned, ReadOnly);
            Number(sheet, row.PreviousExecuted, ReadOnly);
            Number(sheet, row.Planned, Input);
            Number(sheet, row.Executed, Input);
            sheet.Text(row.Observations ?? "", Wrapped);
            sheet.Text(row.Explanation?.Cause ?? "", Wrapped);
            sheet.Text(row.Explanation?.Action ?? "", Wrapped);
            sheet.Text(row.Explanation?.Responsible ?? "", Wrapped);
            sheet.Text(row.Explanation?.Due is { } due ? ContentWords.Of(due) : "", Wrapped);
            sheet.End();
        }
    }

    private static void Number(WorkbookRows sheet, decimal? value, int format)
    {
        if (value is { } number)
        {
            sheet.Number(number, format);
        }
        else
        {
            sheet.Empty(format);
        }
    }

    private static int ColumnOf(SheetColumn column) => MeasurementSheet.Columns.ToList().IndexOf(column) + 1;

    public static SheetTable Read(byte[] bytes)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
            var workbook = document.WorkbookPart ?? throw new UnreadableSheetException("el libro no tiene hojas");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new UnreadableSheetException("el libro no tiene hojas");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var styles = CellValue.Styles(workbook);
            var rows = new List<IReadOnlyList<SheetCell>>();
            var rowNumber = 0;
            var counter = new SheetLimits.Counter();
            try
            {
                var shared = SharedStrings(workbook.SharedStringTablePart);
                // Row by row and cell by cell (OpenXmlReader), so neither a sheet of millions of rows nor a row of millions
                // of cells is ever held as a tree: each is refused by the limits after what it holds up to them.
                using var reader = OpenXmlReader.Create(part);
                List<SheetCell>? cells = null;
                var column = 0;
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                    {
                        if (cells is not null)
                        {
                            rows.Add(cells);
                        }
                        var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                        rowNumber = uint.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (int)Math.Min(number, int.MaxValue) : rowNumber + 1;
                        counter.Row(rowNumber);
                        (cells, column) = ([], 0);
                    }
                    else if (reader.ElementType == typeof(Row) && reader.IsEndElement && cells is not null)
                    {
                        rows.Add(cells);
                        cells = null;
                    }
                    else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && cells is not null)
                    {
                        var cell = (Cell)reader.LoadCurrentElement()!;
                        column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                        counter.Column(rowNumber, column);
                        var (text, isNumber, note) = CellValue.Of(cell, shared, styles);
                        counter.Cell(rowNumber, column, text.Length);
                        cells.Add(new SheetCell(rowNumber, column, text, isNumber) { Note = note });
                    }
                }
                if (cells is not null)
                {
                    rows.Add(cells);
                }
            }
            catch (SheetLimitException e)
            {
                throw new SheetLimitException(e.Code, e.Row, e.Column, [.. e.Arguments]) { SheetName = sheet.Name?.Value };
            }
            return new SheetTable(sheet.Name?.Value, rows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new UnreadableSheetException($"no es un libro de Excel (.xlsx) válido ({e.Message})");
        }
    }

    /// <summary>
    /// The workbook's shared strings, read with a plain <see cref="System.Xml.XmlReader"/> (no document type, so no
    /// entity expansion), at most <see cref="SheetLimits.MaxCells"/> of them: each item's text, or its rich-text runs
    /// (phonetic guides left out), as <see cref="CellValue.TextOf"/> reads one.
    /// </summary>
    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var shared = new List<string>();
        if (part is null)
        {
            return shared;
        }
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        var text = new System.Text.StringBuilder();
        while (!xml.EOF)
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "si")
            {
                if (shared.Count >= SheetLimits.MaxCells)
                {
                    throw new SheetLimitException(Codes.SheetTooManyCells, 1, 1, SheetLimits.MaxCells);
                }
                if (xml.IsEmptyElement)
                {
                    shared.Add("");
                }
                text.Clear();
            }
            else if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                continue;
            }
            else if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                if (text.Length > SheetLimits.MaxCellChars)
                {
                    throw new SheetLimitException(Codes.SheetCellTooLong, 1, 1, text.Length, SheetLimits.MaxCellChars);
                }
                continue;
            }
            else if (xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.LocalName == "si")
            {
                shared.Add(text.ToString());
            }
            xml.Read();
        }
        return shared;
    }

    /// <summary>"C5" → 3 (past <see cref="SheetLimits.MaxColumns"/>, one more: a reference of many letters cannot overflow).</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = Math.Min(column * 26 + char.ToUpperInvariant(c) - 'A' + 1, SheetLimits.MaxColumns + 1);
        }
        return column;
    }
}
