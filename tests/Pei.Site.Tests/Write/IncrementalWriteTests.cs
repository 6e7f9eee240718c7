using Pei.Site.FileSystem;
using Pei.Site.Tests.Hardening;

namespace Pei.Site.Tests.Write;

/// <summary>
/// A build stages the site in the generation kept by the build before last and writes only what changed: unchanged files
/// keep their inode, changed ones are replaced (never written through), and nothing the kept folder holds is followed.
/// </summary>
public class IncrementalWriteTests
{
    private static readonly string Fixture = Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "plan-en-el-tiempo");

    private static Cli.Outcome Build(string content, string output) =>
        Cli.Run("build", "--content", content, "--out", output, "--theme", Repository.Theme);

    private static ulong Inode(string path) => FileKinds.IdentityOf(path)!.Value.Inode;

    private static string Kept(string parent) => Assert.Single(Directory.GetDirectories(parent, "._site.anterior-*"));

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public void Unchanged_files_are_left_alone_and_only_changed_pages_are_written()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Fixture, "content");
        var output = temp["_site"];
        Assert.Equal(0, Build(content, output).ExitCode);
        var first = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(output, f), Inode);
        Assert.Equal(0, Build(content, output).ExitCode);
        // The third build stages in the first build's folder: every file is the same, so every inode is the first one's.
        Assert.Equal(0, Build(content, output).ExitCode);
        var third = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(output, f), Inode);
        Assert.Equal(first, third);

        // An edited observation changes its indicator's page (and the open data): those are new files, the rest is kept.
        var second = Directory.GetFiles(Kept(temp.Path), "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Kept(temp.Path), f), Inode);
        var indicator = Directory.GetFiles(Path.Combine(content, "objetivos"), "*.yaml", SearchOption.AllDirectories)
            .First(f => File.ReadAllText(f).Contains("observaciones:", StringComparison.Ordinal) && !f.EndsWith("objetivo.yaml", StringComparison.Ordinal));
        var id = Path.GetFileNameWithoutExtension(indicator);
        var text = File.ReadAllText(indicator);
        var at = text.LastIndexOf("observaciones:", StringComparison.Ordinal);
        File.WriteAllText(indicator, text[..at] + "observaciones: Texto corregido para la prueba de escritura incremental.\n" + text[text.IndexOf('\n', at)..].TrimStart('\n'));
        var edited = Build(content, output);
        Assert.True(edited.ExitCode == 0, edited.Stderr);
        var fourth = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(output, f), Inode);
        var rewritten = fourth.Where(f => second[f.Key] != f.Value).Select(f => f.Key.Replace('\\', '/')).ToList();
        Assert.Contains($"indicadores/{id}/index.html", rewritten);
        Assert.Contains("datos/plan.json", rewritten);
        Assert.DoesNotContain("metodologia/index.html", rewritten);
        Assert.DoesNotContain("css/site.css", rewritten.Select(p => p.Replace("static/", "")));
        Assert.True(rewritten.Count < fourth.Count / 2, $"{rewritten.Count} of {fourth.Count} files were written");
        Assert.Contains("Texto corregido para la prueba", File.ReadAllText(Path.Combine(output, "indicadores", id, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_and_hard_links_planted_in_the_kept_generation_are_replaced_never_followed()
    {
        using var temp = new TempFolder();
        var output = temp["_site"];
        Assert.Equal(0, Build(Fixture, output).ExitCode);
        Assert.Equal(0, Build(Fixture, output).ExitCode);
        var expected = Snapshot(output);
        var kept = Kept(temp.Path);

        // Outside the output: a folder a link leads to, and a file a hard link shares its inode with.
        var victim = Directory.CreateDirectory(temp["victima"]).FullName;
        File.WriteAllText(Path.Combine(victim, "nota.txt"), "no tocar");
        var shared = temp["compartido.html"];
        File.WriteAllText(shared, "no tocar");
        Directory.Delete(Path.Combine(kept, "indicadores"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(kept, "indicadores"), victim);
        File.Delete(Path.Combine(kept, "index.html"));
        Hazards.HardLink(shared, Path.Combine(kept, "index.html"));
        File.Delete(Path.Combine(kept, "metodologia", "index.html"));
        File.CreateSymbolicLink(Path.Combine(kept, "metodologia", "index.html"), shared);

        var outcome = Build(Fixture, output);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(["nota.txt"], Directory.GetFileSystemEntries(victim).Select(Path.GetFileName));
        Assert.Equal("no tocar", File.ReadAllText(Path.Combine(victim, "nota.txt")));
        Assert.Equal("no tocar", File.ReadAllText(shared));
        var built = Snapshot(output);
        Assert.Equal(expected.Keys.Order(), built.Keys.Order());
        Assert.All(expected, file => Assert.Equal(file.Value, built[file.Key]));
        Assert.Null(new DirectoryInfo(Path.Combine(output, "indicadores")).LinkTarget);
        Assert.Null(new FileInfo(Path.Combine(output, "metodologia", "index.html")).LinkTarget);
    }

    [Fact]
    public void Work_folders_a_killed_build_left_are_reused_or_removed()
    {
        using var temp = new TempFolder();
        var output = temp["_site"];
        Assert.Equal(0, Build(Fixture, output).ExitCode);
        var expected = Snapshot(output);
        var staging = Directory.CreateDirectory(temp["._site.nuevo-0123456789ab"]).FullName;
        File.WriteAllText(Path.Combine(staging, "index.html"), "a medio escribir");
        File.WriteAllText(Path.Combine(staging, "sobrante.html"), "sobrante");
        Directory.CreateDirectory(Path.Combine(temp["._site.anterior-ba9876543210"], "css"));

        Assert.Equal(0, Build(Fixture, output).ExitCode);

        var built = Snapshot(output);
        Assert.Equal(expected.Keys.Order(), built.Keys.Order());
        Assert.All(expected, file => Assert.Equal(file.Value, built[file.Key]));
        BesideOutput.HasOnlyTheOutputAndItsEarlierGeneration(temp.Path, "_site");
    }
}
