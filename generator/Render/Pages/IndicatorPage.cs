using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

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

    /// <summary>Every commitment of the indicator, oldest first, with its state at the latest cut-off.</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];

    public override string Description =>
        $"{IndicatorLabel.Heading(Indicator)} ({Indicator.Name.Trim()}), del objetivo {EsCo.Integer(Objective.Number)} ({Objective.Title}): meta, programación, ejecución y avance en cada corte.";

    public override string SiteMapLabel => "Indicador " + IndicatorLabel.Full(Indicator);
}

/// <summary>
/// A fiscal year of an indicator and its measurements at the cut-offs shown, oldest first (none yet for a future year),
/// with its chart (null with fewer than two measurements).
/// </summary>
public sealed record FiscalYearHistory(FiscalYear Year, IReadOnlyList<IndicatorProgress> Measurements, RenderedChart? Chart);
