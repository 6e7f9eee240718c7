using Microsoft.Playwright;

namespace Pei.Site.Tests.Browser;

/// <summary>
/// The real content built once, served over HTTP on 127.0.0.1, with Debian's Chromium driven by Playwright.
/// Chromium is found through PEI_CHROMIUM or /usr/bin/chromium; when there is none the tests fail with a clear message (never skip).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly TempFolder temp = new();
    private IPlaywright? playwright;

    public string Out => temp["_site"];

    public SiteServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Every HTML page of the built site, as paths relative to the site root with forward slashes.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

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
        var build = Cli.Run("build", "--content", Repository.Content, "--out", Out, "--theme", Repository.Theme, "--base-url", "https://example.gov.co/");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("the real content did not build:\n" + build.Stderr);
        }
        Pages = Directory.GetFiles(Out, "*.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Out, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Server = new SiteServer(Out);
        var chromium = ChromiumPath();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("PEI_CHROMIUM");
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "No se encontró Chromium: instálelo (apt-get install -y chromium) o indique su ruta en la variable PEI_CHROMIUM. " +
            "bash tests/run.sh lo instala automáticamente.");
    }

    /// <summary>A new page with its own context; <paramref name="width"/> sets a phone or desktop viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "es-CO",
            JavaScriptEnabled = true,
        });
        return await context.NewPageAsync();
    }

    public string Url(string page) => Server.BaseUrl + page;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        Server?.Dispose();
        temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
