using Pei.Site.Build;
using Pei.Site.Diagnostics;

namespace Pei.Site.Tests.Commitments;

/// <summary>Structured lag explanations that break a rule: the exact diagnostic at the exact line, and what stays valid.</summary>
public sealed class CommitmentRuleTests : IDisposable
{
    private readonly TempFolder temporary = new();
    private readonly string content;

    public CommitmentRuleTests()
    {
        content = temporary.Copy(CommitmentFixture.Folder, "content");
    }

    public void Dispose() => temporary.Dispose();

    private void Edit(string relative, string from, string to)
    {
        var path = Path.Combine(content, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private List<string> Diagnostics(DateOnly? today = null)
    {
        var diagnostics = new DiagnosticBag();
        Pipeline.Compute(content, diagnostics, new Pipeline.Options { Display = "content", Today = today, YearTargets = true });
        return diagnostics.Sorted().Select(d => d.ToString()).ToList();
    }

    private const string Indicator102 = "objetivos/01-atencion/indicadores/102.yaml";

    private static string Line(string relative, string text) =>
        (Array.FindIndex(File.ReadAllLines(Path.Combine(CommitmentFixture.Folder, relative)), l => l.Contains(text, StringComparison.Ordinal)) + 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_partial_explanation_is_an_error_at_its_measurement_naming_what_it_lacks()
    {
        Edit(Indicator102, "        responsable: Oficina de Tecnología\n        fecha_compromiso: 2025-06-30\n      2025-06-30:", "      2025-06-30:");

        Assert.Equal(
            [$"content/{Indicator102}:{Line(Indicator102, "2025-03-31:")}:7: error PEI150: la explicación estructurada del corte 2025-03-31 está incompleta: falta responsable, fecha_compromiso; una explicación estructurada lleva las cuatro claves causa, accion, responsable y fecha_compromiso, o ninguna"],
            Diagnostics());
    }

    [Fact]
    public void From_compromisos_desde_on_a_lag_with_only_observaciones_is_an_error()
    {
        Edit(Indicator102, "        causa: El sistema de turnos sigue sin instalarse.\n        accion: Terminar la instalación del sistema de turnos.\n        responsable: Oficina de Tecnología\n        fecha_compromiso: 2025-06-30\n      2025-12-31:", "      2025-12-31:");

        Assert.Equal(
            [$"content/{Indicator102}:{Line(Indicator102, "2025-09-30:")}:7: error PEI151: el indicador está en rezago al corte 2025-09-30 (88,00 % de avance al corte) y desde el corte 2025-03-31 ('compromisos_desde' en plan.yaml) cada rezago se explica con causa, accion, responsable y fecha_compromiso; falta causa, accion, responsable, fecha_compromiso"],
            Diagnostics());
    }

    [Fact]
    public void Before_compromisos_desde_a_lag_explained_in_free_text_stays_valid()
    {
        Edit("plan.yaml", "compromisos_desde: 2025-03-31", "compromisos_desde: 2025-12-31");
        Edit(Indicator102, "        causa: El sistema de turnos sigue sin instalarse.\n        accion: Terminar la instalación del sistema de turnos.\n        responsable: Oficina de Tecnología\n        fecha_compromiso: 2025-06-30\n      2025-12-31:", "      2025-12-31:");

        Assert.Empty(Diagnostics());
    }

    [Fact]
    public void Without_compromisos_desde_a_structured_explanation_is_optional()
    {
        Edit("plan.yaml", "compromisos_desde: 2025-03-31\n", "");
        Edit(Indicator102, "        causa: El sistema de turnos sigue sin instalarse.\n        accion: Terminar la instalación del sistema de turnos.\n        responsable: Oficina de Tecnología\n        fecha_compromiso: 2025-06-30\n      2025-12-31:", "      2025-12-31:");

        Assert.Empty(Diagnostics());
    }

    [Fact]
    public void Compromisos_desde_must_name_a_cut_off_of_the_plan()
    {
        Edit("plan.yaml", "compromisos_desde: 2025-03-31", "compromisos_desde: 2025-09-03");

        Assert.Equal(
            [$"content/plan.yaml:{Line("plan.yaml", "compromisos_desde")}:20: error PEI153: 'compromisos_desde' es 2025-09-03, que no es un corte de la lista 'cortes' de plan.yaml; escriba la fecha del primer corte desde el que cada rezago necesita causa, accion, responsable y fecha_compromiso (2025-03-31, 2025-06-30, 2025-09-30, 2025-12-31)"],
            Diagnostics());
    }

    [Fact]
    public void A_new_commitment_due_on_or_before_its_cut_off_is_an_error_at_its_date()
    {
        const string indicator = "objetivos/01-atencion/indicadores/104.yaml";
        Edit(indicator, "fecha_compromiso: 2026-03-31", "fecha_compromiso: 2025-12-31");

        Assert.Equal(
            [$"content/{indicator}:{Line(indicator, "fecha_compromiso")}:27: error PEI152: la fecha_compromiso 2025-12-31 no es posterior al corte 2025-12-31: un compromiso nuevo se fija para después del corte en que se adquiere; solo se repite una fecha ya pasada para mantener un compromiso anterior del indicador con esa misma fecha"],
            Diagnostics());
    }

    [Fact]
    public void An_explanation_on_a_measurement_that_does_not_lag_is_a_warning()
    {
        const string indicator = "objetivos/02-gestion/indicadores/202.yaml";
        Edit(indicator, "      2025-06-30:\n        programado: 100\n        ejecutado: 100\n",
            "      2025-06-30:\n        programado: 100\n        ejecutado: 100\n        causa: Ninguna.\n        accion: Ninguna.\n        responsable: Oficina de Control Interno\n        fecha_compromiso: 2025-09-30\n");

        Assert.Equal(
            [$"content/{indicator}:{Line(indicator, "2025-06-30:")}:7: warning PEI154: la medición del corte 2025-06-30 tiene causa, accion, responsable y fecha_compromiso, pero el indicador no está en rezago (está en cumplimiento): ese compromiso no se publica ni se sigue; quite esas claves o revise las cifras"],
            Diagnostics());
    }

    [Fact]
    public void After_31_January_a_missing_vigencia_of_the_year_is_a_warning_per_indicator()
    {
        const string indicator = "objetivos/02-gestion/indicadores/202.yaml";
        Edit(indicator, "  2026:\n    meta: 100\n    ponderacion: 30\n", "");
        Edit("objetivos/02-gestion/indicadores/203.yaml", "  2026:\n    meta: 100\n    ponderacion: 30\n", "  2026:\n    meta: 100\n    ponderacion: 60\n");

        Assert.Empty(Diagnostics(new DateOnly(2026, 1, 31)));
        Assert.Equal(
            [$"content/{indicator}:{Line(indicator, "  2025:")}:3: warning PEI155: el indicador no tiene la vigencia 2026 (meta y ponderación del año) y ya pasó el 31 de enero de 2026; agréguela en 'vigencias' para publicar el plan de acción del año, o retire el indicador si ya no se mide"],
            Diagnostics(new DateOnly(2026, 2, 1)));
        // Outside the plan's period there is nothing to ask for.
        Assert.Empty(Diagnostics(new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void When_no_indicator_has_the_year_one_warning_says_so_at_the_plan()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(content, "objetivos"), "*.yaml", SearchOption.AllDirectories).Where(f => f.Contains("indicadores", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            File.WriteAllText(file, text[..text.IndexOf("  2026:\n", StringComparison.Ordinal)]);
        }

        Assert.Equal(
            [$"content/plan.yaml:{Line("plan.yaml", "2025-12-31")}:12: warning PEI156: ninguno de los 7 indicadores tiene la vigencia 2026 (meta y ponderación del año) y ya pasó el 31 de enero de 2026; agregue la vigencia 2026 a cada indicador para publicar el plan de acción del año"],
            Diagnostics(new DateOnly(2026, 3, 1)));
    }
}
