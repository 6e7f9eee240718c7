using System.Runtime.InteropServices;

namespace Pei.Site.FileSystem;

/// <summary>
/// Tells ext4 that a folder is the top of many unrelated trees (the attribute <c>chattr +T</c> sets,
/// <c>FS_TOPDIR_FL</c>), so that it places each folder created in it the way it places folders at the top of the disk:
/// in the part of the disk with the fewest folders, instead of right beside its parent. A build writes ten thousand
/// folders into <c>indicadores/</c>; beside their parent, every new folder and file asks ext4 for a free inode at the
/// start of the same few groups, and on a disk without a journal ext4 skips, one by one, every inode freed in the last
/// half minute there (<c>recently_deleted</c>), so after the site before was deleted each of the 20,000 new inodes
/// scanned past thousands (see the README, "Benchmark"). Spread over the disk, each scans past a few.
/// Only a hint: on another file system, another system, or without the right to set it, nothing happens.
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

    /// <summary>Marks <paramref name="folder"/>, which this build has just created, as the top of many trees.</summary>
    public static void SpreadSubfolders(string folder) => Marked(folder, mark: true);

    /// <summary>Whether <paramref name="folder"/> carries the attribute (for tests; false where it cannot be asked).</summary>
    public static bool IsSpread(string folder) => Marked(folder, mark: false);

    /// <summary>
    /// Whether <paramref name="folder"/> carries the attribute, after setting it first when <paramref name="mark"/> and it
    /// is missing; false wherever the folder cannot be opened or its attributes asked or set.
    /// </summary>
    private static bool Marked(string folder, bool mark)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            var descriptor = Open(folder, ReadOnlyFolder);
            if (descriptor < 0)
            {
                return false;
            }
            try
            {
                var flags = 0;
                if (Ioctl(descriptor, GetFlags, ref flags) != 0)
                {
                    return false;
                }
                if ((flags & TopOfTrees) != 0)
                {
                    return true;
                }
                flags |= TopOfTrees;
                return mark && Ioctl(descriptor, SetFlags, ref flags) == 0;
            }
            finally
            {
                Close(descriptor);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int Ioctl(int descriptor, nuint request, ref int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
