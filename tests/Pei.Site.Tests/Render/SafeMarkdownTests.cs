using AngleSharp.Dom;
using Pei.Site.Render.Markdown;

namespace Pei.Site.Tests.Render;

public class SafeMarkdownTests
{
    [Fact]
    public void A_build_renders_each_text_once_for_all_its_pages()
    {
        var rendered = new RenderedMarkdown();
        const string text = "El rezago se debe a *demoras*; ver [el informe](https://example.org/informe).";
        var first = rendered.ToHtml(text, 3);
        Assert.Equal(SafeMarkdown.ToHtml(text, 3), first);
        // The same text again, even as another string, is the HTML already made; another heading level is another text.
        Assert.Same(first, rendered.ToHtml(new string(text.AsSpan()), 3));
        Assert.Equal(SafeMarkdown.ToHtml("# Título\n\nTexto", 2), rendered.ToHtml("# Título\n\nTexto", 2));
        Assert.Equal(SafeMarkdown.ToHtml("# Título\n\nTexto", 4), rendered.ToHtml("# Título\n\nTexto", 4));
        Assert.Equal("", rendered.ToHtml(null));
        Assert.Equal("", rendered.ToHtml("  "));
    }

    /// <summary>
    /// A text written without parsing must come out exactly as Markdig renders it: every scalar of the real content's
    /// YAML, and random lines over letters, digits, the punctuation the shortcut lets through and a few marks it must not.
    /// </summary>
    [Fact]
    public void A_plain_paragraph_is_written_as_Markdig_renders_it()
    {
        static string Markdig(string text) => global::Markdig.Markdown.ToHtml(text, Pei.Site.Text.MarkdownLimits.Pipeline).TrimEnd();
        var texts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.Content, "*.yaml", SearchOption.AllDirectories))
        {
            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            texts.AddRange(yaml.Documents.SelectMany(d => d.AllNodes).OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
                .Select(n => n.Value ?? ""));
        }
        const string alphabet = "abcxyzÁéíóúñÑAZ0189 .,;:()¿?¡!%/'\"-+=$#°ºª*_`[]<>&\\~|\t\u00A0";
        var random = new Random(20250630);
        for (var i = 0; i < 20_000; i++)
        {
            texts.Add(new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
            // Mostly the characters the shortcut takes, so that many random lines go through it.
            texts.Add("Meta " + new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(42)]).ToArray()) + "x");
        }
        var plain = 0;
        foreach (var text in texts)
        {
            if (SafeMarkdown.PlainParagraph(text) is { } html)
            {
                plain++;
                Assert.Equal(Markdig(text), html);
                Assert.Equal(html, SafeMarkdown.ToHtml(text));
            }
        }
        Assert.True(plain > 10_000, $"only {plain} texts were plain");
        Assert.Equal("<p>Meta del 100% de las actividades (\u00bfcu\u00e1ntas?): 25 de 25.</p>", SafeMarkdown.PlainParagraph("Meta del 100% de las actividades (¿cuántas?): 25 de 25."));
        Assert.Equal("<p>Dijo &quot;s\u00ed&quot;</p>", SafeMarkdown.PlainParagraph("Dijo \"sí\""));
        foreach (var marked in new[] { "Texto *enfático*", "1. Primero", "- punto", "# Título", "Texto ", " texto", "Línea\notra", "a & b", "a_b", "Ver [x](y)" })
        {
            Assert.Null(SafeMarkdown.PlainParagraph(marked));
        }
    }

    public static TheoryData<string> Attacks => new()
    {
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](<java script:alert(1)>)",
        "[x]( vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![i](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
        "![i](javascript:alert(1))",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<object data=x></object><embed src=x>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "Texto <span onclick=\"alert(1)\">clic</span>",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Markdown_never_produces_scripts_handlers_or_unsafe_urls(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        var document = RenderedSite.Parse($"<!DOCTYPE html><html><body>{html}</body></html>");

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, svg, style"));
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var name in new[] { "href", "src" })
            {
                if (element.GetAttribute(name) is { } url)
                {
                    Assert.True(UrlPolicy.IsAllowed(url), $"unsafe {name}=\"{url}\" from {markdown}");
                    Assert.DoesNotMatch("(?i)^\\s*(javascript|vbscript|data|file):", url);
                }
            }
        }
    }

    [Fact]
    public void An_unsafe_link_keeps_its_text_and_an_unsafe_image_disappears()
    {
        var document = RenderedSite.Parse(SafeMarkdown.ToHtml("Ver [el informe](javascript:alert(1)) ![foto](data:image/png;base64,AAAA)"));

        Assert.Empty(document.QuerySelectorAll("a, img"));
        Assert.Contains("Ver el informe", document.Body!.TextContent);
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var document = RenderedSite.Parse(SafeMarkdown.ToHtml("<script>alert(1)</script>"));

        Assert.Contains("<script>alert(1)</script>", document.Body!.TextContent);
    }

    [Theory]
    [InlineData("[a](https://example.org/x)", "https://example.org/x")]
    [InlineData("[a](http://example.org)", "http://example.org")]
    [InlineData("[a](mailto:planeacion@example.org)", "mailto:planeacion@example.org")]
    [InlineData("[a](../datos/index.html)", "../datos/index.html")]
    [InlineData("[a](informe.pdf#pagina=2)", "informe.pdf#pagina=2")]
    [InlineData("[a](docs/a:b)", "docs/a:b")]
    public void Safe_links_survive(string markdown, string href)
    {
        var link = RenderedSite.Parse(SafeMarkdown.ToHtml(markdown)).QuerySelector("a");

        Assert.NotNull(link);
        Assert.Equal(href, link.GetAttribute("href"));
    }

    [Fact]
    public void Headings_start_at_the_requested_level_so_a_page_keeps_one_h1()
    {
        var document = RenderedSite.Parse(SafeMarkdown.ToHtml("# Uno\n\n## Dos\n\n###### Seis", topHeadingLevel: 3));

        Assert.Empty(document.QuerySelectorAll("h1, h2"));
        Assert.Equal("Uno", document.QuerySelector("h3")!.TextContent);
        Assert.Equal("Dos", document.QuerySelector("h4")!.TextContent);
        Assert.Equal("Seis", document.QuerySelector("h6")!.TextContent);
    }

    [Fact]
    public void A_text_whose_highest_heading_is_h2_still_starts_at_the_requested_level()
    {
        var document = RenderedSite.Parse(SafeMarkdown.ToHtml("## Estructura\n\n### Detalle", topHeadingLevel: 2));

        Assert.Equal("Estructura", document.QuerySelector("h2")!.TextContent);
        Assert.Equal("Detalle", document.QuerySelector("h3")!.TextContent);
    }

    [Fact]
    public void Blank_markdown_renders_nothing() => Assert.Equal("", SafeMarkdown.ToHtml("  \n"));
}
