namespace Pei.Site.Tests.Hardening;

/// <summary>
/// diff --base and validate --base never hand a user's text to git as an option: a ref that starts with '-' (or holds
/// spaces or control characters) is refused before git runs (PEI117, exit 1), and a valid one becomes a commit id first.
/// No file is created, emptied or changed.
/// </summary>
public sealed class GitOptionTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public GitOptionTests()
    {
        content = GitRepository.WithContent(temp, Repository.PublishedJune2025);
    }

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string, string> OptionLikeRefs
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var command in new[] { "diff", "validate" })
            {
                data.Add(command, "--output=FILE", "empieza por '-', y git la leería como una opción");
                data.Add(command, "-oFILE", "empieza por '-', y git la leería como una opción");
                data.Add(command, "--remote=FILE", "empieza por '-', y git la leería como una opción");
                data.Add(command, "--exec=touch FILE", "empieza por '-', y git la leería como una opción");
                data.Add(command, "HEAD --output=FILE", "tiene espacios o caracteres de control");
                data.Add(command, "HEAD\n--output=FILE", "tiene espacios o caracteres de control");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OptionLikeRefs))]
    public void An_option_like_ref_is_refused_before_git_runs_and_no_file_is_touched(string command, string template, string why)
    {
        var victim = temp["victima.txt"];
        File.WriteAllText(victim, "contenido que no debe cambiar");
        var created = temp["creado.txt"];
        var reference = template.Replace("FILE", created, StringComparison.Ordinal);
        var before = Hazards.Snapshot(temp.Path);

        var outcome = Cli.Run(command, "--content", content, $"--base={reference}");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([$"{content}:1:1: error PEI117: '{Pei.Site.Diagnostics.UnsafeCharacters.Printable(reference)}' no es una referencia git válida ({why}); use una rama, etiqueta o commit, p. ej. origin/main"], outcome.ErrorLines);
        Assert.False(File.Exists(created));
        Assert.Equal(before, Hazards.Snapshot(temp.Path));

        var emptied = Cli.Run(command, "--content", content, $"--base=--output={victim}");
        Assert.Equal(1, emptied.ExitCode);
        Assert.Equal("contenido que no debe cambiar", File.ReadAllText(victim));
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("validate")]
    public void A_ref_given_as_the_next_argument_that_looks_like_an_option_is_refused_too(string command)
    {
        var created = temp["creado.txt"];

        var outcome = Cli.Run(command, "--content", content, "--base", $"-o{created}");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(": error PEI117: ", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(created));
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("main")]
    [InlineData("HEAD~0")]
    [InlineData("main^{commit}")]
    public void Refs_git_reads_as_revisions_still_work(string reference)
    {
        var outcome = Cli.Run("diff", "--content", content, "--base", reference);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal($"No cambia ninguna cifra frente a `{reference}`.", outcome.Stdout.Trim());
    }

    [Fact]
    public void A_full_commit_id_works_and_a_tree_id_is_not_a_commit()
    {
        var commit = Git("rev-parse", "HEAD");
        var tree = Git("rev-parse", "HEAD^{tree}");

        Assert.Equal(0, Cli.Run("validate", "--content", content, "--base", commit).ExitCode);
        var outcome = Cli.Run("validate", "--content", content, "--base", tree);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(": error PEI053: no se pudo leer el contenido en la referencia git", outcome.Stderr, StringComparison.Ordinal);
    }

    private string Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = temp.Path, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
