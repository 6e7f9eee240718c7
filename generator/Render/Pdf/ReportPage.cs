using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Pages;
using Pei.Site.Text;

namespace Pei.Site.Render.Pdf;

/// <summary>
/// layouts/Report.cshtml: the quarterly report of one published cut-off, designed for print (A4 landscape), with the
/// structure of the institution's own deck: cover, strategic platform, methodology, the objectives at a glance, a
/// section per objective (its table and the lag explanations) and the source line. Printed to PDF by
/// <see cref="ReportPrinter"/>; never published as HTML. Its figures are the record's (<see cref="ReportEdition"/>): the
/// edition as first published never changes; a corrected edition is stamped with its day and opens with its fe de erratas.
/// </summary>
public sealed class ReportPage : Page
{
    public override string Template => "Report";
    public required Plan Plan { get; init; }
    public required CutOffReport CutOff { get; init; }
    /// <summary>The day the cut-off was published (its record, or the cut-off date).</summary>
    public required DateOnly Published { get; init; }

    /// <summary>The day of the corrections this edition prints ("Versión corregida el …"); null for the edition as first published.</summary>
    public DateOnly? CorrectedOn { get; init; }

    /// <summary>The fe de erratas as it stood on <see cref="CorrectedOn"/>, printed first; empty in the edition as first published.</summary>
    public IReadOnlyList<ErratumLine> Errata { get; init; } = [];

    /// <summary>The commitments at this cut-off as they stood on the edition's day, overdue first (the report's last section).</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];

    /// <summary>In a corrected edition, the commitments its corrections changed (up to its day).</summary>
    public IReadOnlyList<CommitmentChangeLine> CommitmentChanges { get; init; } = [];

    /// <summary>The HTML the printer loads for one edition of a cut-off's report (its path only names it; it is never written).</summary>
    public static ReportPage For(PlanReport report, CutOffReport cutOff, ReportEdition edition, SiteInfo site) => new()
    {
        Path = System.IO.Path.ChangeExtension(edition.Path, ".html"),
        Title = $"{report.Plan.Name} — Seguimiento con corte al {EsCo.Date(cutOff.CutOff.Date)}" +
            (edition.CorrectedOn is { } day ? $" (versión corregida el {EsCo.Date(day)})" : ""),
        Site = site,
        Section = Section.None,
        Plan = report.Plan,
        CutOff = edition.Figures(cutOff),
        Published = Sitemap.PublicationDates.Published(cutOff),
        CorrectedOn = edition.CorrectedOn,
        Errata = edition.CorrectedOn is { } on && cutOff.Publication is { } publication
            ? PageBuilder.WordErrata(report.Plan, PublishedCutOff.ErrataOn(publication, on))
            : [],
        Commitments = CommitmentWords.Sorted(CommitmentFollowUp.OnDay(report, report.CutOffs.ToList().IndexOf(cutOff), edition.Dated(cutOff),
            firstPublished: edition.CorrectedOn is null)).ToList(),
        CommitmentChanges = edition.CorrectedOn is { } correctedOn
            ? CommitmentWords.Changes(CommitmentFollowUp.CorrectionChanges(report, report.CutOffs.ToList().IndexOf(cutOff)).Where(c => c.CorrectedOn <= correctedOn))
            : [],
    };

    /// <summary>The indicators of an objective that lag at this cut-off and explain why (observaciones).</summary>
    public static IEnumerable<IndicatorProgress> LagExplanations(ObjectiveCompliance objective) =>
        objective.Indicators.Where(i => i.Status == Status.Lagging && !string.IsNullOrWhiteSpace(i.Measurement.Observations));
}
