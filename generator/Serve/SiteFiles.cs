namespace Pei.Site.Serve;

/// <summary>How a request path maps to a file of the preview site, as a static host would serve it from a folder.</summary>
internal static class SiteFiles
{
    public const string NotFoundPage = "404.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".woff2"] = "font/woff2",
        [".txt"] = "text/plain; charset=utf-8",
        [".pdf"] = "application/pdf",
    };

    public static string ContentType(string path) =>
        ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");

    /// <summary>What a request path resolves to in a site.</summary>
    public abstract record Resolution;

    /// <summary>A file of the site: its path relative to the site (forward slashes), or its full path for a folder on disk.</summary>
    public sealed record Found(string File) : Resolution;

    /// <summary>A folder asked for without its trailing slash: relative links only work from "folder/".</summary>
    public sealed record Redirect(string Location) : Resolution;

    public sealed record Missing : Resolution;

    /// <summary>The files (relative paths, forward slashes) and folders of a site: held in memory (serve), or a folder on disk.</summary>
    public sealed class Tree
    {
        private readonly Func<string, bool> _isFile;
        private readonly Func<string, bool> _isFolder;

        private Tree(Func<string, bool> isFile, Func<string, bool> isFolder)
        {
            _isFile = isFile;
            _isFolder = isFolder;
        }

        /// <summary>A site held in memory: these files, and the folders their paths make up.</summary>
        public Tree(IEnumerable<string> paths)
        {
            var files = new HashSet<string>(StringComparer.Ordinal);
            var folders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                files.Add(path);
                for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
                {
                    folders.Add(path[..slash]);
                }
            }
            _isFile = files.Contains;
            _isFolder = folders.Contains;
        }

        /// <summary>A site built into the folder <paramref name="root"/> (a static server in the tests).</summary>
        public static Tree OnDisk(string root) =>
            new(path => File.Exists(Path.Combine(root, path)), path => Directory.Exists(Path.Combine(root, path)));

        public bool IsFile(string path) => _isFile(path);

        public bool IsFolder(string path) => _isFolder(path);
    }

    /// <summary>
    /// <see cref="Resolve(Tree, string)"/> for a site built into the folder <paramref name="root"/>; a file found is named
    /// by its full path.
    /// </summary>
    public static Resolution Resolve(string root, string rawPath)
    {
        var resolution = Resolve(Tree.OnDisk(root), rawPath);
        return resolution is Found found ? new Found(Path.Combine([Path.GetFullPath(root), .. found.File.Split('/')])) : resolution;
    }

    /// <summary>
    /// Resolves the raw, still percent-encoded path of a request (no query) in <paramref name="site"/>, as a static host
    /// would serve the site from a folder. A folder serves its index.html. A path with a "." or ".." segment (encoded or
    /// not), a backslash or a NUL is missing, whatever it would point to; empty segments ("//") are skipped.
    /// </summary>
    public static Resolution Resolve(Tree site, string rawPath)
    {
        if (!rawPath.StartsWith('/'))
        {
            return new Missing();
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(rawPath);
        }
        catch (UriFormatException)
        {
            return new Missing();
        }
        var segments = decoded.Split('/');
        if (segments.Any(s => s is "." or ".." || s.Contains('\\') || s.Contains('\0')))
        {
            return new Missing();
        }
        var path = string.Join('/', segments.Where(s => s.Length > 0));
        if (path.Length == 0 || site.IsFolder(path))
        {
            if (path.Length > 0 && !rawPath.EndsWith('/'))
            {
                // Rebuilt from the segments, so "//host" can never become a redirect to another site.
                return new Redirect("/" + string.Concat(rawPath.Split('/').Where(s => s.Length > 0).Select(s => s + "/")));
            }
            path = path.Length == 0 ? "index.html" : path + "/index.html";
        }
        return site.IsFile(path) ? new Found(path) : new Missing();
    }
}
