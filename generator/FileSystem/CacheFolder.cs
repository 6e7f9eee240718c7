using System.Security.Cryptography;
using System.Text;

namespace Pei.Site.FileSystem;

/// <summary>
/// Where the generator keeps, between runs, what it can reuse instead of computing again (compiled templates, parsed
/// content): PEI_CACHE, else $XDG_CACHE_HOME/pei-site, else ~/.cache/pei-site; PEI_CACHE=no turns it off. Everything in
/// it is named by the hash of what it was made from and by this build of the generator, so it never has to be cleaned
/// and deleting it only costs the next run the time it saves.
/// </summary>
public static class CacheFolder
{
    public const string Variable = "PEI_CACHE";

    /// <summary>This build of the generator, for names of cached things only it can read.</summary>
    public static readonly string Build = Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes(typeof(CacheFolder).Assembly.ManifestModule.ModuleVersionId.ToString())))[..16];

    /// <summary>
    /// The cache folder for one kind of thing (not created), or null when there is no cache; <paramref name="given"/>, when
    /// set, is used as PEI_CACHE would be (a caller with a cache of its own, such as a test).
    /// </summary>
    public static string? For(string kind, string? given = null)
    {
        var configured = given ?? Environment.GetEnvironmentVariable(Variable);
        if (configured is "no")
        {
            return null;
        }
        var root = configured is { Length: > 0 }
            ? configured
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? Path.Combine(xdg, "pei-site")
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
                    ? Path.Combine(home, ".cache", "pei-site")
                    : null;
        return root is null ? null : Path.Combine(Path.GetFullPath(root), kind);
    }

    /// <summary>How long an entry nobody wrote again is kept (a content folder built once, a generator replaced since).</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromDays(30);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Pruned = new(StringComparer.Ordinal);

    /// <summary>
    /// Removes, once per process and folder, the entries of <paramref name="folder"/> last written more than
    /// <see cref="Unused"/> ago, so the cache does not grow with every temporary content folder or generator build.
    /// </summary>
    public static void Prune(string folder)
    {
        if (!Pruned.TryAdd(folder, true) || !Directory.Exists(folder))
        {
            return;
        }
        var before = DateTime.UtcNow - Unused;
        try
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry.LastWriteTimeUtc < before)
                {
                    if (entry is DirectoryInfo directory && entry.LinkTarget is null)
                    {
                        directory.Delete(recursive: true);
                    }
                    else
                    {
                        entry.Delete();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Writes a cache file whole (a temporary file renamed), or not at all: a cache that cannot be written only costs time.</summary>
    public static void WriteWhole(string path, Action<Stream> write)
    {
        string? temporary = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            temporary = WholeFile.CreateBeside(path, out var stream, bufferSize: 64 * 1024);
            using (stream)
            {
                write(stream);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                if (temporary is not null)
                {
                    File.Delete(temporary);
                }
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
