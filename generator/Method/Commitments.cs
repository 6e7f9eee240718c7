using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>Where a commitment stands at a cut-off: computed from the figures, never typed.</summary>
public enum CommitmentState
{
    /// <summary>vencido: its date has passed (on or before the cut-off) and no cut-off up to that date showed the lag closed.</summary>
    Overdue,
    /// <summary>vigente: its date is after the cut-off and the indicator still lags.</summary>
    Open,
    /// <summary>reprogramado: a later cut-off promised it again with another date (a new commitment follows it).</summary>
    Rescheduled,
    /// <summary>cumplido: the indicator no longer lags at a cut-off on or before its date.</summary>
    Met,
}

/// <summary>
/// A commitment: what the responsible area promised when the indicator lagged at a cut-off (its structured explanation)
/// and where it stands at the cut-off it is evaluated at.
/// </summary>
public sealed record Commitment
{
    public required Indicator Indicator { get; init; }

    /// <summary>The cut-off whose lag the commitment explains.</summary>
    public required DateOnly MadeAt { get; init; }

    /// <summary>causa, accion, responsable, fecha_compromiso, as written at <see cref="MadeAt"/> (complete).</summary>
    public required LagExplanation Explanation { get; init; }

    /// <summary>The avance al corte at <see cref="MadeAt"/>.</summary>
    public decimal? ProgressWhenMade { get; init; }

    /// <summary>The date by which the lag should close.</summary>
    public DateOnly Due => Explanation.Due!.Value;

    /// <summary>The area that answers for the commitment.</summary>
    public string Responsible => Explanation.Responsible!.Trim();

    public required CommitmentState State { get; init; }

    /// <summary>The cut-off the state is computed at.</summary>
    public required DateOnly EvaluatedAt { get; init; }

    /// <summary>The first later cut-off at which the indicator no longer lagged (on or before <see cref="Due"/> when met;
    /// after it when the lag closed late, the commitment then being overdue); null while it lags.</summary>
    public DateOnly? ClosedAt { get; init; }

    /// <summary>The later cut-offs at which the indicator still lagged and the same date was promised again.</summary>
    public IReadOnlyList<DateOnly> Restated { get; init; } = [];

    /// <summary>When rescheduled: the cut-off that promised it again and the new date.</summary>
    public DateOnly? RescheduledAt { get; init; }

    public DateOnly? NewDue { get; init; }

    /// <summary>When this commitment reschedules an earlier one: that one's date (and the cut-off it was made at).</summary>
    public DateOnly? PreviousDue { get; init; }

    public DateOnly? PreviousMadeAt { get; init; }

    /// <summary>A name unique in the plan, for anchors and the open data: the indicator id and the cut-off it was made at.</summary>
    public string Key => $"{Indicator.Id}-{ContentWords.Of(MadeAt)}";

    public int ObjectiveNumber => Indicator.ObjectiveNumber;
}

/// <summary>
/// Follows up every commitment over the cut-offs: one pure function of the cut-offs' statuses and the structured
/// explanations of their measurements. A commitment is made where an indicator lags with a complete explanation; at
/// each later cut-off it is met (the indicator no longer lags at a cut-off on or before its date), rescheduled (it lags
/// and the explanation promises another date: a new commitment starts there, keeping the first date), or it goes on
/// (lagging with the same date, or not measured); at the cut-off it is evaluated at, one still going on is overdue when
/// its date is on or before that cut-off, else open. The states depend only on the figures passed in: the figures in
/// force, as first published or as corrected on a day (<see cref="PublishedCutOff"/>).
/// </summary>
public static class CommitmentFollowUp
{
    /// <summary>Every commitment made up to the last cut-off of <paramref name="cutOffs"/> (oldest first), evaluated at it;
    /// by objective, indicator and date made.</summary>
    public static IReadOnlyList<Commitment> At(IReadOnlyList<CutOffReport> cutOffs)
    {
        if (cutOffs.Count == 0)
        {
            return [];
        }
        var evaluatedAt = cutOffs[^1].CutOff.Date;
        // Sized once for the latest cut-off's indicators (at 10,000 they are large objects, each regrowth a new one).
        var count = cutOffs[^1].IndicatorCount;
        var byIndicator = new Dictionary<string, List<(DateOnly CutOff, IndicatorProgress Progress)>>(count, StringComparer.Ordinal);
        var order = new List<string>(count);
        foreach (var cutOff in cutOffs)
        {
            foreach (var progress in cutOff.Objectives.SelectMany(o => o.Indicators))
            {
                if (!byIndicator.TryGetValue(progress.Indicator.Id, out var list))
                {
                    byIndicator[progress.Indicator.Id] = list = [];
                    order.Add(progress.Indicator.Id);
                }
                list.Add((cutOff.CutOff.Date, progress));
            }
        }
        var result = new List<Commitment>();
        foreach (var id in order)
        {
            result.AddRange(Follow(byIndicator[id], evaluatedAt));
        }
        return result.OrderBy(c => c.ObjectiveNumber).ThenBy(c => c.Indicator.Id, StringComparer.Ordinal).ThenBy(c => c.MadeAt).ToList();
    }

    /// <summary>The commitments at the cut-off <paramref name="index"/> of the report, with the figures in force.</summary>
    public static IReadOnlyList<Commitment> At(PlanReport report, int index) =>
        index < 0 ? [] : At(report.CutOffs.Take(index + 1).ToList());

    /// <summary>
    /// The commitments at the cut-off <paramref name="index"/> as they stood at the end of <paramref name="day"/>: every
    /// cut-off up to it with the figures its record had in force that day (the one at <paramref name="index"/> as first
    /// published when <paramref name="firstPublished"/>). What a printed report of that day shows.
    /// </summary>
    public static IReadOnlyList<Commitment> OnDay(PlanReport report, int index, DateOnly day, bool firstPublished = false) =>
        At(report.CutOffs.Take(index + 1)
            .Select((c, i) => i == index && firstPublished ? PublishedCutOff.AsFirstPublished(c) : PublishedCutOff.AsCorrectedOn(c, day))
            .ToList());

    /// <summary>How many commitments are overdue.</summary>
    public static int Overdue(IEnumerable<Commitment> commitments) => commitments.Count(c => c.State == CommitmentState.Overdue);

    /// <summary>
    /// What each day's corrections of the cut-off <paramref name="index"/> changed in the commitments at that cut-off: the
    /// state before (that cut-off as in force the day before) and after (as in force that day), for every commitment that
    /// changed, appeared or disappeared. Oldest day first.
    /// </summary>
    public static IReadOnlyList<CommitmentChange> CorrectionChanges(PlanReport report, int index)
    {
        var cutOff = report.CutOffs[index];
        var changes = new List<CommitmentChange>();
        foreach (var day in PublishedCutOff.CorrectionDays(cutOff.Publication))
        {
            var before = At(report.CutOffs.Take(index).Append(PublishedCutOff.AsCorrectedOn(cutOff, day.AddDays(-1))).ToList());
            var after = At(report.CutOffs.Take(index).Append(PublishedCutOff.AsCorrectedOn(cutOff, day)).ToList());
            var was = before.ToDictionary(c => c.Key, StringComparer.Ordinal);
            var now = after.ToDictionary(c => c.Key, StringComparer.Ordinal);
            foreach (var key in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var b = was.GetValueOrDefault(key);
                var a = now.GetValueOrDefault(key);
                if (b?.State != a?.State || b?.NewDue != a?.NewDue)
                {
                    changes.Add(new CommitmentChange(day, (a ?? b)!, b?.State, a?.State));
                }
            }
        }
        return changes;
    }

    private static List<Commitment> Follow(List<(DateOnly CutOff, IndicatorProgress Progress)> measured, DateOnly evaluatedAt)
    {
        var done = new List<Commitment>();
        Commitment? open = null;
        var restated = new List<DateOnly>();
        foreach (var (cutOff, progress) in measured)
        {
            var explanation = progress.Measurement.Explanation;
            var lags = progress.Status == Status.Lagging;
            if (open is not null)
            {
                if (progress.Status is Status.NotReported)
                {
                    continue;
                }
                if (!lags)
                {
                    done.Add(open with
                    {
                        State = cutOff <= open.Due ? CommitmentState.Met : CommitmentState.Overdue,
                        ClosedAt = cutOff,
                        Restated = restated.ToList(),
                    });
                    open = null;
                    restated.Clear();
                    continue;
                }
                if (explanation is { IsComplete: true } && explanation.Due != open.Due)
                {
                    done.Add(open with
                    {
                        State = CommitmentState.Rescheduled,
                        RescheduledAt = cutOff,
                        NewDue = explanation.Due,
                        Restated = restated.ToList(),
                    });
                    restated.Clear();
                    open = New(progress, cutOff, explanation, evaluatedAt) with { PreviousDue = open.Due, PreviousMadeAt = open.MadeAt };
                    continue;
                }
                if (explanation is { IsComplete: true })
                {
                    restated.Add(cutOff);
                }
                continue;
            }
            if (lags && explanation is { IsComplete: true })
            {
                open = New(progress, cutOff, explanation, evaluatedAt);
            }
        }
        if (open is not null)
        {
            done.Add(open with
            {
                State = open.Due <= evaluatedAt ? CommitmentState.Overdue : CommitmentState.Open,
                Restated = restated.ToList(),
            });
        }
        return done;
    }

    private static Commitment New(IndicatorProgress progress, DateOnly cutOff, LagExplanation explanation, DateOnly evaluatedAt) => new()
    {
        Indicator = progress.Indicator,
        MadeAt = cutOff,
        Explanation = explanation,
        ProgressWhenMade = progress.CutOffProgress,
        State = CommitmentState.Open,
        EvaluatedAt = evaluatedAt,
    };
}

/// <summary>A commitment whose state a correction changed: null before when the correction made it, null after when the
/// correction undid it (the indicator no longer lagged where it was made).</summary>
public sealed record CommitmentChange(DateOnly CorrectedOn, Commitment Commitment, CommitmentState? Before, CommitmentState? After);
