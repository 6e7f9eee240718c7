using Microsoft.Playwright;
using Pei.Site.Diagnostics;
using Pei.Site.Method;

namespace Pei.Site.Render.Pdf;

/// <summary>
/// The PDF report of every published cut-off, as output files for the writer: each <see cref="ReportEdition"/>, the one
/// first published (informes/seguimiento-AAAA-MM-DD.pdf) and one per day it was corrected.
/// </summary>
public static class ReportFiles
{
    /// <summary>Prints each cut-off of <see cref="RenderOptions.Reports"/>; a failure becomes PEI082 and no file.</summary>
    public static IReadOnlyList<OutputFile> Print(SiteRenderer renderer, PlanReport report, RenderOptions options, string chromium, DiagnosticBag diagnostics)
    {
        var cutOffs = report.CutOffs.Where(c => options.Reports.Contains(c.CutOff.Date)).ToList();
        var pages = cutOffs
            .SelectMany(c => ReportEdition.Of(c).Select(e => (CutOff: c, Edition: e, Html: renderer.ReportHtml(report, c, e, options))))
            .ToList();
        return Task.Run(async () =>
        {
            var files = new List<OutputFile>();
            try
            {
                await using var printer = await ReportPrinter.StartAsync(chromium);
                foreach (var (cutOff, edition, html) in pages)
                {
                    var pdf = await printer.PrintAsync(html, edition.Dated(cutOff));
                    files.Add(new OutputFile(edition.Path, pdf));
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
