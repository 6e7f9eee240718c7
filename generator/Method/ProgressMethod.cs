using Pei.Site.Model;

namespace Pei.Site.Method;

/// <summary>The status of an indicator at a cut-off, in words (never colour alone).</summary>
public enum Status
{
    /// <summary>"No programado al corte": nothing was planned for this cut-off.</summary>
    NotProgrammed,
    /// <summary>"En cumplimiento": progress at the cut-off is 100 % or more.</summary>
    OnTrack,
    /// <summary>"Con rezago": progress at the cut-off is below 100 %.</summary>
    Lagging,
    /// <summary>"Sin reporte": a draft measurement whose values are not filled in yet.</summary>
    NotReported,
}

/// <summary>
/// The institution's measurement method ("Metodología de Medición"), in exact decimal arithmetic.
/// Pure functions: no files, no culture, no rounding (rounding is for display only).
/// </summary>
public static class ProgressMethod
{
    private const decimal Hundred = 100m;

    /// <summary>% avance al corte: E/P×100 (suma, constante) or (E−B)/(P−B)×100 (creciente, decreciente); null when the denominator is zero.</summary>
    public static decimal? CutOffProgress(Accumulation accumulation, decimal? baseline, decimal planned, decimal executed) =>
        Ratio(accumulation, baseline, executed, planned);

    /// <summary>Avance de la vigencia: E/M×100 or (E−B)/(M−B)×100; null when the denominator is zero.</summary>
    public static decimal? YearProgress(Accumulation accumulation, decimal? baseline, decimal yearTarget, decimal executed) =>
        Ratio(accumulation, baseline, executed, yearTarget);

    public static Status StatusOf(decimal? cutOffProgress) => cutOffProgress switch
    {
        null => Status.NotProgrammed,
        >= Hundred => Status.OnTrack,
        _ => Status.Lagging,
    };

    /// <summary>
    /// An objective's cumplimiento: Σ(w·avance)/Σw over the indicators programmed at the cut-off; null when none is. The
    /// same weighted average of the avance de la vigencia gives the objective's avance de la vigencia.
    /// </summary>
    public static decimal? Compliance(IEnumerable<(decimal Weight, decimal? Progress)> indicators)
    {
        decimal weighted = 0m, weights = 0m;
        foreach (var (weight, progress) in indicators)
        {
            if (progress is not { } p)
            {
                continue;
            }
            weighted += weight * p;
            weights += weight;
        }
        return weights == 0m ? null : weighted / weights;
    }

    private static decimal? Ratio(Accumulation accumulation, decimal? baseline, decimal value, decimal reference)
    {
        var b = accumulation is Accumulation.Increasing or Accumulation.Decreasing ? baseline ?? 0m : 0m;
        var denominator = reference - b;
        return denominator == 0m ? null : (value - b) / denominator * Hundred;
    }
}
