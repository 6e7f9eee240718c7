namespace Pei.Site.Render.Charts;

/// <summary>
/// A chart's value axis: from zero to <see cref="Top"/>, the smallest clean value at or above the largest value (and the
/// target), in three to five equal steps of a round size (1, 2, 2.5 or 5 × 10ⁿ), so the axis has four to six ticks.
/// Target 1 gives 0; 0,25; 0,5; 0,75; 1. Large figures print in millones or billones ("Cifras en billones").
/// </summary>
public sealed record ValueAxis(decimal Top, decimal Step)
{
    private const int FewestSteps = 3;
    private const int MostSteps = 5;
    private const decimal Million = 1_000_000m;
    private const decimal Billion = 1_000_000_000_000m;
    private static readonly decimal[] Mantissas = [1m, 2m, 2.5m, 5m];

    /// <summary>Every tick from zero to <see cref="Top"/>.</summary>
    public IReadOnlyList<decimal> Ticks => [.. Enumerable.Range(0, (int)(Top / Step) + 1).Select(i => Step * i)];

    /// <summary>What the tick labels are divided by: 1, a million or a billion (10¹²).</summary>
    public decimal Divisor => Top >= Billion ? Billion : Top >= Million ? Million : 1m;

    /// <summary>"millones" or "billones" when the ticks print in those; null when they print whole.</summary>
    public string? DivisorName => Divisor == Billion ? "billones" : Divisor == Million ? "millones" : null;

    /// <summary>The decimals a tick needs and no more: 0,25 needs two, 25 none.</summary>
    public int Decimals
    {
        get
        {
            var step = Step / Divisor;
            var decimals = 0;
            while (decimal.Truncate(step) != step && decimals < 10)
            {
                step *= 10m;
                decimals++;
            }
            return decimals;
        }
    }

    /// <summary>The axis for values up to <paramref name="largest"/>; 0 to 1 when nothing is above zero.</summary>
    public static ValueAxis For(decimal largest)
    {
        if (largest <= 0m)
        {
            return new ValueAxis(1m, 0.25m);
        }
        if (largest > decimal.MaxValue / 100m)
        {
            return new ValueAxis(largest, largest / 4m);
        }
        // The power of ten at or below the largest value: 10ⁿ ≤ largest < 10ⁿ⁺¹.
        var power = 1m;
        while (power <= largest / 10m)
        {
            power *= 10m;
        }
        while (power > largest && power > 1e-20m)
        {
            power /= 10m;
        }
        ValueAxis? best = null;
        foreach (var scale in new[] { power / 10m, power, power * 10m })
        {
            foreach (var mantissa in Mantissas)
            {
                var step = mantissa * scale;
                if (step <= 0m)
                {
                    continue;
                }
                var steps = decimal.Ceiling(largest / step);
                if (steps < FewestSteps || steps > MostSteps)
                {
                    continue;
                }
                var top = steps * step;
                // The smallest top; between equal tops, the larger step (fewer ticks).
                if (best is null || top < best.Top || (top == best.Top && step > best.Step))
                {
                    best = new ValueAxis(top, step);
                }
            }
        }
        return best ?? new ValueAxis(largest, largest / 4m);
    }
}
