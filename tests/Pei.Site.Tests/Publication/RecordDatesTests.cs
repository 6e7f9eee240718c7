namespace Pei.Site.Tests.Publication;

/// <summary>
/// Dates and bounds of records, on a copy of the plan-en-el-tiempo fixture (today is 2026-11-26 in Bogotá): publicar and
/// corregir date with --fecha or today and refuse a date validate would refuse, and never write a figure the loader
/// would refuse; validate applies the same rules to every record.
/// </summary>
public sealed class RecordDatesTests : IDisposable
{
    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);

    private readonly TempFolder temp = new();
    private readonly string content;

    public RecordDatesTests()
    {
        content = temp.Copy(Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "plan-en-el-tiempo"), "content");
    }

    public void Dispose()
    {
        temp.Dispose();
    }

    private string Record(string date) => Path.Combine(content, "publicaciones", date + ".yaml");

    private string Indicator(string objective, string id) => Path.Combine(content, "objetivos", objective, "indicadores", id + ".yaml");

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(content, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

    private void AssertUnchanged(Dictionary<string, string> before) => Assert.Equal(before, Snapshot());

    /// <summary>Changes 201's ejecutado at 2025-09-30 (published 2025-10-15, corrected 2025-11-05), so corregir has something to record.</summary>
    private void Change201AtSeptember() =>
        Edit(Indicator("02-gestion-interna", "201"), "        programado: 67\n        ejecutado: 66\n", "        programado: 67\n        ejecutado: 65\n");

    [Fact]
    public void Publicar_with_fecha_dates_the_record_on_that_day_to_migrate_an_earlier_report()
    {
        var outcome = cli.Run("publicar", "2026-06-30", "--fecha", "2026-07-10", "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.StartsWith("Corte 2026-06-30 publicado el 2026-07-10: ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("\npublicado: 2026-07-10\n", File.ReadAllText(Record("2026-06-30")), StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode);
    }

    [Theory]
    [InlineData("2026-06-29", "--fecha:1:1: error PEI083: la fecha de publicación 2026-06-29 es anterior al corte 2026-06-30: un corte se publica en la fecha del corte o después")]
    [InlineData("2026-11-27", "--fecha:1:1: error PEI084: la fecha 2026-11-27 es posterior a hoy (2026-11-26, en Bogotá): no se publica ni se corrige con fecha futura")]
    [InlineData("2026-13-01", "--fecha:1:1: error PEI010: '2026-13-01' no es una fecha válida; use el formato AAAA-MM-DD, p. ej. 2025-06-30")]
    public void Publicar_refuses_a_date_before_the_cut_off_or_after_today_and_changes_nothing(string date, string expected)
    {
        var before = Snapshot();

        var outcome = cli.Run("publicar", "2026-06-30", "--fecha", date, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(expected, Assert.Single(outcome.ErrorLines));
        Assert.Equal("", outcome.Stdout);
        AssertUnchanged(before);
    }

    [Fact]
    public void Publicar_refuses_a_figure_the_loader_could_not_read_back_at_the_line_it_comes_from_and_changes_nothing()
    {
        var indicator = Indicator("01-servicio-ciudadano", "102");
        Edit(indicator, "      2026-06-30:\n        programado: 92\n        ejecutado: 90\n", "      2026-06-30:\n        programado: 0.000001\n        ejecutado: 900000000000000\n");
        var before = Snapshot();

        var outcome = cli.Run("publicar", "2026-06-30", "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
        [
            $"{indicator}:38:7: error PEI009: 'avance_corte' vale 90000000000000000000000.00, pero es demasiado grande: el máximo es 1000000000000000 (10^15)",
            $"{Path.Combine(content, "objetivos", "01-servicio-ciudadano", "objetivo.yaml")}:1:1: error PEI009: 'cumplimiento' vale 45000000000000000000050.00, pero es demasiado grande: el máximo es 1000000000000000 (10^15)",
        ], outcome.ErrorLines);
        AssertUnchanged(before);
    }

    [Fact]
    public void Corregir_with_fecha_dates_the_correction_on_that_day()
    {
        Change201AtSeptember();

        var outcome = cli.Run("corregir", "2025-09-30", "--motivo", "Se corrige 201", "--fecha", "2025-11-05", "--content", content);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("\n  - fecha: 2025-11-05\n    motivo: \"Se corrige 201\"\n", File.ReadAllText(Record("2025-09-30")), StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode);
    }

    [Theory]
    [InlineData("2025-10-14", "--fecha:1:1: error PEI085: la corrección con fecha 2025-10-14 es anterior a la publicación del corte 2025-09-30, el 2025-10-15: una corrección se fecha el día de la publicación o después")]
    [InlineData("2025-11-04", "--fecha:1:1: error PEI086: la corrección con fecha 2025-11-04 es anterior a la corrección anterior del corte 2025-09-30, del 2025-11-05: cada corrección se agrega al final, con fecha igual o posterior a la de la anterior")]
    [InlineData("2026-11-27", "--fecha:1:1: error PEI084: la fecha 2026-11-27 es posterior a hoy (2026-11-26, en Bogotá): no se publica ni se corrige con fecha futura")]
    public void Corregir_refuses_a_date_before_the_publication_or_the_last_correction_or_after_today_and_changes_nothing(string date, string expected)
    {
        Change201AtSeptember();
        var before = Snapshot();

        var outcome = cli.Run("corregir", "2025-09-30", "--motivo", "Se corrige 201", "--fecha", date, "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(expected, Assert.Single(outcome.ErrorLines));
        AssertUnchanged(before);
    }

    [Theory]
    [InlineData("2025-06-30", "publicado: 2025-07-15\n", "publicado: 2025-06-29\n", "3:12: error PEI083: la fecha de publicación 2025-06-29 es anterior al corte 2025-06-30: un corte se publica en la fecha del corte o después")]
    [InlineData("2025-06-30", "publicado: 2025-07-15\n", "publicado: 2026-11-27\n", "3:12: error PEI084: la fecha 2026-11-27 es posterior a hoy (2026-11-26, en Bogotá): no se publica ni se corrige con fecha futura")]
    [InlineData("2025-09-30", "  - fecha: 2025-11-05\n", "  - fecha: 2025-10-14\n", "41:12: error PEI085: la corrección con fecha 2025-10-14 es anterior a la publicación del corte 2025-09-30, el 2025-10-15: una corrección se fecha el día de la publicación o después")]
    [InlineData("2025-09-30", "  - fecha: 2025-11-05\n", "  - fecha: 2026-11-27\n", "41:12: error PEI084: la fecha 2026-11-27 es posterior a hoy (2026-11-26, en Bogotá): no se publica ni se corrige con fecha futura")]
    public void Validate_refuses_a_record_dated_before_its_cut_off_or_publication_or_after_today(string record, string from, string to, string expected)
    {
        Edit(Record(record), from, to);

        var outcome = cli.Run("validate", "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"{Record(record)}:{expected}", Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public void Validate_refuses_corrections_out_of_order()
    {
        File.AppendAllText(Record("2025-09-30"), """
              - fecha: 2025-11-04
                motivo: "Se vuelve a la ponderación publicada"
                cifras:
                  objetivos:
                    1:
                      cumplimiento: 99.26
                      indicadores:
                        "101":
                          ponderacion: 50

            """);

        var outcome = cli.Run("validate", "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            $"{Record("2025-09-30")}:50:12: error PEI086: la corrección con fecha 2025-11-04 es anterior a la corrección anterior del corte 2025-09-30, del 2025-11-05: cada corrección se agrega al final, con fecha igual o posterior a la de la anterior",
            Assert.Single(outcome.ErrorLines, l => !l.Contains("PEI055", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_refuses_a_correction_that_adds_an_indicator_or_repeats_the_value_in_force()
    {
        File.AppendAllText(Record("2025-09-30"), """
              - fecha: 2025-11-06
                motivo: "A mano"
                cifras:
                  objetivos:
                    1:
                      indicadores:
                        "101":
                          ponderacion: 60
                        "103":
                          ponderacion: 10

            """);

        var outcome = cli.Run("validate", "--content", content);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
        [
            $"{Record("2025-09-30")}:57:28: error PEI088: la corrección del 2025-11-06 repite la ponderación del indicador 101 (objetivo 1) con el valor vigente (60 %): una corrección lista solo las cifras que cambian, como la escribe `corregir`",
            $"{Record("2025-09-30")}:59:28: error PEI087: la corrección del 2025-11-06 agrega el indicador 103 (objetivo 1), que el corte 2025-09-30 no publicó: una corrección solo cambia cifras publicadas, y un indicador nuevo no entra en un corte ya publicado",
        ], outcome.ErrorLines.Where(l => !l.Contains("PEI055", StringComparison.Ordinal)));
    }
}
