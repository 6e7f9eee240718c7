using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Charts;
using Pei.Site.Render.Formatting;
using Pei.Site.Render.OpenData;
using Pei.Site.Text;

namespace Pei.Site.Render.Pages;

/// <summary>layouts/OpenData.cshtml: the open data files and their data dictionary.</summary>
public sealed class OpenDataPage : Page
{
    public override string Template => "OpenData";
    public string CsvPath => SeguimientoCsv.Path;
    public string JsonPath => PlanJson.Path;
    public required IReadOnlyList<DataColumn> CsvColumns { get; init; }
    public required IReadOnlyList<DataColumn> JsonFields { get; init; }
    /// <summary>The columns of compromisos.csv (and the workbook's sheet Compromisos).</summary>
    public IReadOnlyList<DataColumn> CommitmentColumns { get; init; } = CompromisosCsv.Columns;
    /// <summary>The dataset: its licence, period and every file, as the descriptors describe it.</summary>
    public DataCatalog? Catalog { get; init; }
    /// <summary>The schema.org Dataset, for &lt;script type="application/ld+json"&gt;.</summary>
    public string? JsonLd => Catalog is null ? null : DatasetJsonLd.Write(Catalog);
    public string NumberRule => OpenNumbers.Rule;
    public string DataPackagePath => DataCatalog.DataPackagePath;
    public string CatalogPath => DataCatalog.CatalogPath;

    public override string Description =>
        $"Datos abiertos del {Site.PlanName} en CSV, Excel y JSON, con su diccionario de datos, bajo la licencia {Site.Licence.Name}.";
}
