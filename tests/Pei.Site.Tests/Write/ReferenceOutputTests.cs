using System.Globalization;

namespace Pei.Site.Tests.Write;

/// <summary>
/// The site built from fixed content is byte for byte the reference recorded in Fixtures/salida-de-referencia: the
/// frozen copy of the real content as published at 2025-06-30, the plan over time and a synthetic plan of 120
/// indicators with four published cut-offs. Each reference is the site as readable files (<see cref="SiteSnapshot"/>:
/// the text files as they are, the workbook's XML parts rather than its compressed bytes, the images by SHA-256 in
/// &lt;case&gt;.sha256), so a failure shows the diff. However the generator renders and writes (in parallel, streaming, reusing the earlier output), the
/// bytes stay those of the recorded build.
/// A deliberate change of the theme or of the pages changes the reference: run the tests with PEI_REFERENCIA=actualizar
/// to write the new references, and review their diff like any other change of the site.
/// </summary>
public class ReferenceOutputTests
{
    private const string BaseUrl = "https://example.org/pei/";

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "seguimiento-2025-06-30", "seguimiento-2025-06-30", false },
        { "seguimiento-2025-06-30-con-url", "seguimiento-2025-06-30", true },
        { "plan-en-el-tiempo-con-url", "plan-en-el-tiempo", true },
        { "plan-sintetico-con-url", "plan-sintetico", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_built_site_is_byte_identical_to_the_recorded_reference(string reference, string fixture, bool baseUrl)
    {
        using var temp = new TempFolder();
        var output = temp["_site"];
        Assert.Equal(0, Build(fixture, output, baseUrl).ExitCode);
        AssertMatchesReference(reference, output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_build_over_an_earlier_site_of_other_content_writes_the_same_bytes(string reference, string fixture, bool baseUrl)
    {
        using var temp = new TempFolder();
        var output = temp["_site"];
        // An earlier site of other content, with a file the new site also has (stale bytes) and files it lacks.
        Assert.Equal(0, Cli.Run("build", "--content", Fixture(fixture == "plan-sintetico" ? "plan-en-el-tiempo" : "plan-sintetico"),
            "--out", output, "--theme", Repository.Theme).ExitCode);
        File.WriteAllText(Path.Combine(output, "index.html"), "viejo");
        Directory.CreateDirectory(Path.Combine(output, "indicadores", "retirado"));
        File.WriteAllText(Path.Combine(output, "indicadores", "retirado", "index.html"), "retirado");

        Assert.Equal(0, Build(fixture, output, baseUrl).ExitCode);
        AssertMatchesReference(reference, output);
        // And again over itself: nothing changes, nothing is left behind.
        Assert.Equal(0, Build(fixture, output, baseUrl).ExitCode);
        AssertMatchesReference(reference, output);
        BesideOutput.HasOnlyTheOutputAndItsEarlierGeneration(temp.Path, "_site");
    }

    [Fact]
    public void The_reference_holds_under_another_culture()
    {
        using var temp = new TempFolder();
        var original = CultureInfo.CurrentCulture;
        var originalUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ar-SA");
            Assert.Equal(0, Build("plan-sintetico", temp["_site"], baseUrl: true).ExitCode);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
        AssertMatchesReference("plan-sintetico-con-url", temp["_site"]);
    }

    private static string Fixture(string name) => Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", name);

    private static Cli.Outcome Build(string fixture, string output, bool baseUrl) =>
        baseUrl
            ? Cli.Run("build", "--content", Fixture(fixture), "--out", output, "--theme", Repository.Theme, "--base-url", BaseUrl)
            : Cli.Run("build", "--content", Fixture(fixture), "--out", output, "--theme", Repository.Theme);

    private static void AssertMatchesReference(string reference, string output)
    {
        var folder = Fixture(Path.Combine("salida-de-referencia", reference));
        var manifest = folder + ".sha256";
        var actual = SiteSnapshot.Of(output);
        if (Environment.GetEnvironmentVariable("PEI_REFERENCIA") == "actualizar")
        {
            actual.Save(folder, manifest);
            return;
        }
        var differences = actual.DifferencesFrom(SiteSnapshot.Load(folder, manifest));
        Assert.True(differences.Length == 0,
            $"La salida difiere de la referencia {reference} (PEI_REFERENCIA=actualizar la reescribe; revise su diff):\n{differences}");
    }
}
