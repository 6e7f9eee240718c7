using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Pei.Site.Tests.Fixtures;
using Pei.Site.Tests.Publication;

namespace Pei.Site.Tests.Web;

/// <summary>
/// A published report never changes. On a copy of plan-en-el-tiempo built with --pdf, indicator 101's ejecutado at
/// 2025-06-30 is corrected (3 → 4, avance al corte 75 % → 100 %) with corregir: the report as first published prints the
/// same text as before, and a corrected edition, stamped with the day, opens with the fe de erratas. Needs Chromium and
/// poppler-utils (tests/run.sh installs both).
/// </summary>
[Trait(Needs.Trait, Needs.Chromium)]
public sealed class ReportEditionTests : IDisposable
{
    private const string BaseUrl = "https://example.gov.co/";
    private static readonly string[] Published = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"];

    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);
    private readonly TempFolder temp = new();
    private readonly string content;

    public ReportEditionTests()
    {
        content = temp.Copy(TimelineFixture.Content, "content");
    }

    public void Dispose()
    {
        temp.Dispose();
    }

    private string Build(string name)
    {
        var output = temp[name];
        var build = cli.Run("build", "--content", content, "--out", output, "--theme", Repository.Theme, "--base-url", BaseUrl, "--pdf");
        Assert.True(build.ExitCode == 0, build.Stderr);
        return output;
    }

    private static string Text(string pdf) => Run("pdftotext", "-layout", pdf, "-").Replace('\u00A0', ' ');

    [Fact]
    public void The_report_as_first_published_reads_the_same_after_corregir_and_the_corrected_edition_is_stamped_with_its_erratas_first()
    {
        var before = Build("antes");
        var indicator = Path.Combine(content, "objetivos", "01-servicio-ciudadano", "indicadores", "101.yaml");
        var yaml = File.ReadAllText(indicator);
        const string June = "      2025-06-30:\n        programado: 4\n        ejecutado: 3\n";
        Assert.Contains(June, yaml, StringComparison.Ordinal);
        File.WriteAllText(indicator, yaml.Replace(June, June.Replace("ejecutado: 3", "ejecutado: 4", StringComparison.Ordinal), StringComparison.Ordinal));
        var correct = cli.Run("corregir", "2025-06-30", "--motivo", "Ejecutado mal digitado", "--content", content);
        Assert.True(correct.ExitCode == 0, correct.Stderr);
        var after = Build("despues");

        foreach (var cutOff in Published)
        {
            var first = $"informes/seguimiento-{cutOff}.pdf";
            Assert.Equal(Text(Path.Combine(before, first)), Text(Path.Combine(after, first)));
        }
        var asPublished = Text(Path.Combine(after, "informes/seguimiento-2025-06-30.pdf"));
        Assert.Contains("75,00 %", asPublished, StringComparison.Ordinal);
        Assert.DoesNotContain("Fe de erratas", asPublished, StringComparison.Ordinal);
        Assert.DoesNotContain("corregida", asPublished, StringComparison.Ordinal);

        Assert.False(File.Exists(Path.Combine(before, "informes/seguimiento-2025-06-30-corregido-2026-11-26.pdf")));
        var corrected = Text(Path.Combine(after, "informes/seguimiento-2025-06-30-corregido-2026-11-26.pdf"));
        var stamp = corrected.IndexOf("Versión corregida el 26 de noviembre de 2026", StringComparison.Ordinal);
        var errata = corrected.IndexOf("Fe de erratas", StringComparison.Ordinal);
        Assert.True(stamp > 0, corrected);
        Assert.True(errata > stamp, corrected);
        // Results first, the fe de erratas among them; then the objectives, the method and the platform.
        Assert.True(corrected.IndexOf("Objetivos estratégicos al", StringComparison.Ordinal) < errata, corrected);
        Assert.All(new[] { "Plataforma estratégica", "Metodología de medición", "Metas e indicadores" },
            heading => Assert.True(corrected.IndexOf(heading, StringComparison.Ordinal) > errata, heading));
        // Every edition of every cut-off can be cited by page.
        foreach (var pdf in Directory.GetFiles(Path.Combine(after, "informes"), "*.pdf"))
        {
            var cutOff = DateOnly.ParseExact(Path.GetFileName(pdf)["seguimiento-".Length..][..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            PrintedReport.Read(pdf).AssertCitable($"Seguimiento con corte al {Pei.Site.Text.EsCo.Date(cutOff)} · Publicado el");
        }
        var table = corrected[errata..corrected.IndexOf("Plataforma estratégica", StringComparison.Ordinal)];
        Assert.Contains("Ejecutado", table, StringComparison.Ordinal);
        Assert.Contains("Ejecutado mal digitado", table, StringComparison.Ordinal);
        Assert.Matches(@"75,00 %\s+100,00 %", table);
        Assert.Contains("100,00 %", corrected[corrected.IndexOf("Metas e indicadores", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // Both editions are listed on the cut-off's page and in the catalogue.
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(after, "cortes", "2025-06-30", "index.html")));
        Assert.Equal(
            ["../../informes/seguimiento-2025-06-30.pdf", "../../informes/seguimiento-2025-06-30-corregido-2026-11-26.pdf"],
            page.QuerySelectorAll("a[href$='.pdf']").Select(a => a.GetAttribute("href")));
        Assert.Contains("corregido el 26 de noviembre de 2026", page.QuerySelectorAll("a[href$='.pdf']")[1].TextContent, StringComparison.Ordinal);
        using var catalog = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(after, "datos", "catalogo.json")));
        var pdfs = catalog.RootElement.GetProperty("dataset")[0].GetProperty("distribution").EnumerateArray()
            .Where(d => d.GetProperty("mediaType").GetString() == "application/pdf")
            .Select(d => d.GetProperty("downloadURL").GetString())
            .ToList();
        Assert.Contains(BaseUrl + "informes/seguimiento-2025-06-30.pdf", pdfs);
        Assert.Contains(BaseUrl + "informes/seguimiento-2025-06-30-corregido-2026-11-26.pdf", pdfs);
        Assert.Contains(BaseUrl + "informes/seguimiento-2025-09-30-corregido-2025-11-05.pdf", pdfs);
        Assert.All(pdfs, address => Assert.True(File.Exists(Path.Combine(after, address![BaseUrl.Length..])), address));
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}. bash tests/run.sh installs poppler-utils.");
        return output;
    }
}
