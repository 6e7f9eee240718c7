using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render;
using Pei.Site.Render.Pdf;
using Pei.Site.Text;
using Pei.Site.Write;

namespace Pei.Site.Build;

/// <summary>
/// The generator's pipeline, shared by every command: load → method → render → write. Nothing is written unless every
/// stage succeeded. Commands and the preview call these steps; none of them repeats one.
/// </summary>
public static class Pipeline
{
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, string Summary)
    {
        /// <summary>A run that stopped at its errors: the diagnostics and no summary.</summary>
        public static Result Refused(DiagnosticBag diagnostics) => new(diagnostics.Sorted(), "");
    }

    public static Result Validate(string content, Options? options = null)
    {
        var diagnostics = new DiagnosticBag();
        if (Compute(content, diagnostics, options) is not { } report)
        {
            return Result.Refused(diagnostics);
        }
        return new Result(diagnostics.Sorted(),
            $"Contenido válido: {Counts(report.Plan, report)}.");
    }

    /// <summary>How a run loads and checks the content, beyond the defaults of validate and build.</summary>
    public sealed record Options
    {
        /// <summary>Draft cut-offs are computed too (the preview of serve).</summary>
        public bool IncludeDrafts { get; init; }

        /// <summary>How the content folder is named in diagnostics; the folder's path as given when null.</summary>
        public string? Display { get; init; }

        /// <summary>A draft cut-off checked as if it were published (what <c>publicar</c> checks before publishing it):
        /// every missing value, measurement or lag explanation is an error, and its record is not looked for.</summary>
        public DateOnly? Publishing { get; init; }

        /// <summary>Whether published cut-offs must still have their records' figures; <c>corregir</c> compares them itself.</summary>
        public bool CheckRecords { get; init; } = true;

        /// <summary>The cache folder of parsed content, instead of PEI_CACHE's (a caller with a cache of its own).</summary>
        public string? Cache { get; init; }

        /// <summary>What an earlier load of this folder read, used again for files that did not change (serve).</summary>
        public LoadMemo? Memo { get; init; }

        /// <summary>What an earlier computation of this content gave, used again for objectives whose indicators did not
        /// change (serve, with <see cref="Memo"/>, which gives the same indicator objects for files that did not change).</summary>
        public MethodMemo? Computed { get; init; }

        /// <summary>Today in Bogotá, from the command line: no record may be dated after it, and after 31 January the
        /// year's targets are due (<see cref="YearTargetsRule"/>). Unchecked when null.</summary>
        public DateOnly? Today { get; init; }

        /// <summary>Whether a year's missing targets after 31 January are warnings (<see cref="YearTargetsRule"/>, with
        /// <see cref="Today"/>): what validate and build check; the commands that edit content do not repeat it.</summary>
        public bool YearTargets { get; init; }

        /// <summary>The publication records at a base (validate --base): the content's records may only add to them
        /// (<see cref="RecordHistory"/>).</summary>
        public RecordBase? Base { get; init; }
    }

    /// <summary>
    /// The publication records of a content folder (a base extracted from git), for <see cref="Options.Base"/>: the
    /// records that load, whatever else the folder holds.
    /// </summary>
    public static RecordBase Records(string content, string baseRef)
    {
        var plan = ContentLoader.Load(content, $"{baseRef}:{content}", new DiagnosticBag());
        return new RecordBase(baseRef, plan?.Publications ?? []);
    }

    /// <summary>
    /// Load: the files (<see cref="ContentLoader"/>, or the memo's incremental load) and the rules across them
    /// (<see cref="PlanRules"/>, over the files that read without errors; <see cref="RecordRules"/> and, with a base,
    /// <see cref="RecordHistory"/> over the records), with <see cref="Options.Publishing"/> already
    /// published. Null when either found an error.
    /// </summary>
    public static Plan? Load(string content, DiagnosticBag diagnostics, Options? options = null)
    {
        options ??= new Options();
        var display = options.Display ?? content;
        var plan = options.Memo is { } memo ? memo.Load(content, display, diagnostics) : ContentLoader.Load(content, display, diagnostics, options.Cache);
        if (plan is null)
        {
            return null;
        }
        if (options.Publishing is { } date)
        {
            plan = plan with { CutOffs = plan.CutOffs.Select(c => c.Date == date ? c with { Draft = false } : c).ToList() };
        }
        PlanRules.Check(plan, diagnostics);
        YearChangeRule.Check(plan, options.Publishing, diagnostics);
        // The records as publicar and corregir write them, and against the base's, even when other files failed: a
        // record deleted or renamed, or a cut-off taken out of plan.yaml, also breaks other rules.
        RecordRules.Check(plan, options.Today, diagnostics);
        if (options.Today is { } today && options.YearTargets)
        {
            YearTargetsRule.Check(plan, today, diagnostics);
        }
        if (options.Base is { } records)
        {
            RecordHistory.Check(records, plan, display, diagnostics);
        }
        return diagnostics.HasErrors ? null : plan;
    }

    /// <summary>
    /// Load → method → the rules over computed figures (lags explained, published cut-offs as recorded): the report, or
    /// null when a stage found an error (in <paramref name="diagnostics"/>). Validate, build, the preview and the commands
    /// that check content all start here.
    /// </summary>
    public static PlanReport? Compute(string content, DiagnosticBag diagnostics, Options? options = null)
    {
        options = (options ?? new Options()) with { Display = options?.Display ?? content };
        return Load(content, diagnostics, options) is { } plan ? Compute(plan, diagnostics, options) : null;
    }

    /// <summary>The method and the rules over its figures, on a plan already loaded.</summary>
    public static PlanReport? Compute(Plan plan, DiagnosticBag diagnostics, Options? options = null)
    {
        options ??= new Options();
        if (PlanCalculator.TryCompute(plan, diagnostics, options.IncludeDrafts, options.Computed) is not { } report)
        {
            return null;
        }
        LagRule.Check(report, diagnostics);
        LikelyMistakes.Check(plan, options.Publishing, diagnostics);
        CommitmentRule.Check(report, diagnostics);
        if (options.CheckRecords)
        {
            PublicationCheck.Check(report, options.Display ?? ".", diagnostics, except: options.Publishing, memo: options.Computed);
        }
        return diagnostics.HasErrors ? null : report;
    }

    /// <summary>What build publishes beyond the site: its public address (--base-url) and the PDF reports (--pdf).</summary>
    /// <param name="LockWait">How long to wait while another build writes the same folder; <see cref="SiteWriter.DefaultLockWait"/> when null.</param>
    /// <param name="Today">Today in Bogotá: no record may be dated after it (<see cref="Options.Today"/>).</param>
    public sealed record BuildOptions(Uri? BaseUrl = null, bool Pdf = false, TimeSpan? LockWait = null, DateOnly? Today = null);

    public static Result Build(string content, string outDirectory, string theme) => Build(content, outDirectory, theme, new BuildOptions());

    public static Result Build(string content, string outDirectory, string themeDirectory, BuildOptions build)
    {
        var diagnostics = new DiagnosticBag();
        if (OutputGuard.Refusal(outDirectory, content, themeDirectory) is { } refusal)
        {
            diagnostics.Error(Codes.OutputRefused, new SourceSpan(outDirectory, 1, 1), refusal);
            return Result.Refused(diagnostics);
        }
        // A missing theme is reported with whatever the content has: one run shows every problem.
        var themeMissing = !Directory.Exists(themeDirectory);
        if (themeMissing)
        {
            diagnostics.Error(Codes.ThemeMissing, new SourceSpan(themeDirectory, 1, 1), themeDirectory);
        }
        if (build.Pdf && !ReportPrinter.DriverInstalled)
        {
            diagnostics.Error(Codes.PdfNotInDownload, new SourceSpan("--pdf", 1, 1));
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
        var theme = themeMissing ? null : Task.Run(() => SiteRenderer.Create(themeDirectory));
        if (Compute(content, diagnostics, new Options { Today = build.Today, YearTargets = true }) is not { } report || theme is null)
        {
            return Result.Refused(diagnostics);
        }
        MemoryPolicy.AfterLoad();
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
            SiteWriter.Write(files, outDirectory, build.LockWait ?? SiteWriter.DefaultLockWait);
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

    private static string Counts(Plan plan, PlanReport report) =>
        $"{Plural.Of(plan.Objectives.Count, "objetivo", "objetivos")}, {Plural.Of(plan.Indicators.Count(), "indicador", "indicadores")}, " +
        Plural.Of(report.CutOffs.Count, "corte publicado", "cortes publicados");
}
