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
    /// <summary>
    /// The objective's indicators without a measurement at the cut-off shown, listed so their pages stay reachable, each
    /// with why (<see cref="UnmeasuredIndicator"/>). A cut-off's own pages list only what its record held then.
    /// </summary>
    public required IReadOnlyList<UnmeasuredIndicator> Unmeasured { get; init; }
    public CutOffTimeline? Timeline { get; init; }
    /// <summary>This objective's change since the cut-off before; null for the first cut-off or none.</summary>
    public ComplianceChange? Change { get; init; }
    /// <summary>This objective's indicators whose status changed since the cut-off before.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];
    /// <summary>The corrections of this objective's figures at the cut-off shown.</summary>
    public IReadOnlyList<ErratumLine> Errata { get; init; } = [];
    /// <summary>How many of the objective's commitments are overdue at the cut-off shown, and where they are listed.</summary>
    public CommitmentSummary? Commitments { get; init; }
    /// <summary>The objective's commitments whose state the cut-off's corrections changed.</summary>
    public IReadOnlyList<CommitmentChangeLine> CommitmentChanges { get; init; } = [];

    /// <summary>The PDF report of the cut-off shown, when this build printed it.</summary>
    public string? ReportPath => Shown is { } shown && Site.Reports.Contains(shown.CutOff.Date) ? SitePaths.Report(shown.CutOff.Date) : null;

    public override string SiteMapLabel => $"Objetivo {EsCo.Integer(Objective.Number)}. {Objective.Title}";

    public override string Description => Shown is { Compliance: { } compliance } latest
        ? $"Objetivo estratégico {EsCo.Integer(Objective.Number)}. {Objective.Title}{AsPublished}: cumplimiento de {EsCo.Percent(compliance)} con corte al {EsCo.Date(latest.CutOff.Date)}, según {EsCo.Integer(latest.Indicators.Count)} indicadores."
        : $"Objetivo estratégico {EsCo.Integer(Objective.Number)}. {Objective.Title}{AsPublished}: sus indicadores y su cumplimiento en cada corte.";
}

/// <summary>Why an indicator has no measurement at a cut-off.</summary>
public enum Unmeasured
{
    /// <summary>It has a vigencia in the cut-off's year but no figures at the cut-off.</summary>
    NotMeasured,
    /// <summary>Its first vigencia comes after the cut-off's year (said on the current pages only).</summary>
    Starts,
    /// <summary>Its last vigencia came before the cut-off's year: it ended.</summary>
    Ended,
    /// <summary>It has vigencias before and after the cut-off's year but none in it.</summary>
    NoTargetThisYear,
}

/// <summary>An indicator without a measurement at the cut-off shown, why, and the year that explains it.</summary>
public sealed record UnmeasuredIndicator(Indicator Indicator, Unmeasured Reason, int Year)
{
    /// <summary>"empieza en 2027", "terminó en 2025", "sin meta en 2026"; null when it simply was not measured.</summary>
    public string? Note => Reason switch
    {
        Pages.Unmeasured.Starts => $"empieza en {EsCo.Integer(Year)}",
        Pages.Unmeasured.Ended => $"terminó en {EsCo.Integer(Year)}",
        Pages.Unmeasured.NoTargetThisYear => $"sin meta en {EsCo.Integer(Year)}",
        _ => null,
    };

    /// <summary>
    /// Why <paramref name="indicator"/> has no measurement at <paramref name="cutOff"/>, or null when the page must not
    /// list it. A cut-off's own page (<paramref name="archived"/>) shows what its record held: nothing that starts later,
    /// nothing its record did not count, and an ended indicator only when an earlier record counted it
    /// (<paramref name="recordedBefore"/>); the current pages describe the plan as it is now.
    /// </summary>
    public static UnmeasuredIndicator? Of(Indicator indicator, CutOffReport? cutOff, bool archived, IReadOnlySet<string> recordedBefore)
    {
        if (cutOff is null)
        {
            return new(indicator, Pages.Unmeasured.NotMeasured, 0);
        }
        var year = cutOff.CutOff.Year;
        var asRecorded = archived && cutOff.Publication is not null;
        var first = indicator.FiscalYears.Count == 0 ? year : indicator.FiscalYears.Min(f => f.Year);
        var last = indicator.FiscalYears.Count == 0 ? year : indicator.FiscalYears.Max(f => f.Year);
        return (indicator.FiscalYear(year) is not null, first > year, last < year) switch
        {
            (true, _, _) => asRecorded ? null : new(indicator, Pages.Unmeasured.NotMeasured, year),
            (_, true, _) => archived ? null : new(indicator, Pages.Unmeasured.Starts, first),
            (_, _, true) => asRecorded && !recordedBefore.Contains(indicator.Id) ? null : new(indicator, Pages.Unmeasured.Ended, last),
            _ => asRecorded ? null : new(indicator, Pages.Unmeasured.NoTargetThisYear, year),
        };
    }
}
