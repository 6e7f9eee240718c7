using Pei.Site.Diagnostics;
using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Tests.Render;

/// <summary>
/// A small plan built in code: two objectives, four indicators (one of each type, one lagging with Markdown
/// observations, one not programmed at the cut-off) and two published cut-offs, plus an optional draft. March's
/// record says it was published on 15 April; June's, published on 15 July, was corrected on 1 August.
/// </summary>
public static class SamplePlan
{
    public static readonly DateOnly March = new(2025, 3, 31);
    public static readonly DateOnly June = new(2025, 6, 30);
    public static readonly DateOnly September = new(2025, 9, 30);

    public const string LaggingObservations =
        "Se generó un **rezago** de 0,13 por demoras en la alianza.\n\nVer el [informe](https://example.org/informe) y [x](javascript:alert(1)).";

    private static readonly SourceSpan Here = new("prueba.yaml", 1, 1);

    public static readonly DateOnly MarchPublished = new(2025, 4, 15);
    public static readonly DateOnly JunePublished = new(2025, 7, 15);
    public static readonly DateOnly JuneCorrected = new(2025, 8, 1);
    public const string CorrectionReason = "Se corrige el ejecutado reportado por la Oficina Asesora de Comunicaciones";

    /// <summary>
    /// The records of the published cut-offs: March as published; June published with two figures later corrected. The
    /// figures not listed here are what <paramref name="plan"/> computes, so each record counts every measured indicator.
    /// </summary>
    public static IReadOnlyList<Model.Publication> Publications(Plan plan) => PublicationsAsWritten().Select(p => new Model.Publication(p.CutOff, p.Published,
        PublishedFigures.Of(plan, plan.CutOffs.Single(c => c.Date == p.CutOff))
            .Select(f => p.Figures.FirstOrDefault(g => g.Key == f.Key) ?? f)
            .ToList(),
        p.Corrections, p.Where)).ToList();

    private static IReadOnlyList<Model.Publication> PublicationsAsWritten() =>
    [
        new Model.Publication(March, MarchPublished,
            [Figure(1, null, FigureNames.Compliance, 100m), Figure(2, null, FigureNames.Compliance, 100m)], [], Here),
        new Model.Publication(June, JunePublished,
            [
                Figure(1, null, FigureNames.Compliance, 106.16m),
                Figure(2, null, FigureNames.Compliance, 80.32m),
                Figure(2, "4199-estrategia-comunicacion", FigureNames.Executed, 0.3m),
            ],
            [
                new Correction
                {
                    Date = JuneCorrected, Reason = CorrectionReason, Where = Here,
                    Figures = [Figure(2, null, FigureNames.Compliance, 84.97m), Figure(2, "4199-estrategia-comunicacion", FigureNames.Executed, 0.36m)],
                },
            ],
            Here),
    ];

    private static RecordedFigure Figure(int objective, string? indicator, string name, decimal? value) =>
        new(new FigureKey(objective, indicator, name), value, Here);

    public static Plan Build(bool withDraft = false, string? observations = null)
    {
        var plan = WithoutRecords(withDraft, observations);
        return plan with { Publications = Publications(plan) };
    }

    private static Plan WithoutRecords(bool withDraft, string? observations) => new()
    {
        Entity = "Secretaría General de la Alcaldía Mayor de Bogotá",
        Name = "Plan Estratégico Institucional 2024-2027",
        Period = new Period(2024, 2027),
        Mission = "Liderar la articulación y coordinación de la administración distrital.",
        Vision = "Ser reconocida por fortalecer la confianza en la gestión pública.",
        StrategicPlatform = "# Plataforma\n\nSe soporta en la **Ley 152 de 1994**.",
        Methodology = "## Estructura\n\nEl plan se **mide** a través de indicadores.",
        Source = "SEGPLAN. Plan de Acción 2025",
        Address = "Carrera 8 No. 10-65, Bogotá D. C.",
        CutOffs =
        [
            new CutOff { Date = March, Title = "Primer trimestre", Where = Here },
            new CutOff { Date = June, Title = "Segundo trimestre", Where = Here },
            .. withDraft ? [new CutOff { Date = September, Title = "Tercer trimestre", Draft = true, Where = Here }] : Array.Empty<CutOff>(),
        ],
        Objectives =
        [
            new Objective
            {
                Number = 1,
                Title = "Promover la paz y la reconciliación en Bogotá",
                Description = "Promover la paz y la reconciliación a través de la integración local de las poblaciones afectadas por el conflicto armado.",
                Folder = "01-paz",
                Where = Here,
                Indicators =
                [
                    Indicator("3979-modelo-victimas", 1, IndicatorType.Sector, "3979", "Porcentaje del modelo de integración de servicios", Unit.Percentage, 45m, 50m,
                        (March, 10m, 10m, null), (June, 31.92m, 33.885m, null)),
                    Indicator("3980-procesos-memoria", 1, IndicatorType.InvestmentProject, "3980", "Número de procesos de investigación, memoria y verdad", Unit.Number, 26m, 50m,
                        (March, 0m, 0m, null), (June, 0m, 0m, null)),
                ],
            },
            new Objective
            {
                Number = 2,
                Title = "Informar a la ciudadanía",
                Description = "Informar a la ciudadanía a través de campañas y estrategias de comunicación.",
                Folder = "02-comunicacion",
                Where = Here,
                Indicators =
                [
                    Indicator("4199-estrategia-comunicacion", 2, IndicatorType.Sector, "4199", "Estrategia de comunicación pública ejecutada", Unit.Number, 1m, 60m,
                        (March, 0.2m, 0.2m, null), (June, 0.49m, 0.36m, observations ?? LaggingObservations), (September, null, null, null)),
                    Indicator("8116-3-campanas", 2, IndicatorType.Management, "3", "Número de campañas de comunicación pública generadas", Unit.Number, 15334m, 40m,
                        (March, 1000m, 1000m, null), (June, 15000m, 15334m, null)),
                ],
            },
        ],
    };

    public static PlanReport Report(bool withDraft = false, string? observations = null) =>
        PlanCalculator.Compute(Build(withDraft, observations), includeDrafts: withDraft);

    private static Indicator Indicator(
        string id, int objective, IndicatorType type, string code, string name, Unit unit, decimal yearTarget, decimal weight,
        params (DateOnly CutOff, decimal? Planned, decimal? Executed, string? Observations)[] measurements) => new()
        {
            Id = id,
            ObjectiveNumber = objective,
            Type = type,
            Target = new Target($"Meta {code}", $"Meta de {name.ToLowerInvariant()}"),
            Code = code,
            Name = name,
            Unit = unit,
            Responsible = "Oficina Asesora de Planeación",
            Where = Here,
            FiscalYears =
            [
                new FiscalYear
                {
                    Year = 2025,
                    Target = yearTarget,
                    Weight = weight,
                    Where = Here,
                    WeightWhere = Here,
                    Measurements = measurements
                        .Select(m => new Measurement { CutOff = m.CutOff, Planned = m.Planned, Executed = m.Executed, Observations = m.Observations, Where = Here })
                        .ToList(),
                },
            ],
        };
}
