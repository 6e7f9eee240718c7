using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;

namespace Pei.Site.Load.Yaml;

/// <summary>
/// The trees of the content files parsed by earlier runs, kept in one file per content folder in the cache folder
/// (<see cref="CacheFolder"/>) and found by the SHA-256 of a file's bytes: a file whose bytes did not change is not
/// parsed again (reading a kept tree back is much faster than parsing YAML; the README's benchmark section has the figures). Only a file that parsed
/// with no diagnostic is kept, so every diagnostic still comes from parsing. After a load the file is rewritten with the
/// trees of that load only, when any was new, so it never grows beyond the content.
/// </summary>
internal sealed class YamlTreeCache
{
    private static readonly byte[] Magic = "PEI-YAML-1\n"u8.ToArray();
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string? _path;
    private readonly Dictionary<UInt128, ReadOnlyMemory<byte>> _stored = [];
    private readonly ConcurrentDictionary<UInt128, ReadOnlyMemory<byte>> _used = new();
    private int _new;

    private YamlTreeCache(string? path)
    {
        _path = path;
    }

    /// <summary>A cache that keeps nothing (no cache folder).</summary>
    public static YamlTreeCache None { get; } = new(null);

    /// <summary>
    /// The trees stored for the content folder at <paramref name="realRoot"/>; empty when none or unreadable. In the cache
    /// folder <paramref name="cacheRoot"/> when given, else PEI_CACHE's (<see cref="CacheFolder.For"/>).
    /// </summary>
    public static YamlTreeCache Open(string realRoot, string? cacheRoot)
    {
        if (CacheFolder.For("contenido", cacheRoot) is not { } folder)
        {
            return None;
        }
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(realRoot)))[..24];
        var cache = new YamlTreeCache(Path.Combine(folder, $"{name}.{CacheFolder.Build}.arbol"));
        try
        {
            if (File.Exists(cache._path))
            {
                cache.Index(File.ReadAllBytes(cache._path!));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            cache._stored.Clear();
        }
        return cache;
    }

    private void Index(byte[] file)
    {
        if (!file.AsSpan().StartsWith(Magic))
        {
            return;
        }
        var position = Magic.Length;
        while (position < file.Length)
        {
            var key = BinaryPrimitives.ReadUInt128LittleEndian(file.AsSpan(position, 16));
            var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position + 16, 4));
            if (length < 0 || position + 20 + length > file.Length)
            {
                throw new FormatException("árbol truncado");
            }
            _stored[key] = file.AsMemory(position + 20, length);
            position += 20 + length;
        }
    }

    /// <summary>The file's key: the first 128 bits of the SHA-256 of its bytes.</summary>
    public static UInt128 KeyOf(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>The tree stored for these bytes, with <paramref name="displayPath"/> in its positions; null when none.</summary>
    public YamlNode? Find(UInt128 key, string displayPath)
    {
        if (_path is null || !_stored.TryGetValue(key, out var stored))
        {
            return null;
        }
        try
        {
            var reader = new TreeReader(stored.Span, displayPath);
            var tree = reader.Node();
            _used[key] = stored;
            return tree;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Keeps a tree just parsed without diagnostics.</summary>
    public void Add(UInt128 key, YamlNode tree)
    {
        if (_path is null)
        {
            return;
        }
        var writer = new ArrayBufferWriter();
        Write(writer, tree);
        _used[key] = writer.ToArray();
        Interlocked.Increment(ref _new);
    }

    /// <summary>Rewrites the cache file with the trees of this load, when any was new (or one stored was not used).</summary>
    public void Save()
    {
        if (_path is null || (_new == 0 && _used.Count == _stored.Count))
        {
            return;
        }
        CacheFolder.Prune(Path.GetDirectoryName(_path)!);
        var entries = _used.OrderBy(e => e.Key).ToList();
        CacheFolder.WriteWhole(_path, stream =>
        {
            stream.Write(Magic);
            Span<byte> head = stackalloc byte[20];
            foreach (var (key, tree) in entries)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(head, key);
                BinaryPrimitives.WriteInt32LittleEndian(head[16..], tree.Length);
                stream.Write(head);
                stream.Write(tree.Span);
            }
        });
    }

    private const byte PlainScalar = 0, QuotedScalar = 1, Mapping = 2, Sequence = 3;

    private static void Write(ArrayBufferWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                writer.Byte(scalar.IsPlain ? PlainScalar : QuotedScalar);
                writer.Position(scalar.Where);
                writer.Text(scalar.Text);
                break;
            case YamlMapping mapping:
                writer.Byte(Mapping);
                writer.Position(mapping.Where);
                writer.Number(mapping.Entries.Count);
                foreach (var entry in mapping.Entries)
                {
                    Write(writer, entry.Key);
                    Write(writer, entry.Value);
                }
                break;
            case YamlSequence sequence:
                writer.Byte(Sequence);
                writer.Position(sequence.Where);
                writer.Number(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }
                break;
        }
    }

    private sealed class ArrayBufferWriter
    {
        private byte[] _buffer = new byte[256];
        private int _length;

        public void Byte(byte value)
        {
            Ensure(1);
            _buffer[_length++] = value;
        }

        public void Number(int value)
        {
            Ensure(5);
            var unsigned = (uint)value;
            while (unsigned >= 0x80)
            {
                _buffer[_length++] = (byte)(unsigned | 0x80);
                unsigned >>= 7;
            }
            _buffer[_length++] = (byte)unsigned;
        }

        public void Position(SourceSpan where)
        {
            Number(where.Line);
            Number(where.Column);
        }

        public void Text(string text)
        {
            var count = Utf8.GetByteCount(text);
            Number(count);
            Ensure(count);
            _length += Utf8.GetBytes(text, _buffer.AsSpan(_length));
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
            }
        }
    }

    private ref struct TreeReader(ReadOnlySpan<byte> bytes, string file)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public YamlNode Node()
        {
            var kind = _bytes[_position++];
            var where = new SourceSpan(file, Number(), Number());
            switch (kind)
            {
                case PlainScalar or QuotedScalar:
                    return Scalar(kind, where);
                case Mapping:
                    var entries = new YamlEntry[Number()];
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var keyKind = _bytes[_position++];
                        var key = Scalar(keyKind, new SourceSpan(file, Number(), Number()));
                        entries[i] = new YamlEntry(key, Node());
                    }
                    return new YamlMapping(where, entries);
                case Sequence:
                    var items = new YamlNode[Number()];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Node();
                    }
                    return new YamlSequence(where, items);
                default:
                    throw new FormatException("nodo desconocido");
            }
        }

        private YamlScalar Scalar(byte kind, SourceSpan where)
        {
            if (kind is not (PlainScalar or QuotedScalar))
            {
                throw new FormatException("se esperaba un texto");
            }
            var length = Number();
            var text = Utf8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return new YamlScalar(where, text, kind == PlainScalar);
        }

        private int Number()
        {
            var value = 0u;
            var shift = 0;
            while (true)
            {
                var b = _bytes[_position++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (int)value;
                }
                shift += 7;
                if (shift > 28)
                {
                    throw new FormatException("número demasiado largo");
                }
            }
        }
    }
}
