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

    /// <summary>An objective's page, by number without leading zero: objetivos/3/index.html.</summary>
    public static string Objective(int number) => $"objetivos/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/index.html";

    /// <summary>A published cut-off's dashboard, at a permanent address: cortes/2025-06-30/index.html.</summary>
    public static string CutOff(DateOnly date) => $"cortes/{Formatting.EsCo.IsoDate(date)}/index.html";

    /// <summary>An objective as of a published cut-off: cortes/2025-06-30/objetivos/3/index.html.</summary>
    public static string CutOffObjective(DateOnly date, int number) => $"cortes/{Formatting.EsCo.IsoDate(date)}/" + Objective(number);

    /// <summary>An indicator's page, by its id (the file stem).</summary>
    public static string Indicator(string id) => $"indicadores/{id}/index.html";

    /// <summary>The prefix that leads from a page back to the site root: "" at the root, "../../" two folders down.</summary>
    public static string RootFrom(string pagePath) =>
        string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/')));

    /// <summary>A relative URL from one page to another site path, each segment percent-encoded.</summary>
    public static string Relative(string fromPage, string toPath, string? fragment = null) =>
        RootFrom(fromPage) + string.Join('/', toPath.Split('/').Select(Uri.EscapeDataString))
        + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));
}
