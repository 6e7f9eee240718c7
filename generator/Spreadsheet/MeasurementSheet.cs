using Pei.Site.Model;

namespace Pei.Site.Spreadsheet;

/// <summary>One row of the measurement sheet: an indicator measured at the cut-off, with what its YAML already holds.</summary>
public sealed record SheetRow(
    DateOnly CutOff,
    string Objective,
    string Target,
    string Id,
    string Indicator,
    string Unit,
    decimal YearTarget,
    string Accumulation,
    decimal? PreviousPlanned,
    decimal? PreviousExecuted,
    decimal? Planned,
    decimal? Executed,
    string? Observations)
{
    /// <summary>The structured explanation of a lag, as the YAML holds it (causa, accion, responsable, fecha_compromiso).</summary>
    public LagExplanation? Explanation { get; init; }
}

/// <summary>A column of the sheet: its Spanish header, its width in characters, and whether planners fill it in.</summary>
public sealed record SheetColumn(string Header, double Width, bool Editable);

/// <summary>
/// The measurement sheet of one cut-off (plantilla / importar): one row per indicator with a vigencia in the cut-off's
/// year. The cut-off date is a column of every row, so the file alone says which cut-off it fills in (a CSV has no sheet
/// name); the workbook's sheet is also named after it.
/// </summary>
public static class MeasurementSheet
{
    public static readonly SheetColumn CutOff = new("corte", 12, false);
    public static readonly SheetColumn Objective = new("objetivo", 28, false);
    public static readonly SheetColumn Target = new("meta", 40, false);
    public static readonly SheetColumn Id = new("id (no editar)", 14, false);
    public static readonly SheetColumn Indicator = new("indicador", 48, false);
    public static readonly SheetColumn Unit = new("unidad", 11, false);
    public static readonly SheetColumn YearTarget = new("meta de la vigencia", 12, false);
    public static readonly SheetColumn Accumulation = new("anualización", 24, false);
    public static readonly SheetColumn PreviousPlanned = new("programado del corte anterior", 14, false);
    public static readonly SheetColumn PreviousExecuted = new("ejecutado del corte anterior", 14, false);
    public static readonly SheetColumn Planned = new("programado", 13, true);
    public static readonly SheetColumn Executed = new("ejecutado", 13, true);
    public static readonly SheetColumn Observations = new("observaciones", 70, true);
    public static readonly SheetColumn Cause = new("causa", 40, true);
    public static readonly SheetColumn Action = new("accion", 40, true);
    public static readonly SheetColumn Responsible = new("responsable", 24, true);
    public static readonly SheetColumn Due = new("fecha_compromiso", 14, true);

    /// <summary>The columns in sheet order.</summary>
    public static IReadOnlyList<SheetColumn> Columns { get; } =
        [CutOff, Objective, Target, Id, Indicator, Unit, YearTarget, Accumulation, PreviousPlanned, PreviousExecuted, Planned, Executed, Observations, Cause, Action, Responsible, Due];

    /// <summary>The columns of a lag's structured explanation: optional, so a sheet written before them still imports
    /// (and then leaves those keys as they are); with any of them, importar writes all four.</summary>
    public static IReadOnlyList<SheetColumn> Explanation { get; } = [Cause, Action, Responsible, Due];

    /// <summary>The columns importar needs; the others are there for the planner to read.</summary>
    public static IReadOnlyList<SheetColumn> Required { get; } = [CutOff, Id, Planned, Executed, Observations];

    /// <summary>"Corte 2025-09-30": the workbook's sheet name.</summary>
    public static string SheetName(DateOnly cutOff) => "Corte " + ContentWords.Of(cutOff);

    /// <summary>The indicators expected at <paramref name="cutOff"/>: those with a vigencia in its year, in plan order.</summary>
    public static IEnumerable<(Objective Objective, Indicator Indicator, FiscalYear Year)> Expected(Plan plan, DateOnly cutOff) =>
        from objective in plan.Objectives
        from indicator in objective.Indicators
        let year = indicator.FiscalYear(cutOff.Year)
        where year is not null
        select (objective, indicator, year);

    /// <summary>What the figures of an indicator are, in words, for the sheet's anualización column.</summary>
    public static string AccumulationWords(Accumulation accumulation) => accumulation switch
    {
        Model.Accumulation.Sum => "suma: acumulado del año",
        Model.Accumulation.Constant => "constante: el valor al corte",
        Model.Accumulation.Increasing => "creciente: el valor alcanzado al corte",
        _ => "decreciente: el valor alcanzado al corte",
    };

    public static IReadOnlyList<SheetRow> Rows(Plan plan, DateOnly cutOff) =>
        Expected(plan, cutOff)
            .Select(e =>
            {
                var measurement = e.Year.Measurement(cutOff);
                // The cut-off before, in the same year: a running total goes on from its figures.
                var previous = e.Year.Measurements.LastOrDefault(m => m.CutOff < cutOff);
                return new SheetRow(
                    cutOff,
                    $"{e.Objective.Number}. {e.Objective.Title}",
                    e.Indicator.Target.Code is { } code ? $"{code}. {e.Indicator.Target.Description}" : e.Indicator.Target.Description,
                    e.Indicator.Id,
                    e.Indicator.Code is { } indicatorCode ? $"{indicatorCode}. {e.Indicator.Name}" : e.Indicator.Name,
                    ContentWords.Of(e.Indicator.Unit),
                    e.Year.Target,
                    AccumulationWords(e.Indicator.Accumulation),
                    previous?.Planned,
                    previous?.Executed,
                    measurement?.Planned,
                    measurement?.Executed,
                    measurement?.Observations)
                {
                    Explanation = measurement?.Explanation,
                };
            })
            .ToList();
}
