namespace Pei.Site.Tests.Hardening;

/// <summary>The output guard compares where folders really are: no link makes the content, the theme or .git look like another folder.</summary>
public sealed class OutputLinkTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public OutputLinkTests()
    {
        Directory.CreateDirectory(temp[".git"]);
        content = temp.Copy(Repository.Content, "content");
        Hazards.Link(temp["c2"], content);
    }

    public void Dispose() => temp.Dispose();

    private Cli.Outcome Build(string contentArgument, string output, string? theme = null) =>
        Cli.Run("build", "--content", contentArgument, "--out", output, "--theme", theme ?? Repository.Theme);

    [Theory]
    [InlineData("c2", "content/objetivos")]
    [InlineData("c2", "c2/objetivos")]
    [InlineData("content", "c2/objetivos")]
    [InlineData("c2", "content")]
    [InlineData("content", "c2")]
    [InlineData("c2", "content/objetivos/nuevo/_site")]
    [InlineData("c2", "enlace-al-contenido")]
    [InlineData("c2", "enlace-al-contenido/objetivos")]
    [InlineData("c2", ".git/objects")]
    [InlineData("c2", "enlace-a-git")]
    public void An_output_that_resolves_into_the_content_or_git_is_refused_and_nothing_is_deleted(string contentArgument, string output)
    {
        Hazards.Link(temp["enlace-al-contenido"], content);
        Hazards.Link(temp["enlace-a-git"], temp[".git"]);
        var before = Hazards.Snapshot(temp.Path);

        var outcome = Build(temp[contentArgument], temp[output]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{temp[output]}:1:1: error PEI101: --out '{temp[output]}'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hazards.Snapshot(temp.Path));
    }

    [Fact]
    public void An_output_that_resolves_to_the_theme_is_refused()
    {
        var theme = temp.Copy(Repository.Theme, "site-theme");
        Hazards.Link(temp["tema"], theme);
        var before = Hazards.Snapshot(theme);

        var outcome = Build(content, temp["tema"], theme);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error PEI101: --out", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hazards.Snapshot(theme));
    }

    [Fact]
    public void An_output_that_is_a_link_to_a_safe_folder_writes_the_site_there()
    {
        var real = Directory.CreateDirectory(temp["publicado"]).FullName;
        Hazards.Link(temp["_site"], real);

        var outcome = Build(content, temp["_site"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.True(File.Exists(Path.Combine(real, "index.html")));
        Assert.Equal(real, new DirectoryInfo(temp["_site"]).LinkTarget);
        BesideOutput.HasOnlyTheOutputAndItsEarlierGeneration(temp.Path, "publicado", "_site", "content", "c2", ".git");
    }
}
