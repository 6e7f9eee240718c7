using Pei.Site.Model;

namespace Pei.Site.Render.OpenData;

/// <summary>The content's own words for the model's enums, as planners write them in YAML and as open data publishes them.</summary>
public static class Words
{
    public static string Of(IndicatorType type) => type switch
    {
        IndicatorType.Sectorial => "sectorial",
        IndicatorType.Proyecto => "proyecto",
        _ => "gestion",
    };

    public static string Of(Unit unit) => unit == Unit.Porcentaje ? "porcentaje" : "numero";

    public static string Of(Accumulation accumulation) => accumulation switch
    {
        Accumulation.Suma => "suma",
        Accumulation.Constante => "constante",
        Accumulation.Creciente => "creciente",
        _ => "decreciente",
    };
}
