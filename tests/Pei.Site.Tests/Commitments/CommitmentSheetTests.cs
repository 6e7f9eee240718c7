using System.Text;
using Pei.Site.Build;
using Pei.Site.Diagnostics;

namespace Pei.Site.Tests.Commitments;

/// <summary>plantilla and importar carry the structured explanation of a lag (causa, accion, responsable, fecha_compromiso).</summary>
public sealed class CommitmentSheetTests : IDisposable
{
    private readonly TempFolder temporary = new();
    private readonly string content;
    private readonly string sheet;

    public CommitmentSheetTests()
    {
        content = temporary.Copy(CommitmentFixture.Folder, "content");
        sheet = temporary["corte.csv"];
        Assert.Equal(0, Cli.Run("nuevo-corte", "2026-03-31", "--content", content).ExitCode);
        Assert.Equal(0, Cli.Run("plantilla", "2026-03-31", "--out", sheet, "--content", content).ExitCode);
    }

    public void Dispose() => temporary.Dispose();

    /// <summary>The sheet filled in: every indicator meets its target except 104, explained with <paramref name="due"/>.</summary>
    private void Fill(string due)
    {
        var lines = File.ReadAllText(sheet, Encoding.UTF8).TrimEnd('\r', '\n').Split("\r\n");
        Assert.Equal("corte;objetivo;meta;id (no editar);indicador;unidad;meta de la vigencia;anualización;programado del corte anterior;ejecutado del corte anterior;programado;ejecutado;observaciones;causa;accion;responsable;fecha_compromiso", lines[0].TrimStart('\uFEFF'));
        var filled = new StringBuilder(lines[0] + "\r\n");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(';');
            cells[10] = "100";
            cells[11] = cells[3] == "104" ? "90" : "100";
            if (cells[3] == "104")
            {
                (cells[12], cells[13], cells[14], cells[15], cells[16]) =
                    ("Rezago de 10 puntos.", "La demanda sigue alta: \"récord\" en enero.", "Reforzar el equipo en abril.", "Subdirección de Atención", due);
                cells[13] = "\"" + cells[13].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }
            filled.Append(string.Join(';', cells)).Append("\r\n");
        }
        File.WriteAllText(sheet, filled.ToString(), new UTF8Encoding(true));
    }

    [Fact]
    public void A_filled_in_sheet_writes_the_four_keys_and_they_load_back_as_written()
    {
        Fill("2026-06-30");

        var imported = Cli.Run("importar", sheet, "--content", content);

        Assert.True(imported.ExitCode == 0, imported.Stderr);
        var diagnostics = new DiagnosticBag();
        var plan = Pipeline.Load(content, diagnostics)!;
        var explanation = plan.Indicators.Single(i => i.Id == "104").FiscalYear(2026)!.Measurement(new DateOnly(2026, 3, 31))!.Explanation!;
        Assert.Equal("La demanda sigue alta: \"récord\" en enero.", explanation.Cause);
        Assert.Equal("Reforzar el equipo en abril.", explanation.Action);
        Assert.Equal("Subdirección de Atención", explanation.Responsible);
        Assert.Equal(new DateOnly(2026, 6, 30), explanation.Due);
        Assert.Null(plan.Indicators.Single(i => i.Id == "101").FiscalYear(2026)!.Measurement(new DateOnly(2026, 3, 31))!.Explanation);
        // And plantilla gives them back.
        var again = temporary["otra.csv"];
        Assert.Equal(0, Cli.Run("plantilla", "2026-03-31", "--out", again, "--content", content).ExitCode);
        Assert.Contains(";Subdirección de Atención;2026-06-30", File.ReadAllText(again, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_fecha_compromiso_is_refused_at_its_cell_and_nothing_is_written()
    {
        Fill("fin de año");
        var before = File.ReadAllText(Path.Combine(content, "objetivos", "01-atencion", "indicadores", "104.yaml"));

        var imported = Cli.Run("importar", sheet, "--content", content);

        Assert.Equal(1, imported.ExitCode);
        var row = File.ReadAllText(sheet, Encoding.UTF8).Split("\r\n").ToList().FindIndex(l => l.Contains(";104;", StringComparison.Ordinal)) + 1;
        // The content's own problems with the explanation left incomplete come out in the same run (importar reports
        // the sheet's and the content's together).
        Assert.Contains(
            $"{sheet}:{row}:17: error PEI157: fila {row}, columna 'fecha_compromiso': 'fin de año' no es una fecha; la columna 'fecha_compromiso' lleva la fecha AAAA-MM-DD en que el rezago debe quedar superado, p. ej. 2025-09-30, o se deja vacía",
            imported.ErrorLines);
        Assert.EndsWith("; no se escribió nada.", imported.Stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(content, "objetivos", "01-atencion", "indicadores", "104.yaml")));
    }
}
