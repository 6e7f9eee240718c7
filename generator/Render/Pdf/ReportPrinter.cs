using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pei.Site.Render.Pdf;

/// <summary>
/// Prints report pages to PDF with Chromium, driven by Microsoft.Playwright: A4 landscape, backgrounds, tagged (for
/// screen readers) and with an outline (bookmarks from the headings). Uses the Chromium of the machine (PEI_CHROMIUM or
/// /usr/bin/chromium) and never downloads a browser. The PDF's dates are set to the publication date, so the bytes
/// depend only on the content.
/// </summary>
public sealed partial class ReportPrinter : IAsyncDisposable
{
    /// <summary>Where Chromium is looked for when PEI_CHROMIUM is not set.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private ReportPrinter(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>
    /// Whether Microsoft.Playwright's driver (a Node program, 135 MB) is beside the generator. The planners' download is
    /// published without it (-p:PlaywrightPlatform=none): the PDF reports are printed by the publishing workflow.
    /// </summary>
    public static bool DriverInstalled => Directory.Exists(Path.Combine(AppContext.BaseDirectory, ".playwright", "node"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYWRIGHT_DRIVER_SEARCH_PATH"));

    /// <summary>The Chromium to print with: PEI_CHROMIUM when set, else /usr/bin/chromium; null when that file is missing.</summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("PEI_CHROMIUM");
        var candidate = string.IsNullOrWhiteSpace(configured) ? DefaultChromium : configured;
        return File.Exists(candidate) ? candidate : null;
    }

    public static async Task<ReportPrinter> StartAsync(string chromium)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new ReportPrinter(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The PDF of one report page's HTML, dated <paramref name="published"/>: its running header at the top of every page
    /// and "p. N de M" at the bottom, so a reader can cite a page.
    /// </summary>
    public async Task<byte[]> PrintAsync(ReportDocument document, DateOnly published)
    {
        var html = document.Html;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "es-CO", JavaScriptEnabled = false, Offline = true });
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = true,
                PrintBackground = true,
                PreferCSSPageSize = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = $"<div style=\"{MarginText} width: 100%; margin: 0 16mm; border-bottom: 0.5pt solid #767676; padding-bottom: 1mm;\">{System.Net.WebUtility.HtmlEncode(document.RunningHeader)}</div>",
                FooterTemplate = $"<div style=\"{MarginText} width: 100%; margin: 0 16mm; text-align: right;\">p. <span class=\"pageNumber\"></span> de <span class=\"totalPages\"></span></div>",
            });
            return WithDate(pdf, published);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>The running header's and the page number's text: Chromium prints them in the page margins at its own scale.</summary>
    private const string MarginText = "font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #1b1b1b;";

    [GeneratedRegex(@"/(CreationDate|ModDate)\s*\(D:\d{14}")]
    private static partial Regex DateEntry();

    /// <summary>Replaces the digits of the PDF's creation and modification dates in place (same length: offsets stay valid).</summary>
    internal static byte[] WithDate(byte[] pdf, DateOnly date)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var stamp = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "000000";
        var fixedText = DateEntry().Replace(text, m => m.Value[..^14] + stamp);
        return Encoding.Latin1.GetBytes(fixedText);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}

/// <summary>A report edition ready to print: its HTML and the running header of its pages.</summary>
public sealed record ReportDocument(string Html, string RunningHeader);
