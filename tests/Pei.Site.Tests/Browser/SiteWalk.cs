using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Pei.Site.Tests.Browser;

/// <summary>
/// Visits every page of the sites once, two at a time (a browser context per worker, both on the one Chromium), and reads
/// in that visit everything checked on every page: the language, headings and landmarks and axe-core at 1280 px, the
/// width at 320 px, on objective pages the tables against the printed page, and all along the console and the requests.
/// No fixed waits: a visit goes on at the page's load event, and ends once every request the page made has finished.
/// </summary>
public static class SiteWalk
{
    /// <summary>
    /// Pages open at once. On two cores more only cost Chromium more CPU (every open page is composited, every context
    /// is a renderer of its own) without ending the walk sooner.
    /// </summary>
    public const int Workers = 2;

    /// <summary>Paths that do not exist, whose answer is the site's 404 page, served at the root and three folders down.</summary>
    public static readonly IReadOnlyList<string> MissingPaths = ["no-existe.html", "a/b/no-existe/"];

    /// <summary>The pages whose tables are measured against the printed page: the objective pages.</summary>
    public static bool IsPrinted(string path) => path.Contains("objetivos/", StringComparison.Ordinal);

    private static readonly string[] WcagAA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe-core as Deque.AxeCore bundles it, run in every page of a walk's contexts before the page's own scripts.</summary>
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    /// <summary>Visits every page of <paramref name="pages"/> once; returns the visits by address.</summary>
    public static async Task<IReadOnlyDictionary<string, PageVisit>> WalkAsync(IBrowser browser, IEnumerable<(string BaseUrl, string Path)> pages)
    {
        var queue = new Queue<(string BaseUrl, string Path)>(pages);
        var visits = new Dictionary<string, PageVisit>(StringComparer.Ordinal);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            await using var context = await NewContextAsync(browser);
            var visitor = new Visitor(await context.NewPageAsync());
            while (true)
            {
                (string BaseUrl, string Path) page;
                lock (queue)
                {
                    if (!queue.TryDequeue(out page))
                    {
                        return;
                    }
                }
                var visit = await visitor.VisitAsync(page.BaseUrl, page.Path);
                lock (visits)
                {
                    visits.Add(page.BaseUrl + page.Path, visit);
                }
            }
        }));
        return visits;
    }

    /// <summary>A context as a walk's worker has: 1280 × 900, es-CO, and axe-core in every page.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "es-CO",
            JavaScriptEnabled = true,
        });
        await context.AddInitScriptAsync(AxeScript);
        return context;
    }

    /// <summary>axe-core's violations of WCAG 2.1 A and AA on the page as it is, one line each ("id (impact) help — nodes").</summary>
    public static Task<string[]> AxeViolationsAsync(IPage page) => page.EvaluateAsync<string[]>(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then(r => r.violations.map(v => " +
        "v.id + ' (' + v.impact + ') ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.html).join(' | ')))",
        WcagAA);

    /// <summary>The widths every page is laid out at: desktop, tablet, 200 % zoom of 1280 px, a phone, 400 % zoom of 1280 px.</summary>
    public static readonly IReadOnlyList<(int Width, string Name)> Widths =
        [(1280, "1280 px"), (768, "768 px"), (640, "640 px (200 %)"), (375, "375 px"), (320, "320 px (400 %)")];

    /// <summary>The smallest text a chart may show, in CSS px as rendered.</summary>
    public const double SmallestChartText = 12;

    /// <summary>
    /// What the page shows wrong at the width it is laid out at: the document or a table scrolling sideways, a caption cut,
    /// a chart text under <see cref="SmallestChartText"/> px as rendered (its font size times the SVG's scale), and two
    /// texts of a chart whose boxes overlap. Returns the problems and how many chart texts it measured.
    /// </summary>
    private const string LayoutScript = """
        width => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > width) problems.push('the page is ' + root.scrollWidth + ' px wide');
          for (const region of document.querySelectorAll('.tabla')) {
            if (region.scrollWidth > region.clientWidth + 1) {
              const caption = region.querySelector('caption');
              problems.push('the table "' + (caption ? caption.textContent.trim() : '') + '" scrolls (' + region.scrollWidth + ' px in ' + region.clientWidth + ' px)');
            }
          }
          for (const caption of document.querySelectorAll('caption')) {
            const box = caption.getBoundingClientRect();
            if (caption.getClientRects().length > 0 && (caption.scrollWidth > caption.clientWidth + 1 || box.right > width + 1 || box.left < -1))
              problems.push('the caption "' + caption.textContent.trim() + '" is cut');
          }
          let chartTexts = 0;
          for (const svg of document.querySelectorAll('svg.grafica')) {
            if (svg.getClientRects().length === 0 || getComputedStyle(svg).display === 'none') continue;
            const scale = svg.getScreenCTM().a;
            const boxes = [];
            for (const text of svg.querySelectorAll('text')) {
              if (!text.textContent.trim()) continue;
              chartTexts++;
              const size = parseFloat(getComputedStyle(text).fontSize) * scale;
              if (size < 12 - 0.01) problems.push('chart text "' + text.textContent + '" is ' + size.toFixed(1) + ' px');
              boxes.push([text.textContent, text.getBoundingClientRect()]);
            }
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const [a, p] = boxes[i], [b, q] = boxes[j];
                if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
                  problems.push('chart texts "' + a + '" and "' + b + '" overlap');
              }
          }
          return { problems, chartTexts };
        }
        """;

    /// <summary>One page of one worker, visiting one path after another.</summary>
    private sealed class Visitor
    {
        private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(30);

        private readonly IPage page;
        private readonly object gate = new();
        private readonly HashSet<IRequest> pending = [];
        private TaskCompletionSource? settled;
        private List<string> problems = [];

        public Visitor(IPage page)
        {
            this.page = page;
            page.Console += (_, message) =>
            {
                var ownNotFound = page.Url.EndsWith("/no-existe.html", StringComparison.Ordinal) && message.Text.Contains("404", StringComparison.Ordinal);
                ownNotFound |= page.Url.EndsWith("/a/b/no-existe/", StringComparison.Ordinal) && message.Text.Contains("404", StringComparison.Ordinal);
                if (message.Type is "error" or "warning" && !ownNotFound)
                {
                    Problem($"{page.Url}: console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => Problem($"{page.Url}: page error: {error}");
            page.Response += (_, response) =>
            {
                if (response.Status >= 400 && !response.Url.EndsWith("/no-existe.html", StringComparison.Ordinal) && !response.Url.EndsWith("/a/b/no-existe/", StringComparison.Ordinal))
                {
                    Problem($"{page.Url}: HTTP {response.Status} for {response.Url}");
                }
            };
            page.Request += (_, request) =>
            {
                lock (gate)
                {
                    pending.Add(request);
                }
            };
            page.RequestFinished += (_, request) => Settle(request);
            page.RequestFailed += (_, request) =>
            {
                Problem($"{page.Url}: failed request {request.Url}");
                Settle(request);
            };
        }

        private void Problem(string text)
        {
            lock (gate)
            {
                problems.Add(text);
            }
        }

        private void Settle(IRequest request)
        {
            lock (gate)
            {
                pending.Remove(request);
                if (pending.Count == 0)
                {
                    settled?.TrySetResult();
                }
            }
        }

        /// <summary>Completes once every request the page started has finished or failed.</summary>
        private async Task RequestsSettledAsync()
        {
            Task all;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return;
                }
                settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                all = settled.Task;
            }
            try
            {
                await all.WaitAsync(RequestLimit);
            }
            catch (TimeoutException)
            {
                lock (gate)
                {
                    problems.AddRange(pending.Select(r => $"{page.Url}: request {r.Url} not finished after {RequestLimit.TotalSeconds} s"));
                    pending.Clear();
                }
            }
        }

        public async Task<PageVisit> VisitAsync(string baseUrl, string path)
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Null });
            await page.GotoAsync(baseUrl + path);

            var structure = await page.EvaluateAsync<JsonElement>(
                "() => ({ language: document.documentElement.getAttribute('lang'), headings: document.querySelectorAll('h1').length, " +
                "mains: document.querySelectorAll('main#contenido').length, headers: document.querySelectorAll('header').length, " +
                "footers: document.querySelectorAll('footer').length, navs: document.querySelectorAll('nav').length })");
            var violations = await AxeViolationsAsync(page);

            // Every width from desktop to phone, and the 200 % and 400 % zoom of a 1280 px screen (640 and 320 CSS px):
            // nothing scrolls sideways, no caption is cut, and the chart that shows has text of 12 px or more, no two
            // texts overlapping (their boxes as the browser lays them out).
            var layoutProblems = new List<string>();
            var chartTexts = 0;
            foreach (var (width, name) in Widths)
            {
                await ResizeAsync(width, 900);
                var layout = await page.EvaluateAsync<JsonElement>(LayoutScript, width);
                layoutProblems.AddRange(layout.GetProperty("problems").EnumerateArray().Select(p => $"{path} at {name}: {p.GetString()}"));
                chartTexts += layout.GetProperty("chartTexts").GetInt32();
            }

            // Laid out at 320 px by the last of the widths above.
            var phone = await page.EvaluateAsync<JsonElement>(
                "() => ({ width: document.documentElement.scrollWidth, " +
                "scrolling: [...document.querySelectorAll('.tabla')].filter(r => r.querySelector('table.metas, table.erratas-tabla'))" +
                ".filter(r => r.scrollWidth > r.clientWidth + 1).map(r => r.querySelector('caption').textContent + ': ' + r.scrollWidth + ' px'), " +
                "objectiveTables: document.querySelectorAll('table.metas').length })");

            string[] overflowing = [];
            if (IsPrinted(path))
            {
                // The printable width of landscape A4 with the stylesheet's 12 mm margins is about 1030 CSS px.
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                await ResizeAsync(1030, 700);
                overflowing = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)" +
                    ".map(t => (t.caption ? t.caption.textContent : '') + ': ' + Math.round(t.getBoundingClientRect().right) + ' px')");
            }

            await RequestsSettledAsync();
            List<string> found;
            lock (gate)
            {
                (found, problems) = (problems, []);
            }
            return new PageVisit
            {
                Path = path,
                Language = structure.GetProperty("language").GetString(),
                Headings = structure.GetProperty("headings").GetInt32(),
                Mains = structure.GetProperty("mains").GetInt32(),
                Headers = structure.GetProperty("headers").GetInt32(),
                Footers = structure.GetProperty("footers").GetInt32(),
                Navs = structure.GetProperty("navs").GetInt32(),
                AxeViolations = violations.Select(v => $"{path}: {v}").ToList(),
                ConsoleAndRequestProblems = found,
                WidthAt320 = phone.GetProperty("width").GetInt32(),
                TablesScrollingAt320 = phone.GetProperty("scrolling").EnumerateArray().Select(s => s.GetString()!).ToList(),
                ObjectiveTables = phone.GetProperty("objectiveTables").GetInt32(),
                TablesWiderThanPrintedPage = overflowing,
                LayoutProblems = layoutProblems,
                ChartTexts = chartTexts,
            };
        }

        /// <summary>Resizes the viewport and goes on once the page lays out at the new width.</summary>
        private async Task ResizeAsync(int width, int height)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.EvaluateAsync(
                "width => new Promise(resolve => { const laidOut = () => window.innerWidth === width ? resolve() : requestAnimationFrame(laidOut); laidOut(); })",
                width);
        }
    }
}
