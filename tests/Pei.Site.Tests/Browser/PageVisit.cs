namespace Pei.Site.Tests.Browser;

/// <summary>
/// What one visit of a page found: everything the browser tests check on every page, read while the page is open once.
/// </summary>
public sealed record PageVisit
{
    public required string Path { get; init; }

    /// <summary>The lang attribute of the html element.</summary>
    public required string? Language { get; init; }

    public required int Headings { get; init; }

    /// <summary>How many main#contenido elements the page has.</summary>
    public required int Mains { get; init; }

    public required int Headers { get; init; }

    public required int Footers { get; init; }

    public required int Navs { get; init; }

    /// <summary>axe-core's violations of WCAG 2.1 A and AA at 1280 px, one line each.</summary>
    public required IReadOnlyList<string> AxeViolations { get; init; }

    /// <summary>Console errors and warnings, page errors, failed requests and HTTP errors, one line each.</summary>
    public required IReadOnlyList<string> ConsoleAndRequestProblems { get; init; }

    /// <summary>The document's scroll width at 320 px.</summary>
    public required int WidthAt320 { get; init; }

    /// <summary>Objective and errata tables that scroll inside their own region at 320 px ("caption: width px").</summary>
    public required IReadOnlyList<string> TablesScrollingAt320 { get; init; }

    /// <summary>How many objective tables (table.metas) the page has.</summary>
    public required int ObjectiveTables { get; init; }

    /// <summary>
    /// Tables wider than the printed page ("caption: right px"), measured on the pages <see cref="SiteWalk.IsPrinted"/>
    /// names; empty on the others.
    /// </summary>
    public required IReadOnlyList<string> TablesWiderThanPrintedPage { get; init; }

    /// <summary>
    /// What is wrong at any of <see cref="SiteWalk.Widths"/>: sideways scrolling of the page or a table, a cut caption,
    /// chart text under 12 px, overlapping chart texts; one line each.
    /// </summary>
    public required IReadOnlyList<string> LayoutProblems { get; init; }

    /// <summary>How many chart texts the visit measured over all widths (0 on a page without charts).</summary>
    public required int ChartTexts { get; init; }
}
