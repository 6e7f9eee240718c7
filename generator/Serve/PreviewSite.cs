using System.Collections.Concurrent;
using Pei.Site.Render;

namespace Pei.Site.Serve;

/// <summary>
/// One version of the preview: the paths of every file of the site, each file rendered only when first asked for and
/// kept for this version (a rebuild publishes a new version with nothing rendered yet). A template that fails while
/// rendering a file gives the bytes <paramref name="failed"/> makes of its <see cref="ThemeException"/> instead, also kept.
/// </summary>
internal sealed class PreviewSite(int version, IReadOnlyList<SiteFile> files, Func<string, ThemeException, byte[]> failed)
{
    private readonly Dictionary<string, SiteFile> _files = Index(files);
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _rendered = new(StringComparer.Ordinal);
    private int _renders;

    public int Version { get; } = version;

    public SiteFiles.Tree Tree { get; } = new(files.Select(f => f.Path));

    /// <summary>The paths of the site's files, in the order the renderer lists them (for tests: the same as build's).</summary>
    public IReadOnlyList<string> Paths { get; } = files.Select(f => f.Path).ToList();

    /// <summary>How many files of this version have been rendered (each at most once).</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>The bytes of the file at <paramref name="path"/> (a path of <see cref="Tree"/>), rendered now if not yet.</summary>
    public byte[] Content(string path) =>
        _rendered.GetOrAdd(path, p => new Lazy<byte[]>(() => Render(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private byte[] Render(string path)
    {
        Interlocked.Increment(ref _renders);
        try
        {
            return _files[path].Render().Content;
        }
        catch (ThemeException e)
        {
            return failed(path, e);
        }
    }

    private static Dictionary<string, SiteFile> Index(IReadOnlyList<SiteFile> files)
    {
        var index = new Dictionary<string, SiteFile>(files.Count, StringComparer.Ordinal);
        foreach (var file in files)
        {
            index.TryAdd(file.Path, file);
        }
        return index;
    }
}
