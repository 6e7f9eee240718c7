using System.Buffers;
using System.Globalization;
using System.Xml;

namespace Pei.Site.Text;

/// <summary>
/// The rows of a sheet as they are written (numbered from 1), each a run of typed cells from the first column: numbers,
/// inline strings (no shared-strings part, spaces kept) and empty cells, each with the index of its
/// <see cref="WorkbookFormat"/> (0, the first, for none).
/// </summary>
public sealed class WorkbookRows
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>What the XmlWriter would change or refuse in a text: markup characters, line breaks, control characters, surrogates and non-characters.</summary>
    private static readonly SearchValues<char> NotPlainText = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '<', '>', '&', .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    private readonly XmlWriter _xml;
    private readonly string[] _numberStarts;
    private readonly string[] _textStarts;
    private int _index;
    private string _row = "";
    private int _column;

    /// <summary>
    /// The markup of the cell being written, handed to the writer in one call: the writer checks its state and every
    /// character on each call, five calls a cell took a third of a large workbook's time.
    /// </summary>
    private char[] _cell = new char[256];
    private int _length;

    internal WorkbookRows(XmlWriter xml, int formatCount)
    {
        _xml = xml;
        // The rest of the start tag of a cell of each format, after its reference, as the writer would write them.
        _numberStarts = [.. Enumerable.Range(0, formatCount).Select(f => $"\"{StyleAttribute(f)} t=\"n\"><v>")];
        _textStarts = [.. Enumerable.Range(0, formatCount).Select(f => $"\"{StyleAttribute(f)} t=\"inlineStr\"><is><t xml:space=\"preserve\">")];
    }

    /// <summary>How many rows were written.</summary>
    internal int Count => _index;

    /// <summary>The most cells any row had.</summary>
    internal int Columns { get; private set; }

    /// <summary>Starts the next row.</summary>
    public void Start()
    {
        _xml.WriteStartElement("", "row", WorkbookWriter.Main);
        _row = WorkbookWriter.Number(++_index);
        _xml.WriteAttributeString("r", _row);
        _column = 0;
    }

    /// <summary>
    /// The next cell's reference ("C7"). Every cell carries one: the format allows leaving it out, but readers such as
    /// exceljs then refuse the cell.
    /// </summary>
    private string NextReference()
    {
        Columns = Math.Max(Columns, ++_column);
        return WorkbookWriter.ColumnName(_column) + _row;
    }

    /// <summary>Ends the row.</summary>
    public void End() => _xml.WriteEndElement();

    /// <summary>
    /// A number cell, written as the markup the XmlWriter would write for it (a number needs no escaping): the writer's
    /// bookkeeping of elements and prefixes, three elements a cell, was most of a large workbook's time.
    /// </summary>
    public void Number(decimal value, int format = 0)
    {
        CheckFormat(format);
        StartRaw(_numberStarts[format]);
        int written;
        while (!value.TryFormat(_cell.AsSpan(_length), out written, default, CultureInfo.InvariantCulture))
        {
            Array.Resize(ref _cell, _cell.Length * 2);
        }
        _length += written;
        EndRaw("</v></c>");
    }

    /// <summary>A cell's start tag, up to its value, into the cell's markup.</summary>
    private void StartRaw(string start)
    {
        Columns = Math.Max(Columns, ++_column);
        _length = 0;
        Append("<c r=\"");
        Append(WorkbookWriter.ColumnName(_column));
        Append(_row);
        Append(start);
    }

    private void EndRaw(string end)
    {
        Append(end);
        _xml.WriteRaw(_cell, 0, _length);
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_cell.Length - _length < text.Length)
        {
            Array.Resize(ref _cell, Math.Max(_cell.Length * 2, _length + text.Length));
        }
        text.CopyTo(_cell.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>A text cell (an inline string).</summary>
    public void Text(string text, int format = 0)
    {
        // Plain text (nearly every cell) as the markup the writer would write; anything else through the writer, which escapes it.
        CheckFormat(format);
        if (!text.AsSpan().ContainsAny(NotPlainText))
        {
            StartRaw(_textStarts[format]);
            Append(text);
            EndRaw("</t></is></c>");
            return;
        }
        StartCell(format);
        _xml.WriteAttributeString("t", "inlineStr");
        _xml.WriteStartElement("", "is", WorkbookWriter.Main);
        _xml.WriteStartElement("", "t", WorkbookWriter.Main);
        _xml.WriteAttributeString("xml", "space", XmlNamespace, "preserve");
        _xml.WriteString(text);
        _xml.WriteFullEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>A cell without a value (that may still have a format, a fill for instance).</summary>
    public void Empty(int format = 0)
    {
        StartCell(format);
        _xml.WriteEndElement();
    }

    private void CheckFormat(int format)
    {
        if (format < 0 || format >= _numberStarts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "the workbook has no such cell format");
        }
    }

    private void StartCell(int format)
    {
        CheckFormat(format);
        _xml.WriteStartElement("", "c", WorkbookWriter.Main);
        _xml.WriteAttributeString("r", NextReference());
        if (format != 0)
        {
            _xml.WriteAttributeString("s", WorkbookWriter.Number(format));
        }
    }

    private static string StyleAttribute(int format) => format == 0 ? "" : $" s=\"{WorkbookWriter.Number(format)}\"";
}
