namespace Pei.Site.FileSystem;

/// <summary>Why an entry of a folder is not walked into or read.</summary>
public enum WalkRefusal
{
    /// <summary>A symbolic link that leads out of the folder.</summary>
    LeavesFolder,

    /// <summary>A symbolic link to a folder that contains it (the folder itself or one of its parents): a cycle.</summary>
    Loop,

    /// <summary>A symbolic link that leads nowhere (or through more links than the system follows).</summary>
    Broken,

    /// <summary>A named pipe, socket or device, which blocks or never ends when read.</summary>
    Special,

    /// <summary>The folder holds more entries (counting each path through a link) than <see cref="FolderWalk.MaxEntries"/>.</summary>
    TooMany,
}

/// <summary>A regular file found by <see cref="FolderWalk"/>: its path relative to the folder (forward slashes) and where it really is.</summary>
public sealed record WalkedFile(string Relative, string Path, string Real);

/// <summary>An entry <see cref="FolderWalk"/> refused: its path relative to the folder (forward slashes), why, and what it is.</summary>
public sealed record RefusedEntry(string Relative, WalkRefusal Reason, FileKind Kind);

/// <summary>
/// Every regular file of a folder, found without ever opening anything else: each entry's kind is asked first
/// (<see cref="FileKinds"/>), a symbolic link is followed only to a file or folder inside the folder, never to a folder
/// that contains the link (so two links to '..' cannot make the walk endless), and a named pipe or device is refused, not
/// read. What the commands that read or copy a whole folder (the theme's static/ and layouts/, importar's copy of the
/// content, the loader's check of the content) walk with, instead of a recursive enumeration that follows every link.
/// </summary>
public static class FolderWalk
{
    /// <summary>More entries than this (each path through a link counted again) is refused: a plan or a theme has thousands.</summary>
    public const int MaxEntries = 1_000_000;

    public sealed record Result(IReadOnlyList<WalkedFile> Files, IReadOnlyList<RefusedEntry> Refused);

    /// <param name="skip">Entries (by relative path) neither walked into nor reported, e.g. hidden ones.</param>
    public static Result Walk(string folder, Func<string, bool>? skip = null)
    {
        var files = new List<WalkedFile>();
        var refused = new List<RefusedEntry>();
        var realRoot = RealPath.Resolve(folder) ?? Path.GetFullPath(folder);
        var entries = 0;
        // Each pending folder with the real folders that contain it along the path walked (a link into one of them is a cycle).
        var pending = new Stack<(string Path, string Relative, string Real, IReadOnlyList<string> Above)>();
        pending.Push((folder, "", realRoot, []));
        while (pending.TryPop(out var current))
        {
            IEnumerable<string> names;
            try
            {
                names = Directory.EnumerateFileSystemEntries(current.Path).Select(p => System.IO.Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var above = (IReadOnlyList<string>)[.. current.Above, current.Real];
            foreach (var name in names)
            {
                var path = System.IO.Path.Combine(current.Path, name);
                var relative = current.Relative.Length == 0 ? name : current.Relative + "/" + name;
                if (skip?.Invoke(relative) == true)
                {
                    continue;
                }
                if (++entries > MaxEntries)
                {
                    refused.Add(new RefusedEntry(relative, WalkRefusal.TooMany, FileKind.Other));
                    return new Result(files, refused);
                }
                var kind = FileKinds.Of(path);
                var real = System.IO.Path.Combine(current.Real, name);
                if (kind is FileKind.SymbolicLink)
                {
                    if (RealPath.Resolve(path) is not { } resolved || FileKinds.Of(resolved) is FileKind.Missing)
                    {
                        refused.Add(new RefusedEntry(relative, WalkRefusal.Broken, kind));
                        continue;
                    }
                    var target = FileKinds.Of(resolved);
                    // A folder that holds the link, or one walked through to reach it: a cycle, even when it is above the root.
                    if (target is FileKind.Directory && (RealPath.IsSameOrInside(current.Real, resolved) || above.Contains(resolved)))
                    {
                        refused.Add(new RefusedEntry(relative, WalkRefusal.Loop, target));
                        continue;
                    }
                    if (!RealPath.IsSameOrInside(resolved, realRoot))
                    {
                        refused.Add(new RefusedEntry(relative, WalkRefusal.LeavesFolder, kind));
                        continue;
                    }
                    real = resolved;
                    kind = target;
                }
                switch (kind)
                {
                    case FileKind.Regular:
                        files.Add(new WalkedFile(relative, path, real));
                        break;
                    case FileKind.Directory:
                        pending.Push((path, relative, real, above));
                        break;
                    case FileKind.Missing:
                        break; // Removed while being walked.
                    default:
                        refused.Add(new RefusedEntry(relative, WalkRefusal.Special, kind));
                        break;
                }
            }
        }
        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.Relative, b.Relative));
        return new Result(files, refused);
    }

    /// <summary>What <paramref name="kind"/> is, in Spanish ("una tubería con nombre (FIFO)").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pipe => "una tubería con nombre (FIFO)",
        FileKind.Socket => "un socket",
        FileKind.CharacterDevice or FileKind.BlockDevice => "un dispositivo",
        FileKind.Directory => "una carpeta",
        _ => "un archivo especial",
    };

    /// <summary>Why an entry was refused, in Spanish, never quoting where a link points.</summary>
    public static string Explain(RefusedEntry entry) => entry.Reason switch
    {
        WalkRefusal.LeavesFolder => "es un enlace simbólico que lleva fuera de su carpeta",
        WalkRefusal.Loop => "es un enlace simbólico a una carpeta que lo contiene: un ciclo sin fin",
        WalkRefusal.Broken => "es un enlace simbólico roto o circular",
        WalkRefusal.Special => $"no es un archivo normal sino {Describe(entry.Kind)}",
        _ => $"la carpeta tiene más de {MaxEntries} entradas",
    };
}
