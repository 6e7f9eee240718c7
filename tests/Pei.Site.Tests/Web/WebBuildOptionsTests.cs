using AngleSharp.Html.Parser;

namespace Pei.Site.Tests.Web;

/// <summary>build without a base URL or without --pdf, the plan's own url and licencia, and the errors of both options.</summary>
public class WebBuildOptionsTests
{
    [Fact]
    public void Without_a_base_url_the_build_succeeds_says_what_it_left_out_and_pages_still_have_a_description()
    {
        using var temp = new TempFolder();
        var result = Cli.Run("build", "--content", Repository.Content, "--out", temp["_site"], "--theme", Repository.Theme);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no se generaron sitemap.xml ni feed.xml", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("canónicos", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["_site/sitemap.xml"]));
        Assert.False(File.Exists(temp["_site/feed.xml"]));
        Assert.True(File.Exists(temp["_site/robots.txt"]));
        Assert.False(Directory.Exists(temp["_site/informes"]));
        var home = new HtmlParser().ParseDocument(File.ReadAllText(temp["_site/index.html"]));
        Assert.False(string.IsNullOrWhiteSpace(home.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.Null(home.QuerySelector("link[rel=canonical]"));
        Assert.Null(home.QuerySelector("link[type='application/atom+xml']"));
        Assert.Empty(home.QuerySelectorAll("a[href$='.pdf']"));
        var notFound = new HtmlParser().ParseDocument(File.ReadAllText(temp["_site/404.html"]));
        Assert.Equal("/css/site.css", notFound.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("example.gov.co/pei")]
    [InlineData("ftp://example.gov.co/")]
    [InlineData("/pei/")]
    public void A_base_url_that_is_not_absolute_http_is_a_usage_error(string url)
    {
        using var temp = new TempFolder();
        var result = Cli.Run("build", "--content", Repository.Content, "--out", temp["_site"], "--base-url", url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--base-url", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Fact]
    public void The_plan_url_and_licence_are_used_and_the_flag_wins_over_the_url()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var plan = Path.Combine(content, "plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("cortes:\n", "url: https://plan.example.org/sitio\nlicencia:\n  nombre: Licencia abierta de prueba\n  url: https://example.org/licencia\ncortes:\n", StringComparison.Ordinal));

        var fromPlan = Cli.Run("build", "--content", content, "--out", temp["a"], "--theme", Repository.Theme);
        var fromFlag = Cli.Run("build", "--content", content, "--out", temp["b"], "--theme", Repository.Theme, "--base-url", "https://flag.example.org/x/");

        Assert.True(fromPlan.ExitCode == 0, fromPlan.Stderr);
        Assert.Contains("<loc>https://plan.example.org/sitio/</loc>", File.ReadAllText(temp["a/sitemap.xml"]), StringComparison.Ordinal);
        Assert.Contains("<loc>https://flag.example.org/x/</loc>", File.ReadAllText(temp["b/sitemap.xml"]), StringComparison.Ordinal);
        var data = new HtmlParser().ParseDocument(File.ReadAllText(temp["a/datos/index.html"]));
        Assert.Equal("Licencia abierta de prueba", data.QuerySelector("a[rel=license]")!.TextContent);
        Assert.Contains("https://example.org/licencia", File.ReadAllText(temp["a/datos/datapackage.json"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_url_that_is_not_a_web_address_is_PEI080_at_its_line()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var plan = Path.Combine(content, "plan.yaml");
        var text = File.ReadAllText(plan).Replace("cortes:\n", "url: www.entidad.gov.co/pei\ncortes:\n", StringComparison.Ordinal);
        File.WriteAllText(plan, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("url:", StringComparison.Ordinal)) + 1;

        var result = Cli.Run("validate", "--content", content);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.EndsWith($"plan.yaml:{line}:6: error PEI080: 'url' debe ser una dirección web completa que empiece por https:// o http://, p. ej. https://www.entidad.gov.co/pei/, pero se encontró 'www.entidad.gov.co/pei'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_without_chromium_fails_with_PEI081_saying_how_to_install_it_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var missing = temp["no-hay-chromium"];
        // The program as its own process: PEI_CHROMIUM is read from the environment, which this process shares with
        // every other test.
        var result = Cli.AsProcess(new Dictionary<string, string> { ["PEI_CHROMIUM"] = missing },
            "build", "--content", Repository.Content, "--out", temp["_site"], "--theme", Repository.Theme, "--pdf");

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"{missing}:1:1: error PEI081:", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", error, StringComparison.Ordinal);
        Assert.Contains("PEI_CHROMIUM", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Fact]
    public void Publish_workflow_builds_with_the_pages_address_and_the_pdf_reports()
    {
        var workflow = File.ReadAllText(Repository.PathTo(".github", "workflows", "publish.yml"));

        Assert.Contains("id: pages", workflow, StringComparison.Ordinal);
        Assert.Contains("--base-url \"${{ steps.pages.outputs.base_url }}\" --pdf", workflow, StringComparison.Ordinal);
        Assert.True(workflow.IndexOf("actions/configure-pages", StringComparison.Ordinal) < workflow.IndexOf("--base-url", StringComparison.Ordinal));
        Assert.Contains("apt-get install -y -qq chromium", workflow, StringComparison.Ordinal);
    }
}
