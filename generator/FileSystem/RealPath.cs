namespace Pei.Site.FileSystem;

/// <summary>
/// Where a path really is: every symbolic link in it resolved, like realpath(3), except that the part that does not exist
/// yet is kept as written (an output folder usually does not exist before its first build).
/// </summary>
public static class RealPath
{
    /// <summary>As many links as Linux follows for one path before it gives up (ELOOP).</summary>
    private const int MaxLinks = 40;

    /// <summary>The path with its links resolved; null when they loop or nest deeper than <see cref="MaxLinks"/>.</summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                // current has no links left, so its parent is the real parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            if (FileKinds.Of(next) != FileKind.SymbolicLink || new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var targetPart in Parts(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }
        return Trim(current);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both already resolved).</summary>
    public static bool IsSameOrInside(string path, string folder) => path == folder || IsInside(path, folder);

    /// <summary>True when <paramref name="path"/> is strictly inside <paramref name="folder"/> (both already resolved).</summary>
    public static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path.Length > folder.Length;

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");

    private static string Trim(string path) =>
        path.Length > (Path.GetPathRoot(path)?.Length ?? 0) ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;
}
