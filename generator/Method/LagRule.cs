using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Method;

/// <summary>
/// A lagging indicator explains its lag: its measurement carries <c>observaciones</c> or a complete structured
/// explanation (<see cref="CommitmentRule"/> asks for the latter from <c>compromisos_desde</c> on). An error at a published cut-off, a
/// warning while the cut-off is a draft. Runs over the figures the method already computed; only the draft cut-offs a
/// report leaves out (build and validate publish no draft) are computed here.
/// </summary>
public static class LagRule
{
    public static void Check(PlanReport report, DiagnosticBag diagnostics)
    {
        var computed = report.CutOffs.Select(c => c.CutOff.Date).ToHashSet();
        foreach (var cutOff in report.CutOffs)
        {
            foreach (var progress in cutOff.Objectives.SelectMany(o => o.Indicators))
            {
                Explained(cutOff.CutOff, progress, diagnostics);
            }
        }
        foreach (var draft in report.Plan.CutOffs.Where(c => !computed.Contains(c.Date)))
        {
            foreach (var indicator in report.Plan.Indicators)
            {
                try
                {
                    if (PlanCalculator.Indicator(indicator, draft.Date) is { } progress)
                    {
                        Explained(draft, progress, diagnostics);
                    }
                }
                catch (FigureOverflowException e)
                {
                    e.Report(diagnostics);
                }
            }
        }
    }

    private static void Explained(CutOff cutOff, IndicatorProgress progress, DiagnosticBag diagnostics)
    {
        // A complete structured explanation (causa, accion, responsable, fecha_compromiso) explains the lag as well.
        if (progress.Status != Status.Lagging || !string.IsNullOrWhiteSpace(progress.Measurement.Observations) ||
            progress.Measurement.Explanation is { IsComplete: true })
        {
            return;
        }
        var percent = EsCo.PercentInMessage(progress.CutOffProgress!.Value);
        var date = ContentWords.Of(cutOff.Date);
        if (cutOff.Draft)
        {
            diagnostics.Warning(Codes.LagWithoutObservations, progress.Measurement.Where, date, percent);
        }
        else
        {
            diagnostics.Error(Codes.LagWithoutObservations, progress.Measurement.Where, date, percent);
        }
    }
}
