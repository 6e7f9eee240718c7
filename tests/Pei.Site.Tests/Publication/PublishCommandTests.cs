using Pei.Site.Tests.Load;

namespace Pei.Site.Tests.Publication;

/// <summary>publicar on the corpus's base plan, its 2025-06-30 cut-off turned back into a draft without a record.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private const string DraftPlan = """
        entidad: Entidad de prueba
        nombre: Plan de prueba 2024-2027
        periodo:
          desde: 2024
          hasta: 2027
        # Los cortes, del más antiguo al más reciente.
        cortes:
          - fecha: 2025-06-30
            titulo: Segundo trimestre 2025  # el del informe
            borrador: true  # se quita al publicar
            # comentario que se queda

        """;

    private const string ExpectedRecord = """
        # yaml-language-server: $schema=../schemas/publicacion.schema.json
        # Registro del corte publicado: lo escriben `publicar` y `corregir`; no lo edite a mano.
        corte: 2025-06-30
        publicado: 2026-11-26
        cifras:
          objetivos:
            1:
              cumplimiento: 97.89
              indicadores:
                "101":
                  ponderacion: 60
                  meta_vigencia: 4
                  programado: 2
                  ejecutado: 2
                  avance_corte: 100.00
                  avance_vigencia: 50.00
                "102":
                  ponderacion: 40
                  meta_vigencia: 95
                  programado: 95
                  ejecutado: 90
                  avance_corte: 94.74
                  avance_vigencia: 94.74
            2:
              cumplimiento: 113.33
              indicadores:
                "201":
                  ponderacion: 50
                  meta_vigencia: 70
                  programado: 65
                  ejecutado: 66
                  avance_corte: 120.00
                  avance_vigencia: 60.00
                "202":
                  ponderacion: 25
                  meta_vigencia: 4
                  programado: 1
                  ejecutado: 1
                  avance_corte: 100.00
                  avance_vigencia: 25.00
                "203":
                  ponderacion: 25
                  meta_vigencia: 100
                  programado: 0
                  ejecutado: 10
                  avance_corte: ~
                  avance_vigencia: 10.00

        """;

    private readonly ContentCase fixture = ContentCase.Open(ContentCase.BaseName);
    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);

    public PublishCommandTests()
    {
        File.Delete(RecordPath);
        File.WriteAllText(PlanPath, DraftPlan);
    }

    public void Dispose()
    {
        fixture.Dispose();
    }

    private string Content => fixture.ContentDirectory;

    private string PlanPath => Path.Combine(Content, "plan.yaml");

    private string RecordPath => Path.Combine(Content, "publicaciones", "2025-06-30.yaml");

    [Fact]
    public void Publicar_writes_the_exact_record_and_removes_only_the_borrador_line_keeping_comments()
    {
        var outcome = cli.Run("publicar", "2025-06-30", "--content", Content);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith("Corte 2025-06-30 publicado el 2026-11-26: 2 objetivos y 5 indicadores.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExpectedRecord, File.ReadAllText(RecordPath));
        Assert.Equal(DraftPlan.Replace("    borrador: true  # se quita al publicar\n", "", StringComparison.Ordinal), File.ReadAllText(PlanPath));
        Assert.Equal(0, cli.Run("validate", "--content", Content).ExitCode);
    }

    [Fact]
    public void The_publication_date_is_the_day_in_Bogota()
    {
        var lateAtNight = Cli.On(new Pei.Site.Cli.Clock("1795748400")); // 2026-11-27 03:00 UTC is still the 26th in Bogotá (UTC−5)

        Assert.Equal(0, lateAtNight.Run("publicar", "2025-06-30", "--content", Content).ExitCode);

        Assert.Contains("\npublicado: 2026-11-26\n", File.ReadAllText(RecordPath), StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_takes_today_from_SOURCE_DATE_EPOCH_in_its_environment_and_refuses_one_that_is_not_seconds()
    {
        var wrong = Program("mañana", "publicar", "2025-06-30", "--content", Content);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("SOURCE_DATE_EPOCH:1:1: error PEI009: 'SOURCE_DATE_EPOCH' vale mañana, pero debe ser un número entero de segundos desde 1970-01-01 UTC", wrong.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(RecordPath));

        var published = Program("1795748400", "publicar", "2025-06-30", "--content", Content);
        Assert.True(published.ExitCode == 0, published.Stderr);
        Assert.Contains("\npublicado: 2026-11-26\n", File.ReadAllText(RecordPath), StringComparison.Ordinal);
    }

    /// <summary>The generator as its own process, with <paramref name="sourceDateEpoch"/> as SOURCE_DATE_EPOCH in its environment.</summary>
    private static Cli.Outcome Program(string sourceDateEpoch, params string[] args) =>
        Cli.AsProcess(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = sourceDateEpoch }, args);

    [Fact]
    public void A_borrador_written_first_in_its_item_goes_and_the_dash_stays()
    {
        File.WriteAllText(PlanPath, DraftPlan.Replace(
            "  - fecha: 2025-06-30\n    titulo: Segundo trimestre 2025  # el del informe\n    borrador: true  # se quita al publicar\n",
            "  - borrador: true\n    fecha: 2025-06-30\n", StringComparison.Ordinal));

        Assert.Equal(0, cli.Run("publicar", "2025-06-30", "--content", Content).ExitCode);

        Assert.Contains("cortes:\n  - fecha: 2025-06-30\n    # comentario que se queda\n", File.ReadAllText(PlanPath), StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("validate", "--content", Content).ExitCode);
    }

    [Theory]
    [InlineData("2025-03-31", "publicar:1:1: error PEI018: el corte 2025-03-31 no está en la lista 'cortes' de plan.yaml; agréguelo allí o corrija la fecha")]
    [InlineData("2025-02-30", "publicar:1:1: error PEI010: '2025-02-30' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30")]
    public void An_unknown_cut_off_is_refused_and_nothing_changes(string date, string expected)
    {
        var before = Snapshot();

        var outcome = cli.Run("publicar", date, "--content", Content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(expected, Assert.Single(outcome.ErrorLines));
        Assert.Equal("", outcome.Stdout);
        AssertUnchanged(before);
    }

    [Fact]
    public void An_already_published_cut_off_is_refused_and_nothing_changes()
    {
        Assert.Equal(0, cli.Run("publicar", "2025-06-30", "--content", Content).ExitCode);
        var before = Snapshot();

        var outcome = cli.Run("publicar", "2025-06-30", "--content", Content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            $"{Content}/publicaciones/2025-06-30.yaml:1:1: error PEI062: el corte 2025-06-30 ya está publicado ({Content}/publicaciones/2025-06-30.yaml); para cambiar sus cifras ejecute `corregir 2025-06-30 --motivo \"…\"`",
            Assert.Single(outcome.ErrorLines));
        AssertUnchanged(before);
    }

    [Fact]
    public void An_incomplete_cut_off_is_refused_with_errors_where_a_draft_had_warnings_and_nothing_changes()
    {
        var indicator = Path.Combine(Content, "objetivos", "01-servicio-ciudadano", "indicadores", "101.yaml");
        File.WriteAllText(indicator, File.ReadAllText(indicator).Replace("        programado: 2\n", "        programado:\n", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("validate", "--content", Content).ExitCode);
        var before = Snapshot();

        var outcome = cli.Run("publicar", "2025-06-30", "--content", Content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            $"{indicator}:13:20: error PEI036: falta 'programado' en el corte 2025-06-30, que ya no es borrador; complételo o vuelva a marcar el corte con 'borrador: true'",
            Assert.Single(outcome.ErrorLines));
        AssertUnchanged(before);
    }

    [Fact]
    public void Invalid_content_is_refused_and_nothing_changes()
    {
        var indicator = Path.Combine(Content, "objetivos", "02-gestion-interna", "indicadores", "202.yaml");
        File.WriteAllText(indicator, File.ReadAllText(indicator).Replace("unidad:", "unidades:", StringComparison.Ordinal));
        var before = Snapshot();

        var outcome = cli.Run("publicar", "2025-06-30", "--content", Content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(outcome.ErrorLines, l => l.Contains("error PEI005: clave desconocida 'unidades'", StringComparison.Ordinal));
        AssertUnchanged(before);
    }

    [Fact]
    public void A_cut_off_without_borrador_and_without_record_is_an_error_that_asks_for_publicar()
    {
        File.WriteAllText(PlanPath, DraftPlan.Replace("    borrador: true  # se quita al publicar\n", "", StringComparison.Ordinal));

        var validate = cli.Run("validate", "--content", Content);

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(
            $"{Content}/plan.yaml:8:12: error PEI058: el corte 2025-06-30 no es borrador y no tiene registro de publicación ({Content}/publicaciones/2025-06-30.yaml); ejecute `publicar 2025-06-30` para publicarlo, o márquelo otra vez con 'borrador: true'",
            Assert.Single(validate.ErrorLines));

        Assert.Equal(0, cli.Run("publicar", "2025-06-30", "--content", Content).ExitCode);
        Assert.Equal(ExpectedRecord, File.ReadAllText(RecordPath));
        Assert.Equal(0, cli.Run("validate", "--content", Content).ExitCode);
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Content, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.ReadAllBytes);

    private void AssertUnchanged(Dictionary<string, byte[]> before)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(Content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }
}
