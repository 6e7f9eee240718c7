using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Pei.Site.FileSystem;
using Pei.Site.Render;

namespace Pei.Site.Write;

/// <summary>
/// Brings a staging folder to hold exactly the files of the site: each file rendered on one of the cores and streamed
/// into place through <see cref="UpdatedFile"/> (unchanged files left alone), then everything else in the folder removed.
/// Folders are checked to be real folders before anything goes in them, so a link planted in the staging folder is
/// removed, never followed. A staging folder the build has just created holds nothing to compare, check or remove: its
/// folders and files are created straight away, without asking first what is at each name (four system calls fewer per
/// page, and no walk of the tree at the end). In a folder that will hold many folders (<c>indicadores/</c>), one in
/// <see cref="FolderPlacement.SpreadEvery"/> is spread over the disk and the next ones follow it (<see cref="FolderPlacement"/>).
/// </summary>
internal static class StagedSite
{
    /// <summary>
    /// Renders <paramref name="files"/> in the order given, as many at a time as there are cores: put the largest files
    /// first, so they finish while the many small ones fill the other cores.
    /// </summary>
    public static void Update(string staging, bool empty, IReadOnlyList<SiteFile> files)
    {
        var folders = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { [""] = true };
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!paths.Add(file.Path) || !IsSafe(file.Path))
            {
                throw new OutputRefusedException($"la ruta '{file.Path}' saldría de la carpeta de salida o se repite");
            }
        }
        // Each crowded folder and how many folders this build has created in it (under the lock of folder creation).
        var crowded = Crowded(paths).ToDictionary(folder => folder, _ => 0, StringComparer.Ordinal);
        try
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                file => Write(staging, empty, file, folders, crowded));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        if (!empty)
        {
            RemoveOthers(staging, "", paths, folders.Keys.ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>A relative path of plain names: no empty, "." or ".." segment, no backslash, not rooted.</summary>
    private static bool IsSafe(string path) =>
        path.Length > 0 && !path.Contains('\\') && !Path.IsPathRooted(path) &&
        path.Split('/').All(segment => segment.Length > 0 && segment is not "." and not ".." && !segment.Contains('\0'));

    /// <summary>
    /// The folders (relative, "" for the site's root) that the files' paths put at least
    /// <see cref="FolderPlacement.SpreadFrom"/> folders in.
    /// </summary>
    internal static HashSet<string> Crowded(IEnumerable<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0 && folders.Add(path[..slash]); slash = path.LastIndexOf('/', slash - 1))
            {
            }
        }
        return folders
            .CountBy(folder => ParentOf(folder), StringComparer.Ordinal)
            .Where(parent => parent.Value >= FolderPlacement.SpreadFrom)
            .Select(parent => parent.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string ParentOf(string relative)
    {
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? "" : relative[..slash];
    }

    private static void Write(string staging, bool empty, SiteFile file, ConcurrentDictionary<string, bool> folders, Dictionary<string, int> crowded)
    {
        EnsureFolder(staging, empty, ParentOf(file.Path), folders, crowded);
        using var stream = new UpdatedFile(Path.Combine(staging, file.Path), earlier: !empty);
        file.Write(stream);
        stream.Finish();
    }

    /// <summary>Makes <paramref name="relative"/> a real folder, level by level, each level checked once per build.</summary>
    private static void EnsureFolder(string staging, bool empty, string relative, ConcurrentDictionary<string, bool> folders, Dictionary<string, int> crowded)
    {
        if (folders.ContainsKey(relative))
        {
            return;
        }
        EnsureFolder(staging, empty, ParentOf(relative), folders, crowded);
        lock (folders)
        {
            if (folders.ContainsKey(relative))
            {
                return;
            }
            var path = Path.Combine(staging, relative);
            if (empty)
            {
                Create(staging, relative, crowded);
            }
            else if (FileKinds.Of(path) is not FileKind.Directory)
            {
                // A file or a link where the site needs a folder: removed itself, never what a link leads to.
                SiteWriter.Remove(path);
                Create(staging, relative, crowded);
            }
            folders[relative] = true;
        }
    }

    /// <summary>Creates a folder whose parent exists; in a crowded folder, the first of every <see cref="FolderPlacement.SpreadEvery"/> is spread.</summary>
    private static void Create(string staging, string relative, Dictionary<string, int> crowded)
    {
        var parent = ParentOf(relative);
        var spread = false;
        if (crowded.TryGetValue(parent, out var created))
        {
            spread = created % FolderPlacement.SpreadEvery == 0;
            crowded[parent] = created + 1;
        }
        FolderPlacement.Create(Path.Combine(staging, parent), Path.Combine(staging, relative), spread);
    }

    /// <summary>Removes from the folder every entry that is neither a file of the site nor a folder holding one.</summary>
    private static void RemoveOthers(string staging, string relative, HashSet<string> files, HashSet<string> folders)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(staging, relative)).ToList())
        {
            var name = Path.GetFileName(entry);
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (files.Contains(path))
            {
                continue;
            }
            if (folders.Contains(path) && FileKinds.Of(entry) is FileKind.Directory)
            {
                RemoveOthers(staging, path, files, folders);
                continue;
            }
            SiteWriter.Remove(entry);
        }
    }
}
