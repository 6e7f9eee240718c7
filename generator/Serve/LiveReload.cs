using System.Globalization;

namespace Pei.Site.Serve;

/// <summary>
/// The live-reload side of serve. Every preview page references <see cref="ScriptPath"/> with its build number in the
/// query (?v=N). The pages' Content-Security-Policy has <c>default-src 'none'</c> and <c>script-src 'self'</c>, so
/// fetch, XMLHttpRequest and EventSource (all under connect-src) are blocked; the script waits for the next build
/// by loading <see cref="WaitPath"/> as a script element instead: the server holds that request until the build
/// number differs from the page's (or <see cref="WaitLimit"/> passes) and answers with a script that reloads the page,
/// or with an empty one, after which the script asks again. No inline code, no eval.
/// <see cref="VersionPath"/> gives the current build number as text for tools and tests.
/// </summary>
internal static class LiveReload
{
    public const string Prefix = "/__pei/";
    public const string ScriptPath = Prefix + "recarga.js";
    public const string WaitPath = Prefix + "espera.js";
    public const string VersionPath = Prefix + "version";

    /// <summary>How long a wait request is held open when nothing changes.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    public const string Reload = "location.reload();\n";

    public const string NoChange = "// sin cambios\n";

    /// <summary>How pages built as <paramref name="version"/> reference the script.</summary>
    public static string ScriptHref(int version) => ScriptPath + "?v=" + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The build number a wait request carries in ?v=N; null when it has none.</summary>
    public static int? VersionOf(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public const string Script = """
        // pei-site serve: recarga la página cuando el sitio se vuelve a generar.
        (function () {
          "use strict";
          var self = document.currentScript;
          var match = self && /[?&]v=(\d+)/.exec(self.src);
          if (!match) { return; }
          var shown = match[1];
          var waiting = false;

          // The server answers when the build differs from this page's: "location.reload();", else nothing.
          function wait() {
            if (waiting || document.hidden) { return; }
            waiting = true;
            var probe = document.createElement("script");
            probe.src = "/__pei/espera.js?v=" + shown + "&t=" + Date.now();
            probe.onload = function () { probe.remove(); waiting = false; wait(); };
            probe.onerror = function () { probe.remove(); setTimeout(function () { waiting = false; wait(); }, 1000); };
            document.head.appendChild(probe);
          }

          // A hidden tab stops asking (browsers allow few connections per server) and asks again when shown.
          // The first request waits for the load event, which a pending script would otherwise hold back.
          document.addEventListener("visibilitychange", wait);
          if (document.readyState === "complete") { wait(); } else { window.addEventListener("load", wait); }
        })();

        """;
}
