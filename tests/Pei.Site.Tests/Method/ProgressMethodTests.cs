using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Tests.Method;

public class ProgressMethodTests
{
    [Theory]
    [InlineData(Accumulation.Sum)]
    [InlineData(Accumulation.Constant)]
    public void Cut_off_progress_is_executed_over_planned_for_suma_and_constante(Accumulation accumulation)
    {
        Assert.Equal(74.4m, ProgressMethod.CutOffProgress(accumulation, baseline: 5m, planned: 0.49m, executed: 0.36456m));
        Assert.Equal(36.456m, ProgressMethod.YearProgress(accumulation, baseline: 5m, yearTarget: 1m, executed: 0.36456m));
    }

    [Fact]
    public void Creciente_progress_is_measured_from_the_baseline()
    {
        // From 40 towards 60 planned at the cut-off, 55 reached: (55-40)/(60-40) = 75 %; year target 80: 15/40 = 37.5 %.
        Assert.Equal(75m, ProgressMethod.CutOffProgress(Accumulation.Increasing, 40m, 60m, 55m));
        Assert.Equal(37.5m, ProgressMethod.YearProgress(Accumulation.Increasing, 40m, 80m, 55m));
    }

    [Fact]
    public void Decreciente_progress_is_measured_from_the_baseline_downwards()
    {
        // From 20 down to 10 planned, 12 reached: (12-20)/(10-20) = 80 %; year target 5: -8/-15 = 53.33…%.
        Assert.Equal(80m, ProgressMethod.CutOffProgress(Accumulation.Decreasing, 20m, 10m, 12m));
        Assert.Equal(8m / 15m * 100m, ProgressMethod.YearProgress(Accumulation.Decreasing, 20m, 5m, 12m));
        // Going below the planned value is more than 100 %.
        Assert.Equal(120m, ProgressMethod.CutOffProgress(Accumulation.Decreasing, 20m, 10m, 8m));
    }

    [Fact]
    public void No_cut_off_progress_when_nothing_was_planned()
    {
        Assert.Null(ProgressMethod.CutOffProgress(Accumulation.Sum, null, 0m, 0m));
        Assert.Null(ProgressMethod.CutOffProgress(Accumulation.Increasing, 40m, 40m, 45m));
        Assert.Equal(Status.NotProgrammed, ProgressMethod.StatusOf(null));
    }

    [Fact]
    public void Progress_is_not_capped_at_one_hundred()
    {
        var progress = ProgressMethod.CutOffProgress(Accumulation.Sum, null, 31.92m, 33.885m);
        Assert.True(progress > 100m);
        Assert.Equal(106.16m, Math.Round(progress!.Value, 2, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData("100", Status.OnTrack)]
    [InlineData("106.16", Status.OnTrack)]
    [InlineData("99.999999", Status.Lagging)]
    [InlineData("0", Status.Lagging)]
    public void Status_is_on_track_from_one_hundred_percent(string progress, Status expected) =>
        Assert.Equal(expected, ProgressMethod.StatusOf(decimal.Parse(progress, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Objective_compliance_is_the_weighted_mean_of_programmed_indicators()
    {
        // Objective 3 of the report: 74.40 % at weight 50, two indicators at 100 % with 25 each → 87.20 %.
        Assert.Equal(87.2m, ProgressMethod.Compliance([(50m, 74.4m), (25m, 100m), (25m, 100m)]));
    }

    [Fact]
    public void Objective_compliance_ignores_indicators_not_programmed_at_the_cut_off()
    {
        // Weights renormalise over the programmed ones: (30·95.56 + 20·100) / 50, not / 100.
        var compliance = ProgressMethod.Compliance([(30m, 95.56m), (20m, 100m), (50m, null)]);
        Assert.Equal((30m * 95.56m + 20m * 100m) / 50m, compliance);
        Assert.Null(ProgressMethod.Compliance([(50m, null), (50m, null)]));
    }

    [Fact]
    public void Arithmetic_is_exact_decimal_not_binary_floating_point()
    {
        // 0.1 + 0.2 style traps: with decimal, 0.3 executed over 0.3 planned is exactly 100 and on track.
        var progress = ProgressMethod.CutOffProgress(Accumulation.Sum, null, 0.1m + 0.2m, 0.3m);
        Assert.Equal(100m, progress);
        Assert.Equal(Status.OnTrack, ProgressMethod.StatusOf(progress));
    }

    [Fact]
    public void Plan_calculator_leaves_draft_cut_offs_out_unless_previewing()
    {
        var plan = TestPlans.TwoCutOffsSecondDraft();
        Assert.Single(PlanCalculator.Compute(plan).CutOffs);
        Assert.Equal(2, PlanCalculator.Compute(plan, includeDrafts: true).CutOffs.Count);
    }

    [Fact]
    public void Draft_measurement_without_values_is_not_reported_and_does_not_count()
    {
        var plan = TestPlans.TwoCutOffsSecondDraft();
        var draft = PlanCalculator.Compute(plan, includeDrafts: true).CutOffs[1];
        var objective = Assert.Single(draft.Objectives);
        Assert.All(objective.Indicators, i => Assert.Equal(Status.NotReported, i.Status));
        Assert.Null(objective.Compliance);
    }
}
