using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Hardening;

/// <summary>Names are matched whole, Windows device names are refused, and a year written two ways is one year.</summary>
public sealed class NamesTests
{
    private static IReadOnlyList<Diagnostic> LoadWith(Action<string> change)
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        change(content);
        var diagnostics = new DiagnosticBag();
        Pei.Site.Build.Pipeline.Compute(content, diagnostics, new() { Display = "content" });
        return diagnostics.Sorted();
    }

    private static string Indicators(string content) =>
        Path.GetDirectoryName(Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single())!;

    [Fact]
    public void An_id_with_a_final_newline_is_refused_and_printed_on_one_line()
    {
        var diagnostics = LoadWith(content => File.Copy(Path.Combine(Indicators(content), "4199.yaml"), Path.Combine(Indicators(content), "8116-9\n.yaml")));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PEI014", diagnostic.Code);
        Assert.DoesNotContain('\n', diagnostic.ToString());
        Assert.Contains("8116-9\\u000A.yaml", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_objective_folder_with_a_final_newline_is_refused()
    {
        var diagnostics = LoadWith(content => Directory.CreateDirectory(Path.Combine(content, "objetivos", "11-extra\n")));

        Assert.Equal("PEI013", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("aux")]
    [InlineData("prn")]
    [InlineData("com1")]
    [InlineData("lpt9")]
    public void Windows_device_names_are_refused_as_ids(string id)
    {
        var diagnostics = LoadWith(content => File.Move(Path.Combine(Indicators(content), "4199.yaml"), Path.Combine(Indicators(content), id + ".yaml")));

        Assert.Contains(diagnostics, d => d.Code == "PEI051" && d.Where.File.EndsWith($"/{id}.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("+2025")]
    [InlineData("02025")]
    public void A_fiscal_year_written_two_ways_is_a_duplicate(string key)
    {
        var diagnostics = LoadWith(content =>
        {
            var file = Path.Combine(Indicators(content), "4199.yaml");
            File.AppendAllText(file, $"  {key}:\n    meta: 1\n    ponderacion: 1\n");
        });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PEI052", diagnostic.Code);
        Assert.StartsWith($"'{key}' es el mismo año que '2025'", diagnostic.Message, StringComparison.Ordinal);
    }
}
