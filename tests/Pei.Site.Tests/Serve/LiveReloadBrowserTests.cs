using Microsoft.Playwright;
using Pei.Site.Tests.Browser;

namespace Pei.Site.Tests.Serve;

/// <summary>The reload script in Chromium, under the pages' own Content-Security-Policy.</summary>
[Trait(Needs.Trait, Needs.Chromium)]
public sealed class LiveReloadBrowserTests
{
    [Fact]
    public async Task An_open_page_reloads_by_itself_after_an_edit_without_breaking_the_content_security_policy()
    {
        var served = new ServedContent(prepare: ServedContent.Unpublish);
        await served.InitializeAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        try
        {
            var page = await browser.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    problems.Add(message.Text);
                }
            };
            page.PageError += (_, error) => problems.Add(error);
            await page.GotoAsync(served.Server.BaseUrl + "objetivos/3/");
            Assert.Contains("74,40", await page.InnerTextAsync("main"), StringComparison.Ordinal);

            await served.EditAsync(served.IndicatorFile("4199"), "ejecutado: 0.36456", "ejecutado: 0.49");

            await page.WaitForFunctionAsync("() => !document.querySelector('main').innerText.includes('74,40')", null,
                new PageWaitForFunctionOptions { Timeout = 10_000 });
            Assert.Equal("/__pei/recarga.js?v=2", await page.GetAttributeAsync("head script", "src"));
            Assert.Empty(problems);
        }
        finally
        {
            await served.DisposeAsync();
        }
    }
}
