using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>
/// layouts/Home.cshtml: the plan, its objectives at one cut-off and the indicators counted by status. The home page
/// shows the latest cut-off; each published cut-off also has its own dashboard at cortes/AAAA-MM-DD/.
/// </summary>
public sealed class HomePage : Page
{
    public override string Template => "Home";
    public required Plan Plan { get; init; }
    /// <summary>The cut-off this dashboard shows; null when the plan has none.</summary>
    public CutOffReport? Shown { get; init; }
    public required IReadOnlyList<ObjectiveSummary> Objectives { get; init; }
    /// <summary>The indicators of the cut-off shown counted by status (zeros included; "Sin reporte" only when present);
    /// they add up to <see cref="MeasuredIndicators"/>.</summary>
    public required IReadOnlyList<StatusCount> StatusCounts { get; init; }
    /// <summary>The indicators expected at the latest cut-off (a vigencia in its year), reported or not.</summary>
    public required int MeasuredIndicators { get; init; }
    /// <summary>Where this cut-off sits among the others; null when the plan has no cut-off.</summary>
    public CutOffTimeline? Timeline { get; init; }
    /// <summary>What changed since the cut-off before; null when the plan has no cut-off.</summary>
    public CutOffChanges? Changes { get; init; }
    /// <summary>The cut-off's fe de erratas, oldest correction first; empty when it was never corrected.</summary>
    public IReadOnlyList<ErratumLine> Errata { get; init; } = [];
    /// <summary>How many commitments are overdue at the cut-off shown, and where they are listed.</summary>
    public CommitmentSummary? Commitments { get; init; }
    /// <summary>The commitments whose state the cut-off's corrections changed (part of its fe de erratas).</summary>
    public IReadOnlyList<CommitmentChangeLine> CommitmentChanges { get; init; } = [];

    public override string Description => Shown is { } latest
        ? $"Seguimiento del {Plan.Name}, {Plan.Entity}{AsPublished}: cumplimiento de sus {EsCo.Integer(Objectives.Count)} objetivos estratégicos y {EsCo.Integer(MeasuredIndicators)} indicadores con corte al {EsCo.Date(latest.CutOff.Date)}."
        : $"Seguimiento del {Plan.Name}, {Plan.Entity}: sus {EsCo.Integer(Objectives.Count)} objetivos estratégicos. Aún no hay cortes publicados.";

    /// <summary>The PDF report of the cut-off shown, when this build printed it.</summary>
    public string? ReportPath => Shown is { } latest && Site.Reports.Contains(latest.CutOff.Date) ? SitePaths.Report(latest.CutOff.Date) : null;

    /// <summary>The corrected editions of that report, one per day the cut-off was corrected, oldest first.</summary>
    public IReadOnlyList<Pdf.ReportEdition> CorrectedReports => ReportPath is null ? [] : Pdf.ReportEdition.Of(Shown!).Where(e => e.CorrectedOn is not null).ToList();
}

/// <summary>An objective, its figures at the cut-off shown (null when the plan has no cut-off) and the page it links to.</summary>
public sealed record ObjectiveSummary(Objective Objective, ObjectiveCompliance? Compliance, string Path);

/// <summary>How many indicators of the cut-off shown have a status, and which (those with a measurement), by objective.</summary>
public sealed record StatusCount(Status Status, int Count)
{
    public IReadOnlyList<StatusIndicator> Indicators { get; init; } = [];

    /// <summary>The id of the home page's list of these indicators, which the count links to.</summary>
    public string ListId => "indicadores-" + Vocabulary.StatusClass(Status);
}

/// <summary>An indicator in a status list of the home page, with its objective.</summary>
public sealed record StatusIndicator(Objective Objective, IndicatorProgress Progress);
