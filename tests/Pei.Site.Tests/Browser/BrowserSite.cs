using System.Text.Json;
using Microsoft.Playwright;
using Pei.Site.Render.Formatting;
using Pei.Site.Tests.Fixtures;
using Pei.Site.Text;

namespace Pei.Site.Tests.Browser;

/// <summary>
/// The sites the browser tests check, each built once per test run and served over HTTP on 127.0.0.1: the real
/// content/ and the plan-en-el-tiempo fixture (several cut-offs over two fiscal years, a corrected one). One Debian
/// Chromium, driven by Playwright, visits both before any test runs: every page once, two at a time, for all the checks
/// made on every page (<see cref="SiteWalk"/>), while the W3C checker reads them. Chromium is found by
/// <see cref="ChromiumPath"/>; when there is none the tests fail with a clear message (never skip).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string RealContent = "contenido";
    public const string Timeline = "plan-en-el-tiempo";

    /// <summary>The names of the sites, for [MemberData]: every browser check runs on each.</summary>
    public static TheoryData<string> Names => new(RealContent, Timeline);

    private readonly TempFolder temp = new();
    private readonly Dictionary<string, BuiltSite> sites = new(StringComparer.Ordinal);
    private IPlaywright? playwright;

    public BuiltSite this[string name] => sites[name];

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder
    {
        get
        {
            var folder = Path.Combine(Repository.Root, "test-artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        // A base URL at the host's root, as the server below serves the site: pages carry canonical and Open Graph
        // tags for the checkers, and the 404 page's links (which start from the base path, "/") resolve.
        var real = temp[RealContent];
        var build = Cli.Run("build", "--content", Repository.Content, "--out", real, "--theme", Repository.Theme, "--base-url", "https://example.gov.co/");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("the real content did not build:\n" + build.Stderr);
        }
        sites[RealContent] = new BuiltSite(RealContent, real, this);
        var timeline = temp[Timeline];
        TimelineFixture.Build(timeline);
        sites[Timeline] = new BuiltSite(Timeline, timeline, this);
        foreach (var site in sites.Values)
        {
            site.StartHtmlCheck();
        }
        var chromium = ChromiumPath();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var visits = await SiteWalk.WalkAsync(Browser, sites.Values.SelectMany(site => site.Pages.Concat(SiteWalk.MissingPaths).Select(path => (site.Server.BaseUrl, path))));
        foreach (var site in sites.Values)
        {
            site.Visits = site.Pages.Concat(SiteWalk.MissingPaths).ToDictionary(path => path, path => visits[site.Url(path)], StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The browser the checks drive: Chromium's headless shell when installed (PEI_CHROMIUM_SHELL, else Debian's
    /// /usr/bin/chromium-headless-shell), else Chromium (PEI_CHROMIUM, /usr/bin/chromium). The shell is the same build of
    /// the same engine without the browser's windows and interface, what Playwright itself runs headless: pages lay out
    /// and run as in Chromium, for much less CPU in the browser and compositor processes over a walk of every page.
    /// </summary>
    public static string ChromiumPath()
    {
        string?[] candidates =
        [
            Environment.GetEnvironmentVariable("PEI_CHROMIUM_SHELL"), "/usr/bin/chromium-headless-shell",
            Environment.GetEnvironmentVariable("PEI_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
        ];
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "No se encontró Chromium: instálelo (apt-get install -y chromium chromium-headless-shell) o indique su ruta en la variable PEI_CHROMIUM. " +
            "bash tests/run.sh lo instala automáticamente.");
    }

    /// <summary>
    /// A new browser context; <paramref name="width"/> sets a phone or desktop viewport. Close it when done (await using):
    /// an open page costs Chromium CPU time for as long as it is open.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = width, Height = height },
        Locale = "es-CO",
        JavaScriptEnabled = true,
    });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        foreach (var site in sites.Values)
        {
            site.Server.Dispose();
            if (site.HtmlCheck is { } check)
            {
                // The checker reads the site's folder: it ends before the folder goes.
                await check;
            }
        }
        temp.Dispose();
    }
}

/// <summary>One built site, served: its pages and what its own open data says about it (so no test assumes a shape).</summary>
public sealed class BuiltSite
{
    private readonly BrowserSite browser;

    public BuiltSite(string name, string output, BrowserSite browser)
    {
        this.browser = browser;
        Name = name;
        Out = output;
        Pages = Directory.GetFiles(Out, "*.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Out, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Plan = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "datos", "plan.json"))).RootElement.Clone();
        Server = new SiteServer(Out);
    }

    public string Name { get; }

    public string Out { get; }

    /// <summary>Every HTML page of the built site, as paths relative to the site root with forward slashes.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>The site's datos/plan.json.</summary>
    public JsonElement Plan { get; }

    public SiteServer Server { get; }

    public IBrowser Browser => browser.Browser;

    /// <summary>The W3C Nu Html Checker over the whole site, started with the walk; null when the checker is not installed.</summary>
    public Task<(int ExitCode, string Messages)>? HtmlCheck { get; private set; }

    internal void StartHtmlCheck() => HtmlCheck = File.Exists(NuHtmlChecker.Jar) ? NuHtmlChecker.RunAsync(Out) : null;

    /// <summary>The visit of every page and of <see cref="SiteWalk.MissingPaths"/>, by path (the fixture walks them before any test).</summary>
    public IReadOnlyDictionary<string, PageVisit> Visits { get; internal set; } = new Dictionary<string, PageVisit>();

    /// <summary>The newest published cut-off in plan.json.</summary>
    public JsonElement LatestCutOff => Plan.GetProperty("cortes").EnumerateArray().Last();

    /// <summary>The first objective page of the latest cut-off (the page people share).</summary>
    public string FirstObjectivePage => Pages.First(p => p.StartsWith("objetivos/", StringComparison.Ordinal));

    /// <summary>The cut-off a page shows, as the site writes it: its own on cortes/AAAA-MM-DD/ pages, else the latest.</summary>
    public string CutOffDateShownOn(string page)
    {
        var iso = page.StartsWith("cortes/", StringComparison.Ordinal) && page.Split('/') is { Length: > 2 } parts
            ? parts[1]
            : LatestCutOff.GetProperty("fecha").GetString()!;
        return EsCo.Date(DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An objective's cumplimiento at the latest cut-off as the site prints it ("106,16 %"), or null.</summary>
    public string? LatestCompliance(int objective) =>
        LatestCutOff.GetProperty("objetivos").EnumerateArray().Single(o => o.GetProperty("numero").GetInt32() == objective)
            .GetProperty("cumplimiento") is { ValueKind: JsonValueKind.Number } c ? EsCo.Percent(c.GetDecimal()) : null;

    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) => browser.NewContextAsync(width, height);

    public string Url(string page) => Server.BaseUrl + page;

    public override string ToString() => Name;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
