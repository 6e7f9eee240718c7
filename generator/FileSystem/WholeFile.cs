namespace Pei.Site.FileSystem;

/// <summary>
/// Writes a file whole or not at all, never through what is already there: the bytes go to a new hidden file beside
/// the target, created exclusively under a random name (so never through a file or link planted there), and are
/// renamed over the target, which replaces a link at the target instead of writing where it points. When anything fails
/// the temporary file is removed and the target is as it was.
/// </summary>
public static class WholeFile
{
    /// <exception cref="IOException">The file could not be written; nothing is left behind.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written; nothing is left behind.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var temporary = CreateBeside(full, out var stream);
        try
        {
            using (stream)
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (FileKinds.Of(full) is FileKind.Directory)
            {
                throw new IOException($"'{path}' es una carpeta");
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// A new file ".&lt;name&gt;.&lt;tag&gt;&lt;random&gt;.tmp" beside <paramref name="path"/>, created exclusively, open
    /// for writing through a buffer of <paramref name="bufferSize"/> bytes; <paramref name="tag"/> names the command that
    /// writes it (e.g. "nuevo-corte-").
    /// </summary>
    public static string CreateBeside(string path, out FileStream stream, string tag = "", int bufferSize = 4096)
    {
        var folder = Path.GetDirectoryName(path)!;
        for (var attempt = 0; ; attempt++)
        {
            var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{tag}{Guid.NewGuid().ToString("N")[..12]}.tmp");
            try
            {
                stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
                return temporary;
            }
            catch (IOException) when (attempt < 16 && FileKinds.Of(temporary) is not FileKind.Missing)
            {
                // The name was taken (by chance, or planted): draw another.
            }
        }
    }
}
