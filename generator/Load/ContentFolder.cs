using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;
using Pei.Site.Load.Yaml;

namespace Pei.Site.Load;

/// <summary>
/// The content folder as commands may read it, and how its paths are named in diagnostics. Only regular files and folders
/// that really are inside it are read: a symbolic link is followed only when where it finally leads is inside the content
/// folder too (so a plan can share a file between objectives, but never pull in a file of the machine); a link that leads
/// outside, a broken or circular link, a named pipe, a socket or a device is a diagnostic at the entry itself that never
/// quotes what it points to. A file is read at most its limit + 1 bytes (<see cref="YamlTreeReader.MaxFileBytes"/>, or
/// <see cref="YamlTreeReader.MaxRecordBytes"/> for a publication record), whatever size it claims.
/// </summary>
public sealed class ContentFolder
{
    private readonly string _displayRoot;

    /// <param name="path">The content folder on disk (it may itself be a link).</param>
    /// <param name="displayRoot">How the content folder is named in diagnostics (e.g. "content").</param>
    public ContentFolder(string path, string displayRoot)
    {
        // Absolute once, so that opening each of its files does not ask for the working folder again.
        Root = Path.GetFullPath(path);
        _displayRoot = displayRoot.TrimEnd('/', '\\').Replace('\\', '/');
        RealRoot = RealPath.Resolve(path) ?? Path.GetFullPath(path);
    }

    /// <summary>Trees of files parsed by earlier runs (<see cref="ContentLoader"/> opens them for each load).</summary>
    internal YamlTreeCache Trees { get; set; } = YamlTreeCache.None;

    /// <summary>Where each folder of the content really is, resolved once per load for the many files in it.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _realFolders = new(StringComparer.Ordinal);

    /// <summary>The folder as given, made absolute.</summary>
    public string Root { get; }

    /// <summary>The folder with every link resolved: what "inside the content" means.</summary>
    public string RealRoot { get; }

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public string Display(params string[] parts) => string.Join('/', new[] { _displayRoot }.Concat(parts));

    public SourceSpan Start(params string[] parts) => new(Display(parts), 1, 1);

    /// <summary>True when nothing (not even a broken link) is at <paramref name="path"/>, or a folder is where a file is expected.</summary>
    public static bool IsAbsentFile(string path) =>
        FileKinds.Of(path) is FileKind.Missing || FileKinds.Of(path, followLinks: true) is FileKind.Directory;

    /// <summary>
    /// Checks an entry of the content before it is used; false, with a diagnostic at <paramref name="where"/>, when it must not be.
    /// A folder must lead to a folder inside the content; a file to a regular file inside it.
    /// </summary>
    public bool Admits(string path, SourceSpan where, DiagnosticBag diagnostics)
    {
        // The common case in one call: a regular file (not a link) in a folder already known to be inside the content.
        if (FileKinds.Of(path) is FileKind.Regular && Path.GetDirectoryName(path) is { Length: > 0 } parent &&
            _realFolders.GetOrAdd(parent, RealPath.Resolve) is { } realParent && RealPath.IsSameOrInside(realParent, RealRoot))
        {
            return true;
        }
        var name = where.File[(where.File.LastIndexOf('/') + 1)..];
        if (RealPath.Resolve(path) is not { } real || FileKinds.Of(real) is FileKind.Missing)
        {
            diagnostics.Error(Codes.BrokenLink, where, name);
            return false;
        }
        if (!RealPath.IsSameOrInside(real, RealRoot))
        {
            diagnostics.Error(Codes.LinkLeavesContent, where, name);
            return false;
        }
        if (FileKinds.Of(real) is var kind and not (FileKind.Regular or FileKind.Directory))
        {
            diagnostics.Error(Codes.NotARegularFile, where, name, FolderWalk.Describe(kind));
            return false;
        }
        return true;
    }

    /// <summary>The bytes of a content file, or null with a diagnostic when it is refused (see <see cref="Admits"/>) or too large.</summary>
    public byte[]? Read(string path, SourceSpan where, DiagnosticBag diagnostics, int maxBytes = YamlTreeReader.MaxFileBytes)
    {
        if (!Admits(path, where, diagnostics))
        {
            return null;
        }
        var bytes = ReadAtMost(path, maxBytes + 1);
        if (bytes.Length > maxBytes)
        {
            // The size on disk only words the message; the read itself never trusted it.
            diagnostics.Error(Codes.FileTooLarge, where, Math.Max(new FileInfo(path).Length, bytes.Length), maxBytes);
            return null;
        }
        return bytes;
    }

    /// <summary>
    /// At most <paramref name="limit"/> bytes from the start of a file, read through its handle at explicit offsets: no
    /// stream, no read-ahead advice and no position to keep, for files that are read once and whole. The array is sized by
    /// the length the file has now and returned as it is when the file ends there (a publication record of 10,000
    /// indicators is 2 MB: one allocation, not a buffer and its copy); a file that grew while it was read gets a larger one.
    /// </summary>
    private static byte[] ReadAtMost(string path, int limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[(int)Math.Clamp(RandomAccess.GetLength(handle), 0, limit)];
        var length = 0;
        Span<byte> probe = stackalloc byte[1];
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                // Full: one byte more tells whether the file ends here.
                if (RandomAccess.Read(handle, probe, length) == 0)
                {
                    return buffer;
                }
                Array.Resize(ref buffer, (int)Math.Min(limit, Math.Max(16L, buffer.Length * 2L)));
                buffer[length++] = probe[0];
                continue;
            }
            var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        return length == buffer.Length ? buffer : buffer[..length];
    }
}
