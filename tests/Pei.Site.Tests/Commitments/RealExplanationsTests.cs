using System.Text.RegularExpressions;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Tests.Render;

namespace Pei.Site.Tests.Commitments;

/// <summary>The free-text lag explanations of the real 2025-06-30 report read as written on every page that shows them.</summary>
public class RealExplanationsTests
{
    private static string Collapsed(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void The_2025_06_30_explanations_are_unchanged_on_every_page_that_shows_them()
    {
        var report = RealContent.Report;
        var pages = RenderedSite.Pages(report, new RenderOptions());
        var june = report.CutOffs.Single(c => c.CutOff.Date == RealContent.PinnedReport);
        var lags = june.Objectives.SelectMany(o => o.Indicators).Where(i => i.Status == Status.Lagging).ToList();

        Assert.NotEmpty(lags);
        foreach (var lag in lags)
        {
            var expected = Collapsed(lag.Measurement.Observations!);
            var date = "2025-06-30";
            foreach (var path in new[]
            {
                SitePaths.Indicator(lag.Indicator.Id),
                SitePaths.CutOffObjective(RealContent.PinnedReport, lag.Indicator.ObjectiveNumber),
                SitePaths.CutOffCommitments(RealContent.PinnedReport),
                SitePaths.Commitments,
            })
            {
                var blocks = RenderedSite.Parse(pages[path]).QuerySelectorAll(".markdown").Select(e => Collapsed(e.TextContent)).ToList();
                Assert.True(blocks.Contains(expected), $"{path} does not show the explanation of {lag.Indicator.Id} at {date} as written");
            }
        }
    }
}
