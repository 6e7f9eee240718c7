namespace Pei.Site.Text;

/// <summary>
/// The one rounding of published figures: half away from zero (0.125 → 0.13, −0.125 → −0.13), to the two decimals the
/// site shows, the record of a published cut-off keeps, and the open data publishes. A negative zero comes out as 0.
/// </summary>
public static class Precision
{
    /// <summary>Decimals of every computed figure a cut-off publishes (avance al corte, avance de la vigencia, cumplimiento).</summary>
    public const int Decimals = 2;

    public static decimal Round(decimal value, int decimals = Decimals)
    {
        if (value.Scale <= decimals && value != 0m)
        {
            // Already within the decimals (most figures as written): Math.Round would return it as it is.
            return value;
        }
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // decimal keeps a negative zero (-0.00); it must read as 0.
        return rounded == 0m ? 0m : rounded;
    }
}
