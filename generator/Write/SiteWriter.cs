using System.Text.RegularExpressions;
using Pei.Site.FileSystem;
using Pei.Site.Render;

namespace Pei.Site.Write;

/// <summary>
/// The only code that touches the output folder. Writes the whole site into a temporary folder beside --out and swaps it in
/// only when every file was written, so a failed or interrupted build leaves the earlier site exactly as it was.
/// The output is resolved to where it really is first (a link to a folder writes into that folder), builds into the same
/// folder take turns (<see cref="OutputLock"/>), and the temporary folders a killed build left beside it are removed.
/// </summary>
public static partial class SiteWriter
{
    /// <summary>How long a build waits while another one writes the same folder.</summary>
    internal static TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <exception cref="OutputBusyException">Another build kept the folder for longer than <see cref="LockWait"/>.</exception>
    /// <exception cref="OutputRefusedException">The folder cannot be written safely.</exception>
    public static void Write(IReadOnlyList<OutputFile> files, string outDirectory)
    {
        var target = RealPath.Resolve(outDirectory) ?? throw new OutputRefusedException($"--out '{outDirectory}' pasa por enlaces simbólicos circulares");
        var parent = Path.GetDirectoryName(target) ?? throw new OutputRefusedException("no se puede escribir en la raíz del sistema de archivos");
        if (FileKinds.Of(target) is not (FileKind.Missing or FileKind.Directory))
        {
            throw new OutputRefusedException($"--out '{outDirectory}' no es una carpeta; elija una carpeta para el sitio, p. ej. _site");
        }
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        using var turn = OutputLock.Acquire(parent, name, outDirectory, LockWait);
        RemoveLeftovers(parent, name);
        var staging = NewWorkFolder(parent, name, "nuevo");
        var previous = Path.Combine(parent, $".{name}.anterior-{staging[^12..]}");
        try
        {
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(staging, file.Path));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new OutputRefusedException($"la ruta '{file.Path}' saldría de la carpeta de salida");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(file.Content);
            }
            Swap(staging, target, previous);
        }
        finally
        {
            Remove(staging);
        }
        Remove(previous);
    }

    [GeneratedRegex(@"^\.(?<name>.+)\.(nuevo|anterior)-[0-9a-f]{12}$")]
    private static partial Regex WorkFolderName();

    /// <summary>A new, empty folder ".&lt;name&gt;.&lt;purpose&gt;-&lt;random&gt;" that did not exist before.</summary>
    private static string NewWorkFolder(string parent, string name, string purpose)
    {
        while (true)
        {
            var folder = Path.Combine(parent, $".{name}.{purpose}-{Guid.NewGuid().ToString("N")[..12]}");
            if (FileKinds.Of(folder) is FileKind.Missing)
            {
                Directory.CreateDirectory(folder);
                return folder;
            }
        }
    }

    /// <summary>
    /// Removes the staging and backup folders of this output that a killed build left. Safe only while holding the lock:
    /// no other build of this output is writing them, and builds of other outputs use other names.
    /// </summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, $".{name}.*"))
        {
            if (WorkFolderName().Match(Path.GetFileName(entry)) is { Success: true } match && match.Groups["name"].Value == name)
            {
                Remove(entry);
            }
        }
    }

    /// <summary>Deletes a work folder; a link with its name is deleted itself, never what it leads to.</summary>
    private static void Remove(string path)
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
