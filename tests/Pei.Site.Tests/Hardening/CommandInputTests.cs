namespace Pei.Site.Tests.Hardening;

/// <summary>
/// What the commands take from their arguments and write: nuevo-corte --titulo and corregir --motivo hold to the rules
/// for content before anything is written (PEI048, and the loader's rules on the edited copy); --base-url and url with a
/// user or password are refused without repeating it (PEI118); plantilla writes through a new temporary file and leaves
/// nothing behind when it fails (PEI120). Every refusal is exit 1 with no file changed.
/// </summary>
public sealed class CommandInputTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public CommandInputTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
    }

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> RefusedCharacters => new()
    {
        { "Tercer\u202E trimestre", "U+202E (control de la dirección del texto)" },
        { "Tercer\u2066 trimestre", "U+2066 (control de la dirección del texto)" },
        { "Tercer\u0007 trimestre", "U+0007 (BEL, carácter de control)" },
        { "\u001B[31mTercer trimestre", "U+001B (ESC, carácter de control de la terminal)" },
        { "Tercer\u2028trimestre", "U+2028 (separador de línea Unicode)" },
        { "Tercer\u0085trimestre", "U+0085 (carácter de control)" },
        { "Tercer\u0000trimestre", "U+0000 (NUL, carácter de control)" },
    };

    private Cli.Outcome Refused(params string[] args)
    {
        var before = Hazards.Snapshot(content);
        var outcome = Cli.Run(args);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(before, Hazards.Snapshot(content));
        return outcome;
    }

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public void Nuevo_corte_refuses_a_title_with_a_character_content_may_not_hold(string title, string character)
    {
        var outcome = Refused("nuevo-corte", "2025-09-30", "--titulo", title, "--content", content);

        Assert.Equal(
            [$"nuevo-corte --titulo:1:1: error PEI048: el texto contiene el carácter invisible {character}, que puede alterar lo que se muestra o se imprime; bórrelo"],
            outcome.ErrorLines);
    }

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public void Corregir_refuses_a_reason_with_a_character_content_may_not_hold(string reason, string character)
    {
        var indicators = Path.Combine(content, "objetivos", "03-comunicacion-publica", "indicadores");
        Edit(Path.Combine(indicators, "4199.yaml"), "    ponderacion: 50", "    ponderacion: 60");
        Edit(Path.Combine(indicators, "8116-3.yaml"), "    ponderacion: 25", "    ponderacion: 20");
        Edit(Path.Combine(indicators, "8116-4.yaml"), "    ponderacion: 25", "    ponderacion: 20");

        var outcome = Refused("corregir", "2025-06-30", "--motivo", reason, "--content", content);

        Assert.Equal(
            [$"corregir --motivo:1:1: error PEI048: el texto contiene el carácter invisible {character}, que puede alterar lo que se muestra o se imprime; bórrelo"],
            outcome.ErrorLines);
        Assert.Equal(0, Cli.Run("corregir", "2025-06-30", "--motivo", "Se corrigen las ponderaciones", "--content", content).ExitCode);
    }

    [Fact]
    public void A_title_that_would_make_plan_yaml_too_large_is_refused_by_the_loaders_own_rule()
    {
        var outcome = Refused("nuevo-corte", "2025-09-30", "--titulo", new string('a', 2 * 1024 * 1024), "--content", content);

        Assert.Contains(outcome.ErrorLines, l => l.StartsWith($"{content}/plan.yaml:1:1: error PEI027: ", StringComparison.Ordinal));
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://usuario:s3creta@example.gov.co/pei/", "https://…@example.gov.co/pei/")]
    [InlineData("https://s3creta@example.gov.co/", "https://…@example.gov.co/")]
    [InlineData("http://:s3creta@example.gov.co:8080/pei", "http://…@example.gov.co:8080/pei/")]
    [InlineData("https://usuario:s3creta%40x@example.gov.co/", "https://…@example.gov.co/")]
    public void A_base_url_with_credentials_is_refused_without_repeating_them(string address, string shown)
    {
        var site = temp["_site"];

        var outcome = Refused("build", "--content", content, "--out", site, "--theme", Repository.Theme, "--base-url", address);

        Assert.Equal(
            [$"--base-url:1:1: error PEI118: la dirección '{shown}' lleva usuario o contraseña ('usuario:clave@'), que quedarían publicados en cada página; escriba la dirección pública sin ellos"],
            outcome.ErrorLines);
        Assert.DoesNotContain("s3creta", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site));
    }

    [Theory]
    [InlineData("https://usuario:s3creta@example.gov.co/pei/", "https://…@example.gov.co/pei/")]
    [InlineData("http://s3creta@example.gov.co/", "http://…@example.gov.co/")]
    public void A_url_in_plan_yaml_with_credentials_is_refused_at_its_line(string address, string shown)
    {
        var plan = Path.Combine(content, "plan.yaml");
        File.AppendAllText(plan, $"url: {address}\n");
        var line = File.ReadAllLines(plan).Length;

        var validate = Cli.Run("validate", "--content", content);
        var build = Cli.Run("build", "--content", content, "--out", temp["_site"], "--theme", Repository.Theme);

        Assert.DoesNotContain("s3creta", validate.Stderr + build.Stderr, StringComparison.Ordinal);
        var expected = $"{content}/plan.yaml:{line}:6: error PEI118: la dirección '{shown}' lleva usuario o contraseña ('usuario:clave@'), que quedarían publicados en cada página; escriba la dirección pública sin ellos";
        Assert.Equal(1, validate.ExitCode);
        Assert.Equal([expected], validate.ErrorLines);
        Assert.Equal(1, build.ExitCode);
        Assert.Equal([expected], build.ErrorLines);
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Theory]
    [InlineData("t.csv")]
    [InlineData("t.xlsx")]
    public void Plantilla_replaces_a_link_at_its_target_instead_of_writing_through_it(string name)
    {
        var victim = temp["victima.txt"];
        File.WriteAllText(victim, "no debe cambiar");
        var output = temp[name];
        Hazards.Link(output, victim);

        var outcome = Cli.Run("plantilla", "2025-06-30", "--out", output, "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal("no debe cambiar", File.ReadAllText(victim));
        Assert.Equal(Pei.Site.FileSystem.FileKind.Regular, Pei.Site.FileSystem.FileKinds.Of(output));
        Assert.Empty(Directory.GetFiles(temp.Path, ".*.tmp"));
    }

    [Theory]
    [InlineData(".t.csv.tmp")]
    [InlineData(".t.csv.0123456789ab.tmp")]
    public void Plantilla_never_writes_through_a_link_planted_where_a_temporary_file_could_go(string planted)
    {
        var victim = temp["victima.txt"];
        File.WriteAllText(victim, "no debe cambiar");
        Hazards.Link(temp[planted], victim);

        var outcome = Cli.Run("plantilla", "2025-06-30", "--out", temp["t.csv"], "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal("no debe cambiar", File.ReadAllText(victim));
        Assert.Equal("-> " + victim, Hazards.Snapshot(temp.Path)[planted]);
    }

    [Fact]
    public void Plantilla_onto_a_folder_fails_and_leaves_nothing_behind()
    {
        var output = Directory.CreateDirectory(temp["carpeta.csv"]).FullName;
        File.WriteAllText(Path.Combine(output, "dentro.txt"), "x");
        var before = Hazards.Snapshot(temp.Path);

        var outcome = Cli.Run("plantilla", "2025-06-30", "--out", output, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([$"{output}:1:1: error PEI120: no se pudo escribir el archivo: '{output}' es una carpeta; no quedó nada escrito"], outcome.ErrorLines);
        Assert.Equal(before, Hazards.Snapshot(temp.Path));
    }

    [Fact]
    public void Plantilla_into_a_missing_folder_fails_with_a_diagnostic()
    {
        var output = temp["no-existe/t.csv"];

        var outcome = Cli.Run("plantilla", "2025-06-30", "--out", output, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"{output}:1:1: error PEI120: no se pudo escribir el archivo: ", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["no-existe"]));
    }

    [Fact]
    public void Plantilla_onto_a_named_pipe_replaces_it_without_blocking()
    {
        var output = temp["t.csv"];
        Hazards.Fifo(output);

        var outcome = Bounded.Run(() => Cli.Run("plantilla", "2025-06-30", "--out", output, "--content", content), "plantilla");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(Pei.Site.FileSystem.FileKind.Regular, Pei.Site.FileSystem.FileKinds.Of(output));
    }
}
