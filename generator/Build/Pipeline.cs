using System.Runtime;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Render.Pdf;
using Pei.Site.Write;

namespace Pei.Site.Build;

/// <summary>The generator's pipeline: load → method → render → write. Nothing is written unless every stage succeeded.</summary>
public static class Pipeline
{
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, string Summary)
    {
        /// <summary>A run that stopped at its errors: the diagnostics and no summary.</summary>
        public static Result Refused(DiagnosticBag diagnostics) => new(diagnostics.Sorted(), "");
    }

    public static Result Validate(string content)
    {
        var diagnostics = new DiagnosticBag();
        if (Compute(content, diagnostics) is not { } report)
        {
            return Result.Refused(diagnostics);
        }
        return new Result(diagnostics.Sorted(),
            $"Contenido válido: {Counts(report.Plan, report)}.");
    }

    /// <summary>
    /// Load → method → the rule that keeps published figures as recorded: the report, or null when a stage found an
    /// error (in <paramref name="diagnostics"/>). Validate, build and the preview all start here; the preview passes a
    /// <paramref name="memo"/> so that each rebuild reads only the files that changed.
    /// </summary>
    public static PlanReport? Compute(string content, DiagnosticBag diagnostics, bool includeDrafts = false, LoadMemo? memo = null) =>
        ContentLoader.Load(content, content, diagnostics, memo: memo) is { } plan &&
        PlanCalculator.TryCompute(plan, diagnostics, includeDrafts) is { } report &&
        PublicationCheck.Passes(plan, content, diagnostics, report)
            ? report
            : null;

    /// <summary>What build publishes beyond the site: its public address (--base-url) and the PDF reports (--pdf).</summary>
    public sealed record BuildOptions(Uri? BaseUrl = null, bool Pdf = false);

    public static Result Build(string content, string outDirectory, string theme) => Build(content, outDirectory, theme, new BuildOptions());

    public static Result Build(string content, string outDirectory, string themeDirectory, BuildOptions build)
    {
        var diagnostics = new DiagnosticBag();
        if (OutputGuard.Refusal(outDirectory, content, themeDirectory) is { } refusal)
        {
            diagnostics.Error(Codes.OutputRefused, new SourceSpan(outDirectory, 1, 1), refusal);
            return Result.Refused(diagnostics);
        }
        var chromium = build.Pdf ? ReportPrinter.FindChromium() : null;
        if (build.Pdf && chromium is null)
        {
            var looked = Environment.GetEnvironmentVariable("PEI_CHROMIUM") is { Length: > 0 } configured ? configured : ReportPrinter.DefaultChromium;
            diagnostics.Error(Codes.ChromiumMissing, new SourceSpan(looked, 1, 1));
            return Result.Refused(diagnostics);
        }
        // The theme's templates load (or compile) on another core while the content loads.
        var theme = Task.Run(() => SiteRenderer.Create(themeDirectory));
        if (Compute(content, diagnostics) is not { } report)
        {
            return Result.Refused(diagnostics);
        }
        // Most of what the load allocated (files, parsed trees) just died and the pages are yet to come: one compacting
        // collection here keeps the peak of a large plan about 20 MB lower (at 10,000 indicators) for a few tens of ms.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var plan = report.Plan;
        var options = new RenderOptions
        {
            BaseUrl = build.BaseUrl ?? plan.Url,
            Reports = build.Pdf ? report.CutOffs.Select(c => c.CutOff.Date).ToHashSet() : new HashSet<DateOnly>(),
        };
        IReadOnlyList<SiteFile> files;
        try
        {
            var renderer = theme.GetAwaiter().GetResult();
            files = renderer.Files(report, options);
            if (chromium is not null)
            {
                files = [.. files, .. ReportFiles.Print(renderer, report, options, chromium, diagnostics).Select(SiteFile.Of)];
            }
            if (diagnostics.HasErrors)
            {
                return Result.Refused(diagnostics);
            }
            SiteWriter.Write(files, outDirectory);
        }
        catch (ThemeException e)
        {
            diagnostics.Add(e.ToDiagnostic(themeDirectory));
            return Result.Refused(diagnostics);
        }
        catch (OutputRefusedException e)
        {
            diagnostics.Error(Codes.OutputRefused, new SourceSpan(outDirectory, 1, 1), e.Message);
            return Result.Refused(diagnostics);
        }
        catch (OutputBusyException e)
        {
            diagnostics.Error(Codes.OutputBusy, new SourceSpan(outDirectory, 1, 1), e.OutDirectory, (int)e.Waited.TotalSeconds);
            return Result.Refused(diagnostics);
        }
        var pages = files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        var summary = $"Sitio generado en {outDirectory}: {pages} páginas y {files.Count} archivos ({Counts(plan, report)}).";
        if (options.BaseUrl is null)
        {
            summary += "\nSin dirección del sitio (--base-url o 'url' en plan.yaml) no se generaron sitemap.xml ni feed.xml, " +
                "ni los enlaces canónicos ni og:url y og:image: necesitan direcciones absolutas.";
        }
        return new Result(diagnostics.Sorted(), summary);
    }

    private static string Counts(Model.Plan plan, PlanReport report) =>
        $"{Plural(plan.Objectives.Count, "objetivo", "objetivos")}, {Plural(plan.Indicators.Count(), "indicador", "indicadores")}, " +
        Plural(report.CutOffs.Count, "corte publicado", "cortes publicados");

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
