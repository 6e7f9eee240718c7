using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Render.Sitemap;

/// <summary>When a published cut-off and its pages last changed: its publication record, or the cut-off date without one.</summary>
public static class PublicationDates
{
    /// <summary>The day the cut-off was published: the record's date, or the cut-off date without one (a preview).</summary>
    public static DateOnly Published(CutOffReport cutOff) =>
        cutOff.Publication?.Published ?? cutOff.CutOff.Date;

    /// <summary>The last day its figures changed: its publication or its latest correction.</summary>
    public static DateOnly Updated(CutOffReport cutOff) =>
        cutOff.Publication?.Corrections.Select(c => c.Date).Append(Published(cutOff)).Max() ?? Published(cutOff);

    /// <summary>The last change of the whole site's figures: the latest cut-off's; null when nothing is published.</summary>
    public static DateOnly? SiteUpdated(PlanReport report) => report.Latest is { } latest ? Updated(latest) : null;

    /// <summary>A date as an Atom/sitemap timestamp: midnight in Bogotá (UTC−5, no daylight saving).</summary>
    public static string Timestamp(DateOnly date) => Model.ContentWords.Of(date) + "T00:00:00-05:00";
}
