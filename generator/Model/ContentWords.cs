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
        ["sectorial"] = IndicatorType.Sector,
        ["proyecto"] = IndicatorType.InvestmentProject,
        ["gestion"] = IndicatorType.Management,
    };

    public static readonly IReadOnlyDictionary<string, Unit> Units = new Dictionary<string, Unit>
    {
        ["porcentaje"] = Unit.Percentage,
        ["numero"] = Unit.Number,
    };

    public static readonly IReadOnlyDictionary<string, Accumulation> Accumulations = new Dictionary<string, Accumulation>
    {
        ["suma"] = Accumulation.Sum,
        ["constante"] = Accumulation.Constant,
        ["creciente"] = Accumulation.Increasing,
        ["decreciente"] = Accumulation.Decreasing,
    };

    // The same tables read the other way, for the open data's every row.
    private static readonly Dictionary<IndicatorType, string> TypeWords = Reversed(Types);
    private static readonly Dictionary<Unit, string> UnitWords = Reversed(Units);
    private static readonly Dictionary<Accumulation, string> AccumulationWords = Reversed(Accumulations);

    public static string Of(IndicatorType type) => TypeWords[type];

    public static string Of(Unit unit) => UnitWords[unit];

    public static string Of(Accumulation accumulation) => AccumulationWords[accumulation];

    /// <summary>A date as content and open data write it: AAAA-MM-DD, whatever the culture.</summary>
    public static string Of(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day written AAAA-MM-DD (ASCII digits, year 0001 to 9999) when it exists, or null: the inverse of <see cref="Of(DateOnly)"/>.</summary>
    public static DateOnly? DateOf(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' &&
        int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
        int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) &&
        int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day) &&
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static Dictionary<T, string> Reversed<T>(IReadOnlyDictionary<string, T> words)
        where T : struct, Enum =>
        words.ToDictionary(w => w.Value, w => w.Key);
}
