using Pei.Site.Build;
using Pei.Site.Write;

namespace Pei.Site.Tests.Hardening;

/// <summary>Builds into one output folder take turns, leave no work folders behind, and clear those of a killed build.</summary>
public sealed class ConcurrentBuildTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Output => temp["_site"];

    private Cli.Outcome Build() => Cli.Run("build", "--content", Repository.Content, "--out", Output, "--theme", Repository.Theme);

    private static Dictionary<string, string> Site(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f)), StringComparer.Ordinal);

    [Fact]
    public void Concurrent_builds_into_one_folder_all_succeed_with_a_complete_site_and_no_leftovers()
    {
        using var reference = new TempFolder();
        Assert.Equal(0, Cli.Run("build", "--content", Repository.Content, "--out", reference["_site"], "--theme", Repository.Theme).ExitCode);

        var outcomes = Bounded.Run(() =>
        {
            var results = new Cli.Outcome[4];
            var builds = Enumerable.Range(0, 4).Select(i => new Thread(() => results[i] = Build()) { IsBackground = true }).ToList();
            builds.ForEach(t => t.Start());
            builds.ForEach(t => t.Join());
            return results;
        }, "four concurrent builds");

        Assert.All(outcomes, outcome => Assert.True(outcome.ExitCode == 0, outcome.Stderr));
        Assert.Equal(Site(reference["_site"]), Site(Output));
        BesideOutput.HasOnlyTheOutputAndItsEarlierGeneration(temp.Path, "_site");
    }

    [Fact]
    public void A_build_clears_the_work_folders_a_killed_build_of_the_same_output_left_and_no_others()
    {
        Directory.CreateDirectory(Path.Combine(temp["._site.nuevo-0123456789ab"], "objetivos"));
        Directory.CreateDirectory(temp["._site.anterior-0123456789ab"]);
        Directory.CreateDirectory(temp["._otro.nuevo-0123456789ab"]);
        Directory.CreateDirectory(temp["._site.nuevo-notes"]);
        var outside = Directory.CreateDirectory(temp["fuera"]).FullName;
        File.WriteAllText(Path.Combine(outside, "intacto.txt"), Hazards.Secret);
        Hazards.Link(temp["._site.anterior-ba9876543210"], outside);

        Assert.Equal(0, Build().ExitCode);

        Assert.Equal(["._otro.nuevo-0123456789ab", "._site.nuevo-notes", "_site", "fuera"],
            Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Hazards.Secret, File.ReadAllText(Path.Combine(outside, "intacto.txt")));
    }

    [Fact]
    public void A_build_that_cannot_get_its_turn_in_time_fails_with_PEI043_and_leaves_the_site_as_it_was()
    {
        Assert.Equal(0, Build().ExitCode);
        var before = Site(Output);
        using (var held = new FileStream(temp["._site.lock"], FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.True(Pei.Site.FileSystem.ExclusiveLock.TryTake(held.SafeFileHandle));
            var result = Pipeline.Build(Repository.Content, Output, Repository.Theme, new Pipeline.BuildOptions(LockWait: TimeSpan.FromMilliseconds(300)));

            Assert.Equal(
                [$"{Output}:1:1: error PEI043: otra compilación está escribiendo en '{Output}' desde hace más de 0 segundos; espere a que termine y vuelva a intentarlo"],
                result.Diagnostics.Select(d => d.ToString()));
        }
        Assert.Equal(before, Site(Output));
        Assert.Equal(["._site.lock", "_site"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_link_planted_at_the_lock_files_name_is_refused_and_its_target_untouched()
    {
        var outside = temp["fuera.txt"];
        Hazards.Link(temp["._site.lock"], outside);

        var outcome = Build();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error PEI101:", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(outside));
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void The_output_lock_excludes_a_second_holder_without_the_runtimes_implicit_file_locks()
    {
        // The program and this test host both run with System.IO.DisableFileLocking: FileShare.None alone locks nothing.
        Assert.True(AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled);
        var path = temp["._site.lock"];
        using var first = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using (var second = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.True(Pei.Site.FileSystem.ExclusiveLock.TryTake(first.SafeFileHandle));
            Assert.False(Pei.Site.FileSystem.ExclusiveLock.TryTake(second.SafeFileHandle));
        }
        first.Dispose();
        using var third = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Assert.True(Pei.Site.FileSystem.ExclusiveLock.TryTake(third.SafeFileHandle));
    }
}
