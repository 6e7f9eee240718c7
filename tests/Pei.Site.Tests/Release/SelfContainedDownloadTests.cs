using System.Diagnostics;

namespace Pei.Site.Tests.Release;

/// <summary>The Linux download as release.yml builds it: published once (self-contained, not trimmed) into a temporary
/// folder with the site theme beside it, shared by the tests of this class. The generator's sources are copied first,
/// so that publishing leaves the repository's bin/ and obj/ alone.
/// One step of the release is left out: ReadyToRun (-p:PublishReadyToRun=false), which precompiles every assembly and
/// is most of the time a publish takes. It only adds native code beside the IL of assemblies the download carries
/// either way, and the runtime's own assemblies come precompiled in its runtime pack both ways; what can break a
/// download (a missing runtime file or native library, the reference assemblies the template compiler reads at run
/// time, the theme beside it, a dotnet found on the PATH) is the same with it or without.</summary>
public sealed class SelfContainedDownload : IDisposable
{
    private readonly TempFolder temp = new();

    public SelfContainedDownload()
    {
        Folder = temp["pei-site-linux-x64"];
        var sources = temp["fuentes"];
        foreach (var file in Directory.GetFiles(Repository.PathTo("generator"), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Repository.PathTo("generator"), f).Split(Path.DirectorySeparatorChar)[0].Equals("bin", StringComparison.Ordinal)
                && !Path.GetRelativePath(Repository.PathTo("generator"), f).Split(Path.DirectorySeparatorChar)[0].Equals("obj", StringComparison.Ordinal)))
        {
            var target = Path.Combine(sources, "generator", Path.GetRelativePath(Repository.PathTo("generator"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        foreach (var name in new[] { "Directory.Build.props", "global.json" })
        {
            File.Copy(Repository.PathTo(name), Path.Combine(sources, name));
        }
        var publish = new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(sources, "generator"), "-r", "linux-x64", "--self-contained", "-c", "Release", "-p:PublishTrimmed=false", "-p:PublishReadyToRun=false",
                "-o", Folder, "-v", "q", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish falló ({process.ExitCode}):\n{output.Result}\n{error}");
        }
        TempFolder.CopyTree(Repository.Theme, Path.Combine(Folder, "site-theme"));
        EmptyBin = Directory.CreateDirectory(temp["bin-sin-dotnet"]).FullName;
    }

    public string Folder { get; }

    /// <summary>A folder with nothing in it: the only PATH the download gets, so no dotnet can be found.</summary>
    public string EmptyBin { get; }

    public string Scratch(string name) => temp[name];

    public void Dispose() => temp.Dispose();
}

[Trait(Needs.Trait, Needs.Publish)]
public sealed class SelfContainedDownloadTests(SelfContainedDownload download) : IClassFixture<SelfContainedDownload>
{
    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(download.Folder, "pei-site"), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = download.EmptyBin;
        start.Environment["HOME"] = download.Scratch("home");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the download did not finish");
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Fact]
    public void Download_validates_the_real_content_with_no_dotnet_on_the_path()
    {
        Assert.False(File.Exists(Path.Combine(download.EmptyBin, "dotnet")));

        var (exitCode, stdout, stderr) = Run("validate", "--content", Repository.Content);

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"^Contenido válido: \d+ objetivos, \d+ indicadores, \d+ cortes? publicados?\.\n$", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Download_builds_the_site_with_the_theme_it_carries()
    {
        var output = download.Scratch("_site");

        var (exitCode, stdout, stderr) = Run("build", "--content", Repository.Content, "--theme", Path.Combine(download.Folder, "site-theme"), "--out", output);

        Assert.True(exitCode == 0, stderr);
        Assert.StartsWith($"Sitio generado en {output}:", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void Download_refuses_a_loop_a_named_pipe_and_a_sheet_bomb_as_the_program_does()
    {
        var content = download.Scratch("contenido-con-riesgos");
        TempFolder.CopyTree(Repository.PublishedJune2025, content);
        Directory.CreateSymbolicLink(Path.Combine(Directory.CreateDirectory(Path.Combine(content, "schemas")).FullName, "arriba"), "..");
        var pipe = download.Scratch("hoja.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [pipe]))!)
        {
            mkfifo.WaitForExit();
        }
        var blank = download.Scratch("blancas.csv");
        File.WriteAllText(blank, "corte;id (no editar);programado;ejecutado;observaciones\n" + new string('\n', 5_000_000));

        var loop = Run("validate", "--content", content);
        var fifo = Run("importar", pipe, "--content", Repository.PublishedJune2025);
        var bomb = Run("importar", blank, "--content", Repository.PublishedJune2025);

        Assert.Equal(1, loop.ExitCode);
        Assert.Contains($"{content}/schemas/arriba:1:1: error PEI114: ", loop.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, fifo.ExitCode);
        Assert.Contains("no es un archivo normal sino una tubería con nombre (FIFO)", fifo.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, bomb.ExitCode);
        Assert.Contains($"{blank}:100001:1: error PEI111: ", bomb.Stderr, StringComparison.Ordinal);
    }
}
