using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pei.Site.Tests.Security;

/// <summary>Markup, event handlers and script URLs written into every text field of the content never come out as markup.</summary>
public sealed class HostileSite : IDisposable
{
    public const string Payload =
        "<script>alert(1)</script><img src=x onerror=alert(2)><iframe src=\"javascript:alert(3)\"></iframe>" +
        "<object data=x></object><embed src=x><a href=\"javascript:alert(4)\" onclick=\"alert(5)\">x</a><svg onload=alert(6)></svg> " +
        "[md](javascript:alert(7)) [md2](JaVaScRiPt:alert(8)) ![img](javascript:alert(9)) [d](data:text/html;base64,PHNjcmlwdD4=) " +
        "[v](vbscript:msgbox(1)) [tab](java\tscript:alert(12)) [ent](java&#x09;script:alert(13)) [sp]( javascript:alert(14)) " +
        "<javascript:alert(15)> <style>body{display:none}</style> \" onmouseover=\"alert(10) ' onfocus='alert(11) " +
        "[ok](https://example.org/) [rel](../metodologia/index.html) [mail](mailto:a@b.co)";

    private readonly TempFolder temp = new();

    public HostileSite()
    {
        var content = temp["content"];
        Write(content, "plan.yaml", $"""
            entidad: {Block}
            nombre: {Block}
            periodo:
              desde: 2024
              hasta: 2027
            mision: {Block}
            vision: {Block}
            plataforma_estrategica: {Block}
            metodologia: {Block}
            fuente: {Block}
            direccion: {Block}
            cortes:
              - fecha: 2025-06-30
                titulo: {Indented(Block, 4)}
                borrador: true
            """);
        Write(content, "objetivos/01-hostil/objetivo.yaml", $"""
            numero: 1
            titulo: {Block}
            descripcion: {Block}
            """);
        foreach (var (id, executed) in new[] { ("a-1", "5"), ("b-2", "10") })
        {
            Write(content, $"objetivos/01-hostil/indicadores/{id}.yaml", $"""
                tipo: sectorial
                meta:
                  codigo: {Indented(Block, 2)}
                  descripcion: {Indented(Block, 2)}
                codigo: {Block}
                nombre: {Block}
                unidad: numero
                responsable: {Block}
                vigencias:
                  2025:
                    meta: 20
                    ponderacion: 50
                    cortes:
                      2025-06-30:
                        programado: 10
                        ejecutado: {executed}
                        observaciones: {Indented(Block, 8)}
                """);
        }
        // Published, then corrected with the payload as the reason: the fe de erratas carries it too.
        Publish = Cli.Run("publicar", "2025-06-30", "--content", content);
        var indicator = Path.Combine(content, "objetivos/01-hostil/indicadores/a-1.yaml");
        File.WriteAllText(indicator, File.ReadAllText(indicator).Replace("ejecutado: 5", "ejecutado: 6", StringComparison.Ordinal));
        Correct = Cli.Run("corregir", "2025-06-30", "--motivo", Payload, "--content", content);
        Out = temp["_site"];
        Build = Cli.Run("build", "--content", content, "--out", Out, "--theme", Repository.Theme);
    }

    private static string Block => "|\n  " + Payload;

    public string Out { get; }

    public Cli.Outcome Build { get; }

    public Cli.Outcome Publish { get; }

    public Cli.Outcome Correct { get; }

    public IEnumerable<(string Page, IDocument Document)> Pages()
    {
        var parser = new HtmlParser();
        return Directory.GetFiles(Out, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Out, f), (IDocument)parser.ParseDocument(File.ReadAllText(f))));
    }

    private static string Indented(string block, int spaces) => block.Replace("\n", "\n" + new string(' ', spaces), StringComparison.Ordinal);

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }

    public void Dispose() => temp.Dispose();
}

public class HostileContentTests(HostileSite site) : IClassFixture<HostileSite>
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    [Fact]
    public void Hostile_text_in_every_field_still_builds()
    {
        Assert.True(site.Publish.ExitCode == 0, site.Publish.Stderr);
        Assert.True(site.Correct.ExitCode == 0, site.Correct.Stderr);
        Assert.True(site.Build.ExitCode == 0, site.Build.Stderr);
        Assert.Contains(site.Pages(), p => p.Page.StartsWith("indicadores", StringComparison.Ordinal));
    }

    [Fact]
    public void No_script_iframe_object_embed_or_style_element_comes_out_of_content()
    {
        const string Forbidden = "script:not([type='application/ld+json']), iframe, object, embed, style, svg, frame, frameset, base, form";
        foreach (var (page, document) in site.Pages())
        {
            Assert.True(document.QuerySelectorAll(Forbidden).Length == 0,
                page + ": " + string.Join(" ", document.QuerySelectorAll(Forbidden).Select(e => e.OuterHtml)));
            // The one data block (schema.org JSON-LD on datos/) holds the hostile text only as escaped JSON: it is one
            // script element whose text parses as JSON, so no "</script>" in the content can end it early.
            foreach (var block in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                Assert.DoesNotContain("<", block.TextContent, StringComparison.Ordinal);
                using var json = System.Text.Json.JsonDocument.Parse(block.TextContent);
                Assert.Equal("Dataset", json.RootElement.GetProperty("@type").GetString());
            }
        }
    }

    [Fact]
    public void No_element_carries_an_event_handler_or_inline_style()
    {
        foreach (var (page, document) in site.Pages())
        {
            var handlers = document.All
                .SelectMany(e => e.Attributes.Select(a => (Element: e.LocalName, Attribute: a.Name)))
                .Where(x => x.Attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase) || x.Attribute == "style" || x.Attribute == "srcdoc")
                .ToList();
            Assert.True(handlers.Count == 0, page + ": " + string.Join(", ", handlers));
        }
    }

    [Fact]
    public void Every_url_is_http_https_mailto_or_relative()
    {
        foreach (var (page, document) in site.Pages())
        {
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction" or "data" or "poster" or "xlink:href"))
                {
                    var scheme = Scheme(attribute.Value);
                    Assert.True(scheme is null || SafeSchemes.Contains(scheme), $"{page}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }
    }

    [Fact]
    public void Hostile_markup_is_shown_as_text()
    {
        var (_, home) = site.Pages().Single(p => p.Page == "index.html");
        Assert.Contains("<script>alert(1)</script>", home.Body!.TextContent, StringComparison.Ordinal);
        var (_, objective) = site.Pages().Single(p => p.Page == Path.Combine("objetivos", "1", "index.html"));
        Assert.Contains("alert(2)", objective.Body!.TextContent, StringComparison.Ordinal);
        var safeLinks = objective.QuerySelectorAll("a[href='https://example.org/']");
        Assert.NotEmpty(safeLinks);
    }

    [Fact]
    public void Every_page_carries_a_content_security_policy_without_inline_script_or_third_party_origins()
    {
        foreach (var (page, document) in site.Pages())
        {
            var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
            Assert.False(policy is null, page + " has no CSP");
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        }
    }

    /// <summary>The URL scheme as a browser would read it (control characters and whitespace removed), or null for a relative URL.</summary>
    private static string? Scheme(string url)
    {
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        return firstDelimiter >= 0 && firstDelimiter < colon ? null : cleaned[..colon].ToLowerInvariant();
    }
}
