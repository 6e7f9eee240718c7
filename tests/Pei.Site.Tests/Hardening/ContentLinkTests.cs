namespace Pei.Site.Tests.Hardening;

/// <summary>
/// Links, named pipes and devices in the content folder: only regular files that really are inside it are read; the rest
/// is a diagnostic at the entry (path:1:1) that never quotes what it points to, given within a time bound.
/// </summary>
public sealed class ContentLinkTests : IDisposable
{
    private const string Indicator = "objetivos/03-comunicacion-publica/indicadores/4199.yaml";

    private readonly TempFolder temp = new();
    private readonly string content;
    private readonly string outside;

    public ContentLinkTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
        outside = Directory.CreateDirectory(temp["fuera"]).FullName;
    }

    public void Dispose() => temp.Dispose();

    private string InContent(string relative) => Path.Combine(content, relative);

    private Cli.Outcome Build() => Bounded.Run(
        () => Cli.Run("build", "--content", content, "--out", temp["_site"], "--theme", Repository.Theme), "build");

    private void AssertRefused(Cli.Outcome outcome, string code, string relative)
    {
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{content}/{relative}:1:1: error {code}: '{Path.GetFileName(relative)}' ", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["_site"]));
    }

    [Theory]
    [InlineData("plan.yaml")]
    [InlineData("objetivos/03-comunicacion-publica/objetivo.yaml")]
    [InlineData(Indicator)]
    public void A_content_file_linked_to_a_secret_outside_is_refused_without_quoting_it(string relative)
    {
        var secret = Path.Combine(outside, "secreto.yaml");
        File.WriteAllText(secret, Hazards.SecretIndicator);
        Hazards.Link(InContent(relative), secret);

        var outcome = Build();

        AssertRefused(outcome, "PEI039", relative);
        Assert.All(Hazards.Everything(outcome, temp["_site"]), text => Assert.DoesNotContain(Hazards.Secret, text, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_file_linked_to_etc_passwd_never_prints_it()
    {
        Hazards.Link(InContent(Indicator), "/etc/passwd");

        var outcome = Build();

        AssertRefused(outcome, "PEI039", Indicator);
        Assert.DoesNotContain("root:", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/passwd", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objective_folder_linked_outside_is_refused_at_the_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(outside, "11-fuera")).FullName;
        File.WriteAllText(Path.Combine(folder, "objetivo.yaml"), $"numero: 11\ntitulo: {Hazards.Secret}\ndescripcion: x\n");
        Hazards.Link(InContent("objetivos/11-fuera"), folder);

        var outcome = Build();

        AssertRefused(outcome, "PEI039", "objetivos/11-fuera");
        Assert.DoesNotContain(Hazards.Secret, outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_content_file_linked_to_a_device_is_refused_without_reading_it(string device)
    {
        Hazards.Link(InContent(Indicator), device);

        AssertRefused(Build(), "PEI039", Indicator);
    }

    [Theory]
    [InlineData("plan.yaml")]
    [InlineData(Indicator)]
    [InlineData("objetivos/03-comunicacion-publica/indicadores/nuevo.yaml")]
    public void A_named_pipe_in_the_content_is_refused_without_opening_it(string relative)
    {
        Hazards.Fifo(InContent(relative));

        var outcome = Build();

        AssertRefused(outcome, "PEI040", relative);
        Assert.Contains("tubería con nombre (FIFO)", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_inside_the_content_to_a_named_pipe_is_refused_too()
    {
        Hazards.Fifo(InContent("objetivos/.tuberia"));
        Hazards.Link(InContent(Indicator), "../../.tuberia");

        AssertRefused(Build(), "PEI040", Indicator);
    }

    [Theory]
    [InlineData("no-existe.yaml")]
    [InlineData("4199.yaml")]
    public void A_broken_or_circular_link_is_refused(string target)
    {
        // "4199.yaml" makes the link point at itself.
        Hazards.Link(InContent(Indicator), target);

        AssertRefused(Build(), "PEI041", Indicator);
    }

    [Fact]
    public void A_link_that_stays_inside_the_content_is_read()
    {
        var shared = Directory.CreateDirectory(InContent(".compartido")).FullName;
        File.Move(InContent("plan.yaml"), Path.Combine(shared, "plan.yaml"));
        Hazards.Link(InContent("plan.yaml"), ".compartido/plan.yaml");

        var outcome = Build();

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("106,16", File.ReadAllText(Path.Combine(temp["_site"], "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_folder_given_through_a_link_builds()
    {
        Hazards.Link(temp["c2"], content);

        var outcome = Bounded.Run(() => Cli.Run("validate", "--content", temp["c2"]), "validate");

        Assert.Equal(0, outcome.ExitCode);
    }
}
