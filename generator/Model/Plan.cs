using Pei.Site.Diagnostics;

namespace Pei.Site.Model;

/// <summary>The strategic plan as the planners wrote it (plan.yaml plus every objective and indicator).</summary>
public sealed record Plan
{
    public required string Entity { get; init; }
    public required string Name { get; init; }
    public required Period Period { get; init; }
    public string? Mission { get; init; }
    public string? Vision { get; init; }
    /// <summary>Markdown.</summary>
    public string? StrategicPlatform { get; init; }
    /// <summary>Markdown.</summary>
    public string? Methodology { get; init; }
    /// <summary>Source note shown under tables.</summary>
    public string? Source { get; init; }
    /// <summary>The entity's address line, shown in the footer.</summary>
    public string? Address { get; init; }
    /// <summary>The site's public address (url), absolute http(s) and ending with '/'; null when not given.</summary>
    public Uri? Url { get; init; }
    /// <summary>The licence of the open data (licencia); Creative Commons BY 4.0 unless the plan names another.</summary>
    public Licence Licence { get; init; } = Licence.Default;
    /// <summary>Cut-offs in increasing date order, drafts included.</summary>
    public required IReadOnlyList<CutOff> CutOffs { get; init; }
    /// <summary>Objectives in increasing number order.</summary>
    public required IReadOnlyList<Objective> Objectives { get; init; }
    /// <summary>The records of published cut-offs (content/publicaciones/), in cut-off order.</summary>
    public IReadOnlyList<Publication> Publications { get; init; } = [];
    /// <summary>The first cut-off from which every lag needs a structured explanation (compromisos_desde); null when
    /// the plan names none (free-text observaciones are then enough).</summary>
    public DateOnly? CommitmentsFrom { get; init; }
    /// <summary>Where compromisos_desde is written.</summary>
    public SourceSpan? CommitmentsFromWhere { get; init; }

    /// <summary>The record of a published cut-off; null for a draft or a cut-off not yet published.</summary>
    public Publication? PublicationOf(DateOnly cutOff) => Publications.FirstOrDefault(p => p.CutOff == cutOff);

    public IEnumerable<Indicator> Indicators => Objectives.SelectMany(o => o.Indicators);
}

/// <summary>A named licence and the address of its text.</summary>
public sealed record Licence(string Name, Uri Url)
{
    /// <summary>Creative Commons Attribution 4.0 International, the default licence of the open data.</summary>
    public static Licence Default { get; } =
        new("Creative Commons Atribución 4.0 Internacional (CC BY 4.0)", new Uri("https://creativecommons.org/licenses/by/4.0/deed.es"));
}

public sealed record Period(int From, int To)
{
    public bool Contains(int year) => year >= From && year <= To;
}

/// <summary>A quarterly cut-off (corte) listed in plan.yaml.</summary>
public sealed record CutOff
{
    public required DateOnly Date { get; init; }
    public string? Title { get; init; }
    /// <summary>A draft (borrador) is previewed by serve and never published by build.</summary>
    public bool Draft { get; init; }
    public required SourceSpan Where { get; init; }

    public int Year => Date.Year;
}

/// <summary>A strategic objective (objetivo).</summary>
public sealed record Objective
{
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The folder name, e.g. "03-comunicacion-publica".</summary>
    public required string Folder { get; init; }
    /// <summary>Indicators ordered by file name.</summary>
    public required IReadOnlyList<Indicator> Indicators { get; init; }
    public required SourceSpan Where { get; init; }
}

/// <summary>The kind of indicator (tipo: sectorial, proyecto, gestion).</summary>
public enum IndicatorType
{
    Sector,
    InvestmentProject,
    Management,
}

/// <summary>What an indicator counts (unidad: porcentaje, numero).</summary>
public enum Unit
{
    Percentage,
    Number,
}

/// <summary>How the year's target accumulates (anualización: suma, constante, creciente, decreciente).</summary>
public enum Accumulation
{
    Sum,
    Constant,
    Increasing,
    Decreasing,
}

/// <summary>The goal (meta) an indicator measures.</summary>
public sealed record Target(string? Code, string Description);

/// <summary>An indicator (indicador), one file in an objective's indicadores folder.</summary>
public sealed record Indicator
{
    /// <summary>The file stem, unique in the plan.</summary>
    public required string Id { get; init; }
    public required int ObjectiveNumber { get; init; }
    public required IndicatorType Type { get; init; }
    public required Target Target { get; init; }
    public string? Code { get; init; }
    public required string Name { get; init; }
    public required Unit Unit { get; init; }
    public Accumulation Accumulation { get; init; } = Accumulation.Sum;
    public decimal? Baseline { get; init; }
    public string? Responsible { get; init; }
    /// <summary>The indicator's last fiscal year (ultima_vigencia): it ends there and is not expected in later years; null while it goes on.</summary>
    public int? LastYear { get; init; }
    /// <summary>Fiscal years (vigencias) in increasing order.</summary>
    public required IReadOnlyList<FiscalYear> FiscalYears { get; init; }
    public required SourceSpan Where { get; init; }

    public FiscalYear? FiscalYear(int year) => FiscalYears.FirstOrDefault(f => f.Year == year);
}

/// <summary>One year (vigencia) of an indicator: its target, weight and measurements.</summary>
public sealed record FiscalYear
{
    public required int Year { get; init; }
    /// <summary>Programación del año (meta de la vigencia).</summary>
    public required decimal Target { get; init; }
    /// <summary>Weight in % of the indicator in its objective this year.</summary>
    public required decimal Weight { get; init; }
    /// <summary>Measurements in increasing cut-off order.</summary>
    public required IReadOnlyList<Measurement> Measurements { get; init; }
    public required SourceSpan Where { get; init; }
    public required SourceSpan WeightWhere { get; init; }
    /// <summary>Where the year's meta is written; the year's key when unknown.</summary>
    public SourceSpan? TargetWhere { get; init; }

    public Measurement? Measurement(DateOnly cutOff) => Measurements.FirstOrDefault(m => m.CutOff == cutOff);
}

/// <summary>A measurement at one cut-off. Values are null only in a draft cut-off not yet filled in.</summary>
public sealed record Measurement
{
    public required DateOnly CutOff { get; init; }
    /// <summary>Programación al corte.</summary>
    public decimal? Planned { get; init; }
    /// <summary>Magnitud ejecutada al corte.</summary>
    public decimal? Executed { get; init; }
    /// <summary>Markdown explaining the figures; required when the indicator lags.</summary>
    public string? Observations { get; init; }
    /// <summary>The structured explanation of a lag (causa, accion, responsable, fecha_compromiso); null when the
    /// measurement has none of those keys.</summary>
    public LagExplanation? Explanation { get; init; }
    public required SourceSpan Where { get; init; }
    /// <summary>Where programado and ejecutado are written; the cut-off's key when unknown.</summary>
    public SourceSpan? PlannedWhere { get; init; }
    public SourceSpan? ExecutedWhere { get; init; }
}

/// <summary>
/// Why an indicator lags at a cut-off and what the responsible area commits to (causa, accion, responsable,
/// fecha_compromiso): the commitment the later cut-offs follow up. Any key may be missing while loading; a complete one
/// has all four (<see cref="IsComplete"/>).
/// </summary>
public sealed record LagExplanation
{
    /// <summary>causa: why the indicator lags.</summary>
    public string? Cause { get; init; }
    /// <summary>accion: what will be done to close the lag.</summary>
    public string? Action { get; init; }
    /// <summary>responsable: the area that answers for the action.</summary>
    public string? Responsible { get; init; }
    /// <summary>fecha_compromiso: the date by which the lag should close.</summary>
    public DateOnly? Due { get; init; }
    /// <summary>Where fecha_compromiso is written; the measurement's key when missing.</summary>
    public required SourceSpan DueWhere { get; init; }

    public bool IsComplete => !string.IsNullOrWhiteSpace(Cause) && !string.IsNullOrWhiteSpace(Action) && !string.IsNullOrWhiteSpace(Responsible) && Due is not null;

    /// <summary>The YAML keys of an explanation, in the order the guide lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["causa", "accion", "responsable", "fecha_compromiso"];

    /// <summary>The keys this explanation lacks, in <see cref="Keys"/> order.</summary>
    public IReadOnlyList<string> Missing() =>
        Keys.Where(k => k switch
        {
            "causa" => string.IsNullOrWhiteSpace(Cause),
            "accion" => string.IsNullOrWhiteSpace(Action),
            "responsable" => string.IsNullOrWhiteSpace(Responsible),
            _ => Due is null,
        }).ToList();
}
