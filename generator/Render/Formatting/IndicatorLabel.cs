using Pei.Site.Model;

namespace Pei.Site.Render.Formatting;

/// <summary>
/// The one way the site names an indicator: by its id (the file name, as in its address and the open data, "8116-3"),
/// with the plan's own <c>codigo</c> beside it where it differs ("8116-3 (código 3)"). Pages, charts, errata, the site
/// map, the feed, the PDF and the command line's tables all name indicators through here, so one indicator never
/// reads as two and two never read as one.
/// </summary>
public static class IndicatorLabel
{
    /// <summary>"8116-3 (código 3)", or "4199" when the code is the id or there is none.</summary>
    public static string Short(string id, string? code) =>
        string.IsNullOrWhiteSpace(code) || string.Equals(code.Trim(), id, StringComparison.Ordinal) ? id : $"{id} (código {code.Trim()})";

    /// <inheritdoc cref="Short(string, string?)"/>
    public static string Short(Indicator indicator) => Short(indicator.Id, indicator.Code);

    /// <summary>"Indicador 8116-3 (código 3)": titles, breadcrumbs and errata, where the name does not follow.</summary>
    public static string Heading(Indicator indicator) => "Indicador " + Short(indicator);

    /// <summary>"8116-3 (código 3) — Número de campañas…": lists and tables, where the name follows.</summary>
    public static string Full(Indicator indicator) => $"{Short(indicator)} — {indicator.Name.Trim()}";
}
