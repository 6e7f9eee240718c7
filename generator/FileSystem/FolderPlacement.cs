using System.Runtime.InteropServices;

namespace Pei.Site.FileSystem;

/// <summary>
/// Where ext4 puts the folders of a folder that holds many (<c>indicadores/</c>). Beside their parent, every new folder
/// and file asks ext4 for a free inode at the start of the same few groups, and on a disk without a journal ext4 skips,
/// one by one, every inode freed in the last minutes there (<c>recently_deleted</c>), so after the site before was
/// deleted each of the 20,000 new inodes of a build scanned past thousands (see the README, "Benchmark"). The first of
/// every <see cref="SpreadEvery"/> folders is created with its parent marked as the top of many unrelated trees (the
/// attribute <c>chattr +T</c> sets, <c>FS_TOPDIR_FL</c>), so ext4 places it as it places folders at the top of the
/// disk, in the group with the fewest folders; the mark is removed at once, and the next folders follow it into that
/// group (ext4 starts from the group of the parent's last new folder). Each group then holds a few new inodes and a few
/// freed ones, and ext4 walks its groups for one folder in eight instead of for every one (the walk was a tenth of a
/// build's CPU at 10,000 indicators). Only a hint: on another file system, another system, or without the right to set
/// the mark, the folders are created as usual.
/// </summary>
public static partial class FolderPlacement
{
    /// <summary>Fewer folders than this in one folder are placed beside it: spreading them would gain nothing.</summary>
    public const int SpreadFrom = 64;

    private const int TopOfTrees = 0x00020000; // FS_TOPDIR_FL

    // FS_IOC_GETFLAGS and FS_IOC_SETFLAGS: _IOR('f', 1, long) and _IOW('f', 2, long), the size of a long in bits 16-29.
    private static readonly nuint GetFlags = (nuint)(0x80006601u | ((uint)IntPtr.Size << 16));
    private static readonly nuint SetFlags = (nuint)(0x40006602u | ((uint)IntPtr.Size << 16));

    // O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW: a folder only, never through a link, never waiting on
    // a pipe. The last two have other values on ARM.
    private static readonly int ReadOnlyFolder = 0x800 | 0x80000 |
        (RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 | 0x8000 : 0x10000 | 0x20000);

    /// <summary>
    /// Every how many folders one is spread (the next ones follow it into its group): with one in eight the build's
    /// kernel time at 10,000 indicators went 3.2 → 2.2 s and its time 5.42 → 4.71 s (on disk, alternated, eight runs
    /// each) against every one spread, which walked the disk's groups for each folder; one in 64 left too many freed
    /// inodes in the same groups after a few builds (README, "Benchmark").
    /// </summary>
    public const int SpreadEvery = 8;

    /// <summary>
    /// Creates <paramref name="folder"/> inside <paramref name="parent"/>, spread over the disk when
    /// <paramref name="spread"/>, else where ext4 puts it (after a spread one, beside it).
    /// </summary>
    public static void Create(string parent, string folder, bool spread)
    {
        var marked = spread && MarkAnew(parent);
        try
        {
            Directory.CreateDirectory(folder);
        }
        finally
        {
            if (marked)
            {
                Flags(parent, change: false);
            }
        }
    }

    /// <summary>Whether <paramref name="folder"/> carries the mark (for tests; false where it cannot be asked).</summary>
    public static bool IsMarked(string folder) => Flags(folder, change: null) is { } flags && (flags & TopOfTrees) != 0;

    /// <summary>Sets the mark; true when the folder did not have it before (so it is removed after), false when it cannot be set.</summary>
    private static bool MarkAnew(string folder) => Flags(folder, change: true) is { } before && (before & TopOfTrees) == 0;

    /// <summary>
    /// The folder's attributes as they were, after setting or removing the mark when <paramref name="change"/> says so;
    /// null wherever the folder cannot be opened or its attributes asked or set.
    /// </summary>
    private static int? Flags(string folder, bool? change)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            var descriptor = Open(folder, ReadOnlyFolder);
            if (descriptor < 0)
            {
                return null;
            }
            try
            {
                var flags = 0;
                if (Ioctl(descriptor, GetFlags, ref flags) != 0)
                {
                    return null;
                }
                var before = flags;
                if (change is { } on && ((flags & TopOfTrees) != 0) != on)
                {
                    flags = on ? flags | TopOfTrees : flags & ~TopOfTrees;
                    if (Ioctl(descriptor, SetFlags, ref flags) != 0)
                    {
                        return null;
                    }
                }
                return before;
            }
            finally
            {
                Close(descriptor);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int Ioctl(int descriptor, nuint request, ref int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
