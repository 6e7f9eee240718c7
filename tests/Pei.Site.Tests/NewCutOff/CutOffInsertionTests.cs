using System.Text;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;

namespace Pei.Site.Tests.NewCutOffBehaviour;

/// <summary>Where the inserted lines go in files laid out in ways the real content does not show.</summary>
public sealed class CutOffInsertionTests
{
    private static readonly DateOnly September = new(2025, 9, 30);

    private static string AddToPlan(string text, DiagnosticBag? diagnostics = null) =>
        CutOffInsertion.AddToPlan(Decode(text), September, "plan.yaml", diagnostics ?? new DiagnosticBag())?.Text ?? "(rechazado)";

    private static string AddToIndicator(string text, DiagnosticBag? diagnostics = null) =>
        CutOffInsertion.AddToIndicator(Decode(text), September, "i.yaml", diagnostics ?? new DiagnosticBag())?.Text ?? "(rechazado)";

    private static SourceText Decode(string text) => SourceText.Decode(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Plan_item_written_at_the_key_column_keeps_that_style()
    {
        Assert.Equal(
            "cortes:\n- fecha: 2025-06-30\n  titulo: T2\n- fecha: 2025-09-30\n  borrador: true\n",
            AddToPlan("cortes:\n- fecha: 2025-06-30\n  titulo: T2\n"));
    }

    [Fact]
    public void Plan_item_goes_before_the_comment_and_key_that_follow_cortes()
    {
        Assert.Equal(
            "cortes:\n    -   fecha: 2025-06-30  # primero\n    -   fecha: 2025-09-30\n        borrador: true\n\n# la dirección\ndireccion: x\n",
            AddToPlan("cortes:\n    -   fecha: 2025-06-30  # primero\n\n# la dirección\ndireccion: x\n"));
    }

    [Fact]
    public void Plan_without_a_final_newline_still_ends_without_one()
    {
        Assert.Equal(
            "cortes:\n  - fecha: 2025-06-30\n  - fecha: 2025-09-30\n    borrador: true",
            AddToPlan("cortes:\n  - fecha: 2025-06-30"));
    }

    [Fact]
    public void Plan_with_cortes_in_flow_style_is_refused_with_a_diagnostic()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Equal("(rechazado)", AddToPlan("nombre: x\ncortes: [{fecha: 2025-06-30}]\n", diagnostics));

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("plan.yaml:2:9: error PEI006: 'cortes' debe ser una lista escrita en bloque, un corte por elemento ('- fecha: AAAA-MM-DD'), para que nuevo-corte pueda agregar el corte al final, pero se encontró una lista entre corchetes ([…])", diagnostic.ToString());
    }

    [Fact]
    public void Measurement_goes_after_a_block_scalar_and_before_the_comment_and_vigencia_that_follow()
    {
        const string before = """
            vigencias:
              2025:
                cortes:
                  2025-06-30:
                    observaciones: |
                      Primera línea.

                      Segunda línea.

              # la vigencia siguiente
              2026:
                meta: 1

            """;
        const string after = """
            vigencias:
              2025:
                cortes:
                  2025-06-30:
                    observaciones: |
                      Primera línea.

                      Segunda línea.
                  2025-09-30:
                    programado:
                    ejecutado:
                    observaciones:

              # la vigencia siguiente
              2026:
                meta: 1

            """;
        Assert.Equal(after, AddToIndicator(before));
    }

    [Fact]
    public void Measurement_after_a_block_scalar_that_keeps_its_trailing_lines_leaves_them_in_it()
    {
        Assert.Equal(
            "vigencias:\n  2025:\n    cortes:\n      2025-06-30:\n        observaciones: |+\n          texto\n\n      2025-09-30:\n        programado:\n        ejecutado:\n        observaciones:\n",
            AddToIndicator("vigencias:\n  2025:\n    cortes:\n      2025-06-30:\n        observaciones: |+\n          texto\n\n"));
    }

    [Fact]
    public void Measurement_follows_the_indentation_of_the_file()
    {
        Assert.Equal(
            "vigencias:\n    2025:\n        cortes:\n            2025-06-30:\n                programado: 1  # nota\n            2025-09-30:\n                programado:\n                ejecutado:\n                observaciones:\n",
            AddToIndicator("vigencias:\n    2025:\n        cortes:\n            2025-06-30:\n                programado: 1  # nota\n"));
    }

    [Fact]
    public void An_empty_cortes_key_gets_the_block_under_it()
    {
        Assert.Equal(
            "vigencias:\n  2025:\n    meta: 1\n    cortes:  # todavía nada\n      2025-09-30:\n        programado:\n        ejecutado:\n        observaciones:\n    ponderacion: 50\n",
            AddToIndicator("vigencias:\n  2025:\n    meta: 1\n    cortes:  # todavía nada\n    ponderacion: 50\n"));
    }

    [Fact]
    public void Only_the_vigencia_of_the_year_is_touched_and_the_byte_order_mark_stays()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("vigencias:\n  2024:\n    meta: 1\n  2025:\n    meta: 2\n  2026:\n    meta: 3\n")).ToArray();

        var edited = CutOffInsertion.AddToIndicator(SourceText.Decode(bytes), September, "i.yaml", new DiagnosticBag())!.Encode();

        Assert.Equal(
            Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("vigencias:\n  2024:\n    meta: 1\n  2025:\n    meta: 2\n    cortes:\n      2025-09-30:\n        programado:\n        ejecutado:\n        observaciones:\n  2026:\n    meta: 3\n")),
            edited);
    }

    [Fact]
    public void Cortes_in_flow_style_is_refused_with_a_diagnostic()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Equal("(rechazado)", AddToIndicator("vigencias:\n  2025:\n    cortes: {}\n", diagnostics));

        Assert.Equal(
            "i.yaml:3:13: error PEI006: 'cortes' debe ser un mapa escrito en bloque, una fecha por línea ('AAAA-MM-DD:'), para que nuevo-corte pueda agregar la medición al final, pero se encontró un mapa entre llaves ({…})",
            Assert.Single(diagnostics.Items).ToString());
    }
}
