using System.Text;
using System.Text.Json;
using Pei.Site.Model;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// The schema.org Dataset that datos/index.html carries in &lt;script type="application/ld+json"&gt;: a data block,
/// never executed, so the Content-Security-Policy (script-src 'self') does not apply to it. "&lt;" is escaped so the
/// text can never close the script element.
/// </summary>
public static class DatasetJsonLd
{
    public static string Write(DataCatalog catalog)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Dataset");
            json.WriteString("name", catalog.Title);
            json.WriteString("description", catalog.Description);
            if (catalog.BaseUrl is not null)
            {
                json.WriteString("url", catalog.Address(SitePaths.OpenData));
            }
            json.WriteString("inLanguage", "es-CO");
            json.WriteBoolean("isAccessibleForFree", true);
            json.WriteStartObject("license");
            json.WriteString("@type", "CreativeWork");
            json.WriteString("name", catalog.Licence.Name);
            json.WriteString("url", catalog.Licence.Url.AbsoluteUri);
            json.WriteEndObject();
            json.WriteStartArray("keywords");
            foreach (var keyword in catalog.Keywords)
            {
                json.WriteStringValue(keyword);
            }
            json.WriteEndArray();
            if (catalog.TemporalCoverage is { } temporal)
            {
                json.WriteString("temporalCoverage", temporal);
            }
            if (catalog.Modified is { } modified)
            {
                json.WriteString("dateModified", ContentWords.Of(modified));
            }
            foreach (var role in new[] { "publisher", "creator" })
            {
                json.WriteStartObject(role);
                json.WriteString("@type", "GovernmentOrganization");
                json.WriteString("name", catalog.Publisher);
                json.WriteEndObject();
            }
            json.WriteStartArray("distribution");
            foreach (var file in catalog.Distributions)
            {
                json.WriteStartObject();
                json.WriteString("@type", "DataDownload");
                json.WriteString("name", file.Title);
                json.WriteString("encodingFormat", file.MediaType);
                json.WriteString("contentUrl", catalog.Address(file.Path));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        // The default encoder already writes "<" as \u003C: nothing in the block can end the script element.
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
