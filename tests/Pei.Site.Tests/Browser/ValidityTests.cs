using System.Diagnostics;
using AngleSharp.Html.Parser;

namespace Pei.Site.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Chromium)]
public class ValidityTests(BrowserSite sites)
{
    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public async Task The_W3C_Nu_Html_Checker_reports_zero_errors_on_every_page(string name)
    {
        var site = sites[name];
        Assert.True(File.Exists(NuHtmlChecker.Jar), $"No se encontró el validador {NuHtmlChecker.Jar}: ejecute 'npm install' en tests/ (bash tests/run.sh lo hace).");
        var (exitCode, messages) = await site.HtmlCheck!;
        Assert.True(exitCode == 0 && messages.Length == 0, messages);
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void Every_internal_link_and_asset_resolves(string name)
    {
        var site = sites[name];
        var parser = new HtmlParser();
        var broken = new List<string>();
        var ids = new Dictionary<string, HashSet<string>>();
        HashSet<string> IdsOf(string file) => ids.TryGetValue(file, out var known) ? known
            : ids[file] = parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
        foreach (var page in site.Pages)
        {
            var file = Path.Combine(site.Out, page);
            var document = parser.ParseDocument(File.ReadAllText(file));
            var references = document.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var reference in references)
            {
                if (reference.StartsWith("http://", StringComparison.Ordinal) || reference.StartsWith("https://", StringComparison.Ordinal) ||
                    reference.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }
                var (target, fragment) = Split(reference);
                // A root-relative link (the 404 page's) starts from the site's base path, "/" in this build.
                var resolved = target.Length == 0 ? file
                    : target.StartsWith('/') ? Path.GetFullPath(Path.Combine(site.Out, Uri.UnescapeDataString(target[1..])))
                    : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(target)));
                if (Directory.Exists(resolved))
                {
                    resolved = Path.Combine(resolved, "index.html");
                }
                if (!resolved.StartsWith(Path.GetFullPath(site.Out), StringComparison.Ordinal) || !File.Exists(resolved))
                {
                    broken.Add($"{page}: {reference}");
                }
                else if (fragment.Length > 0 && resolved.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(resolved).Contains(fragment))
                {
                    broken.Add($"{page}: {reference} (no id '{fragment}')");
                }
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Theory]
    [MemberData(nameof(BrowserSite.Names), MemberType = typeof(BrowserSite))]
    public void Every_page_names_its_source_and_cut_off_date_and_loads_nothing_from_third_parties(string name)
    {
        var site = sites[name];
        var parser = new HtmlParser();
        foreach (var page in site.Pages.Where(p => p != "404.html"))
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Out, page)));
            var text = document.Body!.TextContent;
            Assert.Contains("Fuente", text, StringComparison.Ordinal);
            Assert.True(text.Contains(site.CutOffDateShownOn(page), StringComparison.Ordinal), $"{page} does not name {site.CutOffDateShownOn(page)}");
            // rel=canonical names the page's own public address; nothing is loaded from it.
            var external = document.QuerySelectorAll("link[href]:not([rel=canonical]), script[src], img[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(u => u.Contains("//", StringComparison.Ordinal));
            Assert.Empty(external);
            Assert.NotNull(document.QuerySelector("link[rel~=icon]"));
        }
    }

    private static (string Target, string Fragment) Split(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (reference, "") : (reference[..hash], reference[(hash + 1)..]);
    }
}

/// <summary>The W3C Nu Html Checker (vnu-jar from npm, run with Java) over a whole folder, errors only.</summary>
public static class NuHtmlChecker
{
    /// <summary>PEI_VNU_JAR, or the jar npm installs in tests/node_modules.</summary>
    public static string Jar => Environment.GetEnvironmentVariable("PEI_VNU_JAR") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Repository.Root, "tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Checks every HTML file under <paramref name="folder"/>; returns the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Messages)> RunAsync(string folder)
    {
        // A run of a few seconds ends before the optimizing compiler pays for itself: the quick compiler alone
        // (TieredStopAtLevel=1, whose deeper frames need the larger stack the checker asks for) and the single-threaded
        // collector cost less CPU for the same verdict.
        var start = new ProcessStartInfo("java", ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Jar, "--errors-only", "--skip-non-html", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (stdout + await stderr).Trim());
    }
}
