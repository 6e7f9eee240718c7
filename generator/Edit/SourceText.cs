using System.Text;

namespace Pei.Site.Edit;

/// <summary>
/// A content file's text as its author wrote it: its byte-order mark, its line endings (LF or CRLF) and whether it ends
/// with a newline, so that inserting lines changes nothing else.
/// </summary>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SourceText(string text, bool hasByteOrderMark)
    {
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
        var firstLineFeed = text.IndexOf('\n', StringComparison.Ordinal);
        NewLine = firstLineFeed > 0 && text[firstLineFeed - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The text without its byte-order mark: the offsets of <see cref="YamlLayout"/> point into it.</summary>
    public string Text { get; }

    public bool HasByteOrderMark { get; }

    /// <summary>The file's line ending, taken from its first line ("\n" when it has a single line).</summary>
    public string NewLine { get; }

    /// <summary>Decodes a file the loader has already accepted as UTF-8.</summary>
    public static SourceText Decode(byte[] bytes)
    {
        var text = StrictUtf8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? new SourceText(text[1..], true) : new SourceText(text, false);
    }

    public byte[] Encode()
    {
        var body = StrictUtf8.GetBytes(Text);
        return HasByteOrderMark ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }

    /// <summary>The number of spaces before the character at <paramref name="offset"/> on its line.</summary>
    public int ColumnOf(int offset) => offset - LineStart(offset);

    /// <summary>1-based line and column of <paramref name="offset"/>, as diagnostics show them.</summary>
    public (int Line, int Column) Position(int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }
        return (line, ColumnOf(offset) + 1);
    }

    /// <summary>
    /// A copy with <paramref name="lines"/> inserted as whole lines right after the line that holds the character before
    /// <paramref name="end"/> (the end of a node, so a trailing comment on that line stays with it). Each line gets the
    /// file's line ending; at the end of a file without a final newline, the new lines go after a newline and the file
    /// still ends without one.
    /// </summary>
    public SourceText InsertLinesAfter(int end, IEnumerable<string> lines)
    {
        var lineFeed = end == 0 ? -1 : Text.IndexOf('\n', end - 1);
        var block = string.Join(NewLine, lines);
        var text = lineFeed < 0
            ? Text + NewLine + block
            : Text[..(lineFeed + 1)] + block + NewLine + Text[(lineFeed + 1)..];
        return new SourceText(text, HasByteOrderMark);
    }

    /// <summary>
    /// A copy without the whole lines that hold the characters from <paramref name="start"/> to the one before
    /// <paramref name="end"/>, line endings included (so a trailing comment on the last of them goes too).
    /// </summary>
    public SourceText RemoveLines(int start, int end)
    {
        var from = LineStart(start);
        var lineFeed = Text.IndexOf('\n', Math.Max(end - 1, start));
        var to = lineFeed < 0 ? Text.Length : lineFeed + 1;
        return new SourceText(Text[..from] + Text[to..], HasByteOrderMark);
    }

    /// <summary>A copy without the characters from <paramref name="start"/> to the one before <paramref name="end"/>.</summary>
    public SourceText Remove(int start, int end) => new(Text[..start] + Text[end..], HasByteOrderMark);

    /// <summary>A copy with the characters from <paramref name="start"/> to <paramref name="end"/> replaced; a "\n" in
    /// <paramref name="replacement"/> becomes the file's line ending.</summary>
    public SourceText Replace(int start, int end, string replacement) =>
        new(Text[..start] + replacement.Replace("\n", NewLine, StringComparison.Ordinal) + Text[end..], HasByteOrderMark);

    /// <summary>The offset of the end of the line that holds <paramref name="offset"/> (before its line ending).</summary>
    public int LineEnd(int offset)
    {
        var lineFeed = Text.IndexOf('\n', offset);
        var end = lineFeed < 0 ? Text.Length : lineFeed;
        return end > offset && Text[end - 1] == '\r' ? end - 1 : end;
    }

    private int LineStart(int offset)
    {
        var lineFeed = offset == 0 ? -1 : Text.LastIndexOf('\n', offset - 1);
        return lineFeed + 1;
    }
}
