using System.Globalization;
using Pei.Site.Model;
using Pei.Site.Render.Formatting;
using Pei.Site.Text;

namespace Pei.Site.Tests.Render;

public class EsCoTests
{
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData("106.156", "106,16 %")]
    [InlineData("0.005", "0,01 %")]
    [InlineData("-0.005", "-0,01 %")]
    [InlineData("100", "100,00 %")]
    [InlineData("74.4", "74,40 %")]
    [InlineData("1234.5", "1.234,50 %")]
    [InlineData("-0.004", "0,00 %")]
    public void Percent_has_two_decimals_rounded_half_away_from_zero_and_a_non_breaking_space(string value, string expected) =>
        Assert.Equal(expected.Replace(" ", Nbsp), EsCo.Percent(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("15334", "15.334")]
    [InlineData("30000", "30.000")]
    [InlineData("1234567.5", "1.234.567,5")]
    [InlineData("0.5", "0,5")]
    [InlineData("0.125", "0,13")]
    [InlineData("0.36", "0,36")]
    [InlineData("0.36456", "0,36")]
    [InlineData("33.885", "33,89")]
    [InlineData("33.8849", "33,88")]
    [InlineData("0.005", "0,01")]
    [InlineData("0.0049", "0")]
    [InlineData("0", "0")]
    [InlineData("-0.0001", "0")]
    public void Numbers_group_thousands_with_dots_and_keep_up_to_two_decimals_as_the_source_report_prints_them(string value, string expected) =>
        Assert.Equal(expected, EsCo.Number(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Magnitudes_of_percentage_indicators_carry_the_percent_sign()
    {
        Assert.Equal("31,92" + Nbsp + "%", EsCo.Magnitude(31.92m, Unit.Percentage));
        Assert.Equal("15.334", EsCo.Magnitude(15334m, Unit.Number));
        Assert.Equal("25" + Nbsp + "%", EsCo.Weight(25m));
    }

    [Theory]
    [InlineData(2025, 6, 30, "30 de junio de 2025")]
    [InlineData(2025, 3, 31, "31 de marzo de 2025")]
    [InlineData(2024, 1, 1, "1 de enero de 2024")]
    [InlineData(2025, 9, 30, "30 de septiembre de 2025")]
    [InlineData(2025, 12, 31, "31 de diciembre de 2025")]
    public void Dates_are_long_spanish_dates_with_lowercase_months(int year, int month, int day, string expected) =>
        Assert.Equal(expected, EsCo.Date(new DateOnly(year, month, day)));

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "es-CO", "de-DE", "ar-SA", "fr-FR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal("1.234,57" + Nbsp + "%", EsCo.Percent(1234.567m));
                Assert.Equal("15.334,5", EsCo.Number(15334.5m));
                Assert.Equal("30 de junio de 2025", EsCo.Date(new DateOnly(2025, 6, 30)));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
