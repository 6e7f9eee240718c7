using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pei.Site.Spreadsheet;

/// <summary>What a workbook stored in a cell beyond its text, when that text is not the figure the planner sees.</summary>
public enum CellNote
{
    None,
    /// <summary>A number shown as a percentage: the cell holds 0.96 and shows 96 %.</summary>
    Percent,
    /// <summary>A logical value (TRUE/FALSE, VERDADERO/FALSO); the text is "VERDADERO" or "FALSO".</summary>
    Boolean,
    /// <summary>A formula whose result was never stored (written by a program that does not calculate); the text is the formula.</summary>
    FormulaWithoutValue,
    /// <summary>A formula that ended in an error; the text is the error as shown (#DIV/0!).</summary>
    Error,
    /// <summary>A number shown as a date or a time: a figure the spreadsheet program took for a date ("1.5" → 1 de mayo).</summary>
    Date,
}

/// <summary>
/// The interpretation of a workbook cell's value: its text as the planner sees it and what it is (a number, a percentage,
/// a logical value, a formula without a result, an error). The cell formats (styles.xml) say which cells show a
/// percentage: the built-in formats 9 and 10 (<c>0%</c>, <c>0.00%</c>) and any custom format with a '%' outside quotes;
/// and which show a date or a time: the built-in formats 14 to 22 and 45 to 47, and any custom format with a day,
/// month, year, hour or second code outside quotes and brackets.
/// Reading bounds (sizes, rows, columns) are <see cref="XlsxSheet"/>'s concern; this class only reads one cell.
/// </summary>
public static class CellValue
{
    /// <summary>The indices of the workbook's cell formats (the cells' <c>s</c> attribute) that show a percentage, and those that show a date.</summary>
    public static (IReadOnlySet<uint> Percent, IReadOnlySet<uint> Date) Styles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var percent = new HashSet<uint>();
        var date = new HashSet<uint>();
        if (stylesheet?.CellFormats is not { } formats)
        {
            return (percent, date);
        }
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var code = custom.GetValueOrDefault(id);
            if (id is 9 or 10 || (code is not null && ShowsPercent(code)))
            {
                percent.Add(index);
            }
            else if (id is (>= 14 and <= 22) or (>= 45 and <= 47) || (code is not null && ShowsDate(code)))
            {
                date.Add(index);
            }
            index++;
        }
        return (percent, date);
    }

    /// <summary>Whether a number format code shows a date or a time: d, m, y, h or s outside quotes, escapes and brackets.</summary>
    public static bool ShowsDate(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"' && !bracket)
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!bracket && char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a number format code shows a percentage: a '%' that is not quoted text or escaped.</summary>
    public static bool ShowsPercent(string code)
    {
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\' when !quoted:
                    i++;
                    break;
                case '%' when !quoted:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A cell's text, whether it is a number, and its <see cref="CellNote"/>.</summary>
    public static (string Text, bool IsNumber, CellNote Note) Of(Cell cell, IReadOnlyList<string> shared, (IReadOnlySet<uint> Percent, IReadOnlySet<uint> Date) styles)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (raw is null && cell.CellFormula is { } formula && !string.IsNullOrWhiteSpace(formula.Text))
        {
            return (formula.Text.Trim(), false, CellNote.FormulaWithoutValue);
        }
        raw ??= "";
        if (type == CellValues.SharedString)
        {
            return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "", false, CellNote.None);
        }
        if (type == CellValues.InlineString)
        {
            return (cell.InlineString is { } inline ? TextOf(inline) : raw, false, CellNote.None);
        }
        if (type == CellValues.Boolean)
        {
            return (raw.Trim() is "1" or "true" ? "VERDADERO" : "FALSO", false, CellNote.Boolean);
        }
        if (type == CellValues.Error)
        {
            return (raw, false, CellNote.Error);
        }
        if (type is null || type == CellValues.Number)
        {
            if (raw.Length == 0)
            {
                return ("", false, CellNote.None);
            }
            var style = cell.StyleIndex?.Value ?? 0;
            var note = styles.Percent.Contains(style) ? CellNote.Percent : styles.Date.Contains(style) ? CellNote.Date : CellNote.None;
            return (AsShown(raw), true, note);
        }
        return (raw, false, CellNote.None);
    }

    /// <summary>
    /// A stored number as a spreadsheet program shows it: at most 15 significant digits, the precision Excel keeps, so that
    /// 0.07 stored as 7.0000000000000007E-2 reads 0.07.
    /// </summary>
    private static string AsShown(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value.ToString("G15", CultureInfo.InvariantCulture)
            : raw;

    /// <summary>The text of a string item: its plain text, or its rich-text runs (phonetic guides left out).</summary>
    public static string TextOf(OpenXmlCompositeElement item) =>
        item.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Text>() is { } text ? text.Text : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
}
