using System.Collections.Concurrent;
using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>
/// What one computation of a plan gave for each objective at each cut-off, kept in memory for the next computation of the
/// same content (serve passes one to every rebuild; build and validate never use one). An objective's figures at a
/// cut-off depend only on the cut-off, the indicators its record counts and the objective's indicators; when the load
/// gives the very same indicator objects as last time (it does for every file that did not change, see
/// <c>Load/LoadMemo</c>), the same cut-off and the same record's set, the kept figures are used again as they were.
/// So an edit of one indicator computes again its objective at each cut-off, not the whole plan, and compares only that
/// objective's figures with each published cut-off's record (<see cref="Compared"/>): at 10,000 indicators in ten
/// objectives and four published cut-offs the method took 50–95 ms per rebuild and the published-figure check 65–85 ms
/// on a busy machine. Results never depend on the memo: anything else that changed (another object, a cut-off's date,
/// title or line, another record) computes the objective and its comparison anew.
/// One computation at a time may use a memo.
/// </summary>
public sealed class MethodMemo
{
    /// <summary>An objective's figures at a cut-off, what they were computed from, and the last computation that used them.</summary>
    private sealed record Kept(CutOff CutOff, IReadOnlySet<string>? Counted, IReadOnlyList<Indicator> Indicators, ObjectiveCompliance Result, int Generation);

    private readonly ConcurrentDictionary<(DateOnly CutOff, int Objective), Kept> _kept = new();

    /// <summary>An objective's comparison with a record: against which record, which figures, and what it found.</summary>
    private sealed record Comparison(IReadOnlyDictionary<FigureKey, RecordedFigure> Recorded, IReadOnlyList<IndicatorProgress> Indicators,
        decimal? Compliance, SourceSpan Where, IReadOnlyList<RecordedFigure> Changed, int Met, int Generation);

    private readonly ConcurrentDictionary<(DateOnly CutOff, int Objective), Comparison> _compared = new();
    private int _reused;
    private int _computed;
    private int _generation;

    /// <summary>Objectives at a cut-off whose kept figures the last computation used.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Objectives at a cut-off the last computation computed.</summary>
    public int Computed => Volatile.Read(ref _computed);

    /// <summary>
    /// Starts a computation: forgets what the last one (its method and its check) did not use (an objective or a cut-off
    /// removed), and its counts start at zero.
    /// </summary>
    internal void Begin()
    {
        foreach (var (key, kept) in _kept)
        {
            if (kept.Generation != _generation)
            {
                _kept.TryRemove(key, out _);
            }
        }
        foreach (var (key, compared) in _compared)
        {
            if (compared.Generation != _generation)
            {
                _compared.TryRemove(key, out _);
            }
        }
        _generation++;
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
            _kept[key] = kept with { Generation = _generation };
            return kept.Result with { Objective = objective, CutOff = cutOff };
        }
        Interlocked.Increment(ref _computed);
        var result = PlanCalculator.Objective(objective, cutOff, counted);
        _kept[key] = new Kept(cutOff, counted, objective.Indicators, result, _generation);
        return result;
    }

    /// <summary>
    /// What <paramref name="compare"/> finds comparing an objective's figures with a record (the figures that differ, and
    /// how many of its keys the record has), or what it found last time when the record and the figures are the very
    /// same objects (the indicators' figures as <see cref="Objective"/> kept them) and the objective's cumplimiento and
    /// line are the same.
    /// </summary>
    internal (IReadOnlyList<RecordedFigure> Changed, int Met) Compared(IReadOnlyDictionary<FigureKey, RecordedFigure> recorded,
        ObjectiveCompliance objective, Func<IReadOnlyDictionary<FigureKey, RecordedFigure>, ObjectiveCompliance, (IReadOnlyList<RecordedFigure>, int)> compare)
    {
        var key = (objective.CutOff.Date, objective.Objective.Number);
        if (_compared.TryGetValue(key, out var kept) && ReferenceEquals(kept.Recorded, recorded) && ReferenceEquals(kept.Indicators, objective.Indicators) &&
            kept.Compliance == objective.Compliance && kept.Where == objective.Objective.Where)
        {
            _compared[key] = kept with { Generation = _generation };
            return (kept.Changed, kept.Met);
        }
        var (changed, met) = compare(recorded, objective);
        _compared[key] = new Comparison(recorded, objective.Indicators, objective.Compliance, objective.Objective.Where, changed, met, _generation);
        return (changed, met);
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
