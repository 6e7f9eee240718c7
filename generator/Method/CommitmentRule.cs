using Pei.Site.Diagnostics;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Method;

/// <summary>
/// The rules over structured lag explanations, which need the computed statuses: from the plan's
/// <c>compromisos_desde</c> on, every lag carries causa, accion, responsable and fecha_compromiso (PEI151); a new
/// commitment is due after the cut-off it is made at (PEI152); an explanation on a measurement that does not lag is
/// neither published nor followed up (PEI154, a warning). Errors at published cut-offs, warnings at drafts, as
/// <see cref="LagRule"/>.
/// </summary>
public static class CommitmentRule
{
    public static void Check(PlanReport report, DiagnosticBag diagnostics)
    {
        var plan = report.Plan;
        var computed = report.CutOffs.Select(c => c.CutOff.Date).ToHashSet();
        var cutOffs = report.CutOffs.ToList();
        foreach (var draft in plan.CutOffs.Where(c => !computed.Contains(c.Date)))
        {
            try
            {
                cutOffs.Add(new CutOffReport(draft, plan.Objectives.Select(o => PlanCalculator.Objective(o, draft)).ToList()));
            }
            catch (FigureOverflowException)
            {
                // LagRule reports it.
            }
        }
        cutOffs = cutOffs.OrderBy(c => c.CutOff.Date).ToList();
        foreach (var cutOff in cutOffs)
        {
            foreach (var progress in cutOff.Objectives.SelectMany(o => o.Indicators))
            {
                Explained(plan, cutOff.CutOff, progress, diagnostics);
            }
        }
        var drafts = cutOffs.Where(c => c.CutOff.Draft).Select(c => c.CutOff.Date).ToHashSet();
        foreach (var commitment in CommitmentFollowUp.At(cutOffs).Where(c => c.Due <= c.MadeAt))
        {
            Report(diagnostics, drafts.Contains(commitment.MadeAt), Codes.CommitmentDueNotAfterCutOff, commitment.Explanation.DueWhere,
                ContentWords.Of(commitment.Due), ContentWords.Of(commitment.MadeAt));
        }
    }

    private static void Explained(Plan plan, CutOff cutOff, IndicatorProgress progress, DiagnosticBag diagnostics)
    {
        var measurement = progress.Measurement;
        var date = ContentWords.Of(cutOff.Date);
        if (progress.Status == Status.NotReported)
        {
            return;
        }
        if (progress.Status != Status.Lagging)
        {
            if (measurement.Explanation is not null)
            {
                var status = progress.Status == Status.OnTrack ? "está en cumplimiento" : "no tiene nada programado al corte";
                diagnostics.Warning(Codes.ExplanationWithoutLag, measurement.Where, date, status);
            }
            return;
        }
        // A partial explanation already has its error (PEI150) from the loader.
        if (plan.CommitmentsFrom is { } from && cutOff.Date >= from && measurement.Explanation is null)
        {
            Report(diagnostics, cutOff.Draft, Codes.LagNeedsCommitment, measurement.Where, date,
                EsCo.PercentInMessage(progress.CutOffProgress!.Value), ContentWords.Of(from), string.Join(", ", LagExplanation.Keys));
        }
    }

    private static void Report(DiagnosticBag diagnostics, bool draft, DiagnosticCode code, SourceSpan where, params object[] args)
    {
        if (draft)
        {
            diagnostics.Warning(code, where, args);
        }
        else
        {
            diagnostics.Error(code, where, args);
        }
    }
}
