using System.Text;

namespace Pei.Site.Serve;

/// <summary>
/// The head of one HTTP/1.1 request (request line and headers), read with limits so that no client can make serve hold
/// more than a few kilobytes or wait forever: a request line longer than <see cref="MaxRequestLine"/> is answered 414,
/// more than <see cref="MaxHeaderCount"/> headers or <see cref="MaxHeaderBytes"/> bytes of them 431, a head not complete
/// within the caller's time limit 408, anything malformed 400. A body is never read: serve answers GET and HEAD only.
/// </summary>
internal sealed record HttpHead(string Method, string Target)
{
    /// <summary>The value of the Host header (trimmed), null when the request has none.</summary>
    public string? Host { get; init; }

    public const int MaxRequestLine = 8 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Why a head was refused: the status to answer with.</summary>
    public sealed class RefusedException(int status) : Exception($"HTTP {status}")
    {
        public int Status { get; } = status;
    }

    /// <exception cref="RefusedException">The head breaks a limit or is not HTTP.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired before the head was complete.</exception>
    /// <exception cref="EndOfStreamException">The client closed the connection first.</exception>
    public static async Task<HttpHead> ReadAsync(Stream stream, CancellationToken cancel)
    {
        var reader = new LineReader(stream);
        var requestLine = await reader.ReadLineAsync(MaxRequestLine, 414, asciiOnly: true, cancel);
        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetterUpper) || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[1].Length == 0)
        {
            throw new RefusedException(400);
        }
        var count = 0;
        var bytes = 0;
        string? host = null;
        while (true)
        {
            var header = await reader.ReadLineAsync(MaxHeaderBytes - bytes, 431, asciiOnly: false, cancel);
            if (header.Length == 0)
            {
                return new HttpHead(parts[0], parts[1]) { Host = host };
            }
            if (header.StartsWith("host:", StringComparison.OrdinalIgnoreCase))
            {
                // Two Host headers make the request ambiguous (RFC 9112, 3.2): refused.
                host = host is null ? header[5..].Trim(' ', '\t') : throw new RefusedException(400);
            }
            bytes += header.Length + 2;
            if (++count > MaxHeaderCount || bytes > MaxHeaderBytes)
            {
                throw new RefusedException(431);
            }
        }
    }

    /// <summary>Reads CRLF (or LF) terminated lines through a small buffer, refusing any longer than asked.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[4096];
        private int _start;
        private int _end;

        /// <param name="asciiOnly">True for the request line; header values may carry bytes above 0x7F (obs-text).</param>
        public async Task<string> ReadLineAsync(int limit, int statusWhenTooLong, bool asciiOnly, CancellationToken cancel)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, cancel);
                    if (_end == 0)
                    {
                        throw new EndOfStreamException();
                    }
                }
                var newLine = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var stop = newLine < 0 ? _end : newLine;
                line.AddRange(_buffer.AsSpan(_start, stop - _start));
                _start = newLine < 0 ? _end : newLine + 1;
                if (line.Count > limit + 1)
                {
                    throw new RefusedException(statusWhenTooLong);
                }
                if (newLine >= 0)
                {
                    if (line.Count > 0 && line[^1] == '\r')
                    {
                        line.RemoveAt(line.Count - 1);
                    }
                    if (line.Count > limit)
                    {
                        throw new RefusedException(statusWhenTooLong);
                    }
                    return line.Any(b => (b < 0x20 && b != '\t') || b == 0x7F || (asciiOnly && b > 0x7F)) ? throw new RefusedException(400) : Encoding.ASCII.GetString([.. line]);
                }
            }
        }
    }
}
