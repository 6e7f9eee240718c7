using System.Text;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;

namespace Pei.Site.Tests.Spreadsheet;

/// <summary>The in-place edit importar makes in one indicator file: values replaced after their colon, comments kept,
/// observations as a literal block, a missing measurement added first.</summary>
public sealed class MeasurementValuesTests
{
    private static readonly DateOnly September = new(2025, 9, 30);

    private static string Set(string yaml, MeasurementFigures figures)
    {
        var diagnostics = new DiagnosticBag();
        var edited = MeasurementValues.Set(SourceText.Decode(Encoding.UTF8.GetBytes(yaml)), September, figures, "101.yaml", diagnostics);
        Assert.Empty(diagnostics.Items);
        return Encoding.UTF8.GetString(edited!.Encode());
    }

    private const string Head = "tipo: sectorial\nvigencias:\n  2025:\n    meta: 4\n    cortes:\n";

    [Fact]
    public void Values_replace_old_ones_and_comments_after_them_stay()
    {
        var yaml = Head +
            "      2025-09-30:\n" +
            "        programado: 2  # de SEGPLAN\n" +
            "        ejecutado:   # por llenar\n" +
            "        observaciones: |\n" +
            "          Texto viejo.\n" +
            "\n" +
            "          Segundo párrafo viejo.\n" +
            "# fin\n";

        var edited = Set(yaml, new MeasurementFigures(3.5m, 1m, "Nuevo: texto.\n\n- una lista"));

        Assert.Equal(Head +
            "      2025-09-30:\n" +
            "        programado: 3.5  # de SEGPLAN\n" +
            "        ejecutado: 1   # por llenar\n" +
            "        observaciones: |\n" +
            "          Nuevo: texto.\n" +
            "\n" +
            "          - una lista\n" +
            "# fin\n", edited);
    }

    [Fact]
    public void Empty_cells_empty_the_values_and_a_missing_measurement_is_added_first()
    {
        var yaml = Head + "      2025-06-30:\n        programado: 2\n        ejecutado: 2\n";

        var added = Set(yaml, new MeasurementFigures(3m, null, null));

        Assert.Equal(yaml + "      2025-09-30:\n        programado: 3\n        ejecutado:\n        observaciones:\n", added);
        Assert.Equal(yaml + "      2025-09-30:\n        programado:\n        ejecutado:\n        observaciones:\n",
            Set(added, new MeasurementFigures(null, null, null)));
    }

    [Fact]
    public void Crlf_files_keep_their_line_endings()
    {
        var yaml = (Head + "      2025-09-30:\n        programado:\n        ejecutado:\n        observaciones:\n").Replace("\n", "\r\n", StringComparison.Ordinal);

        var edited = Set(yaml, new MeasurementFigures(1m, 1m, "Línea uno.\nLínea dos."));

        Assert.EndsWith("        observaciones: |\r\n          Línea uno.\r\n          Línea dos.\r\n", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", edited, StringComparison.Ordinal);
        Assert.Equal(edited.Split("\r\n").Length, edited.Split('\n').Length);
    }
}
