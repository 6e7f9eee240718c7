using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Load.Yaml;
using Pei.Site.Method;

namespace Pei.Site.Tests.Hardening;

/// <summary>Figures are exact or refused: bounds on what is written, and a guard on what the method computes.</summary>
public sealed class ValueBoundsTests
{
    private static (decimal? Value, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var value = Scalars.Number(new YamlScalar(new SourceSpan("x.yaml", 3, 7), text, IsPlain: true), "ejecutado", diagnostics);
        return (value, diagnostics.Items);
    }

    [Theory]
    [InlineData("1000000000000000", "1000000000000000")]
    [InlineData("1e15", "1000000000000000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-6", "0.000001")]
    [InlineData("0e999999999999", "0")]
    [InlineData("0.0000000000000000000000000000000000", "0")]
    [InlineData("31.920", "31.920")]
    [InlineData("33.885", "33.885")]
    [InlineData("0.10000000000000000000000000000000000", "0.1")]
    [InlineData("123456789012345.123456", "123456789012345.123456")]
    public void Figures_within_the_bounds_are_read_exactly(string text, string expected)
    {
        var (value, diagnostics) = Read(text);

        Assert.Empty(diagnostics);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1e27", "PEI009", "'ejecutado' vale 1e27, pero es demasiado grande")]
    [InlineData("1000000000000000.5", "PEI009", "'ejecutado' vale 1000000000000000.5, pero es demasiado grande")]
    [InlineData("1e99999999999999", "PEI009", "'ejecutado' vale 1e99999999999999, pero es demasiado grande")]
    [InlineData("1e-400", "PEI009", "'ejecutado' vale 1e-400, pero es demasiado pequeño")]
    [InlineData("0.0000000000000000000000000001", "PEI009", "'ejecutado' vale 0.0000000000000000000000000001, pero es demasiado pequeño")]
    [InlineData("0.0000009", "PEI009", "'ejecutado' vale 0.0000009, pero es demasiado pequeño")]
    [InlineData("50.00000000000000000000000000001", "PEI049", "'ejecutado' vale 50.00000000000000000000000000001, que tiene 29 decimales")]
    [InlineData("1.1234567", "PEI049", "'ejecutado' vale 1.1234567, que tiene 7 decimales")]
    public void Figures_too_large_too_small_or_too_precise_are_refused_naming_key_and_value(string text, string code, string message)
    {
        var (value, diagnostics) = Read(text);

        Assert.Null(value);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceSpan("x.yaml", 3, 7), diagnostic.Where);
    }

    [Fact]
    public void An_indicator_progress_beyond_decimal_is_PEI050_at_its_measurement_never_an_exception()
    {
        var plan = TestPlans.Plan([TestPlans.CutOff("2025-06-30")],
            TestPlans.Indicator("a", 100m, 1m, TestPlans.Measured("2025-06-30", 0.0000000000000000000000000001m, decimal.MaxValue)));
        var diagnostics = new DiagnosticBag();

        var report = PlanCalculator.TryCompute(plan, diagnostics);

        Assert.Null(report);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("PEI050", diagnostic.Code);
        Assert.StartsWith("no se puede calcular el avance del indicador a al corte 2025-06-30", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objective_compliance_beyond_decimal_is_PEI050_at_the_objective()
    {
        // Each progress fits in decimal; the weighted sum of the two does not.
        var huge = decimal.MaxValue / 100m / 100m;
        var plan = TestPlans.Plan([TestPlans.CutOff("2025-06-30")],
            TestPlans.Indicator("a", 100m, 1m, TestPlans.Measured("2025-06-30", 1m, huge)),
            TestPlans.Indicator("b", 100m, 1m, TestPlans.Measured("2025-06-30", 1m, huge)));
        var diagnostics = new DiagnosticBag();

        var report = PlanCalculator.TryCompute(plan, diagnostics);

        Assert.Null(report);
        Assert.StartsWith("no se puede calcular el cumplimiento del objetivo 1 al corte 2025-06-30", Assert.Single(diagnostics.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_figures_the_loader_accepts_never_overflow_the_method()
    {
        // The bounds' worst case: 10^15 executed against 0.000001 planned, weight 100, for many indicators.
        var indicators = Enumerable.Range(0, 50)
            .Select(i => TestPlans.Indicator($"i{i}", 100m, 0.000001m, TestPlans.Measured("2025-06-30", 0.000001m, Scalars.MaxMagnitude)))
            .ToArray();
        var diagnostics = new DiagnosticBag();

        var report = PlanCalculator.TryCompute(TestPlans.Plan([TestPlans.CutOff("2025-06-30")], indicators), diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(1e23m, report!.Latest!.Objectives.Single().Compliance);
    }
}
