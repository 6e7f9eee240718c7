using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>Which way an objective's cumplimiento moved between two cut-offs, as the site shows it (two decimals).</summary>
public enum Trend
{
    Rose,
    Fell,
    Unchanged,
    /// <summary>It has a cumplimiento now and had none before (no indicator programmed, or not measured).</summary>
    Started,
    /// <summary>It had a cumplimiento before and has none now.</summary>
    Stopped,
}

/// <summary>What changed from one cut-off to the next: objectives that rose or fell, indicators whose status changed.</summary>
public sealed record CutOffChanges(
    CutOffReport Current,
    CutOffReport? Previous,
    IReadOnlyList<ComplianceChange> Objectives,
    IReadOnlyList<StatusChange> Indicators)
{
    /// <summary>The figures are compared as published: rounded half away from zero to this many decimals.</summary>
    public const int PublishedDecimals = PublishedFigures.Decimals;

    /// <summary>Objectives whose cumplimiento moved (rose, fell, started or stopped), in objective order.</summary>
    public IReadOnlyList<ComplianceChange> Moved => Objectives.Where(o => o.Trend != Trend.Unchanged).ToList();

    /// <summary>How many objectives kept the same cumplimiento (both cut-offs measured it, same two decimals, or neither did).</summary>
    public int UnchangedCount => Objectives.Count(o => o.Trend == Trend.Unchanged);

    /// <summary>
    /// Compares a cut-off with the one before it (null for the first cut-off: nothing changed, there is nothing to compare).
    /// </summary>
    public static CutOffChanges Between(CutOffReport? previous, CutOffReport current)
    {
        if (previous is null)
        {
            return new CutOffChanges(current, null, [], []);
        }
        var before = previous.Objectives.ToDictionary(o => o.Objective.Number);
        var objectives = current.Objectives
            .Select(o => ComplianceChange.Of(o.Objective, before.GetValueOrDefault(o.Objective.Number)?.Compliance, o.Compliance))
            .ToList();
        var statuses = new Dictionary<string, Status>(previous.IndicatorCount, StringComparer.Ordinal);
        foreach (var progress in previous.Objectives.SelectMany(o => o.Indicators))
        {
            statuses.Add(progress.Indicator.Id, progress.Status);
        }
        var indicators = current.Objectives
            .SelectMany(o => o.Indicators.Select(i => (o.Objective, Progress: i)))
            .Select(x => new StatusChange(x.Objective, x.Progress.Indicator, statuses.TryGetValue(x.Progress.Indicator.Id, out var s) ? s : null, x.Progress.Status))
            .Where(c => c.Before != c.After)
            .ToList();
        return new CutOffChanges(current, previous, objectives, indicators);
    }

    /// <summary>A figure as published: rounded half away from zero to two decimals (<see cref="PublishedFigures.Rounded"/>).</summary>
    public static decimal AsPublished(decimal value) => PublishedFigures.Rounded(value);
}

/// <summary>One objective's cumplimiento at two cut-offs; <see cref="Points"/> is the difference of the published figures.</summary>
public sealed record ComplianceChange(Objective Objective, decimal? Before, decimal? After, Trend Trend)
{
    /// <summary>After − before in percentage points, both rounded to two decimals first; null unless both exist.</summary>
    public decimal? Points => Before is { } b && After is { } a ? CutOffChanges.AsPublished(a) - CutOffChanges.AsPublished(b) : null;

    public static ComplianceChange Of(Objective objective, decimal? before, decimal? after)
    {
        var trend = (before, after) switch
        {
            (null, null) => Trend.Unchanged,
            (null, _) => Trend.Started,
            (_, null) => Trend.Stopped,
            ({ } b, { } a) => Math.Sign(CutOffChanges.AsPublished(a) - CutOffChanges.AsPublished(b)) switch
            {
                > 0 => Trend.Rose,
                < 0 => Trend.Fell,
                _ => Trend.Unchanged,
            },
        };
        return new ComplianceChange(objective, before, after, trend);
    }
}

/// <summary>An indicator whose status differs from the cut-off before; <see cref="Before"/> is null when it had no measurement then.</summary>
public sealed record StatusChange(Objective Objective, Indicator Indicator, Status? Before, Status After);
