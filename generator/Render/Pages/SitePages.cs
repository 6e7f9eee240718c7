using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;

namespace Pei.Site.Render.Pages;

/// <summary>layouts/Home.cshtml: the plan, its objectives at the latest cut-off and the indicators counted by status.</summary>
public sealed class HomePage : Page
{
    public override string Template => "Home";
    public required Plan Plan { get; init; }
    public CutOffReport? Latest { get; init; }
    public required IReadOnlyList<ObjectiveSummary> Objectives { get; init; }
    /// <summary>Indicators measured at the latest cut-off, counted by status (zeros included; "Sin reporte" only when present).</summary>
    public required IReadOnlyList<StatusCount> StatusCounts { get; init; }
    public required int MeasuredIndicators { get; init; }

    public override string Description => Latest is { } latest
        ? $"Seguimiento del {Plan.Name}, {Plan.Entity}: cumplimiento de sus {EsCo.Integer(Objectives.Count)} objetivos estratégicos y {EsCo.Integer(MeasuredIndicators)} indicadores con corte al {EsCo.Date(latest.CutOff.Date)}."
        : $"Seguimiento del {Plan.Name}, {Plan.Entity}: sus {EsCo.Integer(Objectives.Count)} objetivos estratégicos. Aún no hay cortes publicados.";

    /// <summary>The latest cut-off's PDF report, when this build printed it.</summary>
    public string? ReportPath => Latest is { } latest && Site.Reports.Contains(latest.CutOff.Date) ? SitePaths.Report(latest.CutOff.Date) : null;
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

    public override string SiteMapLabel => $"Objetivo {EsCo.Integer(Objective.Number)}. {Objective.Title}";

    public override string Description => Latest is { Compliance: { } compliance } latest
        ? $"Objetivo estratégico {EsCo.Integer(Objective.Number)}. {Objective.Title}: cumplimiento de {EsCo.Percent(compliance)} con corte al {EsCo.Date(latest.CutOff.Date)}, según {EsCo.Integer(latest.Indicators.Count)} indicadores."
        : $"Objetivo estratégico {EsCo.Integer(Objective.Number)}. {Objective.Title}: sus indicadores y su cumplimiento en cada corte.";
}

/// <summary>layouts/Indicator.cshtml: everything about one indicator, fiscal year by fiscal year.</summary>
public sealed class IndicatorPage : Page
{
    public override string Template => "Indicator";
    public required Indicator Indicator { get; init; }
    public required Objective Objective { get; init; }
    public required IReadOnlyList<FiscalYearHistory> Years { get; init; }

    public override string Description =>
        $"Indicador {PageBuilder.IndicatorLabel(Indicator)}, del objetivo {EsCo.Integer(Objective.Number)} ({Objective.Title}): meta, programación, ejecución y avance en cada corte.";

    public override string SiteMapLabel => $"Indicador {PageBuilder.IndicatorLabel(Indicator)}";
}

/// <summary>A fiscal year of an indicator and its measurements at the cut-offs shown, oldest first.</summary>
public sealed record FiscalYearHistory(FiscalYear Year, IReadOnlyList<IndicatorProgress> Measurements);

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
