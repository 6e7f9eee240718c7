using System.Globalization;
using Pei.Site.Method;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// The one rule for numbers in the open data (CSV, JSON, XLSX and their descriptors): a figure the planners wrote is
/// published as written, without trailing zeros (75.300 → 75.3, 50.0 → 50); a computed percentage (avance al corte,
/// avance de la vigencia, cumplimiento) is published as the record of its cut-off keeps it and the site shows it:
/// rounded half away from zero to <see cref="ComputedDecimals"/> decimals by <see cref="PublishedFigures.Rounded(decimal)"/>,
/// trailing zeros trimmed (106.156015037593984962… → 106.16, 75.00 → 75). So every digit the open data publishes is a
/// digit <see cref="PublicationCheck"/> compares with the record. Dot decimals, no thousands separator.
/// </summary>
public static class OpenNumbers
{
    /// <summary>Decimals a computed percentage keeps: the record's and the site's.</summary>
    public const int ComputedDecimals = PublishedFigures.Decimals;

    /// <summary>The rule in Spanish, as the data dictionary and the descriptors state it.</summary>
    public const string Rule =
        "Los números usan punto (.) como separador decimal, sin separador de miles ni ceros sobrantes a la derecha. " +
        "Las cifras que registra la entidad (ponderación, meta, programado, ejecutado, línea base) se publican tal como se escribieron; " +
        "los porcentajes calculados (avance al corte, avance de la vigencia y cumplimiento) se redondean a 2 decimales, la mitad alejándose de cero " +
        "(87.205 → 87.21), con la precisión con que el sitio los muestra y el registro de cada corte publicado los guarda.";

    /// <summary>A figure as written, without trailing zeros.</summary>
    public static decimal Input(decimal value) => Trim(value);

    /// <summary>A computed percentage as its cut-off publishes it, rounded to <see cref="ComputedDecimals"/> decimals.</summary>
    public static decimal Computed(decimal value) => Trim(PublishedFigures.Rounded(value));

    /// <summary>A figure of a publication record by its name (<see cref="Model.FigureNames"/>): an input as written, a computed one rounded.</summary>
    public static decimal Recorded(string name, decimal value) => PublishedFigures.IsInput(name) ? Input(value) : Computed(value);

    /// <summary>The number as open data text (invariant, dot decimal).</summary>
    public static bool TryFormat(decimal value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);

    private static decimal Trim(decimal value)
    {
        // A decimal keeps its scale (50.0 has one decimal); dividing by 1.000…0 with the maximum scale drops trailing zeros.
        var trimmed = value / 1.0000000000000000000000000000m;
        return trimmed == 0m ? 0m : trimmed;
    }
}
