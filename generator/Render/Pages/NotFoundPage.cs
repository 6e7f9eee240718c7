using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>
/// layouts/NotFound.cshtml (404.html). A host serves it at whatever path was missing, so no relative link can be right
/// from every depth: its links start from the site's base path, the path of the base URL ("/pei/"), or "/" when the
/// build has none. Opened from disk, without a server, its links therefore do not resolve; every other page's do.
/// </summary>
public sealed class NotFoundPage : Page
{
    public override string Template => "NotFound";
    public override string LinkRoot => Site.BasePath;
    public override string Description => $"La página que busca no existe en el sitio del {Site.PlanName}. Desde aquí puede volver al inicio, la metodología o los datos abiertos.";
}
