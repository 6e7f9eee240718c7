using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pei.Site.FileSystem;

/// <summary>What a path is on disk, told without opening it (opening a named pipe blocks until someone writes to it).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Pipe,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>
/// The kind and identity of files, asked of the operating system without opening them. On Linux this is statx(2), whose
/// buffer has one layout on every architecture; elsewhere the portable answer of .NET (link, folder or file), which cannot
/// tell a named pipe or a device from a file: on Windows the file system has none, other systems are best effort.
/// </summary>
public static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxModifiedTime = 0x40;
    private const uint StatxInode = 0x100;
    private const uint StatxSize = 0x200;

    private static readonly bool HasStatx = OperatingSystem.IsLinux() && Probe();

    /// <summary>What <paramref name="path"/> is; with <paramref name="followLinks"/>, what a link at it finally leads to (Missing when it leads nowhere).</summary>
    public static FileKind Of(string path, bool followLinks = false)
    {
        if (HasStatx)
        {
            if (Statx(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, out var status) != 0)
            {
                return FileKind.Missing;
            }
            return KindOf(status.Mode);
        }
        return Portable(path, followLinks);
    }

    /// <summary>The device and inode of the file at <paramref name="path"/> (links not followed), or null when unknown.</summary>
    public static (ulong Device, ulong Inode)? IdentityOf(string path) =>
        HasStatx && Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxInode, out var status) == 0 ? status.Identity : null;

    /// <summary>
    /// The length, last write time, device and inode of the regular file at <paramref name="path"/> (a link is not
    /// followed) from one call; null when it is anything else, is missing, or the system cannot tell in one call.
    /// </summary>
    public static FileStamp? StampOf(string path)
    {
        if (!HasStatx || Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType | StatxModifiedTime | StatxInode | StatxSize, out var status) != 0 ||
            KindOf(status.Mode) is not FileKind.Regular)
        {
            return null;
        }
        var written = DateTime.UnixEpoch.Ticks + status.ModifiedSeconds * TimeSpan.TicksPerSecond + status.ModifiedNanoseconds / 100;
        var (device, inode) = status.Identity;
        return new FileStamp((long)status.Size, written, device, inode);
    }

    /// <summary>The device and inode of an open file, or null when unknown.</summary>
    public static (ulong Device, ulong Inode)? IdentityOf(SafeFileHandle handle)
    {
        if (!HasStatx)
        {
            return null;
        }
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxInode, out var status) == 0 ? status.Identity : null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Pipe,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        _ => FileKind.Other,
    };

    private static FileKind Portable(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return FileKind.Missing;
        }
        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return FileKind.SymbolicLink;
            }
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !(target.Exists || Directory.Exists(target.FullName)) ? FileKind.Missing
                : Directory.Exists(target.FullName) ? FileKind.Directory : FileKind.Regular;
        }
        return Directory.Exists(path) ? FileKind.Directory : FileKind.Regular;
    }

    private static bool Probe()
    {
        try
        {
            return Statx(AtCurrentDirectory, "/", AtSymlinkNoFollow, StatxType, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx (linux/stat.h): the same layout on every architecture. Only the fields read here are named.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;

        public readonly (ulong Device, ulong Inode) Identity => (((ulong)DeviceMajor << 32) | DeviceMinor, Inode);
    }
}

/// <summary>What tells a file's version apart without reading it: its length, last write (UTC ticks), device and inode.</summary>
public readonly record struct FileStamp(long Length, long LastWrite, ulong Device, ulong Inode);
