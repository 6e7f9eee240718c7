using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pei.Site.FileSystem;

/// <summary>
/// An exclusive advisory lock (flock) on an open file, taken explicitly. The program turns off the locks .NET takes on
/// every file it opens on Unix (<c>System.IO.DisableFileLocking</c> in the project file: two system calls per file read
/// or written, about 40,000 per build of 10,000 indicators, none of which protected anything), so the one file whose
/// lock matters, the output folder's (<c>Write/OutputLock</c>), asks for it here. On Windows, opening with
/// <see cref="FileShare.None"/> already excludes every other opener.
/// </summary>
public static partial class ExclusiveLock
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    /// <summary>Whether the lock was taken; false while another open file description holds it.</summary>
    public static bool TryTake(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        return Flock((int)handle.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0;
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);
}
