using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;

namespace Pei.Site.Tests.Load;

/// <summary>
/// Trees of content files parsed by an earlier run are read back from the cache folder instead of parsed again; what
/// validate reports and what build computes is the same either way, and a missing, damaged or foreign cache file only
/// costs a parse.
/// </summary>
public class TreeCacheTests
{
    private static readonly string Fixture = Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "plan-en-el-tiempo");

    private static (IReadOnlyList<Diagnostic> Diagnostics, string Summary, byte[]? Json) Run(string content, string cache)
    {
        var options = new Pipeline.Options { Cache = cache };
        var validated = Site.Build.Pipeline.Validate(content, options);
        var diagnostics = new DiagnosticBag();
        var report = Site.Build.Pipeline.Compute(content, diagnostics, options);
        return (validated.Diagnostics, validated.Summary, report is null ? null : Site.Render.SiteRenderer.OpenDataFiles(report, new Site.Render.RenderOptions()).Single(f => f.Path == "datos/plan.json").Content);
    }

    private static string CacheFile(string cache) =>
        Assert.Single(Directory.GetFiles(Path.Combine(cache, "contenido")));

    [Fact]
    public void A_second_run_reads_the_stored_trees_and_reports_and_computes_the_same()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Fixture, "content");
        var first = Run(content, temp["cache"]);
        var stored = CacheFile(temp["cache"]);
        var written = File.GetLastWriteTimeUtc(stored);
        var second = Run(content, temp["cache"]);

        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Json, second.Json);
        // Nothing new was parsed, so the cache file was not rewritten.
        Assert.Equal(written, File.GetLastWriteTimeUtc(stored));

        // An edited file is parsed again: its new value shows, and the cache is rewritten with its tree.
        var plan = Path.Combine(content, "plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("nombre: ", "nombre: Editado ", StringComparison.Ordinal));
        var edited = Run(content, temp["cache"]);
        Assert.NotEqual(first.Json, edited.Json);
        Assert.Contains("\"nombre\": \"Editado ", System.Text.Encoding.UTF8.GetString(edited.Json!), StringComparison.Ordinal);
        Assert.Equal(edited.Json, Run(content, temp["cache"]).Json);
    }

    [Fact]
    public void Entries_nobody_wrote_for_a_month_are_removed_and_recent_ones_kept()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Fixture, "content");
        var folder = Directory.CreateDirectory(Path.Combine(temp["cache"], "contenido")).FullName;
        var old = Path.Combine(folder, "viejo.arbol");
        var recent = Path.Combine(folder, "reciente.arbol");
        File.WriteAllText(old, "x");
        File.WriteAllText(recent, "x");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - CacheFolder.Unused - TimeSpan.FromDays(1));
        File.SetLastWriteTimeUtc(recent, DateTime.UtcNow - CacheFolder.Unused + TimeSpan.FromDays(1));
        Run(content, temp["cache"]);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        // The recent entry and the one this load wrote for its content.
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Theory]
    [InlineData("basura")]
    [InlineData("truncado")]
    [InlineData("vacío")]
    public void A_damaged_cache_file_only_costs_a_parse(string damage)
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Fixture, "content");
        var first = Run(content, temp["cache"]);
        var stored = CacheFile(temp["cache"]);
        var bytes = File.ReadAllBytes(stored);
        File.WriteAllBytes(stored, damage switch
        {
            "basura" => bytes.Select((b, i) => i > 16 ? (byte)(b ^ 0x5A) : b).ToArray(),
            "truncado" => bytes[..(bytes.Length / 2)],
            _ => [],
        });
        var second = Run(content, temp["cache"]);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(first.Json, second.Json);
    }

    [Fact]
    public void A_file_with_diagnostics_is_parsed_and_reported_every_time()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Fixture, "content");
        var indicator = Directory.GetFiles(Path.Combine(content, "objetivos"), "*.yaml", SearchOption.AllDirectories)
            .First(f => !f.EndsWith("objetivo.yaml", StringComparison.Ordinal));
        File.WriteAllText(indicator, File.ReadAllText(indicator) + "tipo: repetido\n");
        var first = Run(content, temp["cache"]);
        var second = Run(content, temp["cache"]);
        Assert.Contains(first.Diagnostics, d => d.Code == "PEI004");
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Null(second.Json);
    }
}
