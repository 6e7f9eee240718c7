using System.Collections.Concurrent;
using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>
/// What one computation of a plan gave for each objective at each cut-off, kept in memory for the next computation of the
/// same content (serve passes one to every rebuild; build and validate never use one). An objective's figures at a
/// cut-off depend only on the cut-off, the indicators its record counts and the objective's indicators; when the load
/// gives the very same indicator objects as last time (it does for every file that did not change, see
/// <c>Load/LoadMemo</c>), the same cut-off and the same record's set, the kept figures are used again as they were.
/// So an edit of one indicator computes again its objective at each cut-off, not the whole plan: at 10,000 indicators in
/// ten objectives and four cut-offs the method took 50–95 ms per rebuild on a busy machine. Results never depend on the
/// memo: anything else that changed (another object, a cut-off's date, title or line) computes the objective anew.
/// One computation at a time may use a memo.
/// </summary>
public sealed class MethodMemo
{
    private sealed record Kept(CutOff CutOff, IReadOnlySet<string>? Counted, IReadOnlyList<Indicator> Indicators, ObjectiveCompliance Result);

    private readonly ConcurrentDictionary<(DateOnly CutOff, int Objective), Kept> _kept = new();
    private int _reused;
    private int _computed;

    /// <summary>Objectives at a cut-off whose kept figures the last computation used.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Objectives at a cut-off the last computation computed.</summary>
    public int Computed => Volatile.Read(ref _computed);

    /// <summary>Starts a computation: its counts start at zero.</summary>
    internal void Begin()
    {
        _reused = 0;
        _computed = 0;
    }

    /// <summary><see cref="PlanCalculator.Objective"/>, or its kept result when nothing it depends on changed.</summary>
    /// <exception cref="FigureOverflowException">A figure exceeds what decimal represents (nothing is kept then).</exception>
    internal ObjectiveCompliance Objective(Objective objective, CutOff cutOff, IReadOnlySet<string>? counted)
    {
        var key = (cutOff.Date, objective.Number);
        if (_kept.TryGetValue(key, out var kept) && kept.CutOff == cutOff && ReferenceEquals(kept.Counted, counted) &&
            SameObjects(kept.Indicators, objective.Indicators))
        {
            Interlocked.Increment(ref _reused);
            return kept.Result with { Objective = objective, CutOff = cutOff };
        }
        Interlocked.Increment(ref _computed);
        var result = PlanCalculator.Objective(objective, cutOff, counted);
        _kept[key] = new Kept(cutOff, counted, objective.Indicators, result);
        return result;
    }

    private static bool SameObjects(IReadOnlyList<Indicator> kept, IReadOnlyList<Indicator> now)
    {
        if (kept.Count != now.Count)
        {
            return false;
        }
        for (var i = 0; i < kept.Count; i++)
        {
            if (!ReferenceEquals(kept[i], now[i]))
            {
                return false;
            }
        }
        return true;
    }
}
