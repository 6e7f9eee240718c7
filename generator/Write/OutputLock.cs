using System.Diagnostics;
using Pei.Site.FileSystem;

namespace Pei.Site.Write;

/// <summary>
/// Serialises the builds that write one output folder: a lock file beside it (".&lt;name&gt;.lock"), held open with
/// FileShare.None and an exclusive flock (<see cref="ExclusiveLock"/>) for as long as the site is swapped in, and deleted
/// before it is released.
/// A waiter that then holds a lock on the deleted file notices that the name now leads to another file (or none) and
/// tries again, so two builds never both hold it. Where the file's identity cannot be asked (not Linux), the lock file
/// stays beside the output rather than be deleted unsafely.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;
    private readonly bool _deleteOnRelease;

    private OutputLock(FileStream stream, string path, bool deleteOnRelease)
    {
        _stream = stream;
        _path = path;
        _deleteOnRelease = deleteOnRelease;
    }

    public static string PathFor(string parent, string name) => Path.Combine(parent, $".{name}.lock");

    /// <exception cref="OutputBusyException">Another build held the lock for longer than <paramref name="wait"/>.</exception>
    /// <exception cref="OutputRefusedException">Something that is not a plain file (a link, a folder) has the lock file's name.</exception>
    public static OutputLock Acquire(string parent, string name, string outDirectory, TimeSpan wait)
    {
        var path = PathFor(parent, name);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            if (FileKinds.Of(path) is not (FileKind.Missing or FileKind.Regular))
            {
                throw new OutputRefusedException($"'{path}', donde build guarda el candado de --out '{outDirectory}', es un enlace o no es un archivo normal; bórrelo y vuelva a intentarlo");
            }
            FileStream? stream = null;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
                if (!ExclusiveLock.TryTake(stream.SafeFileHandle))
                {
                    stream.Dispose();
                    stream = null;
                }
            }
            catch (IOException)
            {
                // Held by another build (or gone between the check and the open): wait and try again.
            }
            if (stream is not null)
            {
                var locked = FileKinds.IdentityOf(stream.SafeFileHandle);
                if (locked is null || locked == FileKinds.IdentityOf(path))
                {
                    return new OutputLock(stream, path, deleteOnRelease: locked is not null);
                }
                // The build that held it deleted this file before releasing it: lock the file that has the name now.
                stream.Dispose();
                continue;
            }
            if (clock.Elapsed > wait)
            {
                throw new OutputBusyException(outDirectory, wait);
            }
            Thread.Sleep(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(250, delay.TotalMilliseconds * 2));
        }
    }

    public void Dispose()
    {
        if (_deleteOnRelease)
        {
            try
            {
                File.Delete(_path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind, it only costs the next build an open.
            }
        }
        _stream.Dispose();
    }
}

/// <summary>Another build kept writing the same output folder for longer than a build waits.</summary>
public sealed class OutputBusyException(string outDirectory, TimeSpan waited) : Exception($"'{outDirectory}' está ocupada")
{
    public string OutDirectory { get; } = outDirectory;

    public TimeSpan Waited { get; } = waited;
}
