namespace Pei.Site.Tests.Publication;

/// <summary>
/// validate --base on a git repository holding a copy of the plan-en-el-tiempo fixture (five published cut-offs, the one
/// of 2025-09-30 corrected once), committed as the base: every change to a published record is refused at its line,
/// except a correction appended as corregir writes it.
/// </summary>
public sealed class RecordHistoryTests : IDisposable
{
    private const string Restore = "restáurela y, si debe cambiar, ejecute";

    private readonly Cli.Dated cli = Cli.On(PublicationClock.Noon26November2026);
    private readonly TempFolder temp = new();
    private readonly string content;

    public RecordHistoryTests()
    {
        content = GitRepository.WithContent(temp, Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "plan-en-el-tiempo"));
    }

    public void Dispose()
    {
        temp.Dispose();
    }

    private string Record(string date) => Path.Combine(content, "publicaciones", date + ".yaml");

    private string Indicator201 => Path.Combine(content, "objetivos", "02-gestion-interna", "indicadores", "201.yaml");

    private string PlanPath => Path.Combine(content, "plan.yaml");

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private Cli.Outcome ValidateAgainstBase() => cli.Run("validate", "--content", content, "--base", "HEAD");

    [Fact]
    public void Unchanged_records_pass_and_the_summary_says_they_were_compared()
    {
        var outcome = ValidateAgainstBase();

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(
            "Contenido válido: 2 objetivos, 4 indicadores, 5 cortes publicados.\nLos registros de publicación conservan todo lo que tenían en HEAD.",
            outcome.Stdout.Trim());
    }

    [Fact]
    public void Reformatting_a_record_and_adding_comments_is_not_a_change()
    {
        Edit(Record("2025-09-30"), "      cumplimiento: 99.26\n", "      cumplimiento: 99.260  # tal como se publicó\n");
        Edit(Record("2025-09-30"), "        \"101\":\n", "        '101':\n");
        Edit(Record("2025-09-30"), "    motivo: \"Se corrige", "    # la única corrección\n    motivo: \"Se corrige");

        var outcome = ValidateAgainstBase();

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
    }

    [Fact]
    public void Tamper_A_an_input_changed_and_its_record_rewritten_to_match_is_refused_figure_by_figure()
    {
        Edit(Indicator201, "        ejecutado: 73\n", "        ejecutado: 72\n");
        Edit(Record("2026-03-31"), "      cumplimiento: 104.17\n", "      cumplimiento: 100.00\n");
        Edit(Record("2026-03-31"), "          ejecutado: 73\n          avance_corte: 108.33\n          avance_vigencia: 65\n",
            "          ejecutado: 72\n          avance_corte: 100.00\n          avance_vigencia: 60.00\n");
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode); // the figures match: only the base tells

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        var record = Record("2026-03-31");
        Assert.Equal(
        [
            $"{record}:24:21: error PEI092: el registro del corte 2026-03-31 cambia una cifra publicada, el cumplimiento del objetivo 2 (en HEAD: 104,17 %; aquí: 100,00 %): las cifras publicadas no se reescriben; {Restore} `corregir 2026-03-31 --motivo \"…\"`",
            $"{record}:30:22: error PEI092: el registro del corte 2026-03-31 cambia una cifra publicada, el ejecutado del indicador 201 (objetivo 2) (en HEAD: 73; aquí: 72): las cifras publicadas no se reescriben; {Restore} `corregir 2026-03-31 --motivo \"…\"`",
            $"{record}:31:25: error PEI092: el registro del corte 2026-03-31 cambia una cifra publicada, el avance al corte del indicador 201 (objetivo 2) (en HEAD: 108,33 %; aquí: 100,00 %): las cifras publicadas no se reescriben; {Restore} `corregir 2026-03-31 --motivo \"…\"`",
            $"{record}:32:28: error PEI092: el registro del corte 2026-03-31 cambia una cifra publicada, el avance de la vigencia del indicador 201 (objetivo 2) (en HEAD: 65,00 %; aquí: 60,00 %): las cifras publicadas no se reescriben; {Restore} `corregir 2026-03-31 --motivo \"…\"`",
        ], outcome.ErrorLines);
    }

    [Fact]
    public void The_same_change_recorded_with_corregir_is_admitted_and_the_diff_lists_the_new_correction()
    {
        Edit(Indicator201, "        programado: 67\n        ejecutado: 66\n", "        programado: 67\n        ejecutado: 65\n");
        Assert.Equal(0, cli.Run("corregir", "2025-09-30", "--motivo", "Se corrige el ejecutado de 201", "--content", content).ExitCode);

        var outcome = ValidateAgainstBase();
        var diff = cli.Run("diff", "--content", content, "--base", "HEAD");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("| 30 de septiembre de 2025 | publicaciones/2025-09-30.yaml | La corrección del 2026-11-26 (nueva) | no existía | 4 cifras | — | se admite |",
            diff.Stdout.Split('\n'));
    }

    [Fact]
    public void Tamper_B_a_correction_folded_into_the_first_published_figures_and_removed_is_refused()
    {
        var path = Record("2025-09-30");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..text.IndexOf("correcciones:", StringComparison.Ordinal)]
            .Replace("      cumplimiento: 99.26\n", "      cumplimiento: 99.33\n", StringComparison.Ordinal)
            .Replace("        \"101\":\n          ponderacion: 50\n", "        \"101\":\n          ponderacion: 60\n", StringComparison.Ordinal));

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
        [
            $"{path}:1:1: error PEI093: el registro del corte 2025-09-30 quita la corrección del 2025-11-05 (motivo: «Se corrige la ponderación del indicador 101, que se publicó con la de 2026»), que está en HEAD: la fe de erratas no se borra; restáurela",
            $"{path}:7:21: error PEI092: el registro del corte 2025-09-30 cambia una cifra publicada, el cumplimiento del objetivo 1 (en HEAD: 99,26 %; aquí: 99,33 %): las cifras publicadas no se reescriben; {Restore} `corregir 2025-09-30 --motivo \"…\"`",
            $"{path}:10:24: error PEI092: el registro del corte 2025-09-30 cambia una cifra publicada, la ponderación del indicador 101 (objetivo 1) (en HEAD: 50 %; aquí: 60 %): las cifras publicadas no se reescriben; {Restore} `corregir 2025-09-30 --motivo \"…\"`",
        ], outcome.ErrorLines);
    }

    [Fact]
    public void Tamper_C_the_latest_record_deleted_and_its_cut_off_back_to_borrador_is_refused_naming_both()
    {
        File.Delete(Record("2026-03-31"));
        Edit(PlanPath, "  - fecha: 2026-03-31\n", "  - fecha: 2026-03-31\n    borrador: true\n");
        Assert.Equal(0, cli.Run("validate", "--content", content).ExitCode); // a draft without a record is valid on its own

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
        [
            $"{PlanPath}:24:12: error PEI090: el corte 2026-03-31 está publicado en HEAD y aquí volvió a 'borrador: true': un corte publicado no se retira ni vuelve a borrador; restaure el corte y su registro como están en HEAD y, si una cifra debe cambiar, ejecute `corregir 2026-03-31 --motivo \"…\"`",
            $"{Record("2026-03-31")}:1:1: error PEI089: el registro del corte 2026-03-31 está en HEAD y aquí no: se borró o se renombró; un corte publicado no se retira: restaure el archivo como está en HEAD",
        ], outcome.ErrorLines);
    }

    [Fact]
    public void A_published_cut_off_removed_from_plan_yaml_with_its_record_is_refused()
    {
        File.Delete(Record("2026-03-31"));
        Edit(PlanPath, "  - fecha: 2026-03-31\n    titulo: Primer trimestre 2026\n", "");

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(
            $"{PlanPath}:1:1: error PEI090: el corte 2026-03-31 está publicado en HEAD y aquí ya no está en la lista 'cortes' de plan.yaml: un corte publicado no se retira ni vuelve a borrador; restaure el corte y su registro como están en HEAD y, si una cifra debe cambiar, ejecute `corregir 2026-03-31 --motivo \"…\"`",
            outcome.ErrorLines);
        Assert.Contains($"{Record("2026-03-31")}:1:1: error PEI089: ", outcome.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_record_is_refused_as_deleted()
    {
        File.Move(Record("2026-03-31"), Record("2026-03-30"));

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{Record("2026-03-31")}:1:1: error PEI089: el registro del corte 2026-03-31 está en HEAD y aquí no: se borró o se renombró; un corte publicado no se retira: restaure el archivo como está en HEAD", outcome.ErrorLines);
    }

    [Fact]
    public void A_changed_publication_date_is_refused_at_its_line()
    {
        Edit(Record("2025-06-30"), "publicado: 2025-07-15\n", "publicado: 2025-07-16\n");

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            $"{Record("2025-06-30")}:3:12: error PEI091: el registro del corte 2025-06-30 cambia su fecha de publicación (en HEAD: 2025-07-15; aquí: 2025-07-16): la fecha de publicación no cambia; restáurela",
            Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public void A_published_indicator_taken_out_of_the_record_is_refused_figure_by_figure()
    {
        Edit(Record("2025-06-30"), "        \"102\":\n          ponderacion: 40\n          meta_vigencia: 90\n          programado: 90\n          ejecutado: 91\n          avance_corte: 101.11\n          avance_vigencia: 101.11\n", "");

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        var removed = outcome.ErrorLines.Where(l => l.Contains("error PEI092: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, removed.Count);
        Assert.Contains(
            $"{Record("2025-06-30")}:4:1: error PEI092: el registro del corte 2025-06-30 cambia una cifra publicada, la ponderación del indicador 102 (objetivo 1) (en HEAD: 40 %; aquí: no está): las cifras publicadas no se reescriben; {Restore} `corregir 2025-06-30 --motivo \"…\"`",
            removed);
    }

    [Theory]
    [InlineData("    motivo: \"Se corrige la ponderación del indicador 101, que se publicó con la de 2026\"\n",
        "    motivo: \"Se corrige la ponderación del indicador 101\"\n", 42, 13,
        "el motivo (en HEAD: «Se corrige la ponderación del indicador 101, que se publicó con la de 2026»; aquí: «Se corrige la ponderación del indicador 101»)")]
    [InlineData("  - fecha: 2025-11-05\n", "  - fecha: 2025-11-06\n", 41, 12, "la fecha (en HEAD: 2025-11-05; aquí: 2025-11-06)")]
    [InlineData("              ponderacion: 60\n", "              ponderacion: 55\n", 49, 28, "la ponderación del indicador 101 (objetivo 1) (en HEAD: 60 %; aquí: 55 %)")]
    public void An_altered_correction_is_refused_at_the_changed_line(string from, string to, int line, int column, string what)
    {
        Edit(Record("2025-09-30"), from, to);

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(
            $"{Record("2025-09-30")}:{line}:{column}: error PEI094: la corrección del 2025-11-05 del corte 2025-09-30 cambia {what}: una corrección registrada no se modifica; restáurela y, si hace falta, agregue otra con `corregir 2025-09-30 --motivo \"…\"`",
            outcome.ErrorLines);
    }

    [Fact]
    public void A_correction_moved_behind_a_new_one_is_refused()
    {
        var path = Record("2025-09-30");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("  - fecha: 2025-11-05", StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + """
              - fecha: 2025-11-05
                motivo: "Otra"
                cifras:
                  objetivos:
                    2:
                      cumplimiento: 92.00

            """ + text[at..]);

        var outcome = ValidateAgainstBase();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(
            $"{path}:47:5: error PEI095: la corrección del 2025-11-05 del corte 2025-09-30 cambió de lugar (en HEAD es la 1.ª; aquí, la 2.ª): las correcciones conservan su orden y cada nueva se agrega al final",
            outcome.ErrorLines);
    }

    [Fact]
    public void Diff_lists_each_refused_record_change_with_its_code()
    {
        Edit(Record("2025-06-30"), "publicado: 2025-07-15\n", "publicado: 2025-07-16\n");
        File.Delete(Record("2026-03-31"));
        Edit(PlanPath, "  - fecha: 2026-03-31\n", "  - fecha: 2026-03-31\n    borrador: true\n");

        var outcome = cli.Run("diff", "--content", content, "--base", "HEAD");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var lines = outcome.Stdout.Split('\n');
        Assert.Contains("| 30 de junio de 2025 | publicaciones/2025-06-30.yaml | La fecha de publicación | 2025-07-15 | 2025-07-16 | — | rechazado (PEI091) |", lines);
        Assert.Contains("| 31 de marzo de 2026 | publicaciones/2026-03-31.yaml | El registro | publicado | no está | — | rechazado (PEI089) |", lines);
        Assert.Contains("| 31 de marzo de 2026 | plan.yaml | El corte en plan.yaml | publicado | borrador | — | rechazado (PEI090) |", lines);
    }
}
