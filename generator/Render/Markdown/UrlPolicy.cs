namespace Pei.Site.Render.Markdown;

/// <summary>
/// Which link and image URLs may appear on the site: http, https, mailto, tel, and relative or fragment URLs.
/// Anything with another scheme (javascript:, data:, vbscript:, file:…) is refused, also when hidden
/// behind mixed case, whitespace or control characters that a browser would ignore.
/// </summary>
public static class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    public static bool IsAllowed(string? url)
    {
        if (url is null)
        {
            return true;
        }
        // Browsers drop ASCII whitespace and control characters anywhere in a URL before reading its scheme,
        // so "java\tscript:" is "javascript:". Markdig has already decoded entities such as &#x09;.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && !IsInvisible(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            // The colon belongs to the path, query or fragment: a relative URL such as "docs/a:b".
            return true;
        }
        var scheme = compact[..colon];
        return AllowedSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
