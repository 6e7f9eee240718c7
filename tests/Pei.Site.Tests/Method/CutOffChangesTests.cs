using Pei.Site.Method;
using Pei.Site.Tests.Render;
using static Pei.Site.Tests.TestPlans;

namespace Pei.Site.Tests.Method;

public class CutOffChangesTests
{
    [Fact]
    public void The_first_cut_off_has_nothing_to_compare_with()
    {
        var report = SamplePlan.Report();

        var changes = CutOffChanges.Between(null, report.CutOffs[0]);

        Assert.Null(changes.Previous);
        Assert.Empty(changes.Objectives);
        Assert.Empty(changes.Indicators);
    }

    [Fact]
    public void Objectives_that_rose_or_fell_carry_the_difference_of_the_published_figures()
    {
        var report = SamplePlan.Report();

        var changes = CutOffChanges.Between(report.CutOffs[0], report.CutOffs[1]);

        Assert.Equal([(1, Trend.Rose, 6.16m), (2, Trend.Fell, -15.03m)],
            changes.Moved.Select(c => (c.Objective.Number, c.Trend, c.Points!.Value)));
        Assert.Equal(0, changes.UnchangedCount);
    }

    [Fact]
    public void Indicators_that_changed_status_are_listed_from_and_to()
    {
        var report = SamplePlan.Report();

        var change = Assert.Single(CutOffChanges.Between(report.CutOffs[0], report.CutOffs[1]).Indicators);

        Assert.Equal("4199-estrategia-comunicacion", change.Indicator.Id);
        Assert.Equal(Status.OnTrack, change.Before);
        Assert.Equal(Status.Lagging, change.After);
    }

    [Fact]
    public void A_difference_that_rounds_to_zero_is_no_change_and_an_objective_without_programmed_indicators_starts_or_stops()
    {
        var plan = Plan([CutOff("2025-03-31"), CutOff("2025-06-30"), CutOff("2025-09-30")],
            Indicator("a", 100m, 10m, Measured("2025-03-31", 0m, 0m), Measured("2025-06-30", 3m, 2.99999m), Measured("2025-09-30", 3m, 3m)));
        var report = PlanCalculator.Compute(plan);

        var started = Assert.Single(CutOffChanges.Between(report.CutOffs[0], report.CutOffs[1]).Objectives);
        var same = Assert.Single(CutOffChanges.Between(report.CutOffs[1], report.CutOffs[2]).Objectives);
        var stopped = ComplianceChange.Of(plan.Objectives[0], 90m, null);

        Assert.Equal((Trend.Started, null), (started.Trend, started.Points));
        Assert.Equal((Trend.Unchanged, 0m), (same.Trend, same.Points));
        Assert.Equal(Trend.Stopped, stopped.Trend);
        var indicator = Assert.Single(CutOffChanges.Between(report.CutOffs[0], report.CutOffs[1]).Indicators);
        Assert.Equal((Status.NotProgrammed, Status.Lagging), (indicator.Before, indicator.After));
    }

    [Fact]
    public void An_indicator_first_measured_at_a_cut_off_changes_from_no_status()
    {
        var plan = Plan([CutOff("2025-03-31"), CutOff("2025-06-30")],
            Indicator("a", 50m, 10m, Measured("2025-03-31", 1m, 1m), Measured("2025-06-30", 2m, 2m)),
            Indicator("b", 50m, 10m, Measured("2025-06-30", 2m, 1m, "Rezago")));
        var report = PlanCalculator.Compute(plan);

        var change = Assert.Single(CutOffChanges.Between(report.CutOffs[0], report.CutOffs[1]).Indicators);

        Assert.Equal(("b", (Status?)null, Status.Lagging), (change.Indicator.Id, change.Before, change.After));
    }
}
