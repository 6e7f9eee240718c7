using Pei.Site.Serve;

namespace Pei.Site.Tests.Serve;

/// <summary>How serve maps a request path to a file of the site, checked against a real file just outside the site.</summary>
public sealed class SiteFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _root;

    public SiteFilesTests()
    {
        _root = _temp["sitio"];
        Directory.CreateDirectory(Path.Combine(_root, "objetivos", "3"));
        File.WriteAllText(Path.Combine(_root, "index.html"), "inicio");
        File.WriteAllText(Path.Combine(_root, "objetivos", "3", "index.html"), "objetivo");
        File.WriteAllText(_temp["plan.yaml"], "secreto");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/index.html", "index.html")]
    [InlineData("/objetivos/3/", "objetivos/3/index.html")]
    [InlineData("/objetivos//3/", "objetivos/3/index.html")]
    [InlineData("/objetivos/%33/index.html", "objetivos/3/index.html")]
    public void A_path_inside_the_site_finds_its_file(string path, string file)
    {
        var found = Assert.IsType<SiteFiles.Found>(SiteFiles.Resolve(_root, path));
        Assert.Equal(Path.Combine(_root, file), found.File);
    }

    [Theory]
    [InlineData("/objetivos/3", "/objetivos/3/")]
    [InlineData("//objetivos/3", "/objetivos/3/")]
    public void A_folder_without_its_slash_redirects_within_the_site(string path, string location) =>
        Assert.Equal(location, Assert.IsType<SiteFiles.Redirect>(SiteFiles.Resolve(_root, path)).Location);

    [Theory]
    [InlineData("/../plan.yaml")]
    [InlineData("/%2e%2e/plan.yaml")]
    [InlineData("/%2E%2E%2Fplan.yaml")]
    [InlineData("/objetivos/../../plan.yaml")]
    [InlineData("/..%5cplan.yaml")]
    [InlineData("/.%2e/plan.yaml")]
    [InlineData("/./index.html")]
    [InlineData("/index.html%00")]
    [InlineData("/%zz")]
    [InlineData("plan.yaml")]
    [InlineData("/no-existe.html")]
    public void A_path_outside_the_site_or_not_in_it_is_missing(string path) =>
        Assert.IsType<SiteFiles.Missing>(SiteFiles.Resolve(_root, path));

    /// <summary>The site as serve holds it: paths in memory, no folder.</summary>
    private static readonly SiteFiles.Tree InMemory = new(["index.html", "objetivos/3/index.html", "css/site.css"]);

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/objetivos/3/", "objetivos/3/index.html")]
    [InlineData("/objetivos//3/index.html", "objetivos/3/index.html")]
    [InlineData("/css/site.css", "css/site.css")]
    public void A_site_in_memory_finds_its_files_by_relative_path(string path, string file) =>
        Assert.Equal(file, Assert.IsType<SiteFiles.Found>(SiteFiles.Resolve(InMemory, path)).File);

    [Fact]
    public void A_folder_in_memory_without_its_slash_redirects() =>
        Assert.Equal("/objetivos/3/", Assert.IsType<SiteFiles.Redirect>(SiteFiles.Resolve(InMemory, "/objetivos/3")).Location);

    [Theory]
    [InlineData("/objetivos/")]
    [InlineData("/../index.html")]
    [InlineData("/objetivos/%2e%2e/index.html")]
    [InlineData("/index.html%00")]
    [InlineData("index.html")]
    public void A_path_not_in_the_site_in_memory_is_missing(string path) =>
        Assert.IsType<SiteFiles.Missing>(SiteFiles.Resolve(InMemory, path));
}
