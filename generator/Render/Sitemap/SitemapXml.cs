using System.Text;
using System.Xml;
using Pei.Site.Method;

namespace Pei.Site.Render.Sitemap;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9) and robots.txt. The sitemap lists every HTML page except 404.html by absolute address,
/// with the date its figures last changed (a cut-off's own pages: that cut-off's; every other page: the latest cut-off's).
/// </summary>
public static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Write(IEnumerable<string> pagePaths, PlanReport report, Uri baseUrl)
    {
        var siteUpdated = PublicationDates.SiteUpdated(report);
        var byCutOff = report.CutOffs.ToDictionary(c => SitePaths.CutOff(c.CutOff.Date), PublicationDates.Updated, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlSettings.Indented))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var path in pagePaths.Where(p => p != SitePaths.NotFound).Order(StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, new Uri(baseUrl, SitePaths.UrlPath(path)).AbsoluteUri);
                if ((byCutOff.TryGetValue(path, out var own) ? own : siteUpdated) is { } lastmod)
                {
                    xml.WriteElementString("lastmod", Namespace, Model.ContentWords.Of(lastmod));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>robots.txt: everything may be crawled; with a base URL, where the sitemap is.</summary>
    public static byte[] Robots(Uri? baseUrl)
    {
        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        if (baseUrl is not null)
        {
            text.Append("\nSitemap: ").Append(new Uri(baseUrl, SitePaths.SitemapXml).AbsoluteUri).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>The one way the generator writes XML: UTF-8 without BOM, two-space indent, LF line ends.</summary>
internal static class XmlSettings
{
    public static XmlWriterSettings Indented { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };
}
