using System.Text.Json;
using Pei.Site.Model;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/catalogo.json: the dataset as a DCAT-US 1.1 catalogue (the data.json format of Project Open Data, which
/// portals such as CKAN and Socrata, and so datos.gov.co, can harvest). Addresses are absolute with a base URL.
/// </summary>
public static class DcatCatalog
{
    public static void Write(DataCatalog catalog, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, DataPackageJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld");
            json.WriteString("@type", "dcat:Catalog");
            json.WriteString("conformsTo", "https://project-open-data.cio.gov/v1.1/schema");
            json.WriteString("describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json");
            json.WriteStartArray("dataset");
            json.WriteStartObject();
            json.WriteString("@type", "dcat:Dataset");
            json.WriteString("identifier", catalog.BaseUrl is null ? "seguimiento-plan-estrategico" : catalog.Address(SitePaths.OpenData));
            json.WriteString("title", catalog.Title);
            json.WriteString("description", catalog.Description + " " + OpenNumbers.Rule);
            json.WriteStartArray("keyword");
            foreach (var keyword in catalog.Keywords)
            {
                json.WriteStringValue(keyword);
            }
            json.WriteEndArray();
            if (catalog.Modified is { } modified)
            {
                json.WriteString("modified", ContentWords.Of(modified));
            }
            json.WriteStartObject("publisher");
            json.WriteString("@type", "org:Organization");
            json.WriteString("name", catalog.Publisher);
            json.WriteEndObject();
            json.WriteStartObject("contactPoint");
            json.WriteString("@type", "vcard:Contact");
            json.WriteString("fn", catalog.Publisher);
            json.WriteEndObject();
            json.WriteString("accessLevel", "public");
            json.WriteString("license", catalog.Licence.Url.AbsoluteUri);
            json.WriteString("rights", catalog.Licence.Name);
            if (catalog.TemporalCoverage is { } temporal)
            {
                json.WriteString("temporal", temporal);
            }
            json.WriteString("accrualPeriodicity", "R/P3M");
            json.WriteStartArray("language");
            json.WriteStringValue("es-CO");
            json.WriteEndArray();
            json.WriteString("landingPage", catalog.Address(SitePaths.OpenData));
            json.WriteString("describedBy", catalog.Address(DataCatalog.DataPackagePath));
            json.WriteString("describedByType", "application/json");
            json.WriteStartArray("distribution");
            foreach (var file in catalog.Distributions)
            {
                json.WriteStartObject();
                json.WriteString("@type", "dcat:Distribution");
                json.WriteString("title", file.Title);
                json.WriteString("description", file.Description);
                json.WriteString("downloadURL", catalog.Address(file.Path));
                json.WriteString("mediaType", file.MediaType);
                json.WriteString("format", file.Format);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }
}
