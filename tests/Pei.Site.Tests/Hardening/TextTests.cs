using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Render.Markdown;

namespace Pei.Site.Tests.Hardening;

/// <summary>Invisible characters are refused where they are, and nothing from content reaches a terminal unescaped.</summary>
public sealed class TextTests
{
    private static IReadOnlyList<Diagnostic> LoadWithObservations(string yamlValue)
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        var file = Directory.GetFiles(content, "3979.yaml", SearchOption.AllDirectories).Single();
        File.AppendAllText(file, "        observaciones: " + yamlValue + "\n");
        var diagnostics = new DiagnosticBag();
        Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" });
        return diagnostics.Sorted();
    }

    public static TheoryData<char> Refused => new(
        ['\0', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009B', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']);

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refused_character_in_a_text_is_PEI048_at_its_line_and_column(char c)
    {
        var diagnostics = LoadWithObservations($"Texto{c}oculto");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PEI048", diagnostic.Code);
        Assert.Equal(21, diagnostic.Where.Line);
        Assert.Equal(29, diagnostic.Where.Column); // "        observaciones: Texto" is 28 characters
        Assert.Contains(UnsafeCharacters.CodePoint(c), diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"a\\eb\"", "U+001B")]
    [InlineData("\"a\\u202Eb\"", "U+202E")]
    [InlineData("\"a\\0b\"", "U+0000")]
    public void A_refused_character_written_as_an_escape_is_PEI048_at_the_text(string yamlValue, string codePoint)
    {
        var diagnostic = Assert.Single(LoadWithObservations(yamlValue));

        Assert.Equal("PEI048", diagnostic.Code);
        Assert.Equal((21, 24), (diagnostic.Where.Line, diagnostic.Where.Column));
        Assert.Contains(codePoint, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_and_newlines_stay_allowed_in_block_text_and_a_stray_byte_order_mark_is_removed()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        var file = Directory.GetFiles(content, "3979.yaml", SearchOption.AllDirectories).Single();
        File.AppendAllText(file, "        observaciones: |\n          Columna\tcon tabulador\n          y otra\uFEFF línea\n");
        var diagnostics = new DiagnosticBag();

        var plan = Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" })?.Plan;

        Assert.Empty(diagnostics.Items);
        var observations = plan!.Indicators.Single(i => i.Id == "3979").FiscalYears[0].Measurements[0].Observations;
        Assert.Equal("Columna\tcon tabulador\ny otra línea", observations);
    }

    [Fact]
    public void An_unknown_key_holding_an_escape_and_a_newline_prints_as_one_escaped_line()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        var file = Directory.GetFiles(content, "3979.yaml", SearchOption.AllDirectories).Single();
        File.AppendAllText(file, "\"x\\nfalso.yaml:1:1: error PEI999: forjado\": 1\n");

        var text = Cli.Run("validate", "--content", content);
        var github = Cli.Run("validate", "--content", content, "--format", "github");

        Assert.Equal(1, text.ExitCode);
        Assert.DoesNotContain(text.Stderr.Split('\n'), line => line.StartsWith("falso.yaml", StringComparison.Ordinal));
        Assert.Contains("'x\\u000Afalso.yaml:1:1: error PEI999: forjado'", text.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(github.Stderr.Split('\n'), line => line.StartsWith("falso.yaml", StringComparison.Ordinal));
        Assert.Contains("x%0Afalso.yaml", github.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostic_lines_escape_control_and_bidirectional_characters_in_path_and_message()
    {
        var diagnostic = new Diagnostic("PEI005", Severity.Error, new SourceSpan("content/a\u001B[2Jb.yaml", 1, 1), "clave 'x\u202Ey\r\nz'");

        var line = diagnostic.ToString();

        Assert.Equal("content/a\\u001B[2Jb.yaml:1:1: error PEI005: clave 'x\\u202Ey\\u000D\\u000Az'", line);
        Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u202E');
    }

    [Theory]
    [InlineData("<javascript:alert(document.domain)> [x](javascript:void(0))")]
    [InlineData("[x](javascript:void(0)) <javascript:alert(document.domain)>")]
    [InlineData("[a](https://ok.org) <JAVASCRIPT:alert(1)> [b](data:x) <vbscript:x> ![i](file:///x) <file:///etc/passwd>")]
    [InlineData("> [x](javascript:a) <javascript:b>\n>\n> - [y](javascript:c) <javascript:d>")]
    public void Autolinks_beside_unsafe_links_are_neutralised_too(string markdown)
    {
        var document = Render.RenderedSite.Parse(SafeMarkdown.ToHtml(markdown));

        foreach (var url in document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")))
        {
            Assert.Matches("^(https?:|mailto:|tel:|[^:]*$)", url!);
        }
    }

    [Fact]
    public void Tel_links_survive()
    {
        var document = Render.RenderedSite.Parse(SafeMarkdown.ToHtml("[Llame](tel:+576013813000)"));

        Assert.Equal("tel:+576013813000", document.QuerySelector("a")!.GetAttribute("href"));
    }
}
