using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// descartar &lt;AAAA-MM-DD&gt;: takes a draft cut-off out of the plan, the reverse of nuevo-corte: its item goes from
/// plan.yaml's cortes and its measurement (figures and observations) from every indicator, keeping each file's comments,
/// order and layout. A published cut-off is refused (its figures are public: it is corrected, never withdrawn). Every edit
/// is computed, and the content as it would be after them validated, before any file is written.
/// </summary>
public static class DiscardCommand
{
    private const string ArgumentPlace = "descartar";

    public static Pipeline.Result Run(string content, string date)
    {
        var diagnostics = new DiagnosticBag();
        if (ContentWords.DateOf(date) is not { } day)
        {
            diagnostics.Error(Codes.InvalidDate, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (Pipeline.Load(content, diagnostics) is not { } plan)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var words = ContentWords.Of(day);
        if (plan.CutOffs.FirstOrDefault(c => c.Date == day) is not { } cutOff)
        {
            diagnostics.Error(Codes.CutOffNotInPlan, new SourceSpan(ArgumentPlace, 1, 1), words);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (plan.PublicationOf(day) is { } record)
        {
            diagnostics.Error(Codes.DiscardPublished, cutOff.Where, words, $"su registro es {record.Where.File}");
            return Pipeline.Result.Refused(diagnostics);
        }
        if (!cutOff.Draft)
        {
            diagnostics.Error(Codes.DiscardPublished, cutOff.Where, words, "en plan.yaml no tiene 'borrador: true'");
            return Pipeline.Result.Refused(diagnostics);
        }
        if (plan.CutOffs.Count == 1)
        {
            diagnostics.Error(Codes.DiscardOnlyCutOff, cutOff.Where, words);
            return Pipeline.Result.Refused(diagnostics);
        }

        var edits = new List<(string Path, string Display, byte[] Bytes)>();
        var planPath = ContentLayout.PlanPath(content);
        if (CutOffRemoval.RemoveFromPlan(PublishCommand.Read(planPath), day, cutOff.Where.File, diagnostics) is { } planText)
        {
            edits.Add((planPath, cutOff.Where.File, planText.Encode()));
        }
        foreach (var objective in plan.Objectives)
        {
            foreach (var indicator in objective.Indicators.Where(i => i.FiscalYear(day.Year)?.Measurement(day) is not null))
            {
                var path = ContentLayout.IndicatorPath(content, objective.Folder, indicator.Id);
                if (CutOffRemoval.RemoveFromIndicator(PublishCommand.Read(path), day, indicator.Where.File, diagnostics) is { } text)
                {
                    edits.Add((path, indicator.Where.File, text.Encode()));
                }
            }
        }
        if (diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        // Only the errors of the content as it would be: its warnings are about other cut-offs, not about this one.
        var after = EditedContent.Check(content, edits.Select(e => (e.Path, e.Bytes)).ToList(), compute: true);
        if (after.HasErrors)
        {
            foreach (var error in after.Items.Where(d => d.Severity == Severity.Error))
            {
                diagnostics.Add(error);
            }
            return Pipeline.Result.Refused(diagnostics);
        }
        if (!EditedFiles.Write(new ContentFolder(content, content), edits, diagnostics))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var indicators = edits.Count - 1;
        var summary =
            $"Corte {words} descartado: se quitó de {ContentLayout.PlanFile} y de {Plural.Of(indicators, "indicador", "indicadores")}, " +
            "con sus cifras y observaciones." +
            Environment.NewLine + "Archivos modificados:" +
            string.Concat(edits.Select(e => Environment.NewLine + "  " + e.Display));
        return new Pipeline.Result([], summary);
    }
}
