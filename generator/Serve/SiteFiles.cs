namespace Pei.Site.Serve;

/// <summary>How a request path maps to a file of the built site, as a static host would serve it.</summary>
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

    /// <summary>What a request path resolves to under <paramref name="root"/>.</summary>
    public abstract record Resolution;

    public sealed record Found(string File) : Resolution;

    /// <summary>A folder asked for without its trailing slash: relative links only work from "folder/".</summary>
    public sealed record Redirect(string Location) : Resolution;

    public sealed record Missing : Resolution;

    /// <summary>
    /// Resolves the raw, still percent-encoded path of a request (no query). A folder serves its index.html.
    /// A path with a "." or ".." segment (encoded or not), a backslash or a NUL is missing, whatever it would point to,
    /// and so is anything that does not end up inside <paramref name="root"/>.
    /// </summary>
    public static Resolution Resolve(string root, string rawPath)
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
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var path = Path.GetFullPath(Path.Combine([fullRoot, .. segments.Where(s => s.Length > 0)]));
        if (path != fullRoot && !path.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return new Missing();
        }
        if (Directory.Exists(path))
        {
            if (!rawPath.EndsWith('/'))
            {
                // Rebuilt from the segments, so "//host" can never become a redirect to another site.
                return new Redirect("/" + string.Concat(rawPath.Split('/').Where(s => s.Length > 0).Select(s => s + "/")));
            }
            path = Path.Combine(path, "index.html");
        }
        return File.Exists(path) ? new Found(path) : new Missing();
    }
}
