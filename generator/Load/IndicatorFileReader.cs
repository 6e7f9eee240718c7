using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>Reads one indicator file (objetivos/NN-nombre/indicadores/&lt;id&gt;.yaml).</summary>
internal sealed class IndicatorFileReader(PlanFileReader.Header plan, DiagnosticBag diagnostics)
{
    public static readonly string[] Keys =
        ["tipo", "meta", "nombre", "codigo", "unidad", "anualizacion", "linea_base", "responsable", "ultima_vigencia", "vigencias"];
    public static readonly string[] TargetKeys = ["codigo", "descripcion"];
    public static readonly string[] FiscalYearKeys = ["meta", "ponderacion", "cortes"];
    /// <summary>The keys nuevo-corte writes, empty, into a new measurement.</summary>
    public static readonly string[] FigureKeys = ["programado", "ejecutado", "observaciones"];
    public static readonly string[] MeasurementKeys = [.. FigureKeys, .. LagExplanation.Keys];

    public static IReadOnlyDictionary<string, IndicatorType> Types => ContentWords.Types;

    public static IReadOnlyDictionary<string, Unit> Units => ContentWords.Units;

    public static IReadOnlyDictionary<string, Accumulation> Accumulations => ContentWords.Accumulations;

    private readonly Dictionary<DateOnly, CutOff> cutOffs = plan.CutOffs.ToDictionary(c => c.Date);

    public Indicator? Read(YamlNode root, string id, int objectiveNumber)
    {
        if (MapReader.Open(root, "el indicador", " en el indicador", Keys, diagnostics) is not { } file)
        {
            return null;
        }
        var type = file.Choice("tipo", Types, required: true);
        var target = ReadTarget(file);
        var name = file.Text("nombre", required: true);
        var code = file.Text("codigo");
        var unit = file.Choice("unidad", Units, required: true);
        var accumulation = file.Choice("anualizacion", Accumulations) ?? Accumulation.Sum;
        var baseline = file.Magnitude("linea_base");
        var responsible = file.Text("responsable");
        var lastYear = file.Integer("ultima_vigencia", plan.Period.From, plan.Period.To);
        if (accumulation is Accumulation.Increasing or Accumulation.Decreasing && file.Node("linea_base") is null)
        {
            diagnostics.Error(Codes.BaselineRequired, file.Node("anualizacion")!.Where, ContentWords.Of(accumulation));
        }
        var years = ReadFiscalYears(file);
        if (lastYear is { } last && years?.FirstOrDefault(y => y.Year > last) is { } later)
        {
            diagnostics.Error(Codes.LastYearBeforeYear, file.Node("ultima_vigencia")!.Where, last, later.Year);
        }
        if (type is null || target is null || name is null || unit is null || years is null)
        {
            return null;
        }
        return new Indicator
        {
            Id = id,
            ObjectiveNumber = objectiveNumber,
            Type = type.Value,
            Target = target,
            Code = code,
            Name = name,
            Unit = unit.Value,
            Accumulation = accumulation,
            Baseline = baseline,
            Responsible = responsible,
            LastYear = lastYear,
            FiscalYears = years,
            Where = root.Where,
        };
    }


    private Target? ReadTarget(MapReader file)
    {
        if (file.Required("meta") is not { } node ||
            MapReader.Open(node, "meta", " en 'meta'", TargetKeys, diagnostics) is not { } target)
        {
            return null;
        }
        var code = target.Text("codigo");
        var description = target.Text("descripcion", required: true);
        return description is null ? null : new Target(code, description);
    }

    private List<FiscalYear>? ReadFiscalYears(MapReader file)
    {
        if (file.Required("vigencias") is not { } node)
        {
            return null;
        }
        if (node is not YamlMapping years)
        {
            diagnostics.Error(Codes.WrongType, node.Where, "vigencias", "un mapa de años (p. ej. '2025:')", node.KindInSpanish);
            return null;
        }
        var result = new List<FiscalYear>();
        var seen = new Dictionary<int, YamlScalar>();
        foreach (var entry in years.Entries)
        {
            if (Scalars.Integer(entry.Key, "el año de la vigencia", diagnostics, 1900, 2999) is not { } year)
            {
                continue;
            }
            // Keys differ as text ('2025', '+2025', '02025') yet name the same year: compared by value.
            if (seen.TryGetValue(year, out var first))
            {
                diagnostics.Error(Codes.SameYearTwice, entry.Key.Where, entry.Key.Text.Trim(), first.Text.Trim(), first.Where.Line, year);
                continue;
            }
            seen.Add(year, entry.Key);
            if (!plan.Period.Contains(year))
            {
                diagnostics.Error(Codes.YearOutsidePeriod, entry.Key.Where, year, plan.Period.From, plan.Period.To);
                continue;
            }
            if (ReadFiscalYear(year, entry) is { } fiscalYear)
            {
                result.Add(fiscalYear);
            }
        }
        return result.OrderBy(y => y.Year).ToList();
    }

    private FiscalYear? ReadFiscalYear(int year, YamlEntry entry)
    {
        if (MapReader.Open(entry.Value, $"la vigencia {year}", $" en la vigencia {year}", FiscalYearKeys, diagnostics) is not { } fiscalYear)
        {
            return null;
        }
        var target = fiscalYear.Magnitude("meta", required: true);
        var weight = fiscalYear.Magnitude("ponderacion", required: true, max: 100m);
        var measurements = ReadMeasurements(year, fiscalYear.Node("cortes"));
        if (target is null || weight is null)
        {
            return null;
        }
        return new FiscalYear
        {
            Year = year,
            Target = target.Value,
            Weight = weight.Value,
            Measurements = measurements,
            Where = entry.Key.Where,
            WeightWhere = fiscalYear.Node("ponderacion")!.Where,
            TargetWhere = fiscalYear.Node("meta")!.Where,
        };
    }

    private List<Measurement> ReadMeasurements(int year, YamlNode? node)
    {
        var result = new List<Measurement>();
        if (node is null or YamlScalar { IsNull: true })
        {
            return result;
        }
        if (node is not YamlMapping measurements)
        {
            diagnostics.Error(Codes.WrongType, node.Where, "cortes", "un mapa de fechas de corte (p. ej. '2025-06-30:')", node.KindInSpanish);
            return result;
        }
        foreach (var entry in measurements.Entries)
        {
            if (Scalars.Date(entry.Key, "la fecha del corte", diagnostics) is not { } date)
            {
                continue;
            }
            if (!cutOffs.TryGetValue(date, out var cutOff))
            {
                diagnostics.Error(Codes.CutOffNotInPlan, entry.Key.Where, ContentWords.Of(date));
                continue;
            }
            if (date.Year != year)
            {
                diagnostics.Error(Codes.CutOffYearMismatch, entry.Key.Where, ContentWords.Of(date), year, date.Year);
                continue;
            }
            if (ReadMeasurement(cutOff, entry) is { } measurement)
            {
                result.Add(measurement);
            }
        }
        return result.OrderBy(m => m.CutOff).ToList();
    }

    private Measurement? ReadMeasurement(CutOff cutOff, YamlEntry entry)
    {
        var date = ContentWords.Of(cutOff.Date);
        var value = entry.Value is YamlScalar { IsNull: true } ? new YamlMapping(entry.Value.Where, []) : entry.Value;
        if (MapReader.Open(value, $"el corte {date}", $" en el corte {date}", MeasurementKeys, diagnostics) is not { } measurement)
        {
            return null;
        }
        var planned = Value(measurement, "programado");
        var executed = Value(measurement, "ejecutado");
        return new Measurement
        {
            CutOff = cutOff.Date,
            Planned = planned,
            Executed = executed,
            Observations = measurement.Markdown("observaciones"),
            Explanation = ReadExplanation(measurement, date, entry.Key.Where),
            Where = entry.Key.Where,
            PlannedWhere = measurement.Node("programado")?.Where,
            ExecutedWhere = measurement.Node("ejecutado")?.Where,
        };
    }

    /// <summary>
    /// The structured explanation (causa, accion, responsable, fecha_compromiso), or null when none of its keys is
    /// written. All four or none: a partial one is an error at the measurement, naming what it lacks.
    /// </summary>
    private LagExplanation? ReadExplanation(MapReader measurement, string date, SourceSpan where)
    {
        if (LagExplanation.Keys.All(k => measurement.Node(k) is null or YamlScalar { IsNull: true }))
        {
            return null;
        }
        var explanation = new LagExplanation
        {
            Cause = measurement.Text("causa"),
            Action = measurement.Text("accion"),
            Responsible = measurement.Text("responsable"),
            Due = measurement.Date("fecha_compromiso"),
            DueWhere = measurement.Node("fecha_compromiso")?.Where ?? where,
        };
        // A key written but unreadable (a misspelt date) already has its own diagnostic.
        var missing = LagExplanation.Keys.Where(k => measurement.Node(k) is null or YamlScalar { IsNull: true }).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Error(Codes.IncompleteLagExplanation, where, date, string.Join(", ", missing));
        }
        return explanation;
    }

    /// <summary>A measured value, or null when it is not written yet (whether it must be is a rule of the plan: <see cref="PlanRules"/>).</summary>
    private static decimal? Value(MapReader measurement, string key) =>
        measurement.Node(key) is null or YamlScalar { IsNull: true } ? null : measurement.Magnitude(key);
}
