using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.OpenData;

namespace Pei.Site.Render.Pages;

/// <summary>Turns a computed report into the page models the templates render: one per page of the site.</summary>
public static class PageBuilder
{
    private const string HomeCrumb = "Inicio";

    /// <summary>The order the home page counts statuses in; "Sin reporte" only appears when some draft has it.</summary>
    private static readonly Status[] CountedStatuses = [Status.OnTrack, Status.Lagging, Status.NotProgrammed, Status.NotReported];

    public static IReadOnlyList<Page> Build(PlanReport report, RenderOptions options)
    {
        var plan = report.Plan;
        var site = Site(report, options);
        var pages = new List<Page>
        {
            Home(report, site),
            new MethodologyPage
            {
                Path = SitePaths.Methodology,
                Title = $"Metodología de medición — {plan.Name}",
                Site = site,
                Section = Section.Methodology,
                Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new("Metodología", null)],
                Methodology = plan.Methodology,
            },
            new OpenDataPage
            {
                Path = SitePaths.OpenData,
                Title = $"Datos abiertos — {plan.Name}",
                Site = site,
                Section = Section.OpenData,
                Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new("Datos abiertos", null)],
                CsvColumns = SeguimientoCsv.Columns,
                JsonFields = PlanJson.Fields,
            },
            new NotFoundPage
            {
                Path = SitePaths.NotFound,
                Title = $"Página no encontrada — {plan.Name}",
                Site = site,
                Section = Section.None,
            },
        };
        foreach (var objective in plan.Objectives)
        {
            pages.Add(Objective(report, site, objective));
            pages.AddRange(objective.Indicators.Select(i => Indicator(report, site, objective, i)));
        }
        return pages;
    }

    private static SiteInfo Site(PlanReport report, RenderOptions options)
    {
        var latest = report.Latest?.CutOff;
        return new SiteInfo
        {
            Entity = report.Plan.Entity,
            PlanName = report.Plan.Name,
            Period = report.Plan.Period,
            Address = report.Plan.Address,
            Source = string.IsNullOrWhiteSpace(report.Plan.Source) ? report.Plan.Entity : report.Plan.Source,
            LatestCutOff = latest,
            Published = latest is null ? null : latest.Published ?? latest.Date,
            ShowsDraft = options.Preview && latest is { Draft: true },
            Banner = options.Banner,
            ExtraScript = options.ExtraScript,
        };
    }

    private static HomePage Home(PlanReport report, SiteInfo site)
    {
        var latest = report.Latest;
        return new HomePage
        {
            Path = SitePaths.Home,
            Title = $"{report.Plan.Name} — {report.Plan.Entity}",
            Site = site,
            Section = Section.Home,
            Plan = report.Plan,
            Latest = latest,
            Objectives = report.Plan.Objectives
                .Select(o => new ObjectiveSummary(o, latest?.Objectives.FirstOrDefault(c => c.Objective.Number == o.Number)))
                .ToList(),
            StatusCounts = CountedStatuses
                .Select(s => new StatusCount(s, latest?.Count(s) ?? 0))
                .Where(c => c.Status != Status.NotReported || c.Count > 0)
                .ToList(),
            MeasuredIndicators = latest?.Expected ?? 0,
        };
    }

    private static ObjectivePage Objective(PlanReport report, SiteInfo site, Objective objective)
    {
        var history = report.History(objective.Number).ToList();
        var latest = history.Count > 0 && report.Latest is { } l && history[^1].CutOff == l.CutOff ? history[^1] : null;
        var measured = latest?.Indicators.Select(i => i.Indicator.Id).ToHashSet() ?? [];
        return new ObjectivePage
        {
            Path = SitePaths.Objective(objective.Number),
            Title = $"Objetivo {objective.Number} — {report.Plan.Name}",
            Site = site,
            Section = Section.Objectives,
            Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new($"Objetivo {objective.Number}", null)],
            Objective = objective,
            Latest = latest,
            History = history,
            Unmeasured = objective.Indicators.Where(i => !measured.Contains(i.Id)).ToList(),
        };
    }

    private static IndicatorPage Indicator(PlanReport report, SiteInfo site, Objective objective, Indicator indicator)
    {
        var history = report.History(indicator.Id).ToList();
        var label = IndicatorLabel(indicator);
        return new IndicatorPage
        {
            Path = SitePaths.Indicator(indicator.Id),
            Title = $"Indicador {label} — Objetivo {objective.Number} — {report.Plan.Name}",
            Site = site,
            Section = Section.Objectives,
            Breadcrumbs =
            [
                new(HomeCrumb, SitePaths.Home),
                new($"Objetivo {objective.Number}", SitePaths.Objective(objective.Number)),
                new(IndicatorCrumb(indicator), null),
            ],
            Indicator = indicator,
            Objective = objective,
            Years = indicator.FiscalYears
                .Select(y => new FiscalYearHistory(y, history.Where(h => h.FiscalYear.Year == y.Year).ToList()))
                .ToList(),
        };
    }

    /// <summary>The heading's lead before the name: "Indicador 4199", or "Indicador" when it has no code (never its file name).</summary>
    public static string IndicatorNumber(Indicator indicator) =>
        indicator.Code is null ? "Indicador" : $"Indicador {indicator.Code}";

    /// <summary>How the indicator is named where its name does not follow: "Indicador 4199", or its name when it has no code.</summary>
    public static string IndicatorCrumb(Indicator indicator) =>
        indicator.Code is null ? indicator.Name : $"Indicador {indicator.Code}";

    /// <summary>"4199. Estrategia de comunicación…": the code, when there is one, then the name.</summary>
    public static string IndicatorLabel(Indicator indicator) =>
        indicator.Code is null ? indicator.Name : $"{indicator.Code}. {indicator.Name}";
}
