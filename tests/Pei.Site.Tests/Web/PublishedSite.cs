using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Pei.Site.Tests.Web;

/// <summary>
/// The real content built once as the publish workflow builds it: with a base URL under a sub-path and the PDF reports.
/// Printing needs Chromium (PEI_CHROMIUM or /usr/bin/chromium); without it the build fails and so do these tests.
/// </summary>
public sealed class PublishedSite : IDisposable
{
    public const string BaseUrl = "https://example.gov.co/pei/";

    private readonly TempFolder temp = new();

    public PublishedSite()
    {
        Out = temp["_site"];
        Build = Cli.Run("build", "--content", Repository.Content, "--out", Out, "--theme", Repository.Theme, "--base-url", BaseUrl, "--pdf");
        Pages = Directory.Exists(Out)
            ? Directory.GetFiles(Out, "*.html", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Out, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public string Out { get; }

    public Cli.Outcome Build { get; }

    public IReadOnlyList<string> Pages { get; }

    public string this[string path] => Path.Combine(Out, path);

    public IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(this[path]));

    /// <summary>A page's canonical address: the base URL and the page's folder ("objetivos/3/"), or the file for others.</summary>
    public static string AddressOf(string page) =>
        BaseUrl + (page == "index.html" ? "" : page.EndsWith("/index.html", StringComparison.Ordinal) ? page[..^"index.html".Length] : page);

    public void Dispose() => temp.Dispose();
}
