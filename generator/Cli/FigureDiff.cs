using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Render.Formatting;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// The figures a change moves: the content at a git ref against the working tree, per cut-off, objective and indicator,
/// as a Markdown table fit for a pull-request comment. Draft cut-offs are compared too (a pull request that fills in a
/// draft shows its figures), marked "(borrador)", and an objective's figure computed from some of its indicators says so.
/// </summary>
public static class FigureDiff
{
    /// <param name="Draft">The cut-off is a draft (borrador) on either side: its figures are not published yet.</param>
    public sealed record Row(DateOnly CutOff, string Element, string Figure, string Before, string After, string StatusBefore, string StatusAfter, bool Draft = false);

    /// <summary>Every cut-off's figures, drafts included; whether they match their records is validate's concern.</summary>
    private static readonly Pipeline.Options Figures = new() { IncludeDrafts = true, CheckRecords = false };

    /// <summary>Loads the content at <paramref name="baseRef"/> (through git archive) and in the working tree, and compares them.</summary>
    public static Pipeline.Result Run(string content, string baseRef)
    {
        var diagnostics = new DiagnosticBag();
        if (Pipeline.Compute(content, diagnostics, Figures) is not { } after)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var folder = Path.Combine(Path.GetTempPath(), "pei-diff-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var baseContent = Extract(content, baseRef, folder, out var problem);
            if (baseContent is null)
            {
                diagnostics.Error(Codes.GitRefUnreadable, new SourceSpan(content, 1, 1), baseRef, problem);
                return Pipeline.Result.Refused(diagnostics);
            }
            var baseDiagnostics = new DiagnosticBag();
            var beforeReport = Pipeline.Compute(baseContent, baseDiagnostics, Figures with { Display = $"{baseRef}:{content}" });
            var rows = Compare(beforeReport, after);
            var note = beforeReport is null ? $"\n\nEl contenido en `{baseRef}` no era válido ({baseDiagnostics.ErrorCount} errores): todas las cifras se muestran como nuevas.\n" : "";
            return new Pipeline.Result(diagnostics.Sorted(), Markdown(rows, baseRef) + note);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public static IReadOnlyList<Row> Compare(PlanReport? before, PlanReport after)
    {
        var rows = new List<Row>();
        var cutOffs = (before?.CutOffs.Select(c => c.CutOff.Date) ?? []).Union(after.CutOffs.Select(c => c.CutOff.Date)).Order();
        foreach (var date in cutOffs)
        {
            var old = before?.CutOffs.FirstOrDefault(c => c.CutOff.Date == date);
            var @new = after.CutOffs.FirstOrDefault(c => c.CutOff.Date == date);
            var numbers = (old?.Objectives.Select(o => o.Objective.Number) ?? []).Union(@new?.Objectives.Select(o => o.Objective.Number) ?? []).Order();
            foreach (var number in numbers)
            {
                var o1 = old?.Objectives.FirstOrDefault(o => o.Objective.Number == number);
                var o2 = @new?.Objectives.FirstOrDefault(o => o.Objective.Number == number);
                var name = $"Objetivo {number} — {(o2 ?? o1)!.Objective.Title}";
                Add(rows, date, name, "Cumplimiento", o1?.Compliance, o2?.Compliance, ObjectiveStatus(o1), ObjectiveStatus(o2));
                var ids = (o1?.Indicators.Select(i => i.Indicator.Id) ?? []).Union(o2?.Indicators.Select(i => i.Indicator.Id) ?? []).Order(StringComparer.Ordinal);
                foreach (var id in ids)
                {
                    var i1 = o1?.Indicators.FirstOrDefault(i => i.Indicator.Id == id);
                    var i2 = o2?.Indicators.FirstOrDefault(i => i.Indicator.Id == id);
                    var label = Label((i2 ?? i1)!.Indicator);
                    var s1 = i1 is null ? null : Vocabulary.Status(i1.Status);
                    var s2 = i2 is null ? null : Vocabulary.Status(i2.Status);
                    Add(rows, date, label, "% avance al corte", i1?.CutOffProgress, i2?.CutOffProgress, s1, s2, exists: (i1 is not null, i2 is not null));
                    Add(rows, date, label, "Avance de la vigencia", i1?.YearProgress, i2?.YearProgress, s1, s2, exists: (i1 is not null, i2 is not null));
                }
            }
        }
        var drafts = (before?.CutOffs ?? []).Concat(after.CutOffs).Where(c => c.CutOff.Draft).Select(c => c.CutOff.Date).ToHashSet();
        return rows.Select(r => drafts.Contains(r.CutOff) ? r with { Draft = true } : r).ToList();
    }

    /// <summary>"Indicador 4199", or the indicator's name in quotes when it has no code (never its file name).</summary>
    private static string Label(Model.Indicator indicator) =>
        indicator.Code is { } code ? $"Indicador {code}" : $"Indicador «{indicator.Name}»";

    private static string? ObjectiveStatus(ObjectiveCompliance? objective) => objective switch
    {
        null => null,
        { IsPartial: true } => $"{Vocabulary.ObjectiveStatus(objective.Status)} ({Vocabulary.Partial(objective)})",
        _ => Vocabulary.ObjectiveStatus(objective.Status),
    };

    private static void Add(List<Row> rows, DateOnly date, string element, string figure, decimal? before, decimal? after,
        string? statusBefore, string? statusAfter, (bool Before, bool After)? exists = null)
    {
        var (hadBefore, hasAfter) = exists ?? (statusBefore is not null, statusAfter is not null);
        if (before == after && statusBefore == statusAfter && hadBefore == hasAfter)
        {
            return;
        }
        rows.Add(new Row(date, element, figure,
            hadBefore ? Show(before) : "no existía", hasAfter ? Show(after) : "ya no existe",
            statusBefore ?? "—", statusAfter ?? "—"));
    }

    private static string Show(decimal? value) => value is { } v ? EsCo.Percent(v) : "—";

    public static string Markdown(IReadOnlyList<Row> rows, string baseRef)
    {
        if (rows.Count == 0)
        {
            return $"No cambia ninguna cifra frente a `{baseRef}`.";
        }
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"### Cifras que cambian frente a `{baseRef}`\n\n");
        text.Append("| Corte | Elemento | Cifra | Antes | Después | Estado antes | Estado después |\n");
        text.Append("|---|---|---|---:|---:|---|---|\n");
        foreach (var row in rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"| {EsCo.Date(row.CutOff)}{(row.Draft ? " (borrador)" : "")} | {Cell(row.Element)} | {row.Figure} | {row.Before} | {row.After} | {row.StatusBefore} | {row.StatusAfter} |\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>Extracts the content folder as it is at <paramref name="baseRef"/> into <paramref name="folder"/>; returns its path there.</summary>
    private static string? Extract(string content, string baseRef, string folder, out string problem)
    {
        problem = "";
        var full = Path.GetFullPath(content);
        var top = Git(full, out var error, "rev-parse", "--show-toplevel");
        if (top is null)
        {
            problem = $"'{content}' no está en un repositorio git: {error}";
            return null;
        }
        var root = Encoding.UTF8.GetString(top).Trim();
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        var tar = Git(root, out error, "archive", "--format=tar", baseRef, "--", relative == "." ? "." : relative);
        if (tar is null)
        {
            problem = $"la carpeta '{relative}' no existe en esa referencia, o la referencia no existe (git: {error}); use una rama, etiqueta o commit existente, p. ej. origin/main";
            return null;
        }
        Directory.CreateDirectory(folder);
        TarFile.ExtractToDirectory(new MemoryStream(tar), folder, overwriteFiles: true);
        var extracted = Path.Combine(folder, relative);
        return Directory.Exists(extracted) ? extracted : Directory.CreateDirectory(extracted).FullName;
    }

    private static byte[]? Git(string directory, out string error, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        error = stderr.GetAwaiter().GetResult().Trim();
        return process.ExitCode == 0 ? output.ToArray() : null;
    }
}
