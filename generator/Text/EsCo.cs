using System.Globalization;
using Pei.Site.Model;

namespace Pei.Site.Text;

/// <summary>
/// The one place that turns numbers and dates into Colombian Spanish text (es-CO).
/// Every digit is explicit: nothing here depends on the machine's current culture.
/// </summary>
public static class EsCo
{
    /// <summary>U+00A0, placed between a figure and its "%" so they never wrap apart.</summary>
    public const char NoBreakSpace = '\u00A0';

    /// <summary>Decimal places a magnitude (meta, programado, ejecutado) shows, trailing zeros trimmed, as the source report
    /// prints them: 0,36456 shows "0,36", 33,8849 shows "33,89". Open data keeps every digit.</summary>
    public const int MagnitudeDecimals = 2;

    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
        PositiveSign = "+",
        NativeDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    };

    private static readonly FigureFormat TwoDecimals = new("#,##0.00", Numbers);
    private static readonly FigureFormat UpToTwoDecimals = new("#,##0.##", Numbers);
    private static readonly FigureFormat DotDecimal = FigureFormat.Invariant("0.##");

    private static readonly string[] Months =
    [
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ];

    /// <summary>A percentage with two decimals, rounded half away from zero: 106.156 → "106,16 %".</summary>
    public static string Percent(decimal value) =>
        TwoDecimals.Format(Round(value, Precision.Decimals)) + NoBreakSpace + "%";

    /// <summary>A percentage as a message on a terminal writes it, with a plain space: 87.2 → "87,20 %".</summary>
    public static string PercentInMessage(decimal value) => Percent(value).Replace(NoBreakSpace, ' ');

    /// <summary>A plain figure: thousands with ".", up to two decimals, trailing zeros trimmed: 15334 → "15.334", 0.5 → "0,5".</summary>
    public static string Number(decimal value) =>
        UpToTwoDecimals.Format(Round(value, MagnitudeDecimals));

    /// <summary>A figure with every digit it was written with, thousands grouped: 8.110 (three decimals) → "8,110", 15334 → "15.334".</summary>
    public static string Exact(decimal value)
    {
        var written = value.ToString(CultureInfo.InvariantCulture);
        var point = written.IndexOf('.', StringComparison.Ordinal);
        var whole = decimal.Truncate(value).ToString("#,##0", Numbers);
        var sign = value < 0 && decimal.Truncate(value) == 0 ? "-" : "";
        return point < 0 ? whole : sign + whole + "," + written[(point + 1)..];
    }

    /// <summary>A figure with at most <paramref name="decimals"/> decimals, trailing zeros trimmed, thousands with ".": (0.5, 2) → "0,5", (25, 2) → "25".</summary>
    public static string Number(decimal value, int decimals) => decimals == 2
        ? UpToTwoDecimals.Format(Round(value, decimals))
        : Round(value, decimals).ToString(decimals <= 0 ? "#,##0" : "#,##0." + new string('#', decimals), Numbers);

    /// <summary>A whole number without grouping (years, codes, counts): 2025 → "2025".</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A magnitude in the indicator's unit: a percentage-unit figure carries " %".</summary>
    public static string Magnitude(decimal value, Unit unit) =>
        unit == Unit.Percentage ? Number(value) + NoBreakSpace + "%" : Number(value);

    /// <summary>A weight (ponderación), always a percentage of the objective: 25 → "25 %".</summary>
    public static string Weight(decimal value) => Number(value) + NoBreakSpace + "%";

    /// <summary>A long date: "30 de junio de 2025".</summary>
    public static string Date(DateOnly date) =>
        $"{Integer(date.Day)} de {Months[date.Month - 1]} de {Integer(date.Year)}";

    /// <summary>A month in three letters and a period, for chart axes: 2025-06-30 → "jun.".</summary>
    public static string ShortMonth(DateOnly date) => Months[date.Month - 1][..3] + ".";

    /// <summary>
    /// A difference in percentage points, without its sign (the sentence says whether it rose or fell), two decimals:
    /// 3.25 → "3,25 puntos", 1 → "1,00 punto".
    /// </summary>
    public static string Points(decimal value)
    {
        var size = Round(Math.Abs(value), Precision.Decimals);
        return TwoDecimals.Format(size) + NoBreakSpace + (size == 1m ? "punto" : "puntos");
    }

    /// <summary>A machine-readable date for &lt;time datetime&gt;: "2025-06-30".</summary>
    public static string IsoDate(DateOnly date) => ContentWords.Of(date);

    /// <summary>A value for an HTML attribute that needs a dot decimal (e.g. &lt;meter value&gt;).</summary>
    public static string Attribute(decimal value) =>
        DotDecimal.Format(Round(value, Precision.Decimals));

    private static decimal Round(decimal value, int decimals) => Precision.Round(value, decimals);
}
