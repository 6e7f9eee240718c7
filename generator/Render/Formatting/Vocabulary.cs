using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Render.Formatting;

/// <summary>The Spanish words the site uses for the model's enums (the status is always said in words, never colour alone).</summary>
public static class Vocabulary
{
    public static string Status(Status status) => status switch
    {
        Method.Status.OnTrack => "En cumplimiento",
        Method.Status.Lagging => "Con rezago",
        Method.Status.NotProgrammed => "No programado al corte",
        Method.Status.NotReported => "Sin reporte",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>An objective's status: without a figure, either none of its indicators is programmed at the cut-off or
    /// (in a draft) they have not reported yet.</summary>
    public static string ObjectiveStatus(Status status) => status switch
    {
        Method.Status.OnTrack => "En cumplimiento",
        Method.Status.Lagging => "Con rezago",
        Method.Status.NotReported => "Sin reporte",
        _ => "Sin indicadores programados",
    };

    /// <summary>"parcial: 2 de 3 indicadores reportados": said next to a compliance computed from some of its indicators.</summary>
    public static string Partial(Method.ObjectiveCompliance compliance) =>
        $"parcial: {compliance.Reported} de {compliance.Expected} indicadores reportados";

    /// <summary>A CSS class naming the status, for the colour accent that accompanies the words.</summary>
    public static string StatusClass(Status status) => status switch
    {
        Method.Status.OnTrack => "estado-cumplimiento",
        Method.Status.Lagging => "estado-rezago",
        Method.Status.NotProgrammed => "estado-no-programado",
        _ => "estado-sin-reporte",
    };

    public static string IndicatorType(IndicatorType type) => type switch
    {
        Model.IndicatorType.Sector => "Sectorial",
        Model.IndicatorType.InvestmentProject => "Proyecto de inversión",
        Model.IndicatorType.Management => "Gestión",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Unit(Unit unit) => unit switch
    {
        Model.Unit.Percentage => "Porcentaje",
        Model.Unit.Number => "Número",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static string Accumulation(Accumulation accumulation) => accumulation switch
    {
        Model.Accumulation.Sum => "Suma",
        Model.Accumulation.Constant => "Constante",
        Model.Accumulation.Increasing => "Creciente",
        Model.Accumulation.Decreasing => "Decreciente",
        _ => throw new ArgumentOutOfRangeException(nameof(accumulation), accumulation, null),
    };

    /// <summary>A recorded figure's name in words (fe de erratas), from its YAML name in a publication record.</summary>
    public static string FigureName(string name) => Figure.Of(name).Label;

    /// <summary>True for the figures that are always percentages (cumplimiento, avances, ponderación), whatever the indicator's unit.</summary>
    public static bool FigureIsPercent(string name) => Figure.Of(name).IsPercent;

    /// <summary>How an objective's cumplimiento moved, as a verb phrase: "subió", "bajó"….</summary>
    public static string Trend(Trend trend) => trend switch
    {
        Method.Trend.Rose => "subió",
        Method.Trend.Fell => "bajó",
        Method.Trend.Started => "empezó a medirse",
        Method.Trend.Stopped => "quedó sin indicadores programados",
        _ => "se mantuvo",
    };
}
