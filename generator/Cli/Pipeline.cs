using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Write;

namespace Pei.Site.Cli;

/// <summary>The generator's pipeline: load → method → render → write. Nothing is written unless every stage succeeded.</summary>
public static class Pipeline
{
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, string Summary);

    public static Result Validate(string content)
    {
        var diagnostics = new DiagnosticBag();
        var plan = ContentLoader.Load(content, content, diagnostics);
        if (plan is null)
        {
            return new Result(diagnostics.Sorted(), "");
        }
        var report = PlanCalculator.Compute(plan);
        return new Result(diagnostics.Sorted(),
            $"Contenido válido: {Counts(plan, report)}.");
    }

    public static Result Build(string content, string outDirectory, string theme)
    {
        var diagnostics = new DiagnosticBag();
        if (OutputGuard.Refusal(outDirectory, content, theme) is { } refusal)
        {
            diagnostics.Error(Codes.OutputRefused, new SourceSpan(outDirectory, 1, 1), refusal);
            return new Result(diagnostics.Sorted(), "");
        }
        var plan = ContentLoader.Load(content, content, diagnostics);
        if (plan is null)
        {
            return new Result(diagnostics.Sorted(), "");
        }
        var report = PlanCalculator.Compute(plan);
        IReadOnlyList<OutputFile> files;
        try
        {
            files = SiteRenderer.Create(theme).Render(report, new RenderOptions());
        }
        catch (ThemeException e)
        {
            diagnostics.Add(e.ToDiagnostic(theme));
            return new Result(diagnostics.Sorted(), "");
        }
        try
        {
            SiteWriter.Write(files, outDirectory);
        }
        catch (OutputRefusedException e)
        {
            diagnostics.Error(Codes.OutputRefused, new SourceSpan(outDirectory, 1, 1), e.Message);
            return new Result(diagnostics.Sorted(), "");
        }
        catch (OutputBusyException e)
        {
            diagnostics.Error(Codes.OutputBusy, new SourceSpan(outDirectory, 1, 1), e.OutDirectory, (int)e.Waited.TotalSeconds);
            return new Result(diagnostics.Sorted(), "");
        }
        var pages = files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        return new Result(diagnostics.Sorted(),
            $"Sitio generado en {outDirectory}: {pages} páginas y {files.Count} archivos ({Counts(plan, report)}).");
    }

    private static string Counts(Model.Plan plan, PlanReport report) =>
        $"{Plural(plan.Objectives.Count, "objetivo", "objetivos")}, {Plural(plan.Indicators.Count(), "indicador", "indicadores")}, " +
        Plural(report.CutOffs.Count, "corte publicado", "cortes publicados");

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
