using System.Net;
using System.Text;
using Pei.Site.Render;

namespace Pei.Site.Serve;

/// <summary>
/// What serve shows when there is no good site to show the diagnostics on: before a first build succeeded, or while
/// the theme itself is broken (its templates cannot render even the last good content). The diagnostics are
/// HTML-encoded and the live-reload script is referenced, so the site appears as soon as the error is fixed.
/// It stands for every page of the site.
/// </summary>
internal static class BuildFailedPage
{
    public static IReadOnlyList<OutputFile> Files(IReadOnlyList<string> lines, string script)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="es-CO">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">
            <title>La vista previa no se pudo generar</title>
            """);
        html.Append("\n<script src=\"").Append(WebUtility.HtmlEncode(script)).Append("\" defer></script>\n");
        html.Append("""
            </head>
            <body>
            <main>
            <h1>La vista previa no se pudo generar</h1>
            <p>La vista previa aparecerá cuando se corrijan; esta página se actualiza sola al guardar.</p>
            <ul>

            """);
        foreach (var line in lines)
        {
            html.Append("<li><code>").Append(WebUtility.HtmlEncode(line)).Append("</code></li>\n");
        }
        html.Append("</ul>\n</main>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html.ToString());
        return [new OutputFile(SitePaths.Home, bytes), new OutputFile(SitePaths.NotFound, bytes)];
    }
}
