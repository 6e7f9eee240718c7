using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>The computed figures of a plan: one report per cut-off, oldest first.</summary>
public sealed record PlanReport(Plan Plan, IReadOnlyList<CutOffReport> CutOffs)
{
    /// <summary>The newest cut-off, the one the dashboard shows; null when the plan has none.</summary>
    public CutOffReport? Latest => CutOffs.Count == 0 ? null : CutOffs[^1];

    /// <summary>Every measured cut-off of one indicator, oldest first.</summary>
    public IEnumerable<IndicatorProgress> History(string indicatorId) =>
        CutOffs.SelectMany(c => c.Objectives).SelectMany(o => o.Indicators).Where(i => i.Indicator.Id == indicatorId);

    /// <summary>Every computed cut-off of one objective, oldest first.</summary>
    public IEnumerable<ObjectiveCompliance> History(int objectiveNumber) =>
        CutOffs.SelectMany(c => c.Objectives).Where(o => o.Objective.Number == objectiveNumber);
}

/// <summary>The figures of every objective at one cut-off.</summary>
public sealed record CutOffReport(CutOff CutOff, IReadOnlyList<ObjectiveCompliance> Objectives)
{
    /// <summary>The cut-off's publication record (date, figures, corrections); null for a draft or an unpublished cut-off.</summary>
    public Publication? Publication { get; init; }
}

/// <summary>An objective's cumplimiento at one cut-off and the indicators that make it up.</summary>
public sealed record ObjectiveCompliance(
    Objective Objective,
    CutOff CutOff,
    decimal? Compliance,
    IReadOnlyList<IndicatorProgress> Indicators)
{
    /// <summary>The objective's status in words: derived from its compliance like an indicator's.</summary>
    public Status Status => ProgressMethod.StatusOf(Compliance);
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
