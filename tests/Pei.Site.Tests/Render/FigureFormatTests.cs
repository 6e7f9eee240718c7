using System.Globalization;
using Pei.Site.Text;

namespace Pei.Site.Tests.Render;

/// <summary>
/// <see cref="FigureFormat"/> writes figures digit by digit: its text must be the text decimal's own formatting gives
/// with the same pattern, for every value, rounded or not, in both separators.
/// </summary>
public class FigureFormatTests
{
    private static readonly NumberFormatInfo Spanish = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static TheoryData<string> Patterns() => ["0.##", "0.00", "#,##0.##", "#,##0.00"];

    private static IEnumerable<decimal> Values()
    {
        decimal[] edges =
        [
            0m, -0m, -0.00m, 0.00m, 1m, -1m, 0.5m, 0.05m, 0.10m, -0.01m, 0.001m, -0.004m, 0.005m, 9.99m, 10m, 99.5m, 100m,
            999.99m, 1000m, 1000.5m, 12345.67m, -12345.67m, 106.16m, 1234567.5m, 999_999_999_999_999.99m,
            1_000_000_000_000_000m, -1_000_000_000_000_000m, 1e20m, 1.23456789m, decimal.MaxValue, decimal.MinValue,
            79228162514264337593543950.335m, 0.0000000000000000000000000001m, 100.000m, 2.50m, 1.0m,
        ];
        foreach (var edge in edges)
        {
            yield return edge;
        }
        var random = new Random(2025_06_30);
        for (var i = 0; i < 20_000; i++)
        {
            // Up to 19 digits, of which up to 5 decimals.
            var mantissa = (ulong)random.NextInt64(0, long.MaxValue) / (ulong)Math.Pow(10, random.Next(0, 19));
            var value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, random.Next(2) == 0, (byte)random.Next(0, 6));
            yield return value;
            yield return Precision.Round(value);
        }
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Writes_what_the_pattern_writes_for_every_value(string pattern)
    {
        var buffer = new char[64];
        foreach (var numbers in new[] { NumberFormatInfo.InvariantInfo, Spanish })
        {
            var format = new FigureFormat(pattern, numbers);
            foreach (var value in Values())
            {
                var expected = value.ToString(pattern, numbers);
                Assert.Equal(expected, format.Format(value));
                Assert.True(format.TryFormat(value, buffer, out var written));
                Assert.Equal(expected, new string(buffer, 0, written));
            }
        }
    }

    /// <summary>Precision.Round returns a value already within the decimals as it is: the same bits Math.Round gives.</summary>
    [Fact]
    public void Rounding_gives_the_bits_Math_Round_gives_and_no_negative_zero()
    {
        foreach (var value in Values())
        {
            foreach (var decimals in new[] { 0, 1, 2, 4 })
            {
                var expected = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
                expected = expected == 0m ? 0m : expected;
                Assert.Equal(decimal.GetBits(expected), decimal.GetBits(Precision.Round(value, decimals)));
            }
        }
    }

    [Fact]
    public void A_destination_too_small_is_refused_not_overrun()
    {
        var format = FigureFormat.Invariant("#,##0.00");
        Span<char> buffer = stackalloc char[4];
        Assert.False(format.TryFormat(12345.5m, buffer, out var written));
        Assert.Equal(0, written);
        Assert.True(format.TryFormat(1.5m, buffer, out written));
        Assert.Equal("1.50", new string(buffer[..written]));
    }

    [Theory]
    [InlineData("0.#")]
    [InlineData("#,##0")]
    [InlineData("N2")]
    public void Only_the_figure_patterns_are_accepted(string pattern) =>
        Assert.Throws<ArgumentException>(() => FigureFormat.Invariant(pattern));
}
