using System.Buffers;
using Pei.Site.FileSystem;

namespace Pei.Site.Write;

/// <summary>
/// The stream a file of the site is rendered into, in a folder that may hold an earlier version of it. The bytes are
/// compared with the earlier file as they come and nothing is written while they match; from the first difference on
/// they go to a new file beside it (the matching part copied from the earlier file), which then replaces it by rename.
/// An unchanged file is left alone, keeping its inode and time; a changed one is never written in place, so a hard
/// link or anything else at its name is replaced, never written through. Only a regular file is ever read.
/// </summary>
internal sealed class UpdatedFile : Stream
{
    private readonly string _path;
    /// <summary>Rented: a file of the site is written every few microseconds, and each would otherwise allocate its own.</summary>
    private readonly byte[] _compare = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private bool _disposed;
    private FileStream? _earlier;
    private FileStream? _new;
    private string? _temporary;
    private long _matched;
    private bool _finished;

    /// <param name="earlier">Whether an earlier version may be at <paramref name="path"/>; when not (a folder the build
    /// has just created), the file is created without looking first.</param>
    public UpdatedFile(string path, bool earlier = true)
    {
        _path = path;
        if (!earlier)
        {
            return;
        }
        if (FileKinds.Of(path) is FileKind.Regular)
        {
            _earlier = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        else
        {
            // A folder, a link or anything else where the file goes: removed itself, never what a link leads to.
            SiteWriter.Remove(path);
        }
    }

    /// <summary>Whether the bytes differed from the earlier file (or there was none): known after <see cref="Finish"/>.</summary>
    public bool Changed { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_new is null && _earlier is not null)
        {
            while (buffer.Length > 0)
            {
                var chunk = Math.Min(buffer.Length, _compare.Length);
                var read = _earlier.ReadAtLeast(_compare.AsSpan(0, chunk), chunk, throwOnEndOfStream: false);
                if (read < chunk || !_compare.AsSpan(0, chunk).SequenceEqual(buffer[..chunk]))
                {
                    break;
                }
                _matched += chunk;
                buffer = buffer[chunk..];
            }
            if (buffer.Length == 0)
            {
                return;
            }
        }
        Diverge();
        _new!.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    /// <summary>Completes the file: replaces the earlier one when the bytes differed, or leaves it as it was.</summary>
    public void Finish()
    {
        if (_new is null && _earlier is not null && _earlier.ReadByte() == -1)
        {
            _earlier.Dispose();
            _earlier = null;
            _finished = true;
            return;
        }
        Diverge();
        _new!.Dispose();
        if (_temporary is not null)
        {
            File.Move(_temporary, _path, overwrite: true);
            _temporary = null;
        }
        _finished = true;
    }

    /// <summary>From here on the bytes go to a new file: the earlier file's matching part first.</summary>
    private void Diverge()
    {
        if (_new is not null)
        {
            return;
        }
        Changed = true;
        if (_earlier is null)
        {
            _new = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 16 * 1024);
            return;
        }
        _temporary = WholeFile.CreateBeside(_path, out var stream, bufferSize: 16 * 1024);
        _new = stream;
        _earlier.Position = 0;
        var remaining = _matched;
        while (remaining > 0)
        {
            var read = _earlier.Read(_compare, 0, (int)Math.Min(remaining, _compare.Length));
            _new.Write(_compare, 0, read);
            remaining -= read;
        }
        _earlier.Dispose();
        _earlier = null;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _earlier?.Dispose();
            _new?.Dispose();
            if (!_disposed)
            {
                _disposed = true;
                ArrayPool<byte>.Shared.Return(_compare);
            }
            if (!_finished && _temporary is not null)
            {
                File.Delete(_temporary);
            }
        }
        base.Dispose(disposing);
    }
}
