using System.Security.Cryptography;

namespace Pei.Site.Tests.NewCutOff;

/// <summary>descartar on Load/Cases/_base: a draft cut-off goes from plan.yaml and every indicator, leaving each file as
/// it was before nuevo-corte (comments and layout); a published cut-off, one not in the plan and the only one are refused
/// with their diagnostics and no file changed.</summary>
public sealed class DiscardCommandTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string content;

    public DiscardCommandTests() => content = temp.Copy(Repository.BaseCase, "content");

    public void Dispose() => temp.Dispose();

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(content, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));

    private string PathOf(string id) => Directory.GetFiles(content, id + ".yaml", SearchOption.AllDirectories).Single();

    [Fact]
    public void A_filled_draft_is_discarded_and_every_file_is_byte_for_byte_as_before_nuevo_corte()
    {
        // Comments and a CRLF file, which the edit must leave alone.
        File.WriteAllText(PathOf("101"), "# puntos de atención\n" + File.ReadAllText(PathOf("101")).Replace("ponderacion: 60", "ponderacion: 60  # revisada", StringComparison.Ordinal));
        File.WriteAllText(PathOf("202"), File.ReadAllText(PathOf("202")).ReplaceLineEndings("\r\n"));
        var before = Snapshot();
        Assert.Equal(0, Cli.Run("nuevo-corte", "2025-09-30", "--titulo", "Tercer trimestre 2025", "--content", content).ExitCode);
        File.WriteAllText(PathOf("101"), File.ReadAllText(PathOf("101"))
            .Replace("2025-09-30:\n        programado:\n        ejecutado:\n        observaciones:", "2025-09-30:  # nuevo\n        programado: 3\n        ejecutado: 2\n        observaciones: |\n          Faltó un punto.\n\n          Se abrirá en octubre.", StringComparison.Ordinal));

        var outcome = Cli.Run("descartar", "2025-09-30", "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.StartsWith("Corte 2025-09-30 descartado: se quitó de plan.yaml y de 5 indicadores, con sus cifras y observaciones.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_published_cut_off_is_refused_with_why()
    {
        var before = Snapshot();

        var outcome = Cli.Run("descartar", "2025-06-30", "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(before, Snapshot());
        Assert.Equal([$"{content}/plan.yaml:7:12: error PEI140: el corte 2025-06-30 ya está publicado (su registro es {content}/publicaciones/2025-06-30.yaml): un corte publicado no se descarta, porque sus cifras ya son públicas; si una cifra debe cambiar, ejecute `corregir 2025-06-30 --motivo \"…\"`"],
            outcome.ErrorLines);
        Assert.Equal("1 error, 0 advertencias; no se escribió nada.", outcome.Stderr.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void A_cut_off_not_in_the_plan_and_the_only_cut_off_are_refused()
    {
        var missing = Cli.Run("descartar", "2025-12-31", "--content", content);
        Assert.Equal(["descartar:1:1: error PEI018: el corte 2025-12-31 no está en la lista 'cortes' de plan.yaml; agréguelo allí o corrija la fecha"], missing.ErrorLines);

        Directory.Delete(Path.Combine(content, "publicaciones"), recursive: true);
        File.WriteAllText(Path.Combine(content, "plan.yaml"), File.ReadAllText(Path.Combine(content, "plan.yaml")) + "    borrador: true\n");
        var before = Snapshot();

        var only = Cli.Run("descartar", "2025-06-30", "--content", content);

        Assert.Equal(1, only.ExitCode);
        Assert.Equal(before, Snapshot());
        Assert.Single(only.ErrorLines, l => l.Contains("error PEI141: el corte 2025-06-30 es el único de la lista 'cortes'", StringComparison.Ordinal));
    }
}
