using System.Buffers;
using System.Globalization;
using System.Text;
using Utf8Transcoding = System.Text.Unicode.Utf8;

namespace Pei.Site.Render.Theme;

/// <summary>
/// The text of one page as a template writes it, into buffers of the rendering thread that serve page after page, and
/// handed to the file's stream as UTF-8 each time 64 K characters have gathered. A StreamWriter per page allocated
/// buffers several times the size of the page (most of a large build's collections), and took RazorLight's asynchronous
/// writes one task at a time; here they complete as they are made. Handing the text on as it comes, instead of once the
/// page is whole, keeps the buffers at 64 K: a list of 10,000 commitments (4.5 MB of HTML) grew a buffer of 16 MB that
/// its thread then held to the end of the build.
/// </summary>
internal sealed class PageText : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The rendering thread's writer between pages; taken while a page is written, so a nested use gets its own.</summary>
    [ThreadStatic]
    private static PageText? _idle;

    private readonly char[] _chars = new char[64 * 1024];
    private readonly byte[] _bytes = new byte[64 * 1024];
    private int _length;
    private Stream _stream = Stream.Null;

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
            text._stream = stream;
            render(text);
            text.Drain(final: true);
        }
        finally
        {
            text._length = 0;
            text._stream = Stream.Null;
            _idle = text;
        }
    }

    /// <summary>
    /// Writes the gathered text to the stream as UTF-8, in pieces of the byte buffer. A high surrogate at the end waits
    /// for the low one that follows it, unless the page is <paramref name="final"/>: then, alone, it becomes U+FFFD, as in
    /// UTF8Encoding.
    /// </summary>
    private void Drain(bool final)
    {
        ReadOnlySpan<char> rest = _chars.AsSpan(0, _length);
        OperationStatus status;
        do
        {
            status = Utf8Transcoding.FromUtf16(rest, _bytes, out var read, out var written, isFinalBlock: final);
            _stream.Write(_bytes, 0, written);
            rest = rest[read..];
        }
        while (status == OperationStatus.DestinationTooSmall);
        rest.CopyTo(_chars);
        _length = rest.Length;
    }

    public override void Write(char value)
    {
        if (_length == _chars.Length)
        {
            Drain(final: false);
        }
        _chars[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (_chars.Length - _length < buffer.Length)
        {
            var fits = _chars.Length - _length;
            buffer[..fits].CopyTo(_chars.AsSpan(_length));
            _length += fits;
            buffer = buffer[fits..];
            Drain(final: false);
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
}
