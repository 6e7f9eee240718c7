using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Tests.Fixtures;

namespace Pei.Site.Tests.Method;

/// <summary>
/// A published cut-off as its record holds it. plan-en-el-tiempo published 2025-09-30 with indicator 101 weighted 50 and
/// objective 1 at 99.26 %, and corrected both on 2025-11-05 (60 and 99.33 %).
/// </summary>
public sealed class PublishedCutOffTests
{
    private static readonly CutOffReport September = Compute().CutOffs.Single(c => c.CutOff.Date == new DateOnly(2025, 9, 30));

    private static PlanReport Compute() => PlanCalculator.Compute(TimelineFixture.Load());

    private static IndicatorProgress Indicator101(CutOffReport cutOff) => cutOff.Objectives[0].Indicators.Single(i => i.Indicator.Id == "101");

    [Fact]
    public void As_first_published_the_cut_off_has_the_records_first_figures_not_the_corrected_ones_the_content_computes()
    {
        var first = PublishedCutOff.AsFirstPublished(September);

        Assert.Equal(60m, Indicator101(September).Weight);
        Assert.Equal(50m, Indicator101(first).Weight);
        Assert.Equal(99.26m, first.Objectives[0].Compliance);
        Assert.Equal(Status.Lagging, first.Objectives[0].Status);
        // Every other figure is the record's as first published, at its two decimals.
        var recorded = September.Publication!.FirstPublished;
        foreach (var progress in first.Objectives.SelectMany(o => o.Indicators))
        {
            var key = (string name) => recorded[new FigureKey(progress.Indicator.ObjectiveNumber, progress.Indicator.Id, name)].Value;
            Assert.Equal(key(FigureNames.Planned), progress.Measurement.Planned);
            Assert.Equal(key(FigureNames.Executed), progress.Measurement.Executed);
            Assert.Equal(key(FigureNames.CutOffProgress), progress.CutOffProgress);
            Assert.Equal(key(FigureNames.YearProgress), progress.YearProgress);
            Assert.Equal(ProgressMethod.StatusOf(progress.CutOffProgress), progress.Status);
        }
    }

    [Fact]
    public void As_corrected_on_a_day_the_cut_off_has_the_corrections_made_up_to_that_day()
    {
        var before = PublishedCutOff.AsCorrectedOn(September, new DateOnly(2025, 11, 4));
        var corrected = PublishedCutOff.AsCorrectedOn(September, new DateOnly(2025, 11, 5));

        Assert.Equal(50m, Indicator101(before).Weight);
        Assert.Equal(99.26m, before.Objectives[0].Compliance);
        Assert.Equal(60m, Indicator101(corrected).Weight);
        Assert.Equal(99.33m, corrected.Objectives[0].Compliance);
        Assert.Equal([new DateOnly(2025, 11, 5)], PublishedCutOff.CorrectionDays(September.Publication));
        Assert.Empty(PublishedCutOff.ErrataOn(September.Publication!, new DateOnly(2025, 11, 4)));
        Assert.Equal(2, PublishedCutOff.ErrataOn(September.Publication!, new DateOnly(2025, 11, 5)).Count);
    }
}
