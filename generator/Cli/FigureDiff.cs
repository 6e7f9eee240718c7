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
/// as a Markdown table fit for a pull-request comment. Indicators are named by id, with their programado and ejecutado
/// before → after beside the percentages computed from them. Draft cut-offs are compared too (a pull request that fills
/// in a draft shows its figures), marked "(borrador)", and an objective's figure computed from some of its indicators says
/// so. A cut-off the base did not have is folded into one line per objective, and the rows come in the order a reviewer
/// needs them: changes to published figures (and to their records) first, then drafts, then new cut-offs.
/// </summary>
public static class FigureDiff
{
    /// <param name="Draft">The cut-off is a draft (borrador) on either side: its figures are not published yet.</param>
    /// <param name="New">The cut-off is not in the base: a new cut-off, folded into one line per objective.</param>
    public sealed record Row(DateOnly CutOff, string Element, string Figure, string Before, string After, string StatusBefore, string StatusAfter, bool Draft = false, bool New = false)
    {
        /// <summary>Published figures first (0), then drafts (1), then new cut-offs (2).</summary>
        public int Group => New ? 2 : Draft ? 1 : 0;
    }

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
        if (GitContent.RefusedRef(baseRef) is { } refused)
        {
            diagnostics.Error(Codes.InvalidGitRef, new SourceSpan(content, 1, 1), UnsafeCharacters.Printable(baseRef), refused);
            return Pipeline.Result.Refused(diagnostics);
        }
        using var baseContent = GitContent.Extract(content, baseRef, out var problem);
        if (baseContent is null)
        {
            diagnostics.Error(Codes.GitRefUnreadable, new SourceSpan(content, 1, 1), baseRef, problem);
            return Pipeline.Result.Refused(diagnostics);
        }
        var baseDiagnostics = new DiagnosticBag();
        var beforeReport = Pipeline.Compute(baseContent.Path, baseDiagnostics, Figures with { Display = $"{baseRef}:{content}" });
        var rows = Compare(beforeReport, after);
        rows = [.. rows.Concat(Records(RecordHistory.Compare(Pipeline.Records(baseContent.Path, baseRef), after.Plan, content), content)).OrderBy(r => r.Group).ThenBy(r => r.CutOff)];
        var note = beforeReport is null ? $"\n\nEl contenido en `{baseRef}` no era válido ({baseDiagnostics.ErrorCount} errores): todas las cifras se muestran como nuevas.\n" : "";
        return new Pipeline.Result(diagnostics.Sorted(), Markdown(rows, baseRef) + note);
    }

    /// <summary>
    /// A row per change to the publication records: the record, what changed, before and after, and whether validate
    /// --base admits it ("se admite") or refuses it (with its code).
    /// </summary>
    public static IEnumerable<Row> Records(IReadOnlyList<RecordChange> changes, string content) =>
        changes.Select(c => new Row(c.CutOff, Path.GetRelativePath(content, c.Record).Replace('\\', '/'), Capitalized(c.Subject), c.Before, c.After, "—",
            c.Refusal is { } refusal ? $"rechazado ({refusal.Code})" : "se admite"));

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static IReadOnlyList<Row> Compare(PlanReport? before, PlanReport after)
    {
        var rows = new List<Row>();
        var cutOffs = (before?.CutOffs.Select(c => c.CutOff.Date) ?? []).Union(after.CutOffs.Select(c => c.CutOff.Date)).Order();
        foreach (var date in cutOffs)
        {
            var old = before?.CutOffs.FirstOrDefault(c => c.CutOff.Date == date);
            var @new = after.CutOffs.FirstOrDefault(c => c.CutOff.Date == date);
            if (old is null && @new is not null)
            {
                rows.AddRange(@new.Objectives.Select(o => new Row(date, $"Objetivo {o.Objective.Number} — {o.Objective.Title}",
                    $"Cumplimiento (corte nuevo, {Plural.Of(o.Indicators.Count, "indicador", "indicadores")})",
                    "no existía", Show(o.Compliance), "—", ObjectiveStatus(o) ?? "—", New: true)));
                continue;
            }
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
                    var unit = (i2 ?? i1)!.Indicator.Unit;
                    Add(rows, date, label, "Programado", i1?.Measurement.Planned, i2?.Measurement.Planned, s1, s2, exists: (i1 is not null, i2 is not null), unit: unit);
                    Add(rows, date, label, "Ejecutado", i1?.Measurement.Executed, i2?.Measurement.Executed, s1, s2, exists: (i1 is not null, i2 is not null), unit: unit);
                    Add(rows, date, label, "% avance al corte", i1?.CutOffProgress, i2?.CutOffProgress, s1, s2, exists: (i1 is not null, i2 is not null));
                    Add(rows, date, label, "Avance de la vigencia", i1?.YearProgress, i2?.YearProgress, s1, s2, exists: (i1 is not null, i2 is not null));
                }
            }
        }
        var drafts = (before?.CutOffs ?? []).Concat(after.CutOffs).Where(c => c.CutOff.Draft).Select(c => c.CutOff.Date).ToHashSet();
        return rows.Select(r => drafts.Contains(r.CutOff) ? r with { Draft = true } : r).OrderBy(r => r.Group).ThenBy(r => r.CutOff).ToList();
    }

    /// <summary>"Indicador 8116-3": its id, as in its address and the open data, with the plan's own code beside it where
    /// it differs ("Indicador 8116-3 (código 8116)").</summary>
    private static string Label(Model.Indicator indicator) =>
        indicator.Code is { } code && code != indicator.Id ? $"Indicador {indicator.Id} (código {code})" : $"Indicador {indicator.Id}";

    private static string? ObjectiveStatus(ObjectiveCompliance? objective) => objective switch
    {
        null => null,
        { IsPartial: true } => $"{Vocabulary.ObjectiveStatus(objective.Status)} ({Vocabulary.Partial(objective)})",
        _ => Vocabulary.ObjectiveStatus(objective.Status),
    };

    private static void Add(List<Row> rows, DateOnly date, string element, string figure, decimal? before, decimal? after,
        string? statusBefore, string? statusAfter, (bool Before, bool After)? exists = null, Model.Unit? unit = null)
    {
        var (hadBefore, hasAfter) = exists ?? (statusBefore is not null, statusAfter is not null);
        if (before == after && (unit is not null || statusBefore == statusAfter) && hadBefore == hasAfter)
        {
            return;
        }
        rows.Add(new Row(date, element, figure,
            hadBefore ? Show(before, unit) : "no existía", hasAfter ? Show(after, unit) : "ya no existe",
            statusBefore ?? "—", statusAfter ?? "—"));
    }

    /// <summary>A percentage computed by the method, or a magnitude in its indicator's unit (programado, ejecutado).</summary>
    private static string Show(decimal? value, Model.Unit? unit = null) =>
        value is not { } v ? "—" : unit is { } u ? EsCo.Magnitude(v, u) : EsCo.Percent(v);

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
}
