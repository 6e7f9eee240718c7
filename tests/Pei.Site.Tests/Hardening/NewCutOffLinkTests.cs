using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;

namespace Pei.Site.Tests.Hardening;

/// <summary>nuevo-corte writes only to new temporary files and to regular files inside the content, whatever links are planted.</summary>
public sealed class NewCutOffLinkTests : IDisposable
{
    private const string NewDate = "2025-09-30";
    private const string Indicator = "objetivos/03-comunicacion-publica/indicadores/4199.yaml";

    private readonly TempFolder temp = new();
    private readonly string content;
    private readonly string outsideFile;

    public NewCutOffLinkTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
        outsideFile = temp["fuera.txt"];
        File.WriteAllText(outsideFile, Hazards.Secret);
    }

    public void Dispose() => temp.Dispose();

    private string InContent(string relative) => Path.Combine(content, relative);

    [Theory]
    [InlineData(".{0}.nuevo-corte.tmp")]
    [InlineData(".{0}.nuevo-corte-000000000000.tmp")]
    [InlineData(".{0}.swp")]
    public void Links_planted_at_temporary_names_beside_every_edited_file_are_never_written_through(string pattern)
    {
        var planted = Directory.GetFiles(content, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.Combine(Path.GetDirectoryName(file)!, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Path.GetFileName(file))))
            .ToList();
        planted.ForEach(link => Hazards.Link(link, outsideFile));

        var outcome = Bounded.Run(() => Cli.Run("nuevo-corte", NewDate, "--content", content), "nuevo-corte");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(Hazards.Secret, File.ReadAllText(outsideFile));
        Assert.All(planted, link => Assert.Equal(outsideFile, new FileInfo(link).LinkTarget));
        Assert.Contains("- fecha: 2025-09-30", File.ReadAllText(InContent("plan.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(content, ".*.nuevo-corte-*", SearchOption.AllDirectories), f => new FileInfo(f).LinkTarget is null);
    }

    [Fact]
    public void A_plan_linked_outside_is_refused_and_its_target_untouched()
    {
        File.Copy(InContent("plan.yaml"), outsideFile, overwrite: true);
        var before = File.ReadAllBytes(outsideFile);
        Hazards.Link(InContent("plan.yaml"), outsideFile);

        var outcome = Bounded.Run(() => Cli.Run("nuevo-corte", NewDate, "--content", content), "nuevo-corte");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{content}/plan.yaml:1:1: error PEI039:", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(outsideFile));
    }

    [Fact]
    public void A_plan_linked_inside_the_content_is_edited_where_it_really_is_and_stays_a_link()
    {
        Directory.CreateDirectory(InContent(".compartido"));
        File.Move(InContent("plan.yaml"), InContent(".compartido/plan.yaml"));
        Hazards.Link(InContent("plan.yaml"), ".compartido/plan.yaml");

        var outcome = Bounded.Run(() => Cli.Run("nuevo-corte", NewDate, "--content", content), "nuevo-corte");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(".compartido/plan.yaml", new FileInfo(InContent("plan.yaml")).LinkTarget);
        Assert.Contains("- fecha: 2025-09-30", File.ReadAllText(InContent(".compartido/plan.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_swapped_for_a_link_out_after_loading_refuses_the_whole_edit_with_PEI042()
    {
        var folder = new ContentFolder(content, "content");
        var plan = InContent("plan.yaml");
        var indicator = InContent(Indicator);
        var indicatorBefore = File.ReadAllBytes(indicator);
        Hazards.Link(plan, outsideFile);
        var diagnostics = new DiagnosticBag();

        var written = EditedFiles.Write(folder,
            [(indicator, "content/" + Indicator, "editado\n"u8.ToArray()), (plan, "content/plan.yaml", "editado\n"u8.ToArray())], diagnostics);

        Assert.False(written);
        Assert.Equal(
            "content/plan.yaml:1:1: error PEI042: nuevo-corte no modifica 'content/plan.yaml': es un enlace simbólico que lleva fuera de la carpeta de contenido",
            Assert.Single(diagnostics.Items).ToString());
        Assert.Equal(Hazards.Secret, File.ReadAllText(outsideFile));
        Assert.Equal(indicatorBefore, File.ReadAllBytes(indicator));
        Assert.DoesNotContain(Directory.GetFiles(content, ".*.tmp", SearchOption.AllDirectories), f => new FileInfo(f).LinkTarget is null);
    }
}
