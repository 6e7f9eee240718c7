using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pei.Site.Tests.Release;

/// <summary>
/// The Linux download as release.yml builds it: the generator published with the workflow's own arguments
/// (<see cref="PublishArguments"/>: one self-contained program file), the theme and LEEME.txt beside it in a folder
/// pei-site/, packed with tar into pei-site-vX-linux-x64.tar.gz, and left in a planner's ~/Downloads (a home folder made
/// for the test). The program comes from <see cref="PublishedProgram"/>. The tests then do what the planners' guide says,
/// with its commands copied from content/README.md.
/// </summary>
public sealed class SelfContainedDownload : IDisposable
{
    /// <summary>What release.yml passes to <c>dotnet publish generator -r "$rid"</c> (WorkflowTests checks it is there).</summary>
    public static readonly string[] PublishArguments = ["-c", "Release", "-p:PeiDownload=true"];

    /// <summary>The most a download may weigh: 60 MB (60,000,000 bytes).</summary>
    public const long MaxArchiveBytes = 60L * 1000 * 1000;

    private readonly TempFolder temp = new();

    public SelfContainedDownload()
    {
        // As release.yml: publish into dist/linux-x64/pei-site, add the theme and LEEME.txt, pack the folder.
        var folder = temp["dist/linux-x64/pei-site"];
        PublishedProgram.Into(folder, temp["fuentes"]);
        TempFolder.CopyTree(Repository.Theme, Path.Combine(folder, "site-theme"));
        File.Copy(Repository.PathTo("generator/Download/LEEME.txt"), Path.Combine(folder, "LEEME.txt"));
        Home = Directory.CreateDirectory(temp["home"]).FullName;
        Archive = Path.Combine(Directory.CreateDirectory(Path.Combine(Home, "Downloads")).FullName, "pei-site-vX-linux-x64.tar.gz");
        Run("tar", ["-C", temp["dist/linux-x64"], "-czf", Archive, "pei-site"]);
        // The planner's clone of the repository: their content, no theme of its own.
        TempFolder.CopyTree(Repository.Content, Path.Combine(Home, "Documents", "pei-site-repo", "content"));
        Bin = MinimalBin(temp["bin"]);
    }

    /// <summary>The planner's home folder: the archive in Downloads, the repository in Documents/pei-site-repo.</summary>
    public string Home { get; }

    public string Archive { get; }

    /// <summary>The only PATH the planner's commands get: bash and what tar needs, and no dotnet.</summary>
    public string Bin { get; }

    public string Scratch(string name) => temp[name];

    public void Dispose() => temp.Dispose();

    private static string MinimalBin(string bin)
    {
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "bash", "tar", "gzip", "mkdir", "rm", "cp" })
        {
            var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(bin, tool), real);
        }
        return bin;
    }

    internal static void Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} falló ({process.ExitCode}):\n{output.Result}\n{error}");
        }
    }
}

/// <summary>
/// The generator as <c>dotnet publish</c> makes the download, published from a copy of its sources (so that publishing
/// leaves the repository's bin/ and obj/ alone). The publish is the costliest step of the release tests, and what it
/// makes depends only on what goes into it: the generator's files, the two build files copied beside them, the SDK and
/// the arguments. So when the test cache is on (PEI_CACHE, which tests/run.sh sets) the published folder is kept there
/// under the hash of all of those, and a later run with the same hash copies it instead of publishing again; any change
/// to one of them publishes afresh. A fresh clone, or PEI_CACHE unset or "no", always publishes.
/// </summary>
internal static class PublishedProgram
{
    private const string Runtime = "linux-x64";

    /// <summary>The files of the repository a publish reads, relative to its root: generator/ (without bin/, obj/) and the build files.</summary>
    private static IEnumerable<string> Inputs() =>
        Repository.GeneratorFiles()
            .Concat(["Directory.Build.props", "global.json"])
            .Order(StringComparer.Ordinal);

    /// <summary>Publishes the generator into <paramref name="folder"/> (<paramref name="sources"/> takes the copy of its sources), or copies the publish an earlier run kept.</summary>
    public static void Into(string folder, string sources)
    {
        var kept = CacheFolder() is { } cache ? Path.Combine(cache, Key()) : null;
        if (kept is not null && Directory.Exists(kept))
        {
            TempFolder.CopyTree(kept, folder);
            return;
        }
        foreach (var file in Inputs())
        {
            var target = Path.Combine(sources, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Repository.PathTo(file), target);
        }
        SelfContainedDownload.Run("dotnet", ["publish", Path.Combine(sources, "generator"), "-r", Runtime, .. SelfContainedDownload.PublishArguments, "-o", folder, "-v", "q", "-nologo"]);
        if (kept is not null)
        {
            Keep(folder, kept);
        }
    }

    /// <summary>PEI_CACHE/descarga-publicada, or null when the test cache is off.</summary>
    private static string? CacheFolder() =>
        Environment.GetEnvironmentVariable("PEI_CACHE") is { Length: > 0 } root and not "no" ? Path.Combine(Path.GetFullPath(root), "descarga-publicada") : null;

    /// <summary>The hash of every input of the publish: each file's path and bytes, the SDK's version and the arguments.</summary>
    private static string Key()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Inputs())
        {
            var bytes = File.ReadAllBytes(Repository.PathTo(file));
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Replace('\\', '/')}\0{bytes.Length}\0"));
            hash.AppendData(bytes);
        }
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\0', [SdkVersion(), Runtime, .. SelfContainedDownload.PublishArguments])));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static string SdkVersion()
    {
        var start = new ProcessStartInfo("dotnet", ["--version"]) { RedirectStandardOutput = true, WorkingDirectory = Repository.Root };
        using var process = Process.Start(start)!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version;
    }

    /// <summary>Keeps the publish in <paramref name="kept"/> as the cache's only entry: a copy renamed into place, so no run finds half of one.</summary>
    private static void Keep(string folder, string kept)
    {
        var cache = Path.GetDirectoryName(kept)!;
        var staging = kept + ".copia-" + Guid.NewGuid().ToString("N")[..8];
        TempFolder.CopyTree(folder, staging);
        try
        {
            Directory.Move(staging, kept);
        }
        catch (IOException)
        {
            // Another run kept the same publish first.
            Directory.Delete(staging, recursive: true);
        }
        foreach (var older in Directory.GetDirectories(cache).Where(d => d != kept && !d.Contains(".copia-", StringComparison.Ordinal)))
        {
            Directory.Delete(older, recursive: true);
        }
    }
}

[Trait(Needs.Trait, Needs.Publish)]
public sealed partial class SelfContainedDownloadTests(SelfContainedDownload download) : IClassFixture<SelfContainedDownload>
{
    [GeneratedRegex(@"^[ \t]*\*\*(?<system>[^*]+)\*\* \((?<terminal>[^)]+)\):\s*\n\s*\n\s*```(?<language>\w+)\n(?<commands>.*?)\n\s*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex GuideBlock();

    /// <summary>The command blocks of the guide's "Camino 2" for a system, in order ("Linux" matches "macOS o Linux").</summary>
    private static List<string> GuideCommands(string system)
    {
        var guide = File.ReadAllText(Repository.PathTo("content/README.md")).ReplaceLineEndings("\n");
        var start = guide.IndexOf("### Camino 2", StringComparison.Ordinal);
        var section = guide[start..guide.IndexOf("\n## 1.", start, StringComparison.Ordinal)];
        return GuideBlock().Matches(section)
            .Where(m => m.Groups["system"].Value.Split([" o ", ", "], StringSplitOptions.None).Contains(system))
            .SelectMany(m => m.Groups["commands"].Value.Split('\n').Select(l => l.Trim()))
            .Where(l => l.Length > 0)
            .ToList();
    }

    /// <summary>Runs the lines in one bash, from the home folder, as a planner types them into a terminal.</summary>
    private (int ExitCode, string Stdout, string Stderr) Type(IEnumerable<string> lines, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Path.Combine(download.Bin, "bash"), ["-e"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? download.Home,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = download.Bin;
        start.Environment["HOME"] = download.Home;
        using var process = Process.Start(start)!;
        process.StandardInput.Write(string.Join("\n", lines) + "\n");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the download did not finish");
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Fact]
    public void The_archive_weighs_at_most_60_MB()
    {
        var size = new FileInfo(download.Archive).Length;
        Assert.True(size <= SelfContainedDownload.MaxArchiveBytes, $"{Path.GetFileName(download.Archive)} pesa {size} bytes");
    }

    [Fact]
    public void The_guides_commands_unpack_the_download_validate_and_build_with_no_dotnet_on_the_path()
    {
        var commands = GuideCommands("Linux");
        Assert.Contains("tar -xzf ~/Downloads/pei-site-vX-linux-x64.tar.gz -C ~/Documents", commands);
        Assert.Contains("~/Documents/pei-site/pei-site validate", commands);
        Assert.Contains("~/Documents/pei-site/pei-site build", commands);
        Assert.DoesNotContain(Directory.GetFiles(download.Bin), f => Path.GetFileName(f) == "dotnet");

        var (exitCode, stdout, stderr) = Type(commands);

        Assert.True(exitCode == 0, stderr);
        var unpacked = Path.Combine(download.Home, "Documents", "pei-site");
        // The top level shows the program, the theme and LEEME.txt, and nothing else.
        Assert.Equal(["LEEME.txt", "pei-site", "site-theme"],
            Directory.GetFileSystemEntries(unpacked).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var lines = stdout.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Contenido válido: \d+ objetivos, \d+ indicadores, \d+ cortes? publicados?\.$", lines[0]);
        Assert.StartsWith("Sitio generado en _site:", lines[1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(download.Home, "Documents", "pei-site-repo", "_site", "index.html")));
    }

    [Fact]
    public void The_macOS_commands_are_the_Linux_ones_with_the_macOS_archive()
    {
        var mac = GuideCommands("macOS");
        Assert.Contains("tar -xzf ~/Downloads/pei-site-vX-osx-arm64.tar.gz -C ~/Documents", mac);
        Assert.Contains("xattr -dr com.apple.quarantine ~/Documents/pei-site", mac);
        Assert.Contains("~/Documents/pei-site/pei-site validate", mac);
        // Windows: the archive holds the same folder, so the program is Documents\pei-site\pei-site.exe.
        var windows = GuideCommands("Windows");
        Assert.Contains("Expand-Archive \"$HOME\\Downloads\\pei-site-vX-win-x64.zip\" -DestinationPath \"$HOME\\Documents\"", windows);
        Assert.Contains("& \"$HOME\\Documents\\pei-site\\pei-site.exe\" validate", windows);
    }

    [Fact]
    public void Without_its_theme_folder_the_download_says_so_and_a_pdf_is_refused_with_its_own_diagnostics()
    {
        var copy = download.Scratch("sin-tema");
        var repository = download.Scratch("repositorio");
        TempFolder.CopyTree(Path.Combine(download.Home, "Documents", "pei-site-repo", "content"), Path.Combine(repository, "content"));
        var unpack = Type([$"mkdir -p {copy}", $"tar -xzf {download.Archive} -C {copy}", $"rm -r {copy}/pei-site/site-theme"]);
        Assert.True(unpack.ExitCode == 0, unpack.Stderr);

        var (exitCode, _, stderr) = Type([$"{copy}/pei-site/pei-site build"], repository);

        Assert.Equal(1, exitCode);
        Assert.Contains(stderr.Split('\n'), l => l.StartsWith("site-theme:1:1: error PEI142: no se encontró la carpeta del tema 'site-theme';", StringComparison.Ordinal));
        Assert.DoesNotContain("PEI100", stderr, StringComparison.Ordinal);

        var pdf = Type([$"{copy}/pei-site/pei-site build --pdf --theme {Repository.Theme}"], repository);
        Assert.Equal(1, pdf.ExitCode);
        Assert.Contains("error PEI143: esta descarga del generador no imprime los informes PDF", pdf.Stderr, StringComparison.Ordinal);
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

        var unpacked = download.Scratch("descarga-riesgos");
        Assert.Equal(0, Type([$"mkdir -p {unpacked}", $"tar -xzf {download.Archive} -C {unpacked}"]).ExitCode);
        var program = $"{unpacked}/pei-site/pei-site";

        var loop = Type([$"{program} validate --content {content}"]);
        var fifo = Type([$"{program} importar {pipe} --content {Repository.PublishedJune2025}"]);
        var bomb = Type([$"{program} importar {blank} --content {Repository.PublishedJune2025}"]);

        Assert.Equal(1, loop.ExitCode);
        Assert.Contains($"{content}/schemas/arriba:1:1: error PEI114: ", loop.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, fifo.ExitCode);
        Assert.Contains("no es un archivo normal sino una tubería con nombre (FIFO)", fifo.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, bomb.ExitCode);
        Assert.Contains($"{blank}:100001:1: error PEI111: ", bomb.Stderr, StringComparison.Ordinal);
    }
}
