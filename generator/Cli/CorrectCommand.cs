using System.Text;
using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// corregir &lt;AAAA-MM-DD&gt; --motivo "…": records a correction of a published cut-off. The figures the content computes
/// for it today are compared with its record; the ones that changed are appended to the record's <c>correcciones</c>
/// with the date and the reason (the fe de erratas the site publishes), and the figures first published stay as they
/// were. Refused for a cut-off that is not published, an empty reason, nothing to correct, an indicator the cut-off did
/// not count (a correction never adds one), a figure beyond the loader's bounds, or a date (today in Bogotá, or
/// --fecha) before the publication or the last correction, or after today.
/// </summary>
public static class CorrectCommand
{
    private const string ArgumentPlace = "corregir";

    /// <param name="dated">--fecha as given; null for today.</param>
    /// <param name="clock">Where today comes from (<see cref="Clock"/>).</param>
    public static Pipeline.Result Run(string content, string date, string reason, string? dated, Clock clock)
    {
        var diagnostics = new DiagnosticBag();
        var day = ContentWords.DateOf(date);
        if (day is null)
        {
            diagnostics.Error(Codes.InvalidDate, new SourceSpan(ArgumentPlace, 1, 1), date);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            diagnostics.Error(Codes.EmptyValue, new SourceSpan(ArgumentPlace, 1, 1), "--motivo");
        }
        ArgumentText.Check(reason, "--motivo", ArgumentPlace, diagnostics);
        if (diagnostics.HasErrors || PublicationDate.Of(dated, ArgumentPlace, clock, diagnostics) is not (var corrected, var today, var place))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        if (Pipeline.Compute(content, diagnostics, new Pipeline.Options { CheckRecords = false, Today = today })?.Plan is not { } plan)
        {
            ShowChanges(content, day!.Value, today, diagnostics);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (plan.CutOffs.FirstOrDefault(c => c.Date == day) is not { } cutOff)
        {
            diagnostics.Error(Codes.CutOffNotInPlan, new SourceSpan(ArgumentPlace, 1, 1), date);
            return Pipeline.Result.Refused(diagnostics);
        }
        if (plan.PublicationOf(cutOff.Date) is not { } publication)
        {
            diagnostics.Error(Codes.NotPublished, cutOff.Where, date, cutOff.Draft ? " (está en borrador)" : " (no tiene registro en publicaciones/)");
            return Pipeline.Result.Refused(diagnostics);
        }
        if (!RecordRules.CorrectionDate(publication, publication.Corrections.LastOrDefault()?.Date, corrected, today, place, diagnostics))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var recorded = publication.Current;
        var (changed, gone) = PublishedFigures.Compare(recorded, PublishedFigures.Objectives(plan, cutOff));
        // A correction changes figures the cut-off published: it neither takes back an indicator the cut-off counted nor
        // adds one measured there later.
        foreach (var added in changed.Where(f => f.Key.Indicator is { } id && !publication.IndicatorIds.Contains(id) && f.Key.Name == FigureNames.CutOffProgress))
        {
            diagnostics.Error(Codes.IndicatorNotInPublication, added.Where, ContentWords.Of(cutOff.Date), added.Key.Indicator!);
        }
        PublicationCheck.ReportMissing(plan, cutOff, gone, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        if (changed.Count == 0)
        {
            diagnostics.Error(Codes.NothingToCorrect, publication.Where, date);
            return Pipeline.Result.Refused(diagnostics);
        }

        var recordPath = ContentLayout.RecordPath(content, cutOff.Date);
        var text = PublicationRecord.AddCorrection(PublishCommand.Read(recordPath), corrected, reason.Trim(), changed, publication.Where.File, diagnostics);
        if (text is null)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var bytes = text.Encode();
        var after = EditedContent.Check(content, [(recordPath, bytes)], compute: false);
        if (after.HasErrors)
        {
            return Pipeline.Result.Refused(after);
        }
        if (!EditedFiles.Write(new ContentFolder(content, content), [(recordPath, publication.Where.File, bytes)], diagnostics))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var summary = new StringBuilder()
            .Append($"Corrección del corte {date} registrada el {ContentWords.Of(corrected)} en {publication.Where.File}")
            .Append($" ({Plural.Of(changed.Count, "cifra", "cifras")}; motivo: {reason.Trim()}):");
        foreach (var figure in changed)
        {
            var before = recorded.GetValueOrDefault(figure.Key)?.Value;
            summary.Append(Environment.NewLine).Append($"  {PublicationCheck.Describe(figure.Key)}: {PublicationCheck.Value(figure.Key, before)} → {PublicationCheck.Value(figure.Key, figure.Value)}");
        }
        summary.Append(Environment.NewLine).Append("Las cifras publicadas antes se conservan; el sitio las muestra en la fe de erratas del corte.");
        return new Pipeline.Result(diagnostics.Sorted(), summary.ToString());
    }

    /// <summary>
    /// When the content does not compute (a correction that leaves a lag unexplained, say), the figures the correction
    /// would change are still listed (PEI055), so that the refusal does not hide what the command was asked to record.
    /// </summary>
    private static void ShowChanges(string content, DateOnly day, DateOnly today, DiagnosticBag diagnostics)
    {
        var loaded = new DiagnosticBag();
        if (Pipeline.Load(content, loaded, new Pipeline.Options { Today = today }) is { } plan
            && plan.CutOffs.FirstOrDefault(c => c.Date == day) is { } cutOff
            && plan.PublicationOf(day) is { } publication)
        {
            try
            {
                PublicationCheck.Compare(plan, cutOff, publication, diagnostics);
            }
            catch (FigureOverflowException)
            {
                // The overflow is already among the refusal's diagnostics.
            }
        }
    }
}
