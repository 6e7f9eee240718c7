using System.Collections.Concurrent;
using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>
/// What one load of a content folder read from each indicator file and publication record, kept in memory for the next
/// load of the same folder (serve passes one to every rebuild; build and validate never use one). A file whose stamp
/// (length, last-write time, device and inode) is the one it had when it was read is not read, hashed or parsed again:
/// the model object it gave and the diagnostics it gave are used again as they were. So results never depend on the memo:
/// <list type="bullet">
/// <item>the stamp is taken before the file is read, and the result is kept only when the stamp did not change while it
/// was read and the file was last written more than <see cref="Settled"/> before (an edit in the same tick of the file
/// system's clock as the read would otherwise keep its stamp);</item>
/// <item>only regular files are kept: a symbolic link keeps its stamp when what it leads to changes;</item>
/// <item>what a file gives also depends on plan.yaml (its period and cut-offs) and on where the folder is: when these
/// change, every kept result is dropped;</item>
/// <item>everything else the loader checks (folder and file names, folders that are links, rules across files) is
/// checked on every load, as without a memo.</item>
/// </list>
/// A memo may also be told, before a load, which paths a watcher of the folder saw change since the last load
/// (<see cref="Watched"/>): that load drops the kept results of those files (and of everything under a folder named)
/// and takes every other kept result without asking for its stamp, and when nothing was created, removed or renamed it
/// takes the last load's walk of the folder (<see cref="Walk"/>) too. At 10,000 indicators that is 20,000 system calls
/// and 40–110 ms less per edit in serve. The watcher is trusted only as far as it can be: not when it lost events or was
/// not asked (then every stamp is asked, as above), and never for content that holds a symbolic link (an edit through a
/// link is seen at the path it leads to). <see cref="Stale"/> asks every stamp and walks the folder again, for the idle
/// moments after a rebuild, so that an edit the watcher never saw (a network file system) is caught all the same.
/// One load at a time may use a memo.
/// </summary>
public sealed class LoadMemo
{
    /// <summary>How long after its last write a file's result may be kept (coarse file system clocks tick once a second or two).</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Context? _context;
    private int _generation;
    private int _reused;
    private int _read;

    /// <summary>Files whose kept result the last load used.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Files the last load read (not found, changed, or not kept).</summary>
    public int Read => Volatile.Read(ref _read);

    /// <summary>Whether the last load took kept results without asking for their stamps (told by <see cref="Watched"/>).</summary>
    public bool Trusted { get; private set; }

    /// <summary>Whether the last load walked the content folder (false: it took the walk before it).</summary>
    public bool Walked { get; private set; }

    /// <summary>What a watcher saw change since the last load, for the next one; null paths: not known.</summary>
    private (IReadOnlySet<string>? Paths, bool Structure)? _news;

    /// <summary>The last walk of the content folder, where it was made, and whether it met a symbolic link.</summary>
    private (string Root, FolderWalk.Result Result, bool Linked)? _walk;

    /// <summary><see cref="ContentLoader.Load(string, string, DiagnosticBag)"/>, reading only the files that changed since this memo's last load.</summary>
    public Plan? Load(string contentDirectory, string displayRoot, DiagnosticBag diagnostics) =>
        ContentLoader.Load(contentDirectory, displayRoot, diagnostics, this);

    /// <summary>How many files have a result kept.</summary>
    public int Count => _entries.Count;

    private sealed class Entry(FileStamp stamp, object? result, DiagnosticBag diagnostics, int generation)
    {
        public FileStamp Stamp { get; } = stamp;
        public object? Result { get; } = result;
        public DiagnosticBag Diagnostics { get; } = diagnostics;

        /// <summary>The last load that used it.</summary>
        public int Generation { get; set; } = generation;
    }


    /// <summary>What every file's result depends on besides its own bytes and path.</summary>
    private sealed record Context(string Root, string DisplayRoot, Period Period, IReadOnlyList<CutOff> CutOffs)
    {
        public bool Same(Context other) =>
            Root == other.Root && DisplayRoot == other.DisplayRoot && Period == other.Period && CutOffs.SequenceEqual(other.CutOffs);
    }

    /// <summary>
    /// Tells the next load which paths (absolute, as the loader names the files) changed since the last load, as a watcher
    /// of the folder saw them: files changed, created, removed or renamed, and folders (standing for everything under
    /// them); <paramref name="structure"/> when anything was created, removed or renamed. Null paths: the watcher does
    /// not know (it lost events). Told twice before a load, the next load takes both.
    /// </summary>
    public void Watched(IReadOnlySet<string>? paths, bool structure)
    {
        if (_news is not { } earlier)
        {
            _news = (paths, structure);
            return;
        }
        _news = earlier.Paths is null || paths is null
            ? (null, true)
            : (earlier.Paths.Union(paths, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), earlier.Structure || structure);
    }

    /// <summary>
    /// The walk of the content folder the loader checks for link loops: the last load's when the watcher saw nothing
    /// created, removed or renamed since, else a new one.
    /// </summary>
    internal FolderWalk.Result Walk(ContentFolder files)
    {
        if (_walk is { } kept && kept.Root == files.Root && _news is { Paths: not null, Structure: false } && !kept.Linked)
        {
            Walked = false;
            return kept.Result;
        }
        var walk = FolderWalk.Walk(files.Root);
        var linked = walk.Refused.Count > 0 || walk.Files.Any(f => f.Real != Path.Join(files.RealRoot, f.Relative));
        _walk = (files.Root, walk, linked);
        Walked = true;
        return walk;
    }

    /// <summary>
    /// Starts a load: drops every kept result when the folder or plan.yaml's period or cut-offs are not those of the last
    /// load, or else those of the paths the watcher saw change. False when no result is kept (then most files will be read).
    /// </summary>
    internal bool Begin(ContentFolder files, string displayRoot, PlanFileReader.Header header)
    {
        var context = new Context(files.RealRoot, displayRoot, header.Period, header.CutOffs.ToList());
        var news = _news;
        _news = null;
        Trusted = false;
        if (_context is null || !_context.Same(context))
        {
            _entries.Clear();
        }
        else if (news is { Paths: { } changed } && _walk is { Linked: false } walk && walk.Root == files.Root)
        {
            var lookup = new HashSet<string>(changed, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var path in _entries.Keys)
            {
                if (Touched(path, lookup))
                {
                    _entries.TryRemove(path, out _);
                }
            }
            Trusted = true;
        }
        _context = context;
        _generation++;
        _reused = 0;
        _read = 0;
        return !_entries.IsEmpty;
    }

    /// <summary>Whether <paramref name="path"/> or a folder above it is among the changed paths.</summary>
    private static bool Touched(string path, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> changed)
    {
        for (ReadOnlySpan<char> at = path; at.Length > 0; at = Path.GetDirectoryName(at))
        {
            if (changed.Contains(at))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether any kept file's stamp is no longer the one it had when read, or the folder's walk changed, since the last
    /// load: what a watcher might have missed. When so, the next load asks every stamp and walks the folder again.
    /// </summary>
    public bool Stale()
    {
        var stale = _entries.Any(e => FileKinds.StampOf(e.Key) != e.Value.Stamp);
        if (!stale && _walk is { } kept)
        {
            var walk = FolderWalk.Walk(kept.Root);
            stale = !walk.Files.Select(f => (f.Relative, f.Real)).SequenceEqual(kept.Result.Files.Select(f => (f.Relative, f.Real)))
                || !walk.Refused.SequenceEqual(kept.Result.Refused);
        }
        if (stale)
        {
            Watched(null, structure: true);
        }
        return stale;
    }

    /// <summary>Ends a load: forgets files it did not ask for (removed, renamed, or no longer loaded).</summary>
    internal void End()
    {
        foreach (var (path, entry) in _entries)
        {
            if (entry.Generation != _generation)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(path, entry));
            }
        }
    }

    /// <summary>
    /// The result of reading the file at <paramref name="path"/> with <paramref name="read"/>, which reports into the bag it is
    /// given: the kept one when the file's stamp is unchanged, else read now (and kept when it may be). Its diagnostics go to
    /// <paramref name="diagnostics"/> either way.
    /// </summary>
    internal T? Reuse<T>(string path, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read) where T : class
    {
        if (Trusted && _entries.TryGetValue(path, out var vouched) && vouched.Result is null or T)
        {
            vouched.Generation = _generation;
            Interlocked.Increment(ref _reused);
            diagnostics.AddRange(vouched.Diagnostics);
            return (T?)vouched.Result;
        }
        var started = DateTime.UtcNow;
        var before = FileKinds.StampOf(path);
        if (before is { } stamp && _entries.TryGetValue(path, out var kept) && kept.Stamp == stamp && kept.Result is null or T)
        {
            kept.Generation = _generation;
            Interlocked.Increment(ref _reused);
            diagnostics.AddRange(kept.Diagnostics);
            return (T?)kept.Result;
        }
        Interlocked.Increment(ref _read);
        var own = new DiagnosticBag();
        var result = read(own);
        diagnostics.AddRange(own);
        if (before is { } first && started.Ticks - first.LastWrite > Settled.Ticks && FileKinds.StampOf(path) == first)
        {
            _entries[path] = new Entry(first, result, own, _generation);
        }
        else
        {
            _entries.TryRemove(path, out _);
        }
        return result;
    }
}
