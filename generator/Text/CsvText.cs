using System.Buffers;

namespace Pei.Site.Text;

/// <summary>
/// The one CSV writer (RFC 4180), for the open data and for the measurement sheet of <c>plantilla</c>: a field is quoted
/// only when it holds the separator, a quote or a line break (quotes doubled); rows end with CRLF. The text of a field is
/// written as given; the encoding (and whether it starts with a byte-order mark) is the writer's the caller hands in.
/// </summary>
public sealed class CsvText(TextWriter writer, char separator = ',')
{
    private readonly SearchValues<char> _special = SearchValues.Create([separator, '"', '\r', '\n']);
    private bool _inRow;

    /// <summary>A text field, quoted when it needs to be.</summary>
    public void Field(string text)
    {
        Separate();
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
