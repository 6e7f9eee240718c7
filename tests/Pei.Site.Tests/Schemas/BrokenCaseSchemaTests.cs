using Pei.Site.Tests.Load;

namespace Pei.Site.Tests.Schemas;

/// <summary>
/// The broken-content corpus (Load/Cases) against the schemas. Each case is in exactly one of three lists: the schema
/// rejects it, the schema accepts it because the rule is beyond a schema, or it is not a YAML document a schema can see.
/// The loader (<c>validate</c>) reports all of them; the schema is the editor's help while typing.
/// </summary>
public sealed class BrokenCaseSchemaTests
{
    private const string IndicatorsOf1 = "objetivos/01-servicio-ciudadano/indicadores/";
    private const string IndicatorsOf2 = "objetivos/02-gestion-interna/indicadores/";

    /// <summary>Cases a schema expresses: the file esperado.txt names, and exactly the keywords it fails.</summary>
    public static TheoryData<string, string, string[]> Expressible => new()
    {
        // An empty file is no object.
        { "archivo-vacio", "objetivos/01-servicio-ciudadano/objetivo.yaml", ["/ type"] },
        // Misspelt key: unknown key refused, and the key it should have been is missing.
        { "clave-mal-escrita", IndicatorsOf1 + "101.yaml", ["/vigencias/2025 required", "/vigencias/2025/ponderacin additionalProperties"] },
        // Cut-off key that is not a date: propertyNames (pattern and format) and no patternProperties match.
        { "corte-que-no-es-fecha", IndicatorsOf2 + "202.yaml", ["/vigencias/2025/cortes/junio-2025 format", "/vigencias/2025/cortes/junio-2025 pattern", "/vigencias/2025/cortes/junio-2025 additionalProperties"] },
        // creciente without linea_base: if/then.
        { "creciente-sin-linea-base", IndicatorsOf2 + "201.yaml", ["/ required"] },
        { "ejecutado-negativo", IndicatorsOf2 + "203.yaml", ["/vigencias/2025/cortes/2025-06-30/ejecutado minimum"] },
        { "falta-clave-obligatoria", IndicatorsOf2 + "201.yaml", ["/ required"] },
        // 2025-02-30 matches the pattern but is no calendar date: format "date".
        { "fecha-inexistente", "publicaciones/2025-06-30.yaml", ["/publicado format"] },
        // Digits other than 0-9 (here Arabic-Indic) are no date either.
        { "fecha-con-digitos-indoarabigos", "publicaciones/2025-06-30.yaml", ["/publicado format", "/publicado pattern"] },
        { "lista-donde-va-un-numero", IndicatorsOf1 + "101.yaml", ["/vigencias/2025/meta type"] },
        // 90,5 and 95% are text to YAML, and "1" in quotes is text: a string where a number goes.
        { "numero-con-coma-decimal", IndicatorsOf1 + "102.yaml", ["/vigencias/2025/cortes/2025-06-30/ejecutado type"] },
        { "numero-con-signo-de-porcentaje", IndicatorsOf1 + "102.yaml", ["/vigencias/2025/meta type"] },
        { "numero-entre-comillas", IndicatorsOf2 + "202.yaml", ["/vigencias/2025/cortes/2025-06-30/programado type"] },
        { "ponderacion-mayor-que-100", IndicatorsOf1 + "101.yaml", ["/vigencias/2025/ponderacion maximum"] },
        // A misspelt figure in a publication record: unknown key refused, and the figure it should have been is missing.
        { "registro-con-clave-desconocida", "publicaciones/2025-06-30.yaml", ["/cifras/objetivos/1/indicadores/101 required", "/cifras/objetivos/1/indicadores/101/avance_al_corte additionalProperties"] },
        { "tipo-mal-escrito", IndicatorsOf1 + "101.yaml", ["/tipo enum"] },
        // causa and accion without responsable and fecha_compromiso: the four keys depend on each other.
        { "compromiso-incompleto", IndicatorsOf1 + "102.yaml", ["/vigencias/2025/cortes/2025-06-30 dependencies"] },
        // '+2025' is not four digits: propertyNames, and no patternProperties match.
        { "vigencia-escrita-de-dos-formas", IndicatorsOf1 + "101.yaml", ["/vigencias/+2025 pattern", "/vigencias/+2025 additionalProperties"] },
        // An empty required text is null, not a string.
        { "valor-vacio", "objetivos/02-gestion-interna/objetivo.yaml", ["/titulo type"] },
    };

    /// <summary>Readable cases whose rule a schema cannot state, with the reason: the schema accepts every one of their files.</summary>
    public static TheoryData<string, string> BeyondASchema => new()
    {
        { "archivo-de-2-mib", "a file's size is not part of its data" },
        { "archivo-inesperado-en-objetivos", "which files a folder may hold is a rule of the folder, not of a file's content" },
        { "carpeta-de-objetivo-mal-nombrada", "a folder's name is not in any file" },
        { "corte-en-la-vigencia-equivocada", "relates a key (the cut-off's year) to its parent's key (the fiscal year); a schema can only do that with one rule per year" },
        { "corte-fuera-del-periodo", "compares two values of plan.yaml (a cut-off with periodo); a schema compares a value only with constants" },
        { "corte-que-no-esta-en-el-plan", "needs plan.yaml's cut-offs while checking an indicator file" },
        { "cortes-desordenados", "the order of the cut-offs is a comparison between values of a list" },
        { "extension-yml", "a file's name is not part of its data" },
        { "falta-medicion-en-corte-publicado", "needs plan.yaml's cut-offs (and whether each is a draft) while checking an indicator file" },
        { "falta-objetivo-yaml", "a missing file has no content to check" },
        { "falta-plan-yaml", "a missing file has no content to check" },
        { "id-con-espacios", "an indicator's id is its file name, not part of its data" },
        { "id-con-mayusculas", "an indicator's id is its file name, not part of its data" },
        { "id-repetido-entre-objetivos", "uniqueness across files" },
        { "numero-de-objetivo-distinto-de-la-carpeta", "compares 'numero' with the folder's name" },
        { "numero-de-objetivo-repetido", "uniqueness across files" },
        { "numero-enorme", "1e40 is a valid number; the limit (10^15) keeps the generator's exact decimal arithmetic exact, it is not a rule of the plan" },
        { "ejecutado-mayor-que-diez-a-la-quince", "1e27 is a valid number; the limit (10^15) keeps the generator's exact decimal arithmetic exact, it is not a rule of the plan" },
        { "numero-demasiado-pequeno", "a YAML reader that turns numbers into doubles, as the editor's does, reads 1e-400 as 0: the loss happens before a schema sees the value" },
        { "numero-con-demasiados-decimales", "a YAML reader that turns numbers into doubles, as the editor's does, reads 60.00000000000000000000000000001 as 60: the loss happens before a schema sees the value" },
        { "markdown-anidado-en-exceso", "the nesting of the Markdown inside a text is the text's structure, not a property of the YAML value" },
        { "markdown-con-demasiadas-marcas", "the marks per paragraph of the Markdown inside a text are the text's structure, not a property of the YAML value" },
        { "control-de-direccion-en-texto", "the loader refuses invisible characters anywhere in the file, comments included; a schema sees only values" },
        { "caracter-de-control-como-escape", "the loader refuses invisible characters anywhere in the file, comments included; a schema sees only values" },
        { "id-reservado-en-windows", "an indicator's id is its file name, not part of its data" },
        { "carpeta-de-objetivo-con-nombre-reservado", "a folder's name is not in any file" },
        { "objetivo-sin-indicadores-es-advertencia", "valid content (a warning about an empty folder)" },
        { "periodo-invertido", "compares 'desde' with 'hasta'" },
        { "ponderaciones-que-no-suman-100", "a sum over all the indicator files of an objective" },
        { "registro-con-nombre-distinto-del-corte", "a file's name is not part of its data" },
        { "registro-de-corte-en-borrador", "needs plan.yaml's cut-offs (and whether each is a draft) while checking a record" },
        { "registro-de-corte-que-no-esta-en-el-plan", "needs plan.yaml's cut-offs while checking a record" },
        { "rezago-sin-observaciones", "depends on the computed progress, and on whether the cut-off is a draft in plan.yaml" },
        { "sin-objetivos", "a missing folder has no content to check" },
        { "utf8-con-bom-es-valido", "valid content" },
        { "valor-faltante-en-corte-publicado", "a value may be empty in a draft cut-off, and whether the cut-off is a draft is in plan.yaml" },
        { "vigencia-fuera-del-periodo", "needs plan.yaml's periodo while checking an indicator file" },
    };

    /// <summary>Cases that are not one YAML document a schema could be applied to; the editor's YAML parser or the loader's reader reports them.</summary>
    private static readonly string[] NotADocument =
    [
        "ancla-y-alias-mil-millones-de-risas", // aliases that expand exponentially: a reader limit, refused before any data exists
        "anidamiento-profundo",                // nesting beyond the reader's depth limit: a reader limit, not a rule of any key
        "archivo-en-latin-1",                  // the encoding is below the data a schema sees
        "clave-repetida",                      // the data model holds one value per key; the duplicate is gone before validation
        "comillas-sin-cerrar",                 // syntax error
        "corchete-sin-cerrar-antes-de-bloque", // syntax error
        "llave-sin-cerrar-al-final",           // syntax error
        "sangria-con-tabulador",               // syntax error
        "tabulador-en-linea-anidada",          // syntax error
        "caracter-de-control-en-texto",        // a raw control character is not allowed in a YAML stream at all
        "sangria-incorrecta",                  // syntax error
        "varios-documentos-yaml",              // a schema checks one document, and the file holds several
    ];

    [Fact]
    public void Every_case_of_the_corpus_is_in_exactly_one_list()
    {
        var listed = Expressible.Select(row => (string)row[0])
            .Concat(BeyondASchema.Select(row => (string)row[0]))
            .Concat(NotADocument)
            .ToList();

        Assert.Equal(ContentCase.Names(), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Expressible))]
    public void Schema_rejects_the_broken_file_of_a_case_it_expresses(string name, string file, string[] expected)
    {
        using var content = ContentCase.Open(name);
        Assert.Contains(content.Expected, line => line.StartsWith($"{ContentCase.DisplayRoot}/{file}:", StringComparison.Ordinal));

        var errors = ContentSchemas.Check(content.ContentDirectory, file);

        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Select(e => e.Short).Order(StringComparer.Ordinal));
        foreach (var other in ContentSchemas.FilesIn(content.ContentDirectory).Where(f => f != file))
        {
            Assert.Empty(ContentSchemas.Check(content.ContentDirectory, other));
        }
    }

    [Theory]
    [MemberData(nameof(BeyondASchema))]
    public void Schema_accepts_every_file_of_a_case_beyond_a_schema(string name, string reason)
    {
        using var content = ContentCase.Open(name);

        var errors = ContentSchemas.FilesIn(content.ContentDirectory)
            .SelectMany(file => ContentSchemas.Check(content.ContentDirectory, file).Select(e => $"{file} {e}"))
            .ToList();

        Assert.True(errors.Count == 0, $"{name} ({reason}):\n  {string.Join("\n  ", errors)}");
    }
}
