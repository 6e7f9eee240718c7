using System.Globalization;
using System.Text;
using CsvHelper;
using Pei.Site.Text;

namespace Pei.Site.Spreadsheet;

/// <summary>
/// The measurement sheet as CSV. Written as a Spanish-language spreadsheet program expects it (UTF-8 with a byte-order
/// mark, ';' between fields, decimal comma); read whatever it was saved as: ',' or ';' (or tab), with or without the mark.
/// </summary>
public static class CsvSheet
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "" };

    public static byte[] Write(IReadOnlyList<SheetRow> rows)
    {
        using var output = new MemoryStream();
        using (var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            // Observations are the planners' own text: a leading '-' (a Markdown list) or '=' is written after a quote, so a
            // spreadsheet program does not run it as a formula, and importar reads it back as the planner wrote it.
            var csv = new CsvText(text, ';');
            csv.Row(MeasurementSheet.Columns.Select(c => c.Header));
            foreach (var row in rows)
            {
                csv.Row(
                [
                    Pei.Site.Model.ContentWords.Of(row.CutOff), row.Objective, row.Target, row.Id, row.Indicator, row.Unit,
                    Number(row.YearTarget), row.Accumulation, Number(row.PreviousPlanned), Number(row.PreviousExecuted),
                    Number(row.Planned), Number(row.Executed), row.Observations ?? "",
                    row.Explanation?.Cause ?? "", row.Explanation?.Action ?? "", row.Explanation?.Responsible ?? "",
                    row.Explanation?.Due is { } due ? Pei.Site.Model.ContentWords.Of(due) : "",
                ]);
            }
        }
        return output.ToArray();
    }

    public static SheetTable Read(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableSheetException("el archivo no está en UTF-8; guárdelo como «CSV UTF-8»");
        }
        var rows = new List<IReadOnlyList<SheetCell>>();
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, FieldCountMismatch = CsvFieldCountHandling.Allow };
        try
        {
            using var reader = CsvReader.Create(bytes, options);
            var row = 0;
            var counter = new SheetLimits.Counter();
            while (reader.Read())
            {
                row++;
                counter.Row(row);
                counter.Fields(row, reader.FieldCount);
                var cells = new List<SheetCell>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.GetString(i);
                    counter.Cell(row, i + 1, text.Length);
                    // A text plantilla (or the open data) wrote with a quote before a formula's first character reads as written.
                    cells.Add(new SheetCell(row, i + 1, CsvText.Unescape(text), IsNumber: false));
                }
                rows.Add(cells);
            }
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableSheetException($"el CSV está mal formado: {e.Message}");
        }
        return new SheetTable(null, rows);
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.############################", DecimalComma) : "";
}
