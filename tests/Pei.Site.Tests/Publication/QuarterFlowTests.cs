using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Load;

namespace Pei.Site.Tests.Publication;

/// <summary>A quarter on a copy of the real content: nuevo-corte, the figures filled in, publicar, and the site builds.</summary>
public sealed partial class QuarterFlowTests : IDisposable
{
    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);

    private readonly TempFolder temp = new();
    private readonly string content;

    public QuarterFlowTests()
    {
        content = temp.Copy(Repository.PublishedJune2025, "content");
    }

    public void Dispose()
    {
        temp.Dispose();
    }

    [GeneratedRegex(@"^( +)2025-09-30:\n\1  programado:\n\1  ejecutado:\n\1  observaciones:\n", RegexOptions.Multiline)]
    private static partial Regex EmptyBlock();

    [Fact]
    public void Nuevo_corte_filled_in_then_publicar_gives_valid_content_and_the_record()
    {
        var plan = Pei.Site.Build.Pipeline.Compute(content, new DiagnosticBag(), new() { Display = "content" })!.Plan;
        Assert.Equal(0, cli.Run("nuevo-corte", "2025-09-30", "--content", content).ExitCode);
        // Each indicator reaches its 2025 target on schedule: programado and ejecutado equal the year's meta.
        foreach (var objective in plan.Objectives)
        {
            foreach (var indicator in objective.Indicators)
            {
                var path = Path.Combine(content, "objetivos", objective.Folder, "indicadores", indicator.Id + ".yaml");
                var target = Scalars.Invariant(indicator.FiscalYear(2025)!.Target);
                var text = File.ReadAllText(path);
                Assert.Matches(EmptyBlock(), text);
                File.WriteAllText(path, EmptyBlock().Replace(text, m =>
                    $"{m.Groups[1].Value}2025-09-30:\n{m.Groups[1].Value}  programado: {target}\n{m.Groups[1].Value}  ejecutado: {target}\n"));
            }
        }

        var publish = cli.Run("publicar", "2025-09-30", "--content", content);

        Assert.True(publish.ExitCode == 0, publish.Stderr);
        Assert.DoesNotContain("borrador: true", File.ReadAllText(Path.Combine(content, "plan.yaml")), StringComparison.Ordinal);
        var record = File.ReadAllText(Path.Combine(content, "publicaciones", "2025-09-30.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/publicacion.schema.json\n", record, StringComparison.Ordinal);
        Assert.Contains("\ncorte: 2025-09-30\npublicado: 2026-11-26\ncifras:\n", record, StringComparison.Ordinal);
        Assert.Contains("\n        \"4199\":\n          ponderacion: 50\n          meta_vigencia: 1\n          programado: 1\n          ejecutado: 1\n          avance_corte: 100.00\n          avance_vigencia: 100.00\n", record, StringComparison.Ordinal);
        var validate = cli.Run("validate", "--content", content);
        Assert.True(validate.ExitCode == 0, validate.Stderr);
        Assert.Contains("2 cortes publicados", validate.Stdout, StringComparison.Ordinal);
    }
}
