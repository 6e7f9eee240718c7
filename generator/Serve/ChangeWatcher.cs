using System.Threading.Channels;

namespace Pei.Site.Serve;

/// <summary>
/// Watches folders (content and theme, subfolders included) and reports a change once the files have been quiet
/// for <see cref="Quiet"/>, so an editor's save or a git checkout gives one rebuild, not dozens. It also keeps which
/// paths changed (<see cref="Take"/>), so that a rebuild reads again the files an edit touched without asking every
/// other file of the content whether it changed; when it cannot vouch for the list (the system's event queue
/// overflowed, or too many paths changed) it says so, and the rebuild asks every file.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    /// <summary>More changed paths than this between two rebuilds are not listed: every file is asked instead.</summary>
    public const int MaxPaths = 10_000;

    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>Holds at most one pending event: events that arrive while a rebuild runs coalesce into one.</summary>
    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    private readonly Lock _lock = new();

    /// <summary>The paths changed since the last <see cref="Take"/>; null when they are not known.</summary>
    private HashSet<string>? _paths = new(StringComparer.Ordinal);

    /// <summary>Whether a file or folder was created, removed or renamed since the last <see cref="Take"/>.</summary>
    private bool _structure;

    /// <param name="folders">The folders to watch, each made absolute: the paths reported are under them as given.</param>
    public ChangeWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(folder))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                    | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, e) => Note(e.FullPath, structure: false);
            watcher.Created += (_, e) => Note(e.FullPath, structure: true);
            watcher.Deleted += (_, e) => Note(e.FullPath, structure: true);
            watcher.Renamed += (_, e) =>
            {
                Note(e.OldFullPath, structure: true);
                Note(e.FullPath, structure: true);
            };
            // An overflowed event queue lost changes: which paths changed is no longer known, and rebuilding is the safe answer.
            watcher.Error += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>What changed since the last call: the paths (a folder's stands for everything under it), or null when not known.</summary>
    public sealed record Changes(IReadOnlySet<string>? Paths, bool Structure);

    /// <summary>The changes seen since the last call, and starts listing anew.</summary>
    public Changes Take()
    {
        lock (_lock)
        {
            var changes = new Changes(_paths, _structure);
            _paths = new HashSet<string>(StringComparer.Ordinal);
            _structure = false;
            return changes;
        }
    }

    /// <summary>Reports a change whose paths are not known (every file is asked at the next rebuild).</summary>
    public void Signal()
    {
        lock (_lock)
        {
            _paths = null;
            _structure = true;
        }
        _events.Writer.TryWrite(true);
    }

    private void Note(string path, bool structure)
    {
        lock (_lock)
        {
            if (_paths is not null && _paths.Add(path) && _paths.Count > MaxPaths)
            {
                _paths = null;
            }
            _structure |= structure;
        }
        _events.Writer.TryWrite(true);
    }

    /// <summary>
    /// Completes after a change, once no further change came for <see cref="Quiet"/> (true), or after
    /// <paramref name="idle"/> without any change (false).
    /// </summary>
    public async Task<bool> WaitForChangesAsync(TimeSpan idle, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(idle);
        try
        {
            await _events.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return false;
        }
        await QuietAsync(cancel);
        return true;
    }

    private async Task QuietAsync(CancellationToken cancel)
    {
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
