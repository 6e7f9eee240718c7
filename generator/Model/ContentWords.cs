using System.Globalization;

namespace Pei.Site.Model;

/// <summary>
/// The content's own words for the model's values, as planners write them in YAML and as open data publishes them:
/// one table read both ways, so the loader and the open data cannot drift apart.
/// </summary>
public static class ContentWords
{
    public static readonly IReadOnlyDictionary<string, IndicatorType> Types = new Dictionary<string, IndicatorType>
    {
        ["sectorial"] = IndicatorType.Sectorial,
        ["proyecto"] = IndicatorType.Proyecto,
        ["gestion"] = IndicatorType.Gestion,
    };

    public static readonly IReadOnlyDictionary<string, Unit> Units = new Dictionary<string, Unit>
    {
        ["porcentaje"] = Unit.Porcentaje,
        ["numero"] = Unit.Numero,
    };

    public static readonly IReadOnlyDictionary<string, Accumulation> Accumulations = new Dictionary<string, Accumulation>
    {
        ["suma"] = Accumulation.Suma,
        ["constante"] = Accumulation.Constante,
        ["creciente"] = Accumulation.Creciente,
        ["decreciente"] = Accumulation.Decreciente,
    };

    public static string Of(IndicatorType type) => WordFor(Types, type);

    public static string Of(Unit unit) => WordFor(Units, unit);

    public static string Of(Accumulation accumulation) => WordFor(Accumulations, accumulation);

    /// <summary>A date as content and open data write it: AAAA-MM-DD, whatever the culture.</summary>
    public static string Of(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string WordFor<T>(IReadOnlyDictionary<string, T> words, T value)
        where T : struct, Enum =>
        words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Key;
}
