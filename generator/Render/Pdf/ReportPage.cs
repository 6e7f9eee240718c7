using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.Pages;
using Pei.Site.Text;

namespace Pei.Site.Render.Pdf;

/// <summary>
/// layouts/Report.cshtml: the quarterly report of one published cut-off, designed for print (A4 landscape) and for
/// citing: results first (the objectives with their status, the changes since the cut-off before, the lagging
/// indicators with their explanations, the fe de erratas of a corrected edition), then a section per objective (its
/// name, figures, status, chart and table), then the method, the mission and the vision. Every page carries a running
/// header with the cut-off and the publication date and "p. N de M" (<see cref="ReportPrinter"/>). Never published as HTML. Its figures are the record's (<see cref="ReportEdition"/>): the
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

    /// <summary>What changed since the cut-off before, with that cut-off's figures as they stood on this edition's day.</summary>
    public required CutOffChanges Changes { get; init; }

    /// <summary>Each objective's cumplimiento at every cut-off up to this one, as of this edition's day; absent with one cut-off.</summary>
    public IReadOnlyDictionary<int, RenderedChart> Charts { get; init; } = new Dictionary<int, RenderedChart>();

    /// <summary>The line at the top of every page: "Seguimiento con corte al … · Publicado el …" (and the correction's day).</summary>
    public string RunningHeader => $"{Plan.Name} · Seguimiento con corte al {EsCo.Date(CutOff.CutOff.Date)} · Publicado el {EsCo.Date(Published)}" +
        (CorrectedOn is { } day ? $" · Versión corregida el {EsCo.Date(day)}" : "");

    /// <summary>The commitments at this cut-off as they stood on the edition's day, overdue first (the report's last section).</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];

    /// <summary>In a corrected edition, the commitments its corrections changed (up to its day).</summary>
    public IReadOnlyList<CommitmentChangeLine> CommitmentChanges { get; init; } = [];

    /// <summary>The lagging indicators of the cut-off, with their objective, in objective order.</summary>
    public IReadOnlyList<(ObjectiveCompliance Objective, IndicatorProgress Indicator)> Lags =>
        CutOff.Objectives.SelectMany(o => o.Indicators.Where(i => i.Status == Status.Lagging).Select(i => (o, i))).ToList();

    /// <summary>The HTML the printer loads for one edition of a cut-off's report (its path only names it; it is never written).</summary>
    public static ReportPage For(PlanReport report, CutOffReport cutOff, ReportEdition edition, SiteInfo site)
    {
        // The cut-offs before, with their figures as they stood on this edition's day: a published edition never changes.
        var day = edition.Dated(cutOff);
        var figures = edition.Figures(cutOff);
        var index = report.CutOffs.ToList().FindIndex(c => c.CutOff.Date == cutOff.CutOff.Date);
        var history = report.CutOffs.Take(Math.Max(0, index)).Select(c => PublishedCutOff.AsCorrectedOn(c, day)).Append(figures).ToList();
        var charts = new Dictionary<int, RenderedChart>();
        foreach (var objective in figures.Objectives)
        {
            var trend = history.Select(c => c.Objectives.FirstOrDefault(o => o.Objective.Number == objective.Objective.Number)).OfType<ObjectiveCompliance>().ToList();
            if (TrendCharts.Compliance(objective.Objective, trend, CorrectedFigures.None) is { } chart)
            {
                charts[objective.Objective.Number] = chart;
            }
        }
        return new ReportPage
        {
            Path = System.IO.Path.ChangeExtension(edition.Path, ".html"),
            Title = $"{report.Plan.Name} — Seguimiento con corte al {EsCo.Date(cutOff.CutOff.Date)}" +
            (edition.CorrectedOn is { } correctedOn ? $" (versión corregida el {EsCo.Date(correctedOn)})" : ""),
            Site = site,
            Section = Section.None,
            Plan = report.Plan,
            CutOff = figures,
            Published = Sitemap.PublicationDates.Published(cutOff),
            CorrectedOn = edition.CorrectedOn,
            Errata = edition.CorrectedOn is { } on && cutOff.Publication is { } publication
            ? PageBuilder.WordErrata(report.Plan, PublishedCutOff.ErrataOn(publication, on))
            : [],
            Changes = CutOffChanges.Between(history.Count > 1 ? history[^2] : null, figures),
            Charts = charts,
            Commitments = CommitmentWords.Sorted(CommitmentFollowUp.OnDay(report, index, day, firstPublished: edition.CorrectedOn is null)).ToList(),
            CommitmentChanges = edition.CorrectedOn is { } changedOn
                ? CommitmentWords.Changes(CommitmentFollowUp.CorrectionChanges(report, index).Where(c => c.CorrectedOn <= changedOn))
                : [],
        };
    }
}
