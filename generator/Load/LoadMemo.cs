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
    /// Starts a load: drops every kept result when the folder or plan.yaml's period or cut-offs are not those of the last
    /// load. False when no result is kept (then most files will be read).
    /// </summary>
    internal bool Begin(ContentFolder files, string displayRoot, PlanFileReader.Header header)
    {
        var context = new Context(files.RealRoot, displayRoot, header.Period, header.CutOffs.ToList());
        if (_context is null || !_context.Same(context))
        {
            _entries.Clear();
        }
        _context = context;
        _generation++;
        _reused = 0;
        _read = 0;
        return !_entries.IsEmpty;
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
