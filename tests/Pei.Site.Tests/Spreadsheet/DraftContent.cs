namespace Pei.Site.Tests.Spreadsheet;

/// <summary>
/// What the tests of importar start from: a copy of <see cref="Repository.BaseCase"/> with the draft cut-off
/// <see cref="CutOff"/> that nuevo-corte adds, and the header row of the sheet plantilla writes for it.
/// </summary>
internal static class DraftContent
{
    public const string CutOff = "2025-09-30";

    /// <summary>The template's header row, as plantilla writes it in the CSV sheet.</summary>
    public const string Header = "corte;objetivo;meta;id (no editar);indicador;unidad;meta de la vigencia;programado;ejecutado;observaciones";

    /// <summary>The copy, made in <paramref name="temp"/> as "content"; returns its path.</summary>
    public static string In(TempFolder temp)
    {
        var content = temp.Copy(Repository.BaseCase, "content");
        Assert.Equal(0, Cli.Run("nuevo-corte", CutOff, "--content", content).ExitCode);
        return content;
    }
}
