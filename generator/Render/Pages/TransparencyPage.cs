using Pei.Site.Method;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>
/// layouts/Transparency.cshtml (transparencia/): for each legal obligation on publishing the plan of action and its
/// follow-up, what the norm asks, in its own words where they are short, and the pages of this site that meet it, with
/// the day they were last updated; and what this site does not publish, so nobody looks for it here. Each norm is
/// cited by article and by the name of its items (not their numbers, which differ between versions of the annexes).
/// </summary>
public sealed class TransparencyPage : Page
{
    public override string Template => "Transparency";

    public required IReadOnlyList<Obligation> Obligations { get; init; }

    /// <summary>The last day the site's figures changed (a publication or a correction); null when nothing is published.</summary>
    public DateOnly? Updated { get; init; }

    public override string Description =>
        $"Cómo el sitio del {Site.PlanName} cumple la Ley 1474 de 2011 (artículo 74), el Decreto 612 de 2018, la Ley 1712 de 2014 y la Resolución MinTIC 1519 de 2020: qué pide cada norma y dónde se cumple.";

    public override string SiteMapLabel => "Transparencia: cómo cumple este sitio la ley";

    internal static TransparencyPage For(PlanReport report, SiteInfo site)
    {
        DateOnly? updated = report.CutOffs.Count == 0 ? null : report.CutOffs.Max(Sitemap.PublicationDates.Updated);
        ObligationLink Link(string text, string path, string? fragment = null) => new(text, path, fragment);
        var plan = new List<ObligationLink>
        {
            Link("Inicio: objetivos estratégicos y su cumplimiento al último corte", SitePaths.Home),
            Link("Metodología de medición", SitePaths.Methodology),
        };
        var followUp = new List<ObligationLink>
        {
            Link("Cortes de seguimiento publicados, con su fecha de publicación y su fe de erratas", SitePaths.CutOffs),
            Link("Compromisos de los rezagos y su estado", SitePaths.Commitments),
        };
        if (report.CutOffs.Count > 0 && site.Reports.Contains(report.CutOffs[^1].CutOff.Date))
        {
            followUp.Add(Link("Informe trimestral en PDF del último corte", SitePaths.Report(report.CutOffs[^1].CutOff.Date)));
        }
        var data = Link("Datos abiertos: seguimiento, compromisos, diccionario de datos y licencia", SitePaths.OpenData);
        return new TransparencyPage
        {
            Path = SitePaths.Transparency,
            Title = $"Transparencia: cómo cumple este sitio la ley — {report.Plan.Name}",
            Site = site,
            Section = Section.Transparency,
            Breadcrumbs = [new("Inicio", SitePaths.Home), new("Transparencia", null)],
            Updated = updated,
            Obligations =
            [
                new Obligation(
                    "Ley 1474 de 2011, artículo 74",
                    "Plan de acción de las entidades públicas",
                    "Publicar en la página web de la entidad, a más tardar el 31 de enero de cada año, el Plan de Acción, que especifica los objetivos, las estrategias, los proyectos, las metas, los responsables, los planes generales de compras y la distribución presupuestal de los proyectos de inversión junto a los indicadores de gestión; acompañado del informe de gestión del año anterior.",
                    [.. plan, Link("Cada indicador, con su meta, su programación del año y su área responsable", SitePaths.Home, "objetivos"), .. followUp],
                    "Este sitio publica los objetivos, las metas, los responsables y los indicadores del plan estratégico, y su seguimiento trimestral. Los planes generales de compras, el presupuesto y la distribución presupuestal de los proyectos de inversión se publican en la sección de transparencia del portal de la entidad, no aquí."),
                new Obligation(
                    "Decreto 612 de 2018",
                    "Integración de los planes institucionales y estratégicos al Plan de Acción (adiciona el Decreto 1083 de 2015)",
                    "Integrar al Plan de Acción del artículo 74 de la Ley 1474 de 2011 los planes institucionales y estratégicos que el decreto enumera (entre ellos el Plan Anual de Adquisiciones, el Plan Anticorrupción y de Atención al Ciudadano y el Plan Estratégico de Tecnologías de la Información) y publicarlo en la página web a más tardar el 31 de enero de cada año.",
                    plan,
                    "Este sitio publica el plan estratégico institucional y su seguimiento. La herramienta de validación advierte cuando, pasado el 31 de enero, a un indicador le faltan la meta y la ponderación del año en curso, para que el plan del año se publique a tiempo. Los demás planes que el decreto integra se publican en el portal de la entidad."),
                new Obligation(
                    "Ley 1712 de 2014",
                    "Ley de transparencia y del derecho de acceso a la información pública: información mínima obligatoria sobre la estructura del sujeto obligado, y principio de calidad de la información",
                    "Publicar, entre la información mínima obligatoria, las metas y objetivos de las unidades administrativas de conformidad con sus programas operativos y los indicadores de desempeño; y que la información de interés público sea oportuna, objetiva, veraz, completa, reutilizable, procesable y esté disponible en formatos accesibles.",
                    [.. plan, .. followUp, data],
                    "Las cifras se calculan a partir de lo que reporta cada dependencia, con el método publicado, y se ofrecen en formatos abiertos y reutilizables (CSV, JSON y hoja de cálculo) con su diccionario de datos. Una cifra publicada no se reescribe: toda corrección queda en la fe de erratas del corte."),
                new Obligation(
                    "Resolución MinTIC 1519 de 2020, Anexo 1",
                    "Directrices de accesibilidad web",
                    "Cumplir las directrices de accesibilidad web del anexo, que siguen las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1, y ofrecer un mapa del sitio.",
                    [Link("Mapa del sitio", SitePaths.SiteMap)],
                    "Cada página se revisa antes de publicarse con las pautas WCAG 2.1 en sus niveles A y AA: navegación completa con el teclado y enlace para saltar al contenido, textos alternativos, contraste, lectura en pantallas de 320 píxeles, impresión, y lectura sin JavaScript. El estado de cada indicador y de cada compromiso se dice con palabras, no solo con colores."),
                new Obligation(
                    "Resolución MinTIC 1519 de 2020, Anexo 2",
                    "Menú «Transparencia y acceso a la información pública»: «Plan de acción» e informes de seguimiento, en la sección de planeación, presupuesto e informes",
                    "Publicar en el menú de transparencia de la sede electrónica el Plan de acción y los informes de gestión, evaluación y seguimiento a su ejecución, y los datos abiertos de la entidad.",
                    [.. plan, .. followUp, data],
                    "El menú de transparencia del portal de la entidad puede enlazar directamente las páginas de este sitio que se listan aquí: el plan con su seguimiento al último corte y cada corte publicado como informe de seguimiento."),
            ],
        };
    }
}

/// <summary>One obligation: the norm and its provision, what it requires, where this site meets it, and a note on scope.</summary>
public sealed record Obligation(string Norm, string Provision, string Requirement, IReadOnlyList<ObligationLink> Links, string HowMet);

/// <summary>A page of this site that meets an obligation.</summary>
public sealed record ObligationLink(string Text, string Path, string? Fragment = null);
