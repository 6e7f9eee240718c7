using Pei.Site.Model;

namespace Pei.Site.Render.Pages;

/// <summary>What every page shares: where it lives, its title, the site chrome and how it links elsewhere.</summary>
public abstract class Page
{
    /// <summary>The theme template (layouts/&lt;Template&gt;.cshtml) that renders this page.</summary>
    public abstract string Template { get; }

    /// <summary>The page's path in the site, e.g. "objetivos/3/index.html".</summary>
    public required string Path { get; init; }

    /// <summary>The document title, unique in the site.</summary>
    public required string Title { get; init; }

    public required SiteInfo Site { get; init; }

    /// <summary>The nav entry marked as current.</summary>
    public required Section Section { get; init; }

    /// <summary>From the home page down to this page; empty on the home page.</summary>
    public IReadOnlyList<Crumb> Breadcrumbs { get; init; } = [];

    /// <summary>A URL from this page to another site path: relative, or from the site's base path (see <see cref="LinkRoot"/>).</summary>
    public string Href(string sitePath, string? fragment = null) => LinkRoot + SitePaths.Escaped(sitePath, fragment);

    /// <summary>What every link of this page starts with: the way back to the site root ("", "../../").</summary>
    public virtual string LinkRoot => SitePaths.RootFrom(Path);

    /// <summary>The extra script (live reload) as this page must reference it; a rooted path is kept as is.</summary>
    public string? ExtraScriptHref => Site.ExtraScript switch
    {
        null => null,
        var s when s.StartsWith('/') => s,
        var s => LinkRoot + s,
    };

    /// <summary>What the page is about, in one or two sentences, for &lt;meta name="description"&gt; and Open Graph.</summary>
    public virtual string Description => Title;

    /// <summary>", tal como se publicó" on the pages of a cut-off's permanent address (cortes/AAAA-MM-DD/…), so their descriptions differ from the latest pages'.</summary>
    protected string AsPublished => Path.StartsWith("cortes/", StringComparison.Ordinal) ? ", tal como se publicó" : "";

    /// <summary>The page's name in the site map (mapa del sitio): its title without the plan's name.</summary>
    public virtual string SiteMapLabel => Title.Split(" — ")[0];

    /// <summary>Where a corrected figure's "corregido" leads: the fe de erratas on its cut-off's dashboard.</summary>
    public string ErrataHref(Formatting.CorrectedFigure figure) => Href(SitePaths.CutOff(figure.CutOff), SitePaths.ErrataFragment);

    /// <summary>The page's absolute address (rel=canonical, og:url); null when the build has no base URL.</summary>
    public string? CanonicalUrl => Site.AbsoluteUrl(SitePaths.UrlPath(Path));

    /// <summary>The theme's social image by absolute address (og:image); null without a base URL.</summary>
    public string? SocialImageUrl => Site.AbsoluteUrl(SitePaths.UrlPath(SitePaths.SocialImage));
}

/// <summary>The nav sections.</summary>
public enum Section
{
    Home,
    Objectives,
    CutOffs,
    Methodology,
    OpenData,
    SiteMap,
    Commitments,
    Transparency,
    None,
}

/// <summary>A breadcrumb: its text and the site path it links to, null for the current page.</summary>
public sealed record Crumb(string Text, string? Path);

/// <summary>The plan-wide facts the layout shows on every page (header, banners, footer).</summary>
public sealed record SiteInfo
{
    public required string Entity { get; init; }
    public required string PlanName { get; init; }
    public required Period Period { get; init; }
    public string? Address { get; init; }
    /// <summary>The data source named in the footer ("Fuente: …"); the entity when the plan names none.</summary>
    public required string Source { get; init; }
    /// <summary>The source as a sentence, ending with one period, ready for "Fuente: … Corte …".</summary>
    public string SourceSentence => Source.TrimEnd().EndsWith('.') ? Source.TrimEnd() : Source.TrimEnd() + ".";
    /// <summary>The cut-off the page shows (the latest, or the page's own on a cut-off's pages); null when there is none.</summary>
    public CutOff? CutOff { get; init; }
    /// <summary>
    /// The day that cut-off was published: from its record (content/publicaciones/), else from plan.yaml's 'publicado';
    /// null when neither says (a draft, or a cut-off without a record yet): the footer then names no date.
    /// </summary>
    public DateOnly? Published { get; init; }
    /// <summary>True in preview when the cut-off shown is a draft: pages carry the "BORRADOR" banner.</summary>
    public bool ShowsDraft { get; init; }
    public IReadOnlyList<string> Banner { get; init; } = [];
    public string? ExtraScript { get; init; }
    /// <summary>The site's public address, ending with '/'; null when the build was given none.</summary>
    public Uri? BaseUrl { get; init; }
    /// <summary>The path of the base URL ("/pei/"), or "/" without one: where the 404 page's links start.</summary>
    public string BasePath => BaseUrl?.AbsolutePath ?? "/";
    /// <summary>True when the build writes feed.xml (it needs a base URL): pages link to it.</summary>
    public bool HasFeed => BaseUrl is not null;
    /// <summary>The cut-offs whose PDF report this build prints (build --pdf); pages link only to these.</summary>
    public IReadOnlySet<DateOnly> Reports { get; init; } = new HashSet<DateOnly>();
    /// <summary>The licence of the open data.</summary>
    public Licence Licence { get; init; } = Licence.Default;
    /// <summary>Every figure corrected after publication, marked "corregido" wherever a page shows it.</summary>
    public Formatting.CorrectedFigures Corrections { get; init; } = Formatting.CorrectedFigures.None;
    /// <summary>The authors' Markdown as HTML, each text rendered once for all the pages of a build that show it.</summary>
    public Markdown.RenderedMarkdown Markdown { get; init; } = new();

    /// <summary>An absolute address for a URL path under the base URL; null without one.</summary>
    public string? AbsoluteUrl(string urlPath) => BaseUrl is null ? null : new Uri(BaseUrl, urlPath).AbsoluteUri;
}

/// <summary>The model of the _Compliance partial: an objective's cumplimiento on a page, which links its correction.</summary>
public sealed record CompliancePanel(Page Page, Method.ObjectiveCompliance Compliance)
{
    /// <summary>The cumplimiento's correction after publication; null when it was never corrected.</summary>
    public Formatting.CorrectedFigure? Correction => Page.Site.Corrections.Compliance(Compliance);
}

/// <summary>
/// The model of the _Change partial: how an objective's cumplimiento moved from the cut-off <paramref name="Before"/> to
/// <paramref name="After"/>, on a page, with the correction of either figure.
/// </summary>
public sealed record ChangeLine(Page Page, Method.ComplianceChange Change, DateOnly Before, DateOnly After)
{
    public Formatting.CorrectedFigure? BeforeCorrection => Corrected(Before);

    public Formatting.CorrectedFigure? AfterCorrection => Corrected(After);

    private Formatting.CorrectedFigure? Corrected(DateOnly cutOff) =>
        Page.Site.Corrections.Find(cutOff, new FigureKey(Change.Objective.Number, null, FigureNames.Compliance), null);
}
