using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.OpenData;

namespace Pei.Site.Render.Pages;

/// <summary>layouts/Home.cshtml: the plan, its objectives at the latest cut-off and the indicators counted by status.</summary>
public sealed class HomePage : Page
{
    public override string Template => "Home";
    public required Plan Plan { get; init; }
    public CutOffReport? Latest { get; init; }
    public required IReadOnlyList<ObjectiveSummary> Objectives { get; init; }
    /// <summary>The indicators of the latest cut-off counted by status (zeros included; "Sin reporte" only when present);
    /// they add up to <see cref="MeasuredIndicators"/>.</summary>
    public required IReadOnlyList<StatusCount> StatusCounts { get; init; }
    /// <summary>The indicators expected at the latest cut-off (a vigencia in its year), reported or not.</summary>
    public required int MeasuredIndicators { get; init; }
}

/// <summary>An objective and its figures at the latest cut-off (null when the plan has no cut-off).</summary>
public sealed record ObjectiveSummary(Objective Objective, ObjectiveCompliance? Compliance);

public sealed record StatusCount(Status Status, int Count);

/// <summary>layouts/Objective.cshtml: one objective, its indicators at the latest cut-off and its compliance history.</summary>
public sealed class ObjectivePage : Page
{
    public override string Template => "Objective";
    public required Objective Objective { get; init; }
    /// <summary>The objective at the latest cut-off; null when the plan has no cut-off.</summary>
    public ObjectiveCompliance? Latest { get; init; }
    /// <summary>The objective at every cut-off shown, oldest first.</summary>
    public required IReadOnlyList<ObjectiveCompliance> History { get; init; }
    /// <summary>The objective's indicators without a measurement at the latest cut-off (listed so their pages stay reachable).</summary>
    public required IReadOnlyList<Indicator> Unmeasured { get; init; }
}

/// <summary>layouts/Indicator.cshtml: everything about one indicator, fiscal year by fiscal year.</summary>
public sealed class IndicatorPage : Page
{
    public override string Template => "Indicator";
    public required Indicator Indicator { get; init; }
    public required Objective Objective { get; init; }
    public required IReadOnlyList<FiscalYearHistory> Years { get; init; }
}

/// <summary>A fiscal year of an indicator and its measurements at the cut-offs shown, oldest first.</summary>
public sealed record FiscalYearHistory(FiscalYear Year, IReadOnlyList<IndicatorProgress> Measurements);

/// <summary>layouts/Methodology.cshtml: the plan's methodology and the formulas in plain Spanish.</summary>
public sealed class MethodologyPage : Page
{
    public override string Template => "Methodology";
    public string? Methodology { get; init; }
}

/// <summary>layouts/OpenData.cshtml: the open data files and their data dictionary.</summary>
public sealed class OpenDataPage : Page
{
    public override string Template => "OpenData";
    public string CsvPath => SeguimientoCsv.Path;
    public string JsonPath => PlanJson.Path;
    public required IReadOnlyList<DataColumn> CsvColumns { get; init; }
    public required IReadOnlyList<DataColumn> JsonFields { get; init; }
}

/// <summary>
/// layouts/NotFound.cshtml (404.html). A host serves it at whatever path was missing, so no relative link can be right
/// from every depth; its links are computed as if it sat at the site root, which is where GitHub Pages and most hosts
/// look for it and the depth of the most common broken link (a mistyped page at the root).
/// </summary>
public sealed class NotFoundPage : Page
{
    public override string Template => "NotFound";
}
