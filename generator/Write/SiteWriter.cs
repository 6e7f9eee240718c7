using System.Text.RegularExpressions;
using Pei.Site.FileSystem;
using Pei.Site.Render;

namespace Pei.Site.Write;

/// <summary>
/// The only code that touches the output folder. Renders the files of the site on every core and streams each into a
/// staging folder beside --out, then swaps it in only when every file was written, so a failed or interrupted build leaves
/// the earlier site exactly as it was. The staging folder is the site of the build before (kept beside --out as
/// ".&lt;name&gt;.anterior-…" after each swap): a file whose bytes did not change is left alone and only what changed is
/// written, which spares creating and deleting thousands of files per build. The output is resolved to where it really
/// is first (a link to a folder writes into that folder), builds into the same folder take turns
/// (<see cref="OutputLock"/>), and the work folders a killed build left beside it are reused or removed.
/// </summary>
public static partial class SiteWriter
{
    /// <summary>How long a build waits, by default, while another one writes the same folder.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(2);

    /// <summary>Renders and writes <paramref name="files"/> as the whole content of <paramref name="outDirectory"/>.</summary>
    /// <param name="lockWait">How long to wait while another build writes the same folder (<see cref="DefaultLockWait"/>).</param>
    /// <exception cref="OutputBusyException">Another build kept the folder for longer than <paramref name="lockWait"/>.</exception>
    /// <exception cref="OutputRefusedException">The folder cannot be written safely.</exception>
    /// <exception cref="Render.ThemeException">A template failed while rendering a file (nothing is swapped in).</exception>
    public static void Write(IReadOnlyList<SiteFile> files, string outDirectory, TimeSpan lockWait)
    {
        var target = RealPath.Resolve(outDirectory) ?? throw new OutputRefusedException($"--out '{outDirectory}' pasa por enlaces simbólicos circulares");
        var parent = Path.GetDirectoryName(target) ?? throw new OutputRefusedException("no se puede escribir en la raíz del sistema de archivos");
        if (FileKinds.Of(target) is not (FileKind.Missing or FileKind.Directory))
        {
            throw new OutputRefusedException($"--out '{outDirectory}' no es una carpeta; elija una carpeta para el sitio, p. ej. _site");
        }
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        using var turn = OutputLock.Acquire(parent, name, outDirectory, lockWait);
        var (staging, empty) = ReuseOrCreateWorkFolder(parent, name);
        StagedSite.Update(staging, empty, files);
        var previous = Path.Combine(parent, $".{name}.anterior-{Guid.NewGuid().ToString("N")[..12]}");
        Swap(staging, target, previous);
    }

    [GeneratedRegex(@"^\.(?<name>.+)\.(nuevo|anterior)-[0-9a-f]{12}$")]
    private static partial Regex WorkFolderName();

    /// <summary>
    /// The folder this build stages the site in: the earlier generation kept by the last build (or a staging folder a killed
    /// build left), else a new empty one. Every other work folder of this output is removed. Safe only while holding the
    /// lock: no other build of this output is writing them, and builds of other outputs use other names. Empty is true
    /// for a folder this build has just created.
    /// </summary>
    private static (string Folder, bool Empty) ReuseOrCreateWorkFolder(string parent, string name)
    {
        var work = Directory.EnumerateFileSystemEntries(parent, $".{name}.*")
            .Where(entry => WorkFolderName().Match(Path.GetFileName(entry)) is { Success: true } match && match.Groups["name"].Value == name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var reused = work.FirstOrDefault(entry => FileKinds.Of(entry) is FileKind.Directory);
        foreach (var entry in work.Where(entry => entry != reused))
        {
            Remove(entry);
        }
        if (reused is not null)
        {
            return (reused, false);
        }
        while (true)
        {
            var folder = Path.Combine(parent, $".{name}.nuevo-{Guid.NewGuid().ToString("N")[..12]}");
            if (FileKinds.Of(folder) is FileKind.Missing)
            {
                Directory.CreateDirectory(folder);
                return (folder, true);
            }
        }
    }

    /// <summary>Deletes a work folder; a link with its name is deleted itself, never what it leads to.</summary>
    internal static void Remove(string path)
    {
        switch (FileKinds.Of(path))
        {
            case FileKind.Directory:
                Directory.Delete(path, recursive: true);
                break;
            case FileKind.Missing:
                break;
            default:
                File.Delete(path);
                break;
        }
    }

    private static void Swap(string staging, string target, string previous)
    {
        if (FileKinds.Of(target) is FileKind.Missing)
        {
            Directory.Move(staging, target);
            return;
        }
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
    }
}

/// <summary>The output folder cannot be used (it would overwrite content, the repository or a system folder).</summary>
public sealed class OutputRefusedException(string message) : Exception(message);
