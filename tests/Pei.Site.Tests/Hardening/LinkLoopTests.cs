namespace Pei.Site.Tests.Hardening;

/// <summary>
/// Symbolic links that make a folder endless (links to '..', to '.', to the content folder itself, at several depths, in
/// folders the loader never reads) and special files in the theme: validate and build refuse them (PEI114, PEI116) within
/// the time bound and write nothing, and importar, which copies the content to check its edits, never follows them.
/// </summary>
public sealed class LinkLoopTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public LinkLoopTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
    }

    public void Dispose() => temp.Dispose();

    private string InContent(string relative)
    {
        var path = Path.Combine(content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private Cli.Outcome Run(params string[] args) => Bounded.Run(() => Cli.Run(args), args[0]);

    public static TheoryData<string, string> Loops => new()
    {
        { "schemas/arriba", ".." },
        { "a", "." },
        { ".oculto/x/y/vuelta", "../../.." },
        { "objetivos/03-comunicacion-publica/indicadores/.vuelta", "../.." },
        { "publicaciones/.raiz/otra", "../.." },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public void Validate_and_build_refuse_a_link_to_a_folder_that_contains_it(string relative, string target)
    {
        Hazards.Link(InContent(relative), target);
        var line = $"{content}/{relative}:1:1: error PEI114: '{Path.GetFileName(relative)}' es un enlace simbólico a una carpeta que lo contiene: un ciclo que los programas que recorren carpetas siguen sin fin; bórrelo";

        var validate = Run("validate", "--content", content);
        var build = Run("build", "--content", content, "--out", temp["_site"], "--theme", Repository.Theme);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(line, validate.ErrorLines);
        Assert.Equal(1, build.ExitCode);
        Assert.Contains(line, build.ErrorLines);
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Fact]
    public void An_absolute_link_to_the_content_folder_is_a_loop_too()
    {
        Hazards.Link(InContent("schemas/raiz"), content);

        var validate = Run("validate", "--content", content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal([$"{content}/schemas/raiz:1:1: error PEI114: 'raiz' es un enlace simbólico a una carpeta que lo contiene: un ciclo que los programas que recorren carpetas siguen sin fin; bórrelo"], validate.ErrorLines);
    }

    [Fact]
    public void Two_links_that_lead_into_each_other_are_found_whichever_is_walked_first()
    {
        Directory.CreateDirectory(InContent("x/a"));
        Directory.CreateDirectory(InContent("y/b"));
        Hazards.Link(InContent("x/a/hacia-y"), "../../y");
        Hazards.Link(InContent("y/b/hacia-x"), "../../x");

        var validate = Run("validate", "--content", content);

        Assert.Equal(1, validate.ExitCode);
        Assert.All(validate.ErrorLines, l => Assert.Contains("error PEI114: ", l, StringComparison.Ordinal));
        Assert.NotEmpty(validate.ErrorLines);
    }

    [Fact]
    public void A_link_to_a_folder_beside_it_is_no_loop_and_validates()
    {
        Directory.CreateDirectory(InContent("schemas/compartida"));
        File.WriteAllText(InContent("schemas/compartida/nota.txt"), "x");
        Hazards.Link(InContent("schemas/otra"), "compartida");

        Assert.Equal(0, Run("validate", "--content", content).ExitCode);
    }

    [Fact]
    public void Importar_with_two_links_to_the_parent_in_the_content_is_refused_and_copies_nothing()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        var sheet = temp["hoja.csv"];
        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", sheet, "--content", content).ExitCode);
        Hazards.Link(InContent("schemas/a"), "..");
        Hazards.Link(InContent("schemas/b"), "..");
        var before = Hazards.Snapshot(content);

        var outcome = Run("importar", sheet, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(2, outcome.ErrorLines.Count(l => l.Contains("error PEI114: ", StringComparison.Ordinal)));
        Assert.Equal(before, Hazards.Snapshot(content));
    }

    [Fact]
    public void Importar_copies_for_its_check_only_what_is_inside_the_content()
    {
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        var sheet = temp["hoja.csv"];
        Assert.Equal(0, Cli.Run("plantilla", "2025-09-30", "--out", sheet, "--content", content).ExitCode);
        // Places the loader never reads: importar's copy must neither open the pipe nor read the device or the secret.
        Hazards.Fifo(InContent("schemas/tuberia.json"));
        Hazards.Link(InContent("schemas/cero.json"), "/dev/zero");
        File.WriteAllText(temp["secreto.txt"], Hazards.Secret);
        Hazards.Link(InContent(".fuera"), temp["secreto.txt"]);

        var outcome = Run("importar", sheet, "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
    }

    private string Theme()
    {
        var theme = temp.Copy(Repository.Theme, "tema");
        return theme;
    }

    private void AssertThemeRefused(string theme, string relative, string why)
    {
        var outcome = Run("build", "--content", content, "--out", temp["_site"], "--theme", theme);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([$"{theme}/{relative}:1:1: error PEI116: '{relative}' del tema no se usa: {why}; el tema solo admite archivos y carpetas dentro de su propia carpeta"], outcome.ErrorLines);
        Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Theory]
    [InlineData("static/arriba", "..")]
    [InlineData("static/css/vuelta", "../..")]
    [InlineData("static/img/a/b/vuelta", "../../..")]
    [InlineData("layouts/vuelta", "..")]
    public void A_loop_in_the_theme_stops_the_build(string relative, string target)
    {
        var theme = Theme();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(theme, relative))!);
        Hazards.Link(Path.Combine(theme, relative), target);

        AssertThemeRefused(theme, relative, "es un enlace simbólico a una carpeta que lo contiene: un ciclo sin fin");
    }

    [Fact]
    public void Two_links_to_the_parent_in_static_stop_the_build()
    {
        var theme = Theme();
        Hazards.Link(Path.Combine(theme, "static/a"), "..");
        Hazards.Link(Path.Combine(theme, "static/b"), "..");

        var outcome = Run("build", "--content", content, "--out", temp["_site"], "--theme", theme);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"{theme}/static/a:1:1: error PEI116: ", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/dev/zero")]
    [InlineData("/usr")]
    public void A_link_out_of_static_is_not_copied_into_the_site(string target)
    {
        var theme = Theme();
        Hazards.Link(Path.Combine(theme, "static/fuera"), target);

        AssertThemeRefused(theme, "static/fuera", "es un enlace simbólico que lleva fuera de su carpeta");
    }

    [Fact]
    public void A_named_pipe_in_static_is_refused_without_being_opened()
    {
        var theme = Theme();
        Hazards.Fifo(Path.Combine(theme, "static/css/tuberia.css"));

        AssertThemeRefused(theme, "static/css/tuberia.css", "no es un archivo normal sino una tubería con nombre (FIFO)");
    }

    [Fact]
    public void A_broken_link_in_static_is_refused()
    {
        var theme = Theme();
        Hazards.Link(Path.Combine(theme, "static/roto.css"), "no-existe.css");

        AssertThemeRefused(theme, "static/roto.css", "es un enlace simbólico roto o circular");
    }

    [Fact]
    public void A_link_that_stays_inside_static_is_copied()
    {
        var theme = Theme();
        Hazards.Link(Path.Combine(theme, "static/css/copia.css"), "site.css");

        var outcome = Run("build", "--content", content, "--out", temp["_site"], "--theme", theme);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(theme, "static/css/site.css")), File.ReadAllBytes(Path.Combine(temp["_site"], "css/copia.css")));
    }
}
