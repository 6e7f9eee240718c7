using System.Globalization;

namespace Pei.Site.Tests.Write;

public class BuildOutputTests
{
    private static Cli.Outcome Build(string content, string output) =>
        Cli.Run("build", "--content", content, "--out", output, "--theme", Repository.Theme);

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public void A_failed_build_leaves_the_earlier_site_byte_for_byte_as_it_was()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var output = temp["_site"];
        Assert.Equal(0, Build(content, output).ExitCode);
        File.WriteAllText(Path.Combine(output, "nota-anterior.txt"), "sitio anterior");
        var before = Snapshot(output);

        var indicator = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(indicator, File.ReadAllText(indicator).Replace("ponderacion: 50", "ponderacion: 40", StringComparison.Ordinal));
        var failed = Build(content, output);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("no se escribió nada", failed.Stderr, StringComparison.Ordinal);
        var after = Snapshot(output);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        Assert.Empty(Directory.GetDirectories(temp.Path, "._site*"));
    }

    [Fact]
    public void A_failed_first_build_creates_no_output_folder()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        File.WriteAllText(Path.Combine(content, "plan.yaml"), "entidad: [sin cerrar\n");
        var output = temp["_site"];
        Assert.Equal(1, Build(content, output).ExitCode);
        Assert.False(Directory.Exists(output));
        Assert.Equal(["content"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_successful_build_replaces_the_earlier_site_whole()
    {
        using var temp = new TempFolder();
        var output = temp["_site"];
        Directory.CreateDirectory(Path.Combine(output, "viejo"));
        File.WriteAllText(Path.Combine(output, "viejo", "pagina.html"), "old");
        Assert.Equal(0, Build(Repository.Content, output).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(output, "viejo")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        BesideOutput.HasOnlyTheOutputAndItsEarlierGeneration(temp.Path, "_site");
    }

    [Fact]
    public void Two_builds_of_the_same_content_are_byte_identical_whatever_the_culture_and_time_zone()
    {
        using var temp = new TempFolder();
        var original = CultureInfo.CurrentCulture;
        var originalUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.Equal(0, Build(Repository.Content, temp["a"]).ExitCode);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            Assert.Equal(0, Build(Repository.Content, temp["b"]).ExitCode);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
        var a = Snapshot(temp["a"]);
        var b = Snapshot(temp["b"]);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, file => Assert.True(file.Value.AsSpan().SequenceEqual(b[file.Key]), file.Key + " differs"));
    }

    [Theory]
    [InlineData("content")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("/")]
    public void Build_refuses_an_output_folder_that_would_destroy_content_or_the_repository(string output)
    {
        using var temp = new TempFolder();
        var root = temp.Path;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var content = temp.Copy(Repository.Content, "content");
        var target = output == "/" ? "/" : Path.GetFullPath(Path.Combine(root, output));
        var before = Snapshot(content);
        var outcome = Build(content, target);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error PEI101", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), Snapshot(content).Keys.Order());
    }

    [Fact]
    public void Build_refuses_an_output_folder_inside_the_content_folder()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var outcome = Build(content, Path.Combine(content, "objetivos", "_site"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error PEI101", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(content, "objetivos", "_site")));
    }
}
