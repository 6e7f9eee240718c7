using Pei.Site.Text;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.Charts;
using Pei.Site.Render.OpenData;

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

    public override string Description => Shown is { } latest
        ? $"Seguimiento del {Plan.Name}, {Plan.Entity}{AsPublished}: cumplimiento de sus {EsCo.Integer(Objectives.Count)} objetivos estratégicos y {EsCo.Integer(MeasuredIndicators)} indicadores con corte al {EsCo.Date(latest.CutOff.Date)}."
        : $"Seguimiento del {Plan.Name}, {Plan.Entity}: sus {EsCo.Integer(Objectives.Count)} objetivos estratégicos. Aún no hay cortes publicados.";

    /// <summary>The PDF report of the cut-off shown, when this build printed it.</summary>
    public string? ReportPath => Shown is { } latest && Site.Reports.Contains(latest.CutOff.Date) ? SitePaths.Report(latest.CutOff.Date) : null;
}

/// <summary>An objective, its figures at the cut-off shown (null when the plan has no cut-off) and the page it links to.</summary>
public sealed record ObjectiveSummary(Objective Objective, ObjectiveCompliance? Compliance, string Path);

public sealed record StatusCount(Status Status, int Count);

/// <summary>
/// A cut-off among the published ones: the one before and after (null at the ends), whether it is the latest,
/// and its dashboard's permanent address.
/// </summary>
public sealed record CutOffTimeline(CutOffLink Current, CutOffLink? Previous, CutOffLink? Next, bool IsLatest);

/// <summary>A cut-off as a link: its date, title and permanent dashboard address.</summary>
public sealed record CutOffLink(DateOnly Date, string? Title, string Path);

/// <summary>One line of a fe de erratas, ready to print: which figure, as published, as corrected, when and why.</summary>
public sealed record ErratumLine(int Objective, string What, string Figure, string Published, string Corrected, DateOnly Date, string Reason);

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

/// <summary>layouts/Indicator.cshtml: everything about one indicator, fiscal year by fiscal year.</summary>
public sealed class IndicatorPage : Page
{
    public override string Template => "Indicator";
    public required Indicator Indicator { get; init; }
    public required Objective Objective { get; init; }

    /// <summary>Builds <see cref="Years"/>: called when the page is rendered, on one of the cores, not when the site's pages are listed.</summary>
    public required Func<IReadOnlyList<FiscalYearHistory>> BuildYears { get; init; }

    /// <summary>
    /// Its fiscal years with their measurements and charts, built anew at each read (a template reads them once) and
    /// not kept: the page models of the whole site stay in memory while it is written, their charts need not.
    /// </summary>
    public IReadOnlyList<FiscalYearHistory> Years => BuildYears();

    public override string Description =>
        $"Indicador {PageBuilder.IndicatorLabel(Indicator)}, del objetivo {EsCo.Integer(Objective.Number)} ({Objective.Title}): meta, programación, ejecución y avance en cada corte.";

    public override string SiteMapLabel => $"Indicador {PageBuilder.IndicatorLabel(Indicator)}";
}

/// <summary>
/// A fiscal year of an indicator and its measurements at the cut-offs shown, oldest first (none yet for a future year),
/// with its chart (null with fewer than two measurements).
/// </summary>
public sealed record FiscalYearHistory(FiscalYear Year, IReadOnlyList<IndicatorProgress> Measurements, RenderedChart? Chart);

/// <summary>layouts/CutOffs.cshtml: every cut-off shown, newest first, with its title and publication date.</summary>
public sealed class CutOffsPage : Page
{
    public override string Template => "CutOffs";
    public required IReadOnlyList<CutOffEntry> CutOffs { get; init; }
}

/// <summary>A cut-off in the archive: its link, the day it was published (null when no record says) and whether it was corrected.</summary>
public sealed record CutOffEntry(CutOffLink Link, DateOnly? Published, bool Corrected, bool Draft);

/// <summary>layouts/Methodology.cshtml: the plan's methodology and the formulas in plain Spanish.</summary>
public sealed class MethodologyPage : Page
{
    public override string Template => "Methodology";
    public string? Methodology { get; init; }

    public override string Description =>
        $"Cómo se calcula el avance de cada indicador y el cumplimiento de cada objetivo del {Site.PlanName}: fórmulas, estados y ponderaciones.";
}

/// <summary>layouts/OpenData.cshtml: the open data files and their data dictionary.</summary>
public sealed class OpenDataPage : Page
{
    public override string Template => "OpenData";
    public string CsvPath => SeguimientoCsv.Path;
    public string JsonPath => PlanJson.Path;
    public required IReadOnlyList<DataColumn> CsvColumns { get; init; }
    public required IReadOnlyList<DataColumn> JsonFields { get; init; }
    /// <summary>The dataset: its licence, period and every file, as the descriptors describe it.</summary>
    public DataCatalog? Catalog { get; init; }
    /// <summary>The schema.org Dataset, for &lt;script type="application/ld+json"&gt;.</summary>
    public string? JsonLd => Catalog is null ? null : DatasetJsonLd.Write(Catalog);
    public string NumberRule => OpenNumbers.Rule;
    public string DataPackagePath => DataCatalog.DataPackagePath;
    public string CatalogPath => DataCatalog.CatalogPath;

    public override string Description =>
        $"Datos abiertos del {Site.PlanName} en CSV, Excel y JSON, con su diccionario de datos, bajo la licencia {Site.Licence.Name}.";
}

/// <summary>
/// layouts/NotFound.cshtml (404.html). A host serves it at whatever path was missing, so no relative link can be right
/// from every depth: its links start from the site's base path, the path of the base URL ("/pei/"), or "/" when the
/// build has none. Opened from disk, without a server, its links therefore do not resolve; every other page's do.
/// </summary>
public sealed class NotFoundPage : Page
{
    public override string Template => "NotFound";
    public override string LinkRoot => Site.BasePath;
    public override string Description => $"La página que busca no existe en el sitio del {Site.PlanName}. Desde aquí puede volver al inicio, la metodología o los datos abiertos.";
}

/// <summary>The model of the _Timeline partial: the page linking, its cut-off's neighbours and where each leads on that page.</summary>
public sealed record TimelineLinks(Page Page, CutOffTimeline Timeline, string? PreviousPath, string? NextPath);
