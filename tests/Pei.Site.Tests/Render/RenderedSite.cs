using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pei.Site.Method;
using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>Renders sites with the real theme (compiled once per test run) and parses their pages.</summary>
public static class RenderedSite
{
    public static string ThemeDirectory { get; } = FindThemeDirectory();

    private static readonly Lazy<SiteRenderer> Renderer = new(() => SiteRenderer.Create(ThemeDirectory));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Default =
        new(() => Pages(SamplePlan.Report(), new RenderOptions()));

    public static SiteRenderer Instance => Renderer.Value;

    /// <summary>The pages of the sample plan rendered as build would: path → HTML.</summary>
    public static IReadOnlyDictionary<string, string> Sample => Default.Value;

    public static IReadOnlyDictionary<string, string> Pages(PlanReport report, RenderOptions options) =>
        Instance.Pages(report, options).ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Content));

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static IHtmlDocument Page(string path) => Parse(Sample[path]);

    private static string FindThemeDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "site-theme");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("site-theme not found above " + AppContext.BaseDirectory);
    }
}
