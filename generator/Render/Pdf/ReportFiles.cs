using Microsoft.Playwright;
using Pei.Site.Diagnostics;
using Pei.Site.Method;

namespace Pei.Site.Render.Pdf;

/// <summary>The PDF report of every published cut-off (informes/seguimiento-AAAA-MM-DD.pdf), as output files for the writer.</summary>
public static class ReportFiles
{
    /// <summary>Prints each cut-off of <see cref="RenderOptions.Reports"/>; a failure becomes PEI082 and no file.</summary>
    public static IReadOnlyList<OutputFile> Print(SiteRenderer renderer, PlanReport report, RenderOptions options, string chromium, DiagnosticBag diagnostics)
    {
        var cutOffs = report.CutOffs.Where(c => options.Reports.Contains(c.CutOff.Date)).ToList();
        var pages = cutOffs.Select(c => (CutOff: c, Html: renderer.ReportHtml(report, c, options))).ToList();
        return Task.Run(async () =>
        {
            var files = new List<OutputFile>();
            try
            {
                await using var printer = await ReportPrinter.StartAsync(chromium);
                foreach (var (cutOff, html) in pages)
                {
                    var pdf = await printer.PrintAsync(html, Sitemap.PublicationDates.Published(cutOff));
                    files.Add(new OutputFile(SitePaths.Report(cutOff.CutOff.Date), pdf));
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException or IOException or InvalidOperationException)
            {
                var first = pages.Count > 0 ? Model.ContentWords.Of(pages[files.Count < pages.Count ? files.Count : 0].CutOff.CutOff.Date) : "";
                diagnostics.Error(Codes.PdfFailed, new SourceSpan(chromium, 1, 1), first, e.Message.Split('\n')[0]);
                return [];
            }
            return files;
        }).GetAwaiter().GetResult();
    }
}
