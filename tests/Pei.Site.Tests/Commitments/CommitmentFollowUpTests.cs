using Pei.Site.Method;
using static Pei.Site.Tests.Commitments.CommitmentFixture;

namespace Pei.Site.Tests.Commitments;

/// <summary>The follow-up of each commitment, rule by rule, on a fixture of four published cut-offs.</summary>
public class CommitmentFollowUpTests
{
    [Fact]
    public void A_commitment_is_open_while_its_date_is_after_the_cut_off_and_the_indicator_lags()
    {
        var march = At("2025-03-31");
        var december = At("2025-12-31");

        Assert.Equal(["101-2025-03-31", "102-2025-03-31", "103-2025-03-31", "203-2025-03-31"], march.Keys.Order(StringComparer.Ordinal));
        Assert.All(march.Values, c => Assert.Equal(CommitmentState.Open, c.State));
        Assert.Equal(CommitmentState.Open, december["104-2025-12-31"].State);
        Assert.Equal(Day("2026-03-31"), december["104-2025-12-31"].Due);
        Assert.Equal(CommitmentState.Open, At("2025-09-30")["103-2025-06-30"].State);
    }

    [Fact]
    public void A_commitment_is_met_when_the_indicator_no_longer_lags_at_a_cut_off_on_or_before_its_date()
    {
        var met = At("2025-06-30")["101-2025-03-31"];
        // On its very date: 103's second commitment is due 2025-12-31 and the indicator meets at the 2025-12-31 cut-off.
        var onTheDay = At("2025-12-31")["103-2025-06-30"];

        Assert.Equal(CommitmentState.Met, met.State);
        Assert.Equal(Day("2025-06-30"), met.ClosedAt);
        Assert.Equal(CommitmentState.Met, At("2025-12-31")["101-2025-03-31"].State);
        Assert.Equal(CommitmentState.Met, onTheDay.State);
        Assert.Equal(Day("2025-12-31"), onTheDay.ClosedAt);
    }

    [Fact]
    public void A_commitment_is_overdue_once_its_date_has_come_and_the_indicator_still_lags()
    {
        foreach (var cutOff in new[] { "2025-06-30", "2025-09-30", "2025-12-31" })
        {
            var overdue = At(cutOff)["102-2025-03-31"];

            Assert.Equal(CommitmentState.Overdue, overdue.State);
            Assert.Null(overdue.ClosedAt);
        }
        // 102 promised the same date again at each cut-off: one commitment, restated, not a new one each time.
        Assert.Equal([Day("2025-06-30"), Day("2025-09-30"), Day("2025-12-31")], At("2025-12-31")["102-2025-03-31"].Restated);
        Assert.DoesNotContain("102-2025-06-30", At("2025-12-31").Keys);
    }

    [Fact]
    public void A_lag_closed_after_the_date_leaves_the_commitment_overdue_and_says_when_it_closed()
    {
        var late = At("2025-12-31")["203-2025-03-31"];

        Assert.Equal(CommitmentState.Overdue, late.State);
        Assert.Equal(Day("2025-09-30"), late.ClosedAt);
        Assert.Equal(CommitmentState.Overdue, At("2025-06-30")["203-2025-03-31"].State);
    }

    [Fact]
    public void A_commitment_promised_again_with_another_date_is_rescheduled_and_keeps_both_dates()
    {
        var june = At("2025-06-30");
        var first = june["103-2025-03-31"];
        var second = june["103-2025-06-30"];

        Assert.Equal(CommitmentState.Rescheduled, first.State);
        Assert.Equal(Day("2025-06-30"), first.Due);
        Assert.Equal(Day("2025-12-31"), first.NewDue);
        Assert.Equal(Day("2025-06-30"), first.RescheduledAt);
        Assert.Equal(CommitmentState.Open, second.State);
        Assert.Equal(Day("2025-12-31"), second.Due);
        Assert.Equal(Day("2025-06-30"), second.PreviousDue);
        Assert.Equal(Day("2025-03-31"), second.PreviousMadeAt);
        // Rescheduled stays rescheduled at later cut-offs, whatever the new commitment becomes.
        Assert.Equal(CommitmentState.Rescheduled, At("2025-12-31")["103-2025-03-31"].State);
    }

    [Fact]
    public void All_four_states_come_out_at_the_latest_cut_off()
    {
        var states = At("2025-12-31").Values.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Select(c => c.Key).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(["101-2025-03-31", "103-2025-06-30", "201-2025-06-30"], states[CommitmentState.Met]);
        Assert.Equal(["102-2025-03-31", "203-2025-03-31"], states[CommitmentState.Overdue]);
        Assert.Equal(["104-2025-12-31"], states[CommitmentState.Open]);
        Assert.Equal(["103-2025-03-31"], states[CommitmentState.Rescheduled]);
    }

    [Fact]
    public void A_correction_that_ends_a_lag_turns_an_overdue_commitment_into_a_met_one()
    {
        var index = Index("2025-09-30");
        var published = Report.CutOffs[index].Publication!.Published;

        // As first published, 201 still lagged at 2025-09-30, the date it promised: overdue.
        var asPublished = CommitmentFollowUp.OnDay(Report, index, published, firstPublished: true).Single(c => c.Key == "201-2025-06-30");
        var inForce = At("2025-09-30")["201-2025-06-30"];
        var changes = CommitmentFollowUp.CorrectionChanges(Report, index);

        Assert.Equal(CommitmentState.Overdue, asPublished.State);
        Assert.Equal(CommitmentState.Met, inForce.State);
        var change = Assert.Single(changes);
        Assert.Equal("201-2025-06-30", change.Commitment.Key);
        Assert.Equal((CommitmentState?)CommitmentState.Overdue, change.Before);
        Assert.Equal((CommitmentState?)CommitmentState.Met, change.After);
        Assert.Equal(Day("2025-10-20"), change.CorrectedOn);
        Assert.Empty(CommitmentFollowUp.CorrectionChanges(Report, Index("2025-06-30")));
    }

    [Fact]
    public void States_depend_only_on_the_figures_given_so_a_cut_off_as_first_published_keeps_its_states()
    {
        // The edition of 2025-12-31 as first published sees 2025-09-30 as corrected by then (2025-10-20): 201 met.
        var index = Index("2025-12-31");
        var edition = CommitmentFollowUp.OnDay(Report, index, Report.CutOffs[index].Publication!.Published, firstPublished: true);

        Assert.Equal(CommitmentState.Met, edition.Single(c => c.Key == "201-2025-06-30").State);
        Assert.Equal(At("2025-12-31").Values.Select(c => (c.Key, c.State)).Order(), edition.Select(c => (c.Key, c.State)).Order());
    }
}
