using Pei.Site.Method;

namespace Pei.Site.Render.Pdf;

/// <summary>
/// One printed edition of a published cut-off's report: as first published (informes/seguimiento-AAAA-MM-DD.pdf), or
/// as corrected on a day (informes/seguimiento-AAAA-MM-DD-corregido-AAAA-MM-DD.pdf), one per day the cut-off was
/// corrected. Each prints its record's figures of that moment (<see cref="PublishedCutOff"/>), so a published edition
/// never changes: a later correction adds an edition.
/// </summary>
public sealed record ReportEdition(DateOnly CutOff, DateOnly? CorrectedOn)
{
    /// <summary>Where the edition is published.</summary>
    public string Path => CorrectedOn is { } day ? SitePaths.CorrectedReport(CutOff, day) : SitePaths.Report(CutOff);

    /// <summary>The day the edition was published: the cut-off's publication, or the correction's day.</summary>
    public DateOnly Dated(CutOffReport cutOff) => CorrectedOn ?? Sitemap.PublicationDates.Published(cutOff);

    /// <summary>The cut-off as this edition prints it.</summary>
    public CutOffReport Figures(CutOffReport cutOff) =>
        CorrectedOn is { } day ? PublishedCutOff.AsCorrectedOn(cutOff, day) : PublishedCutOff.AsFirstPublished(cutOff);

    /// <summary>The editions of a cut-off's report: the first published, then one per correction day, oldest first.</summary>
    public static IReadOnlyList<ReportEdition> Of(CutOffReport cutOff) =>
        [new(cutOff.CutOff.Date, null), .. PublishedCutOff.CorrectionDays(cutOff.Publication).Select(d => new ReportEdition(cutOff.CutOff.Date, d))];
}
