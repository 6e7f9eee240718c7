using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pei.Site.Render.Markdown;

/// <summary>
/// Renders the Markdown that planners write (observations, methodology, strategic platform) to safe HTML.
/// Raw HTML is escaped, and links or images whose URL <see cref="UrlPolicy"/> refuses are removed:
/// a link keeps its text, an image disappears.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    /// <param name="markdown">The author's text; null or blank renders nothing.</param>
    /// <param name="topHeadingLevel">The level the text's highest heading takes, so the page keeps one &lt;h1&gt; and an ordered outline.</param>
    public static string ToHtml(string? markdown, int topHeadingLevel = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        ShiftHeadings(document, topHeadingLevel);
        RemoveUnsafeUrls(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().TrimEnd();
    }

    /// <summary>Moves every heading so the text's highest one takes <paramref name="topHeadingLevel"/>, keeping their relative levels.</summary>
    private static void ShiftHeadings(MarkdownDocument document, int topHeadingLevel)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }
        var shift = Math.Clamp(topHeadingLevel, 1, 6) - headings.Min(h => h.Level);
        foreach (var heading in headings)
        {
            heading.Level = Math.Clamp(heading.Level + shift, 1, 6);
        }
    }

    private static void RemoveUnsafeUrls(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (UrlPolicy.IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                continue;
            }
            if (link.IsImage)
            {
                link.Remove();
            }
            else
            {
                Unwrap(link);
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !UrlPolicy.IsAllowed(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    /// <summary>Replaces a link by its content, so its words stay as plain text.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
