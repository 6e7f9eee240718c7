using System.Threading.Channels;

namespace Pei.Site.Serve;

/// <summary>
/// Watches folders (content and theme, subfolders included) and reports a change once the files have been quiet
/// for <see cref="Quiet"/>, so an editor's save or a git checkout gives one rebuild, not dozens.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>Holds at most one pending event: events that arrive while a rebuild runs coalesce into one.</summary>
    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public ChangeWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                    | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            // An overflowed event queue lost changes: rebuilding is the safe answer.
            watcher.Error += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Reports a change as if a file had changed.</summary>
    public void Signal() => _events.Writer.TryWrite(true);

    /// <summary>Completes after a change, once no further change came for <see cref="Quiet"/>.</summary>
    public async Task WaitForChangesAsync(CancellationToken cancel)
    {
        await _events.Reader.ReadAsync(cancel);
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            quiet.CancelAfter(Quiet);
            try
            {
                await _events.Reader.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
