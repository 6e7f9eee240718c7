namespace Pei.Site.Tests.CommandLineBehaviour;

public class CommandLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("publicar")]
    [InlineData("build --contenido content")]
    [InlineData("build --out")]
    [InlineData("validate --format xml")]
    [InlineData("validate --content a --content b")]
    [InlineData("descartar")]
    public void Usage_errors_exit_with_two_in_one_line_that_says_where_help_is(string commandLine)
    {
        var outcome = Cli.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; la ayuda se ve con --help", line, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Help_lists_every_command_on_standard_output()
    {
        var outcome = Cli.Run("--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("uso:", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("pei-site descartar AAAA-MM-DD", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_on_the_real_content_exits_zero_and_summarises()
    {
        var outcome = Cli.Run("validate", "--content", Repository.Content);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", DatedWarnings.Without(outcome.Stderr));
        Assert.Contains(RealContent.Summary, outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_error_of_the_run_with_path_line_and_column()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var a = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        var b = Directory.GetFiles(content, "4075.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(a, File.ReadAllText(a).Replace("unidad: numero", "unidad: numeros", StringComparison.Ordinal));
        File.WriteAllText(b, File.ReadAllText(b).Replace("ejecutado: 8", "ejecutado: -8", StringComparison.Ordinal));
        var outcome = Cli.Run("validate", "--content", content);
        Assert.Equal(1, outcome.ExitCode);
        var lines = outcome.ErrorLines;
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(content + "/objetivos/03-comunicacion-publica/indicadores/4199.yaml:8:9: error PEI011: 'numeros' no es un valor válido de 'unidad'; ¿quiso decir 'numero'?", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"/objetivos/04-[a-z-]+/indicadores/4075\.yaml:\d+:20: error PEI009: 'ejecutado' vale -8, pero no puede ser negativo$", lines[1]);
    }

    [Fact]
    public void Github_format_prints_workflow_commands_with_file_line_and_column()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var a = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(a, File.ReadAllText(a).Replace("unidad: numero", "unidad: numeros", StringComparison.Ordinal));
        var outcome = Cli.Run("validate", "--content", content, "--format", "github");
        Assert.Equal(1, outcome.ExitCode);
        var line = outcome.Stderr.Split('\n').First(l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Equal(
            $"::error file={content}/objetivos/03-comunicacion-publica/indicadores/4199.yaml,line=8,col=9,title=PEI011::PEI011: 'numeros' no es un valor válido de 'unidad'; ¿quiso decir 'numero'?; valores válidos: porcentaje, numero",
            line);
    }

    [Fact]
    public void Diagnostics_are_the_same_whatever_the_culture()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var file = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace("ponderacion: 50", "ponderacion: 40.5", StringComparison.Ordinal));
        var other = Directory.GetFiles(content, "4075.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(other, File.ReadAllText(other).Replace("programado: 8", "programado: 8,5", StringComparison.Ordinal));
        var outputs = new List<string>();
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "de-DE", "es-CO", "ar-SA" })
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
                outputs.Add(Cli.Run("validate", "--content", content).Stderr);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
        Assert.Contains("suman 90,5 y deben sumar 100", outputs[0], StringComparison.Ordinal);
        Assert.Contains("use punto decimal: 8.5", outputs[0], StringComparison.Ordinal);
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
    }

    [Fact]
    public void A_broken_template_fails_the_build_with_a_diagnostic_at_the_template_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var theme = temp.Copy(Repository.Theme, "site-theme");
        File.AppendAllText(Path.Combine(theme, "layouts", "Home.cshtml"), "\n@{ var roto = ; }\n");
        var output = temp["_site"];
        var outcome = Cli.Run("build", "--content", Repository.Content, "--out", output, "--theme", theme);
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"{theme}/layouts/Home.cshtml:1:1: error PEI100: ", outcome.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("build")]
    [InlineData("diff --base HEAD")]
    [InlineData("nuevo-corte 2025-09-30")]
    public void Every_command_reports_a_missing_content_folder_the_same_way(string command)
    {
        using var temp = new TempFolder();
        var missing = temp["no-existe"];
        string[] options = command == "build" ? ["--content", missing, "--out", temp["_site"], "--theme", Repository.Theme] : ["--content", missing];
        var outcome = Cli.Run([.. command.Split(' '), .. options]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"{missing}:1:1: error PEI016: falta la carpeta de contenido '{missing}' (use --content para indicar otra)", outcome.ErrorLines.Single());
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Fact]
    public void Warnings_without_errors_are_counted_in_a_summary_line_on_stderr()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var objective = Path.Combine(content, "objetivos", "11-vacio");
        Directory.CreateDirectory(objective);
        File.WriteAllText(Path.Combine(objective, "objetivo.yaml"), "numero: 11\ntitulo: Vacío\ndescripcion: Sin indicadores\n");

        var outcome = Cli.Run("validate", "--content", content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"{DatedWarnings.Warnings(1 + DatedWarnings.Count(outcome.Stderr))}, ningún error.", outcome.Stderr.TrimEnd().Split('\n')[^1]);
        Assert.StartsWith("Contenido válido:", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_commands_that_write_say_they_wrote_nothing()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.Content, "content");
        var file = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace("unidad: numero", "unidad: numeros", StringComparison.Ordinal));

        var validate = Cli.Run("validate", "--content", content);
        var build = Cli.Run("build", "--content", content, "--out", Path.Combine(temp.Path, "_site"), "--theme", Repository.Theme);
        var publish = Cli.Run("publicar", "2025-06-30", "--content", content);
        var discard = Cli.Run("descartar", "2025-06-30", "--content", content);

        Assert.Equal($"1 error, {DatedWarnings.Warnings(DatedWarnings.Count(validate.Stderr))}.", validate.Stderr.TrimEnd().Split('\n')[^1]);
        Assert.Equal($"1 error, {DatedWarnings.Warnings(DatedWarnings.Count(build.Stderr))}; no se escribió nada.", build.Stderr.TrimEnd().Split('\n')[^1]);
        Assert.EndsWith("; no se escribió nada.", publish.Stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("; no se escribió nada.", discard.Stderr.TrimEnd(), StringComparison.Ordinal);
    }
}
