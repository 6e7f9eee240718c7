using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>layouts/Objective.cshtml: one objective, its indicators at one cut-off and its compliance up to it.</summary>
public sealed class ObjectivePage : Page
{
    public override string Template => "Objective";
    public required Objective Objective { get; init; }
    /// <summary>The objective at the cut-off shown; null when the plan has no cut-off.</summary>
    public ObjectiveCompliance? Shown { get; init; }
    /// <summary>The objective at every cut-off up to the one shown, oldest first.</summary>
    public required IReadOnlyList<ObjectiveCompliance> History { get; init; }
    /// <summary>The compliance history drawn; null with fewer than two cut-offs (the page says so in words).</summary>
    public RenderedChart? Chart { get; init; }
    /// <summary>The objective's indicators without a measurement at the cut-off shown (listed so their pages stay reachable).</summary>
    public required IReadOnlyList<Indicator> Unmeasured { get; init; }
    public CutOffTimeline? Timeline { get; init; }
    /// <summary>This objective's change since the cut-off before; null for the first cut-off or none.</summary>
    public ComplianceChange? Change { get; init; }
    /// <summary>This objective's indicators whose status changed since the cut-off before.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];
    /// <summary>The corrections of this objective's figures at the cut-off shown.</summary>
    public IReadOnlyList<ErratumLine> Errata { get; init; } = [];

    /// <summary>The PDF report of the cut-off shown, when this build printed it.</summary>
    public string? ReportPath => Shown is { } shown && Site.Reports.Contains(shown.CutOff.Date) ? SitePaths.Report(shown.CutOff.Date) : null;

    public override string SiteMapLabel => $"Objetivo {EsCo.Integer(Objective.Number)}. {Objective.Title}";

    public override string Description => Shown is { Compliance: { } compliance } latest
        ? $"Objetivo estratégico {EsCo.Integer(Objective.Number)}. {Objective.Title}{AsPublished}: cumplimiento de {EsCo.Percent(compliance)} con corte al {EsCo.Date(latest.CutOff.Date)}, según {EsCo.Integer(latest.Indicators.Count)} indicadores."
        : $"Objetivo estratégico {EsCo.Integer(Objective.Number)}. {Objective.Title}{AsPublished}: sus indicadores y su cumplimiento en cada corte.";
}
