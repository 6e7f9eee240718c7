using Pei.Site.Model;
using System.Globalization;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;

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
        if (ParseDate(date) is not { } cutOff)
        {
            diagnostics.Error(Codes.InvalidDate, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Refused(diagnostics);
        }
        if (ContentLoader.Load(content, content, diagnostics) is not { } plan)
        {
            return Refused(diagnostics);
        }
        CheckPlace(plan, cutOff, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Refused(diagnostics);
        }

        var planDisplay = plan.CutOffs[^1].Where.File; // plan.yaml as the loader names it in diagnostics
        var edits = new List<(string Path, string Display, SourceText? Text)>();
        var planPath = Path.Combine(content, ContentLoader.PlanFile);
        edits.Add((planPath, planDisplay, CutOffInsertion.AddToPlan(Read(planPath), cutOff, planDisplay, diagnostics, title)));
        foreach (var objective in plan.Objectives)
        {
            foreach (var indicator in objective.Indicators.Where(i => i.FiscalYear(cutOff.Year) is not null))
            {
                var path = Path.Combine(content, ContentLoader.ObjectivesFolder, objective.Folder, ContentLoader.IndicatorsFolder, indicator.Id + ".yaml");
                edits.Add((path, indicator.Where.File, CutOffInsertion.AddToIndicator(Read(path), cutOff, indicator.Where.File, diagnostics)));
            }
        }
        if (diagnostics.HasErrors)
        {
            return Refused(diagnostics);
        }

        EditedFiles.Write(edits.Select(e => (e.Path, e.Text!.Encode())).ToList());
        var indicators = edits.Count - 1;
        var summary =
            $"Corte {ContentWords.Of(cutOff)} agregado como borrador en {ContentLoader.PlanFile} y en " +
            $"{indicators} {(indicators == 1 ? "indicador" : "indicadores")}. " +
            "Complete programado, ejecutado y observaciones; quite 'borrador: true' para publicarlo." +
            Environment.NewLine + "Archivos modificados:" +
            string.Concat(edits.Select(e => Environment.NewLine + "  " + e.Display));
        return new Pipeline.Result(diagnostics.Sorted(), summary);
    }

    /// <summary>A real date written AAAA-MM-DD, or null.</summary>
    internal static DateOnly? ParseDate(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

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

    private static SourceText Read(string path) => SourceText.Decode(File.ReadAllBytes(path));

    private static Pipeline.Result Refused(DiagnosticBag diagnostics) => new(diagnostics.Sorted(), "");
}
