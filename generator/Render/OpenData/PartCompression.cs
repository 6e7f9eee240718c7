using System.IO.Compression;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// Feeds a part of <see cref="SeguimientoXlsx"/> to its zip entry's deflater in the blocks the workbook has always been
/// made with, so its bytes stay those published so far at every size of plan. The deflater's output depends on the
/// sizes of the writes it gets, and the workbook used to be the Open XML SDK's package copied entry by entry with fixed
/// timestamps: each part deflated whole, then inflated into the new entry in 128 KB blocks of compressed input (where
/// a block ends inside the inflated text, a shorter write). So the part is deflated into memory the same way (the
/// compressed part: under 200 KB for a sheet of 10,000 rows) and inflated into the entry the same way.
/// </summary>
internal static class PartCompression
{
    /// <summary>Writes the part with <paramref name="write"/> and hands it to <paramref name="entry"/>.</summary>
    public static void Write(Stream entry, Action<Stream> write)
    {
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        using (var blocks = new Blocks(deflate))
        {
            write(blocks);
        }
        compressed.Position = 0;
        using var inflate = new DeflateStream(new BlockReads(compressed), CompressionMode.Decompress);
        inflate.CopyTo(entry);
    }

    /// <summary>
    /// Hands the deflater its input in blocks of 128 KB, which gives the bytes of the SDK's one write of the whole part
    /// (checked on sheets of 13 MB) without holding it: the XmlWriter's own writes are a few KB, and would change them.
    /// Its Flush does nothing: the XmlWriter flushes when it closes, and a flushed deflater ends its block there.
    /// </summary>
    private sealed class Blocks(Stream deflate) : Stream
    {
        private const int BlockSize = 128 * 1024;
        private readonly byte[] _block = new byte[BlockSize];
        private int _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var take = Math.Min(buffer.Length, BlockSize - _length);
                buffer[..take].CopyTo(_block.AsSpan(_length));
                _length += take;
                buffer = buffer[take..];
                if (_length == BlockSize)
                {
                    deflate.Write(_block);
                    _length = 0;
                }
            }
        }

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _length > 0)
            {
                deflate.Write(_block, 0, _length);
                _length = 0;
            }
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// The compressed part as the zip entry it used to be read from: read block by block. A MemoryStream's own CopyTo
    /// would give the inflater everything in one write, and the inflated blocks would end elsewhere.
    /// </summary>
    private sealed class BlockReads(Stream compressed) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => compressed.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => compressed.Read(buffer);

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
