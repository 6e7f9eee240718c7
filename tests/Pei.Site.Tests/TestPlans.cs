using Pei.Site.Diagnostics;
using Pei.Site.Model;

namespace Pei.Site.Tests;

/// <summary>Small plans built in code for unit tests.</summary>
internal static class TestPlans
{
    private static readonly SourceSpan Nowhere = new("test.yaml", 1, 1);

    public static CutOff CutOff(string date, bool draft = false) =>
        new() { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Draft = draft, Where = Nowhere };

    public static Indicator Indicator(string id, decimal weight, decimal target, params Measurement[] measurements) => new()
    {
        Id = id,
        ObjectiveNumber = 1,
        Type = IndicatorType.Sector,
        Target = new Target("Meta sectorial 1", "Meta de prueba"),
        Name = "Indicador " + id,
        Unit = Unit.Number,
        FiscalYears =
        [
            new FiscalYear { Year = 2025, Target = target, Weight = weight, Measurements = measurements, Where = Nowhere, WeightWhere = Nowhere },
        ],
        Where = Nowhere,
    };

    public static Measurement Measured(string date, decimal? planned, decimal? executed, string? observations = null) => new()
    {
        CutOff = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Planned = planned,
        Executed = executed,
        Observations = observations,
        Where = Nowhere,
    };

    public static Plan Plan(IReadOnlyList<CutOff> cutOffs, params Indicator[] indicators) => new()
    {
        Entity = "Entidad de prueba",
        Name = "Plan de prueba",
        Period = new Period(2024, 2027),
        CutOffs = cutOffs,
        Objectives =
        [
            new Objective { Number = 1, Title = "Objetivo uno", Description = "Descripción", Folder = "01-uno", Indicators = indicators, Where = Nowhere },
        ],
    };

    public static Plan TwoCutOffsSecondDraft() => Plan(
        [CutOff("2025-06-30"), CutOff("2025-09-30", draft: true)],
        Indicator("a", 60m, 10m, Measured("2025-06-30", 4m, 4m), Measured("2025-09-30", null, null)),
        Indicator("b", 40m, 10m, Measured("2025-06-30", 2m, 1m, "Rezago explicado"), Measured("2025-09-30", null, null)));
}
