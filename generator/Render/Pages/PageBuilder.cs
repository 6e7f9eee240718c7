using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>Turns a computed report into the page models the templates render: one per page of the site.</summary>
public static class PageBuilder
{
    private const string HomeCrumb = "Inicio";
    private const string CutOffsCrumb = "Cortes";

    /// <summary>The order the home page counts statuses in; "Sin reporte" only appears when some draft has it.</summary>
    private static readonly Status[] CountedStatuses = [Status.OnTrack, Status.Lagging, Status.NotProgrammed, Status.NotReported];

    public static IReadOnlyList<Page> Build(PlanReport report, RenderOptions options)
    {
        var plan = report.Plan;
        // Each cut-off's fe de erratas, worded once however many pages show it.
        var errata = report.CutOffs.Select(c => WordErrata(plan, c)).ToList();
        // The indicators each cut-off's record and those before it counted: what its own pages may name.
        var recorded = Recorded(report);
        var corrections = new CorrectedFigures(plan.Publications);
        var markdown = new Markdown.RenderedMarkdown();
        var site = Site(report, report.Latest, options, corrections, markdown);
        var latest = report.CutOffs.Count - 1;
        // Each cut-off's commitments as they stood at it, and what its corrections changed in them.
        var commitments = report.CutOffs.Select((_, i) => CommitmentFollowUp.At(report, i)).ToList();
        var commitmentChanges = report.CutOffs.Select((_, i) => CommitmentWords.Changes(CommitmentFollowUp.CorrectionChanges(report, i))).ToList();
        var current = latest < 0 ? [] : commitments[latest];
        var currentByIndicator = current.ToLookup(c => c.Indicator.Id, StringComparer.Ordinal);
        var pages = new List<Page>
        {
            Home(report, errata, latest, site, SitePaths.Home, [], SitePaths.Objective,
                new CommitmentSummary(CommitmentFollowUp.Overdue(current), current.Count, SitePaths.Commitments), latest < 0 ? [] : commitmentChanges[latest]),
            CommitmentWords.Page(plan, report.Latest, report.CutOffs, current, site, SitePaths.Commitments,
                [new(HomeCrumb, SitePaths.Home), new("Compromisos", null)]),
            TransparencyPage.For(report, site),
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
                Catalog = DataCatalog.For(report, options),
            },
            new NotFoundPage
            {
                Path = SitePaths.NotFound,
                Title = $"Página no encontrada — {plan.Name}",
                Site = site,
                Section = Section.None,
            },
            new CutOffsPage
            {
                Path = SitePaths.CutOffs,
                Title = $"Cortes publicados — {plan.Name}",
                Site = site,
                Section = Section.CutOffs,
                Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new(CutOffsCrumb, null)],
                CutOffs = report.CutOffs.Reverse()
                    .Select(c => new CutOffEntry(Link(c), PublishedOn(c), c.Publication is { Corrections.Count: > 0 }, c.CutOff.Draft))
                    .ToList(),
            },
        };
        foreach (var objective in plan.Objectives)
        {
            pages.Add(Objective(report, errata, recorded, latest, site, objective, SitePaths.Objective(objective.Number), [new(HomeCrumb, SitePaths.Home)],
                Summary(current, objective, SitePaths.Commitments), latest < 0 ? [] : commitmentChanges[latest]));
            pages.AddRange(objective.Indicators.Select(i => Indicator(report, site, objective, i, currentByIndicator[i.Id])));
        }
        for (var index = 0; index < report.CutOffs.Count; index++)
        {
            var cutOff = report.CutOffs[index];
            var date = cutOff.CutOff.Date;
            var own = Site(report, cutOff, options, corrections, markdown);
            Crumb[] trail = [new(HomeCrumb, SitePaths.Home), new(CutOffsCrumb, SitePaths.CutOffs)];
            var atCutOff = commitments[index];
            var archivedList = SitePaths.CutOffCommitments(date);
            pages.Add(Home(report, errata, index, own, SitePaths.CutOff(date), [.. trail, new(EsCo.Date(date), null)], n => SitePaths.CutOffObjective(date, n),
                new CommitmentSummary(CommitmentFollowUp.Overdue(atCutOff), atCutOff.Count, archivedList), commitmentChanges[index]));
            pages.AddRange(plan.Objectives.Select(o =>
                Objective(report, errata, recorded, index, own, o, SitePaths.CutOffObjective(date, o.Number), [.. trail, new(EsCo.Date(date), SitePaths.CutOff(date))],
                    Summary(atCutOff, o, archivedList), commitmentChanges[index])));
            pages.Add(CommitmentWords.Page(plan, cutOff, report.CutOffs.Take(index + 1).ToList(), atCutOff, own, archivedList,
                [.. trail, new(EsCo.Date(date), SitePaths.CutOff(date)), new("Compromisos", null)]));
        }
        pages.Add(SiteMapPage.For(pages, site));
        return pages;
    }

    /// <summary>An objective's commitments at a cut-off, counted for its page.</summary>
    private static CommitmentSummary Summary(IReadOnlyList<Commitment> commitments, Objective objective, string path)
    {
        var own = commitments.Where(c => c.ObjectiveNumber == objective.Number).ToList();
        return new CommitmentSummary(CommitmentFollowUp.Overdue(own), own.Count, path);
    }

    /// <summary>The chrome of a page showing <paramref name="shown"/>: its date in the header and footer, its publication date.</summary>
    /// <param name="corrections">The plan's corrected figures, found once per build; found anew when not given.</param>
    /// <param name="markdown">The build's Markdown rendered once for all its pages; a new one when not given.</param>
    internal static SiteInfo Site(PlanReport report, CutOffReport? shown, RenderOptions options, CorrectedFigures? corrections = null,
        Markdown.RenderedMarkdown? markdown = null) => new()
        {
            Entity = report.Plan.Entity,
            PlanName = report.Plan.Name,
            Period = report.Plan.Period,
            Address = report.Plan.Address,
            Source = string.IsNullOrWhiteSpace(report.Plan.Source) ? report.Plan.Entity : report.Plan.Source,
            CutOff = shown?.CutOff,
            Published = shown is null ? null : PublishedOn(shown),
            ShowsDraft = options.Preview && shown?.CutOff is { Draft: true },
            Banner = options.Banner,
            ExtraScript = options.ExtraScript,
            BaseUrl = options.BaseUrl,
            Reports = options.Reports,
            Licence = report.Plan.Licence,
            Corrections = corrections ?? new CorrectedFigures(report.Plan.Publications),
            Markdown = markdown ?? new Markdown.RenderedMarkdown(),
        };

    /// <summary>The day a cut-off was published: its record's date; null without one (a draft in preview).</summary>
    public static DateOnly? PublishedOn(CutOffReport cutOff) => cutOff.Publication?.Published;

    private static CutOffLink Link(CutOffReport cutOff) => new(cutOff.CutOff.Date, cutOff.CutOff.Title, SitePaths.CutOff(cutOff.CutOff.Date));

    private static CutOffTimeline? Timeline(PlanReport report, int index) => index < 0 ? null : new CutOffTimeline(
        Link(report.CutOffs[index]),
        index > 0 ? Link(report.CutOffs[index - 1]) : null,
        index < report.CutOffs.Count - 1 ? Link(report.CutOffs[index + 1]) : null,
        index == report.CutOffs.Count - 1);

    private static CutOffChanges? Changes(PlanReport report, int index) => index < 0 ? null : report.Changes[index];

    /// <summary>The dashboard at the cut-off <paramref name="index"/> (−1: the plan has none).</summary>
    private static HomePage Home(PlanReport report, IReadOnlyList<List<ErratumLine>> errata, int index, SiteInfo site, string path, IReadOnlyList<Crumb> breadcrumbs, Func<int, string> objectivePath,
        CommitmentSummary commitments, IReadOnlyList<CommitmentChangeLine> commitmentChanges)
    {
        var shown = index < 0 ? null : report.CutOffs[index];
        var archived = breadcrumbs.Count > 0;
        return new HomePage
        {
            Path = path,
            Title = archived ? $"Corte del {EsCo.Date(shown!.CutOff.Date)} — {report.Plan.Name}" : $"{report.Plan.Name} — {report.Plan.Entity}",
            Site = site,
            Section = archived ? Section.CutOffs : Section.Home,
            Breadcrumbs = breadcrumbs,
            Plan = report.Plan,
            Shown = shown,
            Objectives = report.Plan.Objectives
                .Select(o => new ObjectiveSummary(o, shown?.Objectives.FirstOrDefault(c => c.Objective.Number == o.Number), objectivePath(o.Number)))
                .ToList(),
            StatusCounts = CountedStatuses
                .Select(s => new StatusCount(s, shown?.Count(s) ?? 0)
                {
                    Indicators = shown?.Objectives.SelectMany(o => o.Indicators.Where(i => i.Status == s).Select(i => new StatusIndicator(o.Objective, i))).ToList() ?? [],
                })
                .Where(c => c.Status != Status.NotReported || c.Count > 0)
                .ToList(),
            MeasuredIndicators = shown?.Expected ?? 0,
            Timeline = Timeline(report, index),
            Changes = Changes(report, index),
            Errata = index < 0 ? [] : errata[index],
            Commitments = commitments,
            CommitmentChanges = commitmentChanges,
        };
    }

    /// <summary>An objective at the cut-off <paramref name="index"/> (−1: the plan has none), with its history up to it.</summary>
    private static ObjectivePage Objective(PlanReport report, IReadOnlyList<List<ErratumLine>> errata, IReadOnlyList<IReadOnlySet<string>> recorded, int index, SiteInfo site, Objective objective, string path, IReadOnlyList<Crumb> trail,
        CommitmentSummary commitments, IReadOnlyList<CommitmentChangeLine> commitmentChanges)
    {
        var history = report.CutOffs.Take(index + 1)
            .Select(c => c.Objectives.FirstOrDefault(o => o.Objective.Number == objective.Number))
            .OfType<ObjectiveCompliance>()
            .ToList();
        var shown = index >= 0 && history.Count > 0 && history[^1].CutOff == report.CutOffs[index].CutOff ? history[^1] : null;
        var measured = shown?.Indicators.Select(i => i.Indicator.Id).ToHashSet() ?? [];
        var changes = Changes(report, index);
        var archived = trail.Count > 1;
        return new ObjectivePage
        {
            Path = path,
            Title = archived
                ? $"Objetivo {objective.Number} al {EsCo.Date(report.CutOffs[index].CutOff.Date)} — {report.Plan.Name}"
                : $"Objetivo {objective.Number} — {report.Plan.Name}",
            Site = site,
            Section = archived ? Section.CutOffs : Section.Objectives,
            Breadcrumbs = [.. trail, new($"Objetivo {objective.Number}", null)],
            Objective = objective,
            Shown = shown,
            History = history,
            Chart = TrendCharts.Compliance(objective, history, site.Corrections),
            Unmeasured = objective.Indicators.Where(i => !measured.Contains(i.Id))
                .Select(i => UnmeasuredIndicator.Of(i, index < 0 ? null : report.CutOffs[index], archived, index < 0 ? new HashSet<string>() : recorded[index]))
                .OfType<UnmeasuredIndicator>()
                .ToList(),
            Timeline = Timeline(report, index),
            Change = changes?.Previous is null ? null : changes.Objectives.FirstOrDefault(c => c.Objective.Number == objective.Number),
            StatusChanges = changes?.Indicators.Where(c => c.Objective.Number == objective.Number).ToList() ?? [],
            Errata = index < 0 ? [] : errata[index].Where(e => e.Objective == objective.Number).ToList(),
            Commitments = commitments,
            CommitmentChanges = commitmentChanges.Where(c => c.Objective == objective.Number).ToList(),
        };
    }

    /// <param name="commitments">The indicator's commitments at the latest cut-off.</param>
    private static IndicatorPage Indicator(PlanReport report, SiteInfo site, Objective objective, Indicator indicator, IEnumerable<Commitment> commitments)
    {
        return new IndicatorPage
        {
            Path = SitePaths.Indicator(indicator.Id),
            Title = $"{Formatting.IndicatorLabel.Heading(indicator)} — Objetivo {objective.Number} — {report.Plan.Name}",
            Site = site,
            Section = Section.Objectives,
            Breadcrumbs =
            [
                new(HomeCrumb, SitePaths.Home),
                new($"Objetivo {objective.Number}", SitePaths.Objective(objective.Number)),
                new(Formatting.IndicatorLabel.Heading(indicator), null),
            ],
            Indicator = indicator,
            Objective = objective,
            Commitments = commitments.OrderBy(c => c.MadeAt).ToList(),
            BuildYears = () =>
            {
                var history = report.History(indicator.Id).ToList();
                return indicator.FiscalYears
                    .Select(y =>
                    {
                        var measurements = history.Where(h => h.FiscalYear.Year == y.Year).ToList();
                        return new FiscalYearHistory(y, measurements, TrendCharts.Year(indicator, y, measurements, site.Corrections));
                    })
                    .ToList();
            },
        };
    }

    /// <summary>For each cut-off, the ids of the indicators its record or an earlier cut-off's record counted.</summary>
    private static List<IReadOnlySet<string>> Recorded(PlanReport report)
    {
        var sets = new List<IReadOnlySet<string>>();
        var upTo = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cutOff in report.CutOffs)
        {
            if (cutOff.Publication is { } publication)
            {
                upTo.UnionWith(publication.IndicatorIds);
            }
            sets.Add(upTo.ToHashSet(StringComparer.Ordinal));
        }
        return sets;
    }

    /// <summary>The fe de erratas of a cut-off, each figure named in words and its values printed as the site prints them.</summary>
    private static List<ErratumLine> WordErrata(Plan plan, CutOffReport cutOff) =>
        cutOff.Publication is { } publication ? WordErrata(plan, publication.Errata) : [];

    /// <summary>Errata in words, as a fe de erratas prints them (the cut-off's pages, and a corrected PDF report).</summary>
    public static List<ErratumLine> WordErrata(Plan plan, IEnumerable<Erratum> errata)
    {
        var indicators = plan.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var objectives = plan.Objectives.ToDictionary(o => o.Number);
        return errata.Select(e =>
        {
            var indicator = e.Key.Indicator is { } id ? indicators.GetValueOrDefault(id) : null;
            var what = indicator is not null
                ? $"Objetivo {e.Key.Objective}, indicador {Formatting.IndicatorLabel.Short(indicator)}"
                : objectives.TryGetValue(e.Key.Objective, out var o) ? $"Objetivo {o.Number}. {o.Title}" : $"Objetivo {e.Key.Objective}";
            string Print(decimal? value) => FigureText.Of(e.Key.Name, value, indicator?.Unit);
            return new ErratumLine(e.Key.Objective, what, Vocabulary.FigureName(e.Key.Name), Print(e.Before), Print(e.After), e.Correction.Date, e.Correction.Reason);
        }).ToList();
    }
}
