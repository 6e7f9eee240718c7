using System.Buffers;
using System.Globalization;
using System.Text;
using Utf8Transcoding = System.Text.Unicode.Utf8;

namespace Pei.Site.Render.Theme;

/// <summary>
/// The text of one page as a template writes it, kept in buffers of the rendering thread that serve page after page,
/// then handed to the file's stream as UTF-8 in pieces of 64 KB. A StreamWriter per page allocated buffers several times
/// the size of the page (most of a large build's collections), and took RazorLight's asynchronous writes one task at a
/// time; here they complete as they are made.
/// </summary>
internal sealed class PageText : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The rendering thread's writer between pages; taken while a page is written, so a nested use gets its own.</summary>
    [ThreadStatic]
    private static PageText? _idle;

    private char[] _chars = new char[64 * 1024];
    private readonly byte[] _bytes = new byte[64 * 1024];
    private int _length;

    private PageText()
        : base(CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Utf8;

    /// <summary>Runs <paramref name="render"/> into this thread's page writer and writes the text to <paramref name="stream"/>.</summary>
    public static void WriteTo(Stream stream, Action<TextWriter> render)
    {
        var text = _idle ?? new PageText();
        _idle = null;
        try
        {
            render(text);
            // In pieces of the byte buffer, never splitting a character; a lone surrogate becomes U+FFFD, as in UTF8Encoding.
            ReadOnlySpan<char> rest = text._chars.AsSpan(0, text._length);
            OperationStatus status;
            do
            {
                status = Utf8Transcoding.FromUtf16(rest, text._bytes, out var read, out var written);
                stream.Write(text._bytes, 0, written);
                rest = rest[read..];
            }
            while (status == OperationStatus.DestinationTooSmall);
        }
        finally
        {
            text._length = 0;
            _idle = text;
        }
    }

    public override void Write(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }
        _chars[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_chars.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }
        buffer.CopyTo(_chars.AsSpan(_length));
        _length += buffer.Length;
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Grow(int needed)
    {
        var grown = new char[Math.Max(_chars.Length * 2, _length + needed)];
        _chars.AsSpan(0, _length).CopyTo(grown);
        _chars = grown;
    }
}
