using System.Buffers;

namespace Pei.Site.Text;

/// <summary>
/// The one CSV writer (RFC 4180), for the open data and for the measurement sheet of <c>plantilla</c>: a field is quoted
/// only when it holds the separator, a quote or a line break (quotes doubled); rows end with CRLF. A text that a
/// spreadsheet program would run as a formula (it starts with '=', '+', '-', '@', a tab or a carriage return and is not a
/// number, OWASP's rule for CSV injection) is written after a single quote ("'=HYPERLINK(…)"), which spreadsheet programs
/// show as text; so is a text that already starts with quotes before such a character, so that <see cref="Unescape"/>
/// gives back exactly what was written. The encoding (and whether it starts with a byte-order mark) is the writer's the
/// caller hands in.
/// </summary>
public sealed class CsvText(TextWriter writer, char separator = ',')
{
    private readonly SearchValues<char> _special = SearchValues.Create([separator, '"', '\r', '\n']);
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");
    private bool _inRow;

    /// <summary>The character put before a text a spreadsheet program would take for a formula.</summary>
    public const char FormulaGuard = '\'';

    /// <summary>Whether <paramref name="text"/> is written after <see cref="FormulaGuard"/>.</summary>
    public static bool NeedsGuard(ReadOnlySpan<char> text)
    {
        var unquoted = text.TrimStart(FormulaGuard);
        return unquoted.Length > 0 && FormulaStart.Contains(unquoted[0]) && !IsNumber(text);
    }

    /// <summary>A field as <see cref="Field"/> writes it, before CSV quoting: the text, after a quote when it needs one.</summary>
    public static string Escape(string text) => NeedsGuard(text) ? FormulaGuard + text : text;

    /// <summary>The text of a field read back: <see cref="Escape"/> undone (one quote before a formula's first character removed).</summary>
    public static string Unescape(string text) =>
        text.Length > 1 && text[0] == FormulaGuard && NeedsGuard(text.AsSpan(1)) ? text[1..] : text;

    /// <summary>A number, as a spreadsheet program reads one: an optional sign, digits, a decimal point or comma, an exponent.</summary>
    private static bool IsNumber(ReadOnlySpan<char> text) =>
        decimal.TryParse(text, NumberAsWritten, System.Globalization.CultureInfo.InvariantCulture, out _) ||
        decimal.TryParse(text, NumberAsWritten, DecimalComma, out _);

    private const System.Globalization.NumberStyles NumberAsWritten =
        System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowExponent;

    private static readonly System.Globalization.NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "", NegativeSign = "-", PositiveSign = "+" };

    /// <summary>A text field, after a quote when a spreadsheet program would take it for a formula, quoted when it needs to be.</summary>
    public void Field(string text)
    {
        Separate();
        if (NeedsGuard(text))
        {
            text = FormulaGuard + text;
        }
        if (!text.AsSpan().ContainsAny(_special))
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>A field that never needs quotes (a number or a date formatted invariantly), written straight.</summary>
    public void Plain(ReadOnlySpan<char> text)
    {
        Separate();
        writer.Write(text);
    }

    /// <summary>An empty field.</summary>
    public void Empty() => Separate();

    /// <summary>Ends the row.</summary>
    public void EndRow()
    {
        writer.Write("\r\n");
        _inRow = false;
    }

    /// <summary>A whole row of text fields.</summary>
    public void Row(IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }
        EndRow();
    }

    private void Separate()
    {
        if (_inRow)
        {
            writer.Write(separator);
        }
        _inRow = true;
    }
}
