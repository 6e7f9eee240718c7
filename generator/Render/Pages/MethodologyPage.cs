using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>layouts/Methodology.cshtml: the plan's methodology and the formulas in plain Spanish.</summary>
public sealed class MethodologyPage : Page
{
    public override string Template => "Methodology";
    public string? Methodology { get; init; }

    public override string Description =>
        $"Cómo se calcula el avance de cada indicador y el cumplimiento de cada objetivo del {Site.PlanName}: fórmulas, estados y ponderaciones.";
}
