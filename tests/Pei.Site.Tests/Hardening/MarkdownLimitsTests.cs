using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Render.Markdown;
using Pei.Site.Text;

namespace Pei.Site.Tests.Hardening;

/// <summary>One set of Markdown limits for validate and build, and rendering time bounded by the text's length.</summary>
public sealed class MarkdownLimitsTests
{
    private static string Repeat(string piece, int times) => string.Concat(Enumerable.Repeat(piece, times));

    public static TheoryData<string, string> Pathological => new()
    {
        { "[a](", "PEI047" },
        { "[a", "PEI047" },
        { "> ", "PEI046" },
        { "1. ", "PEI046" },
        { "**a", "PEI047" },
        { "a*b", "PEI047" },
        { "*a_", "PEI047" },
        { "![a](", "PEI047" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_markdown_is_refused_quickly_with_its_code(string piece, string code)
    {
        var text = Repeat(piece, 19_000 / piece.Length);
        var diagnostics = new DiagnosticBag();

        var ok = Bounded.Run(() => MarkdownLimits.Check(text, "observaciones", new SourceSpan("x.yaml", 5, 24), diagnostics), $"checking {piece}");

        Assert.False(ok);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(new SourceSpan("x.yaml", 5, 24), diagnostic.Where);
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_PEI045()
    {
        var diagnostics = new DiagnosticBag();

        MarkdownLimits.Check(new string('a', MarkdownLimits.MaxCharacters + 1), "metodologia", new SourceSpan("plan.yaml", 3, 14), diagnostics);

        Assert.StartsWith("el texto Markdown de 'metodologia' tiene 20001 caracteres y el máximo es 20000", Assert.Single(diagnostics.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_just_past_markdigs_own_limit_is_PEI046_not_a_template_error()
    {
        // 128 levels of '>' made Markdig throw inside Objective.cshtml (PEI100); now the field is refused when loaded.
        foreach (var text in new[] { Repeat("> ", 128) + "a", Repeat("[a", 64), string.Concat(Enumerable.Range(0, 130).Select(i => new string(' ', 2 * i) + "- a\n")) })
        {
            var problem = MarkdownLimits.Problem(text);
            Assert.NotNull(problem);
            Assert.True(problem.Value.Limit is MarkdownLimits.Limit.Depth or MarkdownLimits.Limit.Marks, text[..10]);
        }
    }

    [Theory]
    [InlineData("[a](", 49)]
    [InlineData("a*b", 49)]
    [InlineData("*a_", 24)]
    [InlineData("**a", 49)]
    [InlineData("_a_ ", 24)]
    [InlineData("<", 1000)]
    [InlineData("`", 1000)]
    public void The_worst_accepted_texts_render_within_the_time_bound(string piece, int perParagraph)
    {
        // As many paragraphs of just-accepted marks as fit in the longest accepted text.
        var paragraph = Repeat(piece, perParagraph) + "\n\n";
        var text = Repeat(paragraph, MarkdownLimits.MaxCharacters / paragraph.Length);
        Assert.Null(MarkdownLimits.Problem(text));

        var html = Bounded.Run(() => Enumerable.Range(0, 20).Select(_ => SafeMarkdown.ToHtml(text)).Last(), $"rendering {piece} twenty times");

        Assert.NotEmpty(html);
    }

    [Fact]
    public void A_text_beyond_the_limits_that_reaches_the_renderer_is_shown_as_plain_text()
    {
        var html = SafeMarkdown.ToHtml(Repeat("> ", 200) + "<b>x</b>");

        Assert.StartsWith("<p>&gt; &gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_texts_are_within_the_limits()
    {
        var diagnostics = new DiagnosticBag();
        var plan = Pei.Site.Build.Pipeline.Compute(Repository.Content, diagnostics, new() { Display = "content" })?.Plan!;

        var texts = new[] { plan.Methodology, plan.StrategicPlatform }
            .Concat(plan.Indicators.SelectMany(i => i.FiscalYears).SelectMany(y => y.Measurements).Select(m => m.Observations))
            .OfType<string>();

        Assert.All(texts, text => Assert.Null(MarkdownLimits.Problem(text)));
    }
}
