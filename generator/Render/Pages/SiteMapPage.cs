namespace Pei.Site.Render.Pages;

/// <summary>
/// layouts/SiteMap.cshtml (mapa-del-sitio/): every page of the site, grouped as the Anexo 1 of Resolución MinTIC 1519
/// de 2020 asks (inicio, objetivos with their indicators, cortes, metodología, datos abiertos), linked from every footer.
/// Built from the list of pages itself, so a new kind of page appears without changing this class.
/// </summary>
public sealed class SiteMapPage : Page
{
    public override string Template => "SiteMap";

    public required IReadOnlyList<SiteMapGroup> Groups { get; init; }

    private const string CutOffsFolder = "cortes/";

    public override string Description =>
        $"Mapa del sitio del {Site.PlanName}: todas sus páginas, del inicio a cada objetivo, indicador y corte, la metodología y los datos abiertos.";

    /// <summary>
    /// Each page once: the current pages by section (each objective with its indicators), then the archive of cut-offs
    /// with each cut-off's dashboard and, under it, its objectives as of that date.
    /// </summary>
    public static SiteMapPage For(IReadOnlyList<Page> pages, SiteInfo site)
    {
        var listed = pages.Where(p => p.Path != SitePaths.NotFound).ToList();
        static bool Archived(Page page) => page.Path.StartsWith(CutOffsFolder, StringComparison.Ordinal);
        var objectives = listed.OfType<ObjectivePage>().Where(o => !Archived(o)).OrderBy(o => o.Objective.Number).ToList();
        var indicators = listed.OfType<IndicatorPage>().ToList();
        var cutOffs = listed.OfType<HomePage>().Where(Archived).OrderByDescending(p => p.Path, StringComparer.Ordinal).ToList();
        var grouped = new HashSet<Page>(objectives.Concat<Page>(indicators).Concat(cutOffs));
        SiteMapEntry Entry(Page page, IReadOnlyList<SiteMapEntry>? children = null) => new(page.SiteMapLabel, page.Path, children ?? []);
        IEnumerable<Page> Under(string folder) => listed.Where(p => !grouped.Contains(p) && p.Path.StartsWith(folder, StringComparison.Ordinal));
        // A cut-off's own pages live in its folder (cortes/AAAA-MM-DD/): its dashboard's, without "index.html".
        IEnumerable<Page> Of(HomePage cutOff)
        {
            var folder = Under(cutOff.Path[..^SitePaths.Home.Length]).ToList();
            return folder.OfType<ObjectivePage>().OrderBy(o => o.Objective.Number).Concat<Page>(folder.OfType<CommitmentsPage>());
        }
        var archived = cutOffs.SelectMany(Of).ToHashSet();

        var groups = new List<SiteMapGroup>
        {
            new("Inicio", listed.Where(p => p.Path == SitePaths.Home).Select(p => Entry(p)).ToList()),
            new("Objetivos estratégicos e indicadores", objectives
                .Select(o => Entry(o, indicators.Where(i => i.Objective.Number == o.Objective.Number).Select(i => Entry(i)).ToList()))
                .Concat(Under("objetivos/").Concat(Under("indicadores/")).Select(p => Entry(p)))
                .ToList()),
            new("Cortes de seguimiento", Under(CutOffsFolder).Where(p => !archived.Contains(p)).Select(p => Entry(p))
                .Concat(cutOffs.Select(c => Entry(c, Of(c).Select(o => Entry(o)).ToList())))
                .ToList()),
            new("Metodología", Under("metodologia/").Select(p => Entry(p)).ToList()),
            new("Datos abiertos", Under("datos/").Select(p => Entry(p)).ToList()),
        };
        var known = groups.SelectMany(g => g.Entries).SelectMany(e => e.Children.Prepend(e)).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var others = listed.Where(p => !known.Contains(p.Path)).Select(p => Entry(p)).ToList();
        others.Add(new SiteMapEntry("Mapa del sitio", SitePaths.SiteMap, []));
        groups.Add(new SiteMapGroup("Otras páginas", others));
        return new SiteMapPage
        {
            Path = SitePaths.SiteMap,
            Title = $"Mapa del sitio — {site.PlanName}",
            Site = site,
            Section = Section.SiteMap,
            Breadcrumbs = [new("Inicio", SitePaths.Home), new("Mapa del sitio", null)],
            Groups = groups.Where(g => g.Entries.Count > 0).ToList(),
        };
    }
}

/// <summary>A group of the site map and its pages.</summary>
public sealed record SiteMapGroup(string Heading, IReadOnlyList<SiteMapEntry> Entries);

/// <summary>A page in the site map, with the pages under it (an objective's indicators).</summary>
public sealed record SiteMapEntry(string Text, string Path, IReadOnlyList<SiteMapEntry> Children);
