using System.Globalization;

namespace Pei.Site.Text;

/// <summary>
/// One of the number formats the site writes figures with ("0.##", "0.00", "#,##0.##", "#,##0.00" and a separator),
/// written digit by digit for a figure of at most two decimals, as nearly every figure is once rounded by
/// <see cref="Precision"/>; any other value goes through decimal's own formatting with the same pattern, so the text is
/// the pattern's in every case (<c>FigureFormatTests</c> compares them). decimal's general formatting of custom patterns
/// was 4 % of a 10,000-indicator build's CPU, most of it the charts' coordinates (README, "Benchmark").
/// </summary>
public sealed class FigureFormat
{
    /// <summary>Figures this large or larger (no figure of a plan comes near) go through the pattern.</summary>
    private const long HundredthsLimit = 100_000_000_000_000_000;

    private readonly string _pattern;
    private readonly NumberFormatInfo _numbers;
    private readonly char _point;
    private readonly char? _group;
    private readonly bool _twoDecimals;

    /// <param name="pattern">"0.##", "0.00", "#,##0.##" or "#,##0.00".</param>
    public FigureFormat(string pattern, NumberFormatInfo numbers)
    {
        if (pattern is not ("0.##" or "0.00" or "#,##0.##" or "#,##0.00") || numbers.NegativeSign != "-" ||
            numbers.NumberDecimalSeparator.Length != 1 || numbers.NumberGroupSeparator.Length != 1 || numbers.NumberGroupSizes is not [3])
        {
            throw new ArgumentException($"unsupported figure format '{pattern}'", nameof(pattern));
        }
        _pattern = pattern;
        _numbers = numbers;
        _point = numbers.NumberDecimalSeparator[0];
        _group = pattern.StartsWith('#') ? numbers.NumberGroupSeparator[0] : null;
        _twoDecimals = pattern.EndsWith("00", StringComparison.Ordinal);
    }

    public static FigureFormat Invariant(string pattern) => new(pattern, NumberFormatInfo.InvariantInfo);

    public string Format(decimal value)
    {
        Span<char> text = stackalloc char[48];
        return TryFormat(value, text, out var written) ? new string(text[..written]) : value.ToString(_pattern, _numbers);
    }

    public bool TryFormat(decimal value, Span<char> destination, out int written)
    {
        if (Hundredths(value) is not { } hundredths)
        {
            return value.TryFormat(destination, out written, _pattern, _numbers);
        }
        // The digits from the last: the decimals, then the whole part in groups of three.
        Span<char> text = stackalloc char[40];
        var at = text.Length;
        var whole = (ulong)Math.Abs(hundredths) / 100;
        var cents = (int)((ulong)Math.Abs(hundredths) % 100);
        if (cents != 0 || _twoDecimals)
        {
            if (cents % 10 != 0 || _twoDecimals)
            {
                text[--at] = (char)('0' + cents % 10);
            }
            text[--at] = (char)('0' + cents / 10);
            text[--at] = _point;
        }
        var digits = 0;
        do
        {
            if (digits > 0 && digits % 3 == 0 && _group is { } group)
            {
                text[--at] = group;
            }
            text[--at] = (char)('0' + (int)(whole % 10));
            whole /= 10;
            digits++;
        }
        while (whole > 0);
        if (hundredths < 0)
        {
            text[--at] = '-';
        }
        written = text.Length - at;
        if (written > destination.Length)
        {
            written = 0;
            return false;
        }
        text[at..].CopyTo(destination);
        return true;
    }

    /// <summary>The value in hundredths when it has at most two decimals and is below the limit; a negative zero is 0.</summary>
    private static long? Hundredths(decimal value)
    {
        if (value.Scale > 2)
        {
            return null;
        }
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0)
        {
            return null;
        }
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scaleUp = value.Scale switch { 0 => 100, 1 => 10, _ => 1 };
        if (mantissa >= (ulong)(HundredthsLimit / scaleUp))
        {
            return null;
        }
        var hundredths = (long)mantissa * scaleUp;
        return value < 0 ? -hundredths : hundredths;
    }
}
