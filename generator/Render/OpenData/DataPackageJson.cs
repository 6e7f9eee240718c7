using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/datapackage.json: a Frictionless Tabular Data Package. A resource per CSV, each with its Table Schema (every
/// column by the name of its header, its type, Spanish description and unit), the licence and the number rule.
/// </summary>
public static class DataPackageJson
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The Table Schema type of a dictionary type.</summary>
    public static string TypeOf(DataColumn column) => column.Type switch
    {
        var t when t.StartsWith("fecha", StringComparison.Ordinal) => "date",
        "entero" => "integer",
        var t when t.StartsWith("número", StringComparison.Ordinal) => "number",
        _ => "string",
    };

    public static void Write(DataCatalog catalog, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("profile", "tabular-data-package");
            json.WriteString("name", "seguimiento-plan-estrategico");
            json.WriteString("title", catalog.Title);
            json.WriteString("description", catalog.Description + " " + OpenNumbers.Rule);
            if (catalog.BaseUrl is not null)
            {
                json.WriteString("homepage", catalog.Address(SitePaths.OpenData));
            }
            if (catalog.Modified is { } modified)
            {
                json.WriteString("created", Sitemap.PublicationDates.Timestamp(modified));
            }
            json.WriteStartArray("keywords");
            foreach (var keyword in catalog.Keywords)
            {
                json.WriteStringValue(keyword);
            }
            json.WriteEndArray();
            WriteLicences(json, catalog);
            json.WriteStartArray("contributors");
            json.WriteStartObject();
            json.WriteString("title", catalog.Publisher);
            json.WriteString("role", "publisher");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("resources");
            foreach (var file in catalog.Distributions.Where(d => d.IsTable))
            {
                WriteResource(json, catalog, file);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    private static void WriteLicences(Utf8JsonWriter json, DataCatalog catalog)
    {
        json.WriteStartArray("licenses");
        json.WriteStartObject();
        json.WriteString("title", catalog.Licence.Name);
        json.WriteString("path", catalog.Licence.Url.AbsoluteUri);
        if (catalog.Licence == Model.Licence.Default)
        {
            json.WriteString("name", "CC-BY-4.0");
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResource(Utf8JsonWriter json, DataCatalog catalog, Distribution file)
    {
        json.WriteStartObject();
        json.WriteString("profile", "tabular-data-resource");
        json.WriteString("name", System.IO.Path.GetFileNameWithoutExtension(file.FileName) is var stem && char.IsDigit(stem[0]) ? "corte-" + stem : stem);
        json.WriteString("path", file.Path[DataCatalog.Folder.Length..]);
        json.WriteString("title", file.Title);
        json.WriteString("description", file.Description);
        json.WriteString("format", "csv");
        json.WriteString("mediatype", file.MediaType);
        json.WriteString("encoding", "utf-8");
        json.WriteStartObject("dialect");
        json.WriteString("delimiter", ",");
        json.WriteString("lineTerminator", "\r\n");
        json.WriteString("quoteChar", "\"");
        json.WriteBoolean("header", true);
        json.WriteEndObject();
        json.WriteStartObject("schema");
        json.WriteStartArray("fields");
        foreach (var column in file.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", TypeOf(column));
            if (TypeOf(column) == "number")
            {
                json.WriteString("decimalChar", ".");
                json.WriteString("groupChar", "");
            }
            json.WriteString("description", column.Description);
            if (column.Unit is { } unit)
            {
                json.WriteString("unit", unit);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("missingValues");
        json.WriteStringValue("");
        json.WriteEndArray();
        json.WriteEndObject();
        WriteLicences(json, catalog);
        json.WriteEndObject();
    }
}
