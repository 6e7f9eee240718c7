using System.Globalization;
using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Spreadsheet;

/// <summary>One filled-in row of the sheet: the indicator it names and its figures; <paramref name="Unread"/> lists the
/// figure columns whose cell did not read (reported, and left as the YAML has them while the rest is checked).</summary>
public sealed record ImportedRow(int Row, int IdColumn, string Id, MeasurementFigures Figures, IReadOnlySet<SheetColumn> Unread);

/// <summary>The sheet read for importar: its cut-off (and the cell that says it) and its rows.</summary>
public sealed record ImportedSheet(SheetImport.Place Place, DateOnly CutOff, SourceSpan CutOffWhere, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// Reads a measurement sheet back: finds the columns by their headers, reads the cut-off of every row, the indicator's id
/// and the figures, and reports each cell that does not read with its sheet, row and column. Numbers may be stored as
/// numbers (a workbook) or written as text with a decimal comma or point (a CSV file). A workbook cell formatted as a
/// percentage reads as the percentage it shows (0.96 shown as 96 % is 96) for an indicator measured in percent, and is
/// refused for one measured in numbers; a number shown as a date (a figure the program took for one), a logical value, a
/// formula without a stored result and a formula's error are refused with the cell named. Every row is read even when an earlier one failed, so one run reports every cell.
/// </summary>
public static partial class SheetImport
{
    [GeneratedRegex(@"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")]
    private static partial Regex PlannerNumber();

    /// <summary>A number written with a point and exactly three decimals, as Colombians write thousands ("8.110").</summary>
    [GeneratedRegex(@"^[+-]?[1-9]\d{0,2}\.\d{3}$")]
    private static partial Regex ThousandsLookalike();

    /// <param name="units">The unit of each indicator by id, to read percentage cells; an id not in it reads as a percentage.</param>
    /// <returns>The sheet, with the rows that name an indicator, or null when a column is missing (nothing can be read).</returns>
    public static ImportedSheet? Read(SheetTable table, string display, DiagnosticBag diagnostics, IReadOnlyDictionary<string, Unit>? units = null)
    {
        var place = new Place(display, table.SheetName);
        var header = table.Rows.FirstOrDefault() ?? [];
        var columns = new Dictionary<SheetColumn, int>();
        foreach (var column in MeasurementSheet.Columns)
        {
            if (header.FirstOrDefault(c => string.Equals(c.Text.Trim(), column.Header, StringComparison.OrdinalIgnoreCase)) is { } cell)
            {
                columns[column] = cell.Column;
            }
        }
        foreach (var missing in MeasurementSheet.Required.Where(c => !columns.ContainsKey(c)))
        {
            diagnostics.Add(place.Error(Codes.MissingColumn, 1, 1, null, missing.Header,
                string.Join(", ", MeasurementSheet.Columns.Select(c => c.Header))));
        }
        if (MeasurementSheet.Required.Any(c => !columns.ContainsKey(c)))
        {
            return null;
        }

        DateOnly? cutOff = null;
        var cutOffWhere = new SourceSpan(display, 1, 1);
        var cutOffRow = 0;
        var rows = new List<ImportedRow>();
        foreach (var cells in table.Rows.Skip(1))
        {
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }
            var row = cells[0].Row;
            SheetCell Cell(SheetColumn column) =>
                cells.FirstOrDefault(c => c.Column == columns[column]) ?? new SheetCell(row, columns[column], "", false);

            var dateCell = Cell(MeasurementSheet.CutOff);
            if (DateOf(dateCell) is not { } date)
            {
                diagnostics.Add(place.Error(Codes.InvalidSheetCutOff, row, dateCell.Column, MeasurementSheet.CutOff, dateCell.Text.Trim()));
            }
            else if (cutOff is null)
            {
                (cutOff, cutOffWhere, cutOffRow) = (date, place.Span(row, dateCell.Column), row);
            }
            else if (date != cutOff)
            {
                diagnostics.Add(place.Error(Codes.MixedSheetCutOffs, row, dateCell.Column, MeasurementSheet.CutOff,
                    ContentWords.Of(date), ContentWords.Of(cutOff.Value), cutOffRow));
            }
            var idCell = Cell(MeasurementSheet.Id);
            var id = idCell.Text.Trim();
            var unit = units is not null && units.TryGetValue(id, out var known) ? known : (Unit?)null;
            var unread = new HashSet<SheetColumn>();
            var planned = NumberOf(Cell(MeasurementSheet.Planned), MeasurementSheet.Planned, id, unit, place, diagnostics, unread);
            var executed = NumberOf(Cell(MeasurementSheet.Executed), MeasurementSheet.Executed, id, unit, place, diagnostics, unread);
            var observationsCell = Cell(MeasurementSheet.Observations);
            var observations = observationsCell.Note is CellNote.None or CellNote.Percent or CellNote.Date ? observationsCell.Text : "";
            if (observationsCell.Note is CellNote.FormulaWithoutValue or CellNote.Error or CellNote.Boolean)
            {
                Refuse(observationsCell, MeasurementSheet.Observations, place, diagnostics);
                unread.Add(MeasurementSheet.Observations);
            }
            ExplanationText? explanation = null;
            if (MeasurementSheet.Explanation.Any(columns.ContainsKey))
            {
                string? TextOf(SheetColumn column) => columns.ContainsKey(column) && Cell(column).Text is { } t && !string.IsNullOrWhiteSpace(t) ? t : null;
                DateOnly? due = null;
                if (columns.ContainsKey(MeasurementSheet.Due) && Cell(MeasurementSheet.Due) is { } dueCell && dueCell.Text.Trim().Length > 0)
                {
                    due = DateOf(dueCell);
                    if (due is null)
                    {
                        diagnostics.Add(place.Error(Codes.InvalidSheetCommitmentDate, row, dueCell.Column, MeasurementSheet.Due, dueCell.Text.Trim()));
                    }
                }
                explanation = new ExplanationText(TextOf(MeasurementSheet.Cause), TextOf(MeasurementSheet.Action), TextOf(MeasurementSheet.Responsible), due);
            }
            rows.Add(new ImportedRow(row, idCell.Column, id,
                new MeasurementFigures(planned, executed, string.IsNullOrWhiteSpace(observations) ? null : observations) { Explanation = explanation }, unread));
        }
        if (cutOff is null && !diagnostics.HasErrors)
        {
            diagnostics.Add(place.Error(Codes.InvalidSheetCutOff, 2, columns[MeasurementSheet.CutOff], MeasurementSheet.CutOff, ""));
        }
        return cutOff is null ? null : new ImportedSheet(place, cutOff.Value, cutOffWhere, rows);
    }

    /// <summary>The location of a cell in diagnostics: the file, row and column, and the same in words for the planner.</summary>
    public sealed record Place(string File, string? SheetName)
    {
        public SourceSpan Span(int row, int column) => new(File, row, column);

        /// <summary>"hoja 'Corte 2025-09-30', fila 5, columna 'ejecutado': " (no sheet for a CSV file, no column for a whole row).</summary>
        public string Words(int? row, SheetColumn? column)
        {
            var parts = new List<string>();
            if (SheetName is not null)
            {
                parts.Add($"hoja '{SheetName}'");
            }
            if (row is { } r)
            {
                parts.Add($"fila {r.ToString(CultureInfo.InvariantCulture)}");
            }
            if (column is not null)
            {
                parts.Add($"columna '{column.Header}'");
            }
            return parts.Count == 0 ? "" : string.Join(", ", parts) + ": ";
        }

        public Diagnostic Error(DiagnosticCode code, int row, int column, SheetColumn? named, params object[] args) =>
            new(code.Code, Severity.Error, Span(row, column), code.Format([Words(row, named), .. args]));

        public Diagnostic Warning(DiagnosticCode code, int row, int column, SheetColumn? named, params object[] args) =>
            new(code.Code, Severity.Warning, Span(row, column), code.Format([Words(row, named), .. args]));

        /// <summary>An error about the sheet as a whole (no row), placed at its first cell.</summary>
        public Diagnostic SheetError(DiagnosticCode code, params object[] args) =>
            new(code.Code, Severity.Error, Span(1, 1), code.Format([Words(null, null), .. args]));
    }

    /// <summary>AAAA-MM-DD as plantilla writes it; DD/MM/AAAA as a spreadsheet program may save it; a workbook's date serial.</summary>
    private static DateOnly? DateOf(SheetCell cell)
    {
        var text = cell.Text.Trim();
        if (cell.IsNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static decimal? NumberOf(SheetCell cell, SheetColumn column, string id, Unit? unit, Place place, DiagnosticBag diagnostics, HashSet<SheetColumn> unread)
    {
        var text = cell.Text.Trim();
        if (cell.Note is CellNote.FormulaWithoutValue or CellNote.Error or CellNote.Boolean)
        {
            Refuse(cell, column, place, diagnostics);
            unread.Add(column);
            return null;
        }
        if (text.Length == 0)
        {
            return null;
        }
        if (cell.IsNumber && cell.Note == CellNote.Date && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            var shown = serial is > 0 and < 2958466
                ? DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : text;
            diagnostics.Add(place.Error(Codes.DateCell, cell.Row, cell.Column, column, shown));
            unread.Add(column);
            return null;
        }
        if (cell.IsNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var stored))
        {
            if (cell.Note != CellNote.Percent)
            {
                return stored;
            }
            // The cell shows the percentage: 0.96 formatted as 0% is the 96 the planner typed.
            var percentage = stored * 100;
            if (unit == Unit.Number)
            {
                diagnostics.Add(place.Error(Codes.PercentCellForNumber, cell.Row, cell.Column, column, EsCo.PercentInMessage(percentage), id));
                unread.Add(column);
                return null;
            }
            return percentage;
        }
        if (PlannerNumber().IsMatch(text)
            && decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var written))
        {
            if (ThousandsLookalike().IsMatch(text))
            {
                diagnostics.Add(place.Warning(Codes.ThousandsLookalike, cell.Row, cell.Column, column,
                    $"'{text}'", EsCo.Exact(written), "en la hoja", text.Replace(".", "", StringComparison.Ordinal)));
            }
            return written;
        }
        diagnostics.Add(place.Error(Codes.InvalidSheetNumber, cell.Row, cell.Column, column, text));
        unread.Add(column);
        return null;
    }

    /// <summary>A cell that holds no figure: a logical value, a formula without its result, a formula's error.</summary>
    private static void Refuse(SheetCell cell, SheetColumn column, Place place, DiagnosticBag diagnostics)
    {
        var code = cell.Note switch
        {
            CellNote.FormulaWithoutValue => Codes.FormulaWithoutValue,
            CellNote.Error => Codes.ErrorCell,
            _ => Codes.BooleanCell,
        };
        diagnostics.Add(place.Error(code, cell.Row, cell.Column, column, cell.Text.Trim()));
    }
}
