using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// nuevo-corte &lt;AAAA-MM-DD&gt;: adds the cut-off to plan.yaml as a draft and a measurement block to fill in to every
/// indicator with a vigencia for that year, keeping each file's comments, order and formatting.
/// The content must load without errors first; the cut-off must be a real date, after the last one and within the
/// plan's period. Every edit is computed before any file is written, and nothing is written when one fails.
/// </summary>
public static class NewCutOffCommand
{
    /// <summary>Where a problem with the command's own argument is reported.</summary>
    private const string ArgumentPlace = "nuevo-corte";

    public static Pipeline.Result Run(string content, string date, string? title = null)
    {
        var diagnostics = new DiagnosticBag();
        if (ContentWords.DateOf(date) is not { } cutOff)
        {
            diagnostics.Error(Codes.InvalidDate, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (!ArgumentText.Check(title, "--titulo", ArgumentPlace, diagnostics) || Pipeline.Load(content, diagnostics) is not { } plan)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        CheckPlace(plan, cutOff, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }

        var folder = new ContentFolder(content, content);
        var planDisplay = plan.CutOffs[^1].Where.File; // plan.yaml as the loader names it in diagnostics
        var edits = new List<(string Path, string Display, SourceText? Text)>();
        var planPath = folder.PathOf(ContentLayout.PlanFile);
        if (Read(folder, planPath, planDisplay, diagnostics) is { } planText)
        {
            edits.Add((planPath, planDisplay, CutOffInsertion.AddToPlan(planText, cutOff, planDisplay, diagnostics, title)));
        }
        foreach (var objective in plan.Objectives)
        {
            foreach (var indicator in objective.Indicators.Where(i => i.FiscalYear(cutOff.Year) is not null))
            {
                var path = folder.PathOf(ContentLayout.ObjectivesFolder, objective.Folder, ContentLayout.IndicatorsFolder, ContentLayout.IndicatorFile(indicator.Id));
                if (Read(folder, path, indicator.Where.File, diagnostics) is { } text)
                {
                    edits.Add((path, indicator.Where.File, CutOffInsertion.AddToIndicator(text, cutOff, indicator.Where.File, diagnostics)));
                }
            }
        }
        if (diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }

        var encoded = edits.Select(e => (e.Path, e.Display, Bytes: e.Text!.Encode())).ToList();
        var after = EditedContent.Check(content, encoded.Select(e => (e.Path, e.Bytes)).ToList(), compute: false);
        if (after.HasErrors)
        {
            return Pipeline.Result.Refused(after);
        }
        if (!EditedFiles.Write(folder, encoded, diagnostics))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var indicators = edits.Count - 1;
        var words = ContentWords.Of(cutOff);
        // It ends with what to do next, as the guide says: publicar, once the cut-off is complete.
        var summary =
            $"Corte {words} agregado como borrador en {ContentLayout.PlanFile} y en " +
            $"{Plural.Of(indicators, "indicador", "indicadores")}." +
            Environment.NewLine + "Archivos modificados:" +
            string.Concat(edits.Select(e => Environment.NewLine + "  " + e.Display)) +
            NotContinued(plan, cutOff) +
            Environment.NewLine +
            $"Complete programado, ejecutado y observaciones y, cuando el corte esté completo, ejecute `publicar {words}`.";
        return new Pipeline.Result(diagnostics.Sorted(), summary);
    }

    /// <summary>
    /// The indicators and objectives of the year before that have no vigencia in the cut-off's year and are not marked as
    /// finished: they did not get the cut-off, and publicar will refuse it until each goes on or is marked.
    /// </summary>
    private static string NotContinued(Model.Plan plan, DateOnly cutOff)
    {
        var (year, before, words) = (cutOff.Year, cutOff.Year - 1, ContentWords.Of(cutOff));
        var missing = YearChangeRule.NotContinued(plan, year).ToList();
        if (missing.Count == 0)
        {
            return "";
        }
        var count = missing.Sum(m => m.Indicators.Count);
        var nl = Environment.NewLine;
        return nl + $"Atención: {Plural.Of(count, "indicador tiene", "indicadores tienen")} vigencia {before} y no {year}, y no " +
            $"{(count == 1 ? "recibió" : "recibieron")} el corte:" +
            string.Concat(missing.Select(m =>
                $"{nl}  objetivo {m.Objective.Number}" +
                (m.Objective.Indicators.Any(i => i.FiscalYear(year) is not null) ? "" : $" (ningún indicador con vigencia {year})") +
                ": " + string.Join(", ", m.Indicators.Select(i => i.Id)))) +
            $"{nl}Si siguen en {year}, agregue a cada uno la vigencia {year} con 'meta' y 'ponderacion' y luego ejecute " +
            $"`descartar {words}` y otra vez `nuevo-corte {words}`; si terminaron, escriba en cada uno 'ultima_vigencia: {before}'. " +
            $"Mientras tanto validate lo advierte (PEI137) y publicar no publica el corte.";
    }

    /// <summary>A new cut-off goes after the last one (cut-offs stay in increasing order, without repeats) and within the plan's period.</summary>
    private static void CheckPlace(Model.Plan plan, DateOnly cutOff, DiagnosticBag diagnostics)
    {
        var last = plan.CutOffs[^1];
        if (plan.CutOffs.FirstOrDefault(c => c.Date == cutOff) is { } existing)
        {
            diagnostics.Add(new Diagnostic(Codes.CutOffsOutOfOrder.Code, Severity.Error, existing.Where,
                Codes.CutOffsOutOfOrder.Format(ContentWords.Of(cutOff), ContentWords.Of(last.Date)) +
                $"; el corte {ContentWords.Of(cutOff)} ya está en la lista"));
        }
        else if (cutOff <= last.Date)
        {
            diagnostics.Add(new Diagnostic(Codes.CutOffsOutOfOrder.Code, Severity.Error, last.Where,
                Codes.CutOffsOutOfOrder.Format(ContentWords.Of(cutOff), ContentWords.Of(last.Date)) +
                $"; nuevo-corte agrega el corte al final de la lista, así que debe ser posterior a {ContentWords.Of(last.Date)}"));
        }
        if (!plan.Period.Contains(cutOff.Year))
        {
            diagnostics.Error(Codes.CutOffOutsidePeriod, new SourceSpan(ArgumentPlace, 1, 1), ContentWords.Of(cutOff), plan.Period.From, plan.Period.To);
        }
    }

    /// <summary>A file the loader has just accepted, read again through the same checks (it may have changed since).</summary>
    private static SourceText? Read(ContentFolder folder, string path, string display, DiagnosticBag diagnostics) =>
        folder.Read(path, new SourceSpan(display, 1, 1), diagnostics) is { } bytes ? SourceText.Decode(bytes) : null;
}
