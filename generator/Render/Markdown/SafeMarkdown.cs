using System.Buffers;
using System.Net;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pei.Site.Text;

namespace Pei.Site.Render.Markdown;

/// <summary>
/// Renders the Markdown that planners write (observations, methodology, strategic platform) to safe HTML, with the
/// pipeline and limits of <see cref="MarkdownLimits"/>. Raw HTML is escaped, and links, autolinks or images whose URL
/// <see cref="UrlPolicy"/> refuses are neutralised: a link keeps its text, an autolink shows its address as text, an
/// image disappears.
/// </summary>
public static class SafeMarkdown
{
    /// <param name="markdown">The author's text; null or blank renders nothing.</param>
    /// <param name="topHeadingLevel">The level the text's highest heading takes, so the page keeps one &lt;h1&gt; and an ordered outline.</param>
    public static string ToHtml(string? markdown, int topHeadingLevel = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        if (PlainParagraph(markdown) is { } plain)
        {
            return plain;
        }
        // The loader refuses texts beyond the limits; one that reaches here anyway is shown as plain text, never parsed.
        if (MarkdownLimits.ParseWithin(markdown) is not { } document)
        {
            return "<p>" + WebUtility.HtmlEncode(markdown.Trim()) + "</p>";
        }
        ShiftHeadings(document, topHeadingLevel);
        RemoveUnsafeUrls(document);

        // The thread's renderer, taken while in use (a nested call builds its own) and kept only after a whole render.
        var renderer = _idle ?? NewRenderer();
        _idle = null;
        var text = (StringWriter)renderer.Writer;
        text.GetStringBuilder().Clear();
        renderer.Render(document);
        var html = text.ToString().TrimEnd();
        _idle = renderer;
        return html;
    }

    /// <summary>Punctuation that means nothing to CommonMark in the middle of a line (no '*', '_', '`', '[', ']', '&lt;', '&gt;', '&amp;', '\\', '~', '|').</summary>
    private static readonly SearchValues<char> InertPunctuation = SearchValues.Create(" .,;:()¿?¡!%/'\"-+=$#°ºª");

    /// <summary>
    /// The HTML Markdig makes of a text that can only be one paragraph of plain text, written without parsing it; null
    /// for any other text. Such a text is one line that starts with a letter and ends with no space, made of letters,
    /// digits, spaces and punctuation that CommonMark gives no meaning in the middle of a line: the paragraph holds the
    /// text as it is, with '"' escaped as Markdig escapes it. Most fields planners write are such a sentence (a target's
    /// description, an indicator's source), and parsing them was most of the cost of the Markdown of a build
    /// (<c>SafeMarkdownTests</c> compares this with Markdig's own output).
    /// </summary>
    internal static string? PlainParagraph(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]) || text[^1] == ' ')
        {
            return null;
        }
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && !InertPunctuation.Contains(c))
            {
                return null;
            }
        }
        return "<p>" + text.Replace("\"", "&quot;", StringComparison.Ordinal) + "</p>";
    }

    /// <summary>A renderer of this thread between texts: building one (its tables of object renderers) cost more than most texts.</summary>
    [ThreadStatic]
    private static HtmlRenderer? _idle;

    private static HtmlRenderer NewRenderer()
    {
        var renderer = new HtmlRenderer(new StringWriter())
        {
            // A second guard: whatever the tree walk missed is written as an inert "#".
            LinkRewriter = url => UrlPolicy.IsAllowed(url) ? url : "#",
        };
        MarkdownLimits.Pipeline.Setup(renderer);
        return renderer;
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
        // Every link and autolink is collected before the tree changes: Markdig's Descendants() misses inlines
        // after a sibling has been moved, which once let an autolink beside an unwrapped link through.
        foreach (var inline in LinksIn(document))
        {
            switch (inline)
            {
                case LinkInline link when !UrlPolicy.IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url):
                    if (link.IsImage)
                    {
                        link.Remove();
                    }
                    else
                    {
                        Unwrap(link);
                    }
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !UrlPolicy.IsAllowed(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
            }
        }
    }

    /// <summary>Every <see cref="LinkInline"/> (links and images) and <see cref="AutolinkInline"/>, outermost first.</summary>
    private static List<Inline> LinksIn(MarkdownDocument document)
    {
        var found = new List<Inline>();
        var pending = new Stack<MarkdownObject>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ContainerBlock container:
                    foreach (var child in container.Reverse())
                    {
                        pending.Push(child);
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push(inline);
                    break;
                case ContainerInline container:
                    if (container is LinkInline)
                    {
                        found.Add(container);
                    }
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }
                    break;
                case AutolinkInline autolink:
                    found.Add(autolink);
                    break;
            }
        }
        return found;
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
