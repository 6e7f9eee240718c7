using System.Collections.Concurrent;

namespace Pei.Site.Render.Markdown;

/// <summary>
/// The HTML of each Markdown text of one rendering of the site, rendered once however many pages show it: an
/// observation shows on its indicator's page, on its objective's page at that cut-off and after, and in the lists of
/// lags and commitments, so most texts are rendered three to ten times over (README, "Benchmark"). One per
/// <see cref="Pages.PageBuilder.OnDemand"/> (or <see cref="Pages.PageBuilder.Build"/>), dropped with its pages;
/// <see cref="SafeMarkdown"/> renders what it lacks.
/// </summary>
public sealed class RenderedMarkdown
{
    private readonly ConcurrentDictionary<(string Text, int TopHeadingLevel), string> _html = new();

    /// <summary>As <see cref="SafeMarkdown.ToHtml"/>.</summary>
    public string ToHtml(string? markdown, int topHeadingLevel = 2) =>
        string.IsNullOrWhiteSpace(markdown)
            ? ""
            : _html.GetOrAdd((markdown, topHeadingLevel), key => SafeMarkdown.ToHtml(key.Text, key.TopHeadingLevel));
}
