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

    /// <summary>
    /// Every page of the site, each built now, the site map last (listing the others): the pages of
    /// <see cref="OnDemand"/> all at once, for rendering them into memory (<see cref="SiteRenderer.Pages"/>).
    /// </summary>
    public static IReadOnlyList<Page> Build(PlanReport report, RenderOptions options)
    {
        var listed = List(report, options);
        var pages = new List<Page>(listed.Pages.Count + 1);
        foreach (var source in listed.Pages)
        {
            var page = source.Build();
            if (page.Path != source.Path)
            {
                throw new InvalidOperationException($"The page listed at {source.Path} was built at {page.Path}.");
            }
            pages.Add(page);
        }
        pages.Add(SiteMapPage.For(pages, listed.Shared.Site));
        return pages;
    }

    /// <summary>
    /// The same pages as <see cref="Build"/>, at the same paths and in the same order, each built only when asked for:
    /// listing them costs their paths alone. Build renders each on the core that built it and drops it; serve builds only
    /// the pages someone looks at. The site map builds every other page when it is asked for, as <see cref="Build"/> does.
    /// </summary>
    public static IReadOnlyList<PageSource> OnDemand(PlanReport report, RenderOptions options)
    {
        var listed = List(report, options);
        return [.. listed.Pages, new(SitePaths.SiteMap, () => SiteMapPage.For(listed.Pages.Select(p => p.Build()).ToList(), listed.Shared.Site))];
    }

    /// <summary>The pages of the site but the site map, by path, and what they share (the site map needs its chrome).</summary>
    private sealed record Listing(IReadOnlyList<PageSource> Pages, Shared Shared);

    /// <summary>
    /// What many pages share (the chrome, each cut-off's errata and commitments), each part worked out once per listing,
    /// when the first page that needs it is built: an indicator's page, the one serve renders after an edit, needs only
    /// the chrome and the latest cut-off's commitments.
    /// </summary>
    private sealed class Shared
    {
        private readonly Lazy<List<List<ErratumLine>>> _errata;
        private readonly Lazy<List<IReadOnlySet<string>>> _recorded;
        private readonly Lazy<(SiteInfo Latest, List<SiteInfo> CutOffs)> _sites;
        private readonly List<Lazy<IReadOnlyList<Commitment>>> _commitments;
        private readonly List<Lazy<List<CommitmentChangeLine>>> _commitmentChanges;
        private readonly Lazy<ILookup<string, Commitment>> _currentByIndicator;

        public Shared(PlanReport report, RenderOptions options)
        {
            var plan = report.Plan;
            // Each cut-off's fe de erratas, worded once however many pages show it.
            _errata = new(() => report.CutOffs.Select(c => WordErrata(plan, c)).ToList());
            // The indicators each cut-off's record and those before it counted: what its own pages may name.
            _recorded = new(() => Recorded(report));
            _sites = new(() =>
            {
                var corrections = new CorrectedFigures(plan.Publications);
                var markdown = new Markdown.RenderedMarkdown();
                return (Site(report, report.Latest, options, corrections, markdown),
                    report.CutOffs.Select(c => Site(report, c, options, corrections, markdown)).ToList());
            });
            // Each cut-off's commitments as they stood at it, and what its corrections changed in them.
            _commitments = report.CutOffs.Select((_, i) => new Lazy<IReadOnlyList<Commitment>>(() => CommitmentFollowUp.At(report, i))).ToList();
            _commitmentChanges = report.CutOffs
                .Select((_, i) => new Lazy<List<CommitmentChangeLine>>(() => CommitmentWords.Changes(CommitmentFollowUp.CorrectionChanges(report, i))))
                .ToList();
            _currentByIndicator = new(() => Current.ToLookup(c => c.Indicator.Id, StringComparer.Ordinal));
        }

        public List<List<ErratumLine>> Errata => _errata.Value;
        public List<IReadOnlySet<string>> Recorded => _recorded.Value;

        /// <summary>The chrome of the current pages.</summary>
        public SiteInfo Site => _sites.Value.Latest;

        /// <summary>The chrome of a cut-off's own pages.</summary>
        public SiteInfo CutOffSite(int index) => _sites.Value.CutOffs[index];

        public IReadOnlyList<Commitment> Commitments(int index) => _commitments[index].Value;
        public List<CommitmentChangeLine> CommitmentChanges(int index) => _commitmentChanges[index].Value;

        /// <summary>The commitments at the latest cut-off (none without cut-offs), and what its corrections changed in them.</summary>
        public IReadOnlyList<Commitment> Current => _commitments.Count == 0 ? [] : Commitments(_commitments.Count - 1);
        public IReadOnlyList<CommitmentChangeLine> CurrentChanges => _commitmentChanges.Count == 0 ? [] : CommitmentChanges(_commitmentChanges.Count - 1);
        public ILookup<string, Commitment> CurrentByIndicator => _currentByIndicator.Value;
    }

    private static Listing List(PlanReport report, RenderOptions options)
    {
        var plan = report.Plan;
        var s = new Shared(report, options);
        var latest = report.CutOffs.Count - 1;
        var pages = new List<PageSource>
        {
            new(SitePaths.Home, () =>
                Home(report, s.Errata, latest, s.Site, SitePaths.Home, [], SitePaths.Objective,
                    new CommitmentSummary(CommitmentFollowUp.Overdue(s.Current), s.Current.Count, SitePaths.Commitments), s.CurrentChanges)),
            new(SitePaths.Commitments, () =>
                CommitmentWords.Page(plan, report.Latest, report.CutOffs, s.Current, s.Site, SitePaths.Commitments,
                    [new(HomeCrumb, SitePaths.Home), new("Compromisos", null)])),
            new(SitePaths.Transparency, () => TransparencyPage.For(report, s.Site)),
            new(SitePaths.Methodology, () => new MethodologyPage
            {
                Path = SitePaths.Methodology,
                Title = $"Metodología de medición — {plan.Name}",
                Site = s.Site,
                Section = Section.Methodology,
                Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new("Metodología", null)],
                Methodology = plan.Methodology,
            }),
            new(SitePaths.OpenData, () => new OpenDataPage
            {
                Path = SitePaths.OpenData,
                Title = $"Datos abiertos — {plan.Name}",
                Site = s.Site,
                Section = Section.OpenData,
                Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new("Datos abiertos", null)],
                CsvColumns = SeguimientoCsv.Columns,
                JsonFields = PlanJson.Fields,
                Catalog = DataCatalog.For(report, options),
            }),
            new(SitePaths.NotFound, () => new NotFoundPage
            {
                Path = SitePaths.NotFound,
                Title = $"Página no encontrada — {plan.Name}",
                Site = s.Site,
                Section = Section.None,
            }),
            new(SitePaths.CutOffs, () => new CutOffsPage
            {
                Path = SitePaths.CutOffs,
                Title = $"Cortes publicados — {plan.Name}",
                Site = s.Site,
                Section = Section.CutOffs,
                Breadcrumbs = [new(HomeCrumb, SitePaths.Home), new(CutOffsCrumb, null)],
                CutOffs = report.CutOffs.Reverse()
                    .Select(c => new CutOffEntry(Link(c), PublishedOn(c), c.Publication is { Corrections.Count: > 0 }, c.CutOff.Draft))
                    .ToList(),
            }),
        };
        foreach (var objective in plan.Objectives)
        {
            var path = SitePaths.Objective(objective.Number);
            pages.Add(new(path, () =>
                Objective(report, s.Errata, s.Recorded, latest, s.Site, objective, path, [new(HomeCrumb, SitePaths.Home)],
                    Summary(s.Current, objective, SitePaths.Commitments), s.CurrentChanges)));
            pages.AddRange(objective.Indicators.Select(i => new PageSource(SitePaths.Indicator(i.Id), () =>
                Indicator(report, s.Site, objective, i, s.CurrentByIndicator[i.Id]))));
        }
        for (var index = 0; index < report.CutOffs.Count; index++)
        {
            var at = index;
            var cutOff = report.CutOffs[index];
            var date = cutOff.CutOff.Date;
            Crumb[] trail = [new(HomeCrumb, SitePaths.Home), new(CutOffsCrumb, SitePaths.CutOffs)];
            var archivedList = SitePaths.CutOffCommitments(date);
            pages.Add(new(SitePaths.CutOff(date), () =>
            {
                var atCutOff = s.Commitments(at);
                return Home(report, s.Errata, at, s.CutOffSite(at), SitePaths.CutOff(date), [.. trail, new(EsCo.Date(date), null)], n => SitePaths.CutOffObjective(date, n),
                    new CommitmentSummary(CommitmentFollowUp.Overdue(atCutOff), atCutOff.Count, archivedList), s.CommitmentChanges(at));
            }));
            pages.AddRange(plan.Objectives.Select(o => new PageSource(SitePaths.CutOffObjective(date, o.Number), () =>
                Objective(report, s.Errata, s.Recorded, at, s.CutOffSite(at), o, SitePaths.CutOffObjective(date, o.Number),
                    [.. trail, new(EsCo.Date(date), SitePaths.CutOff(date))], Summary(s.Commitments(at), o, archivedList), s.CommitmentChanges(at)))));
            pages.Add(new(archivedList, () =>
                CommitmentWords.Page(plan, cutOff, report.CutOffs.Take(at + 1).ToList(), s.Commitments(at), s.CutOffSite(at), archivedList,
                    [.. trail, new(EsCo.Date(date), SitePaths.CutOff(date)), new("Compromisos", null)])));
        }
        return new Listing(pages, s);
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
        if (!errata.Any())
        {
            // Most records were never corrected: no index of the plan's indicators for them.
            return [];
        }
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

/// <summary>A page of the site by its path, its model built when <see cref="Build"/> is called (each call builds it anew).</summary>
public sealed record PageSource(string Path, Func<Page> Build);
