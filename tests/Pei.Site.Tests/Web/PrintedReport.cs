using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pei.Site.Tests.Web;

/// <summary>
/// A PDF report as pdftotext reads it, page by page (pages end with a form feed): each page's running header (its first
/// line), its page number "p. N de M" (its last line) and the lines between them.
/// </summary>
public sealed partial class PrintedReport
{
    private PrintedReport(IReadOnlyList<IReadOnlyList<string>> pages) => Pages = pages;

    /// <summary>Each page's non-blank lines, trimmed, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    /// <summary>Every page's lines without its running header and its page number, joined: the report as it reads.</summary>
    public string Body => string.Join("\n", Pages.SelectMany(p => p.Skip(1).SkipLast(1)));

    public static PrintedReport Read(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {process.StandardError.ReadToEnd()}. bash tests/run.sh installs poppler-utils.");
        var pages = text.Replace('\u00A0', ' ').Split('\f')
            .Select(page => (IReadOnlyList<string>)page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            .Where(page => page.Count > 0)
            .ToList();
        return new PrintedReport(pages);
    }

    [GeneratedRegex(@"^p\. (\d+) de (\d+)$")]
    private static partial Regex PageNumber();

    /// <summary>
    /// Every page starts with <paramref name="header"/>, ends with "p. N de M" (N its place, M the page count) and holds
    /// at least three lines of its own between them: no page carries only a source line or a lone row.
    /// </summary>
    public void AssertCitable(string header)
    {
        Assert.NotEmpty(Pages);
        for (var i = 0; i < Pages.Count; i++)
        {
            var page = Pages[i];
            Assert.True(page[0].Contains(header, StringComparison.Ordinal), $"page {i + 1} starts with «{page[0]}», not the running header «{header}»");
            var number = PageNumber().Match(page[^1]);
            Assert.True(number.Success, $"page {i + 1} ends with «{page[^1]}», not «p. N de M»");
            Assert.Equal((i + 1, Pages.Count), (int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(number.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
            var own = page.Skip(1).SkipLast(1).ToList();
            Assert.True(own.Count >= 3, $"page {i + 1} holds {own.Count} line(s): {string.Join(" | ", own)}");
        }
    }

    /// <summary>Each text appears in the body, each after the one before it.</summary>
    public void AssertInOrder(params string[] texts)
    {
        var body = Body;
        var at = -1;
        foreach (var text in texts)
        {
            var next = body.IndexOf(text, at + 1, StringComparison.Ordinal);
            Assert.True(next > at, $"«{text}» does not come after «{(at < 0 ? "the start" : body.Substring(at, Math.Min(40, body.Length - at)))}»");
            at = next;
        }
    }
}
