using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>The computed figures of a plan: one report per cut-off, oldest first, and what changed at each.</summary>
public sealed record PlanReport
{
    public PlanReport(Plan plan, IReadOnlyList<CutOffReport> cutOffs)
    {
        Plan = plan;
        CutOffs = cutOffs;
        _byIndicator = cutOffs.SelectMany(c => c.Objectives).SelectMany(o => o.Indicators).ToLookup(i => i.Indicator.Id, StringComparer.Ordinal);
        Changes = cutOffs.Select((c, i) => CutOffChanges.Between(i > 0 ? cutOffs[i - 1] : null, c)).ToList();
    }

    public Plan Plan { get; }

    public IReadOnlyList<CutOffReport> CutOffs { get; }

    /// <summary>What changed at each cut-off since the one before (<see cref="CutOffs"/>' order).</summary>
    public IReadOnlyList<CutOffChanges> Changes { get; }

    /// <summary>The newest cut-off, the one the dashboard shows; null when the plan has none.</summary>
    public CutOffReport? Latest => CutOffs.Count == 0 ? null : CutOffs[^1];

    /// <summary>Every cut-off's figures of every indicator, by indicator id, oldest first.</summary>
    private readonly ILookup<string, IndicatorProgress> _byIndicator;

    /// <summary>Every measured cut-off of one indicator, oldest first (an index lookup, not a scan of the report).</summary>
    public IEnumerable<IndicatorProgress> History(string indicatorId) => _byIndicator[indicatorId];

    /// <summary>Every computed cut-off of one objective, oldest first.</summary>
    public IEnumerable<ObjectiveCompliance> History(int objectiveNumber) =>
        CutOffs.SelectMany(c => c.Objectives).Where(o => o.Objective.Number == objectiveNumber);
}

/// <summary>The figures of every objective at one cut-off.</summary>
public sealed record CutOffReport(CutOff CutOff, IReadOnlyList<ObjectiveCompliance> Objectives)
{
    /// <summary>The cut-off's publication record (date, figures, corrections); null for a draft or an unpublished cut-off.</summary>
    public Publication? Publication { get; init; }

    /// <summary>The indicators that should report at this cut-off: those with a vigencia in its year.</summary>
    public int Expected => Objectives.Sum(o => o.Expected);

    /// <summary>How many indicators the cut-off computed, reported or not (what its per-indicator indexes are sized by).</summary>
    public int IndicatorCount => Objectives.Sum(o => o.Indicators.Count);

    /// <summary>How many of the expected indicators have <paramref name="status"/>; those not reported yet (a draft
    /// being filled in, with or without their measurement block) count as <see cref="Status.NotReported"/>, so the
    /// counts of the four statuses add up to <see cref="Expected"/>.</summary>
    public int Count(Status status) => status == Status.NotReported
        ? Objectives.Sum(o => o.Expected - o.Reported)
        : Objectives.Sum(o => o.Indicators.Count(i => i.Status == status));
}

/// <summary>An objective's cumplimiento at one cut-off and the indicators that make it up.</summary>
public sealed record ObjectiveCompliance(
    Objective Objective,
    CutOff CutOff,
    decimal? Compliance,
    IReadOnlyList<IndicatorProgress> Indicators)
{
    /// <summary>The indicators that should report at this cut-off (a vigencia in its year), measured or not yet.</summary>
    public int Expected { get; init; } = Indicators.Count;

    /// <summary>
    /// The objective's avance de la vigencia at this cut-off: the indicators' avance de la vigencia (ejecutado against
    /// the whole year's target) averaged with their weights, as the cumplimiento averages the avance al corte; null when
    /// no indicator has one. It says how much of the year's targets is done, where the cumplimiento says whether the
    /// objective keeps pace with what was programmed up to the cut-off.
    /// </summary>
    public decimal? YearProgress { get; init; }

    /// <summary>The indicators whose programado and ejecutado are both written: the compliance is computed from these.</summary>
    public int Reported => Indicators.Count(i => i.Status != Status.NotReported);

    /// <summary>True when the compliance comes from some but not all of the expected indicators (a draft being filled in).</summary>
    public bool IsPartial => Reported > 0 && Reported < Expected;

    /// <summary>The objective's status: derived from its compliance like an indicator's; "Sin reporte" rather than
    /// "not programmed" when there is no figure because indicators have not reported yet.</summary>
    public Status Status => Compliance is null && Reported < Expected ? Status.NotReported : ProgressMethod.StatusOf(Compliance);
}

/// <summary>One indicator's figures at one cut-off.</summary>
public sealed record IndicatorProgress(
    Indicator Indicator,
    FiscalYear FiscalYear,
    Measurement Measurement,
    decimal? CutOffProgress,
    decimal? YearProgress,
    Status Status)
{
    public decimal Weight => FiscalYear.Weight;
}
