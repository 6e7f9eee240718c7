using Pei.Site.Text;
namespace Pei.Site.Render;

/// <summary>Where each page lives in the generated site, and how one page links to another with a relative URL.</summary>
public static class SitePaths
{
    public const string Home = "index.html";
    public const string Methodology = "metodologia/index.html";
    public const string OpenData = "datos/index.html";
    public const string NotFound = "404.html";
    public const string CutOffs = "cortes/index.html";
    public const string Stylesheet = "css/site.css";
    public const string FaviconSvg = "favicon.svg";
    public const string FaviconIco = "favicon.ico";
    public const string GovCoLogo = "img/govco.svg";
    public const string SiteMap = "mapa-del-sitio/index.html";
    /// <summary>The commitments of lag explanations and their state at the latest cut-off.</summary>
    public const string Commitments = "compromisos/index.html";
    /// <summary>How the site meets the law on publishing the plan of action and its follow-up.</summary>
    public const string Transparency = "transparencia/index.html";
    /// <summary>The open data of the commitments, every cut-off's.</summary>
    public const string CommitmentsCsv = "datos/compromisos.csv";
    /// <summary>The XML sitemap (sitemaps.org), the Atom feed of published cut-offs and robots.txt: written only with a base URL, except robots.txt.</summary>
    public const string SitemapXml = "sitemap.xml";
    public const string Feed = "feed.xml";
    public const string Robots = "robots.txt";
    /// <summary>The image social networks show when a page is shared (a PNG of the theme, 1200 × 630).</summary>
    public const string SocialImage = "img/compartir.png";

    /// <summary>The id of the fe de erratas on a corrected cut-off's pages: "corregido" beside a figure links to it.</summary>
    public const string ErrataFragment = "fe-de-erratas";

    /// <summary>A published cut-off's quarterly report, printed by build --pdf: informes/seguimiento-2025-06-30.pdf.</summary>
    public static string Report(DateOnly date) => $"informes/seguimiento-{Model.ContentWords.Of(date)}.pdf";

    /// <summary>The report of a cut-off as corrected on a day, beside the one first published: informes/seguimiento-2025-06-30-corregido-2025-08-15.pdf.</summary>
    public static string CorrectedReport(DateOnly date, DateOnly correctedOn) =>
        $"informes/seguimiento-{Model.ContentWords.Of(date)}-corregido-{Model.ContentWords.Of(correctedOn)}.pdf";

    /// <summary>A site path as a URL path: each segment percent-encoded, and "index.html" left out ("objetivos/3/").</summary>
    public static string UrlPath(string sitePath)
    {
        var path = sitePath == Home ? "" : sitePath.EndsWith("/" + Home, StringComparison.Ordinal) ? sitePath[..^Home.Length] : sitePath;
        return Escaped(path);
    }

    /// <summary>An objective's page, by number without leading zero: objetivos/3/index.html.</summary>
    public static string Objective(int number) => $"objetivos/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/index.html";

    /// <summary>A published cut-off's dashboard, at a permanent address: cortes/2025-06-30/index.html.</summary>
    public static string CutOff(DateOnly date) => $"cortes/{EsCo.IsoDate(date)}/index.html";

    /// <summary>An objective as of a published cut-off: cortes/2025-06-30/objetivos/3/index.html.</summary>
    public static string CutOffObjective(DateOnly date, int number) => $"cortes/{EsCo.IsoDate(date)}/" + Objective(number);

    /// <summary>The commitments as a published cut-off left them: cortes/2025-06-30/compromisos/index.html.</summary>
    public static string CutOffCommitments(DateOnly date) => $"cortes/{EsCo.IsoDate(date)}/" + Commitments;

    /// <summary>An indicator's page, by its id (the file stem).</summary>
    public static string Indicator(string id) => $"indicadores/{id}/index.html";

    /// <summary>The prefix that leads from a page back to the site root: "" at the root, "../../" two folders down.</summary>
    public static string RootFrom(string pagePath)
    {
        var depth = pagePath.AsSpan().Count('/');
        return depth < Ups.Length ? Ups[depth] : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>"", "../", "../../"…: every link of every page starts with one.</summary>
    private static readonly string[] Ups = [.. Enumerable.Range(0, 16).Select(depth => string.Concat(Enumerable.Repeat("../", depth)))];

    /// <summary>A relative URL from one page to another site path, each segment percent-encoded.</summary>
    public static string Relative(string fromPage, string toPath, string? fragment = null) =>
        RootFrom(fromPage) + Escaped(toPath, fragment);

    /// <summary>A site path with each segment percent-encoded, and its fragment.</summary>
    public static string Escaped(string path, string? fragment = null)
    {
        // Most paths are letters, digits and "-._~/" already: what EscapeDataString leaves as it is, segment by segment.
        var escaped = path.AsSpan().ContainsAnyExcept(Unreserved) ? string.Join('/', path.Split('/').Select(Uri.EscapeDataString)) : path;
        return fragment is null ? escaped : escaped + "#" + Uri.EscapeDataString(fragment);
    }

    private static readonly System.Buffers.SearchValues<char> Unreserved =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");
}
