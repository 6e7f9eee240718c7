namespace Pei.Site.Tests.Schemas;

/// <summary>Every YAML file in content/ names its schema on its first line, for the editor, and validates against it.</summary>
public sealed class ContentFileSchemaTests
{
    private const string SchemaComment = "# yaml-language-server: $schema=";

    public static TheoryData<string> ContentFiles => new(ContentSchemas.FilesIn(Repository.Content));

    [Fact]
    public void Content_has_the_plan_objectives_and_indicators_to_check()
    {
        var files = ContentSchemas.FilesIn(Repository.Content).GroupBy(ContentSchemas.For).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(1, files[ContentSchemas.Plan]);
        Assert.Equal(RealContent.Plan.Objectives.Count, files[ContentSchemas.Objective]);
        Assert.Equal(RealContent.Plan.Indicators.Count(), files[ContentSchemas.Indicator]);
        Assert.Equal(RealContent.Plan.Publications.Count, files[ContentSchemas.Publication]);
    }

    [Theory]
    [MemberData(nameof(ContentFiles))]
    public void First_line_points_the_editor_to_the_file_s_schema(string file)
    {
        var path = Path.Combine(Repository.Content, file);
        var schema = ContentSchemas.PathOf(ContentSchemas.For(file));
        var relative = Path.GetRelativePath(Path.GetDirectoryName(path)!, schema).Replace('\\', '/');

        var firstLine = File.ReadLines(path).First();

        Assert.Equal(SchemaComment + relative, firstLine);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, firstLine[SchemaComment.Length..])), firstLine);
    }

    [Theory]
    [MemberData(nameof(ContentFiles))]
    public void File_validates_against_its_schema(string file)
    {
        var errors = ContentSchemas.Check(Repository.Content, file);

        Assert.True(errors.Count == 0, $"{file}:\n  {string.Join("\n  ", errors)}");
    }

    [Fact]
    public void Draft_cut_off_may_leave_its_values_and_whole_measurement_empty()
    {
        var indicator = YamlAsJson.Convert("""
            tipo: gestion
            meta:
              descripcion: Digitalizar 10 trámites
            nombre: Trámites digitalizados
            unidad: numero
            anualizacion:
            vigencias:
              2025:
                meta: 4
                ponderacion: 25
                cortes:
                  2025-06-30:
                    programado: 1
                    ejecutado:
                    observaciones:
                  2025-09-30:
            """);

        Assert.Empty(ContentSchemas.Check(ContentSchemas.Indicator, indicator));
    }

    [Theory]
    [InlineData("25")]
    [InlineData("1899")]
    [InlineData("2025-06")]
    [InlineData("año")]
    public void Indicator_schema_rejects_a_fiscal_year_key_that_is_not_a_year(string key)
    {
        var indicator = YamlAsJson.Convert($"""
            tipo: gestion
            meta:
              descripcion: Digitalizar 10 trámites
            nombre: Trámites digitalizados
            unidad: numero
            vigencias:
              {key}:
                meta: 4
                ponderacion: 25
            """);

        var errors = ContentSchemas.Check(ContentSchemas.Indicator, indicator);

        Assert.Contains(errors, e => e.Location == $"/vigencias/{key}" && e.Keyword == "pattern");
    }
}
