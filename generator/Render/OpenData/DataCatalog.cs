using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render.Sitemap;
using Pei.Site.Text;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// The open data as one dataset: what it is, its licence, the period it covers and every file it is offered in.
/// The page datos/, the Data Package, the DCAT catalogue and the schema.org Dataset all describe it from here.
/// </summary>
public sealed record DataCatalog
{
    public const string DataPackagePath = "datos/datapackage.json";
    public const string CatalogPath = "datos/catalogo.json";
    public const string Folder = "datos/";

    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Publisher { get; init; }
    public required Licence Licence { get; init; }
    /// <summary>From the first day of the plan to the latest published cut-off; null when none is published.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>The last day the figures changed (publication or correction of the latest cut-off).</summary>
    public DateOnly? Modified { get; init; }
    public required IReadOnlyList<Distribution> Distributions { get; init; }
    public Uri? BaseUrl { get; init; }

    public IReadOnlyList<string> Keywords { get; } =
        ["plan estratégico institucional", "seguimiento", "indicadores", "cumplimiento", "transparencia", "planeación"];

    /// <summary>"2024-01-01/2025-06-30" (ISO 8601 interval), or null.</summary>
    public string? TemporalCoverage => From is { } from && To is { } to ? $"{ContentWords.Of(from)}/{ContentWords.Of(to)}" : null;

    /// <summary>A file's address: absolute with a base URL, otherwise relative to a file in datos/.</summary>
    public string Address(string sitePath) =>
        BaseUrl is { } baseUrl ? new Uri(baseUrl, SitePaths.UrlPath(sitePath)).AbsoluteUri
        : sitePath.StartsWith(Folder, StringComparison.Ordinal) ? SitePaths.UrlPath(sitePath[Folder.Length..])
        : "../" + SitePaths.UrlPath(sitePath);

    public static DataCatalog For(PlanReport report, RenderOptions options)
    {
        var plan = report.Plan;
        var distributions = new List<Distribution>
        {
            new(SeguimientoCsv.Path, "Seguimiento por indicador y corte (CSV)", "Una fila por indicador y corte publicado, todos los cortes.", "text/csv", "CSV", IsTable: true),
            new(SeguimientoXlsx.Path, "Seguimiento por indicador y corte (Excel)", "Una hoja por corte publicado y una con el diccionario de datos; números y porcentajes con su formato.", SeguimientoXlsx.MediaType, "XLSX"),
            new(PlanJson.Path, "Plan completo y cifras de cada corte (JSON)", "El plan, sus objetivos, indicadores y mediciones.", "application/json", "JSON"),
            new(CompromisosCsv.Path, "Compromisos de los rezagos (CSV)", "Una fila por compromiso y corte publicado desde el que se adquirió: causa, acción, área responsable, fecha comprometida y estado al corte.", "text/csv", "CSV", IsTable: true)
            {
                Columns = CompromisosCsv.Columns,
            },
        };
        distributions.AddRange(report.CutOffs.Reverse().Select(c => new Distribution(
            SeguimientoCsv.CutOffPath(c.CutOff.Date),
            $"Corte al {EsCo.Date(c.CutOff.Date)} (CSV)",
            $"Las filas del corte al {EsCo.Date(c.CutOff.Date)}, con las mismas columnas.",
            "text/csv", "CSV", IsTable: true)));
        distributions.AddRange(report.CutOffs.Reverse().Where(c => options.Reports.Contains(c.CutOff.Date)).SelectMany(c => Pdf.ReportEdition.Of(c).Select(e => e.CorrectedOn is { } day
            ? new Distribution(
                e.Path,
                $"Informe de seguimiento al {EsCo.Date(c.CutOff.Date)}, versión corregida el {EsCo.Date(day)} (PDF)",
                $"El informe trimestral con las cifras corregidas hasta el {EsCo.Date(day)} y la fe de erratas al comienzo.",
                "application/pdf", "PDF")
            : new Distribution(
                e.Path,
                $"Informe de seguimiento al {EsCo.Date(c.CutOff.Date)} (PDF)",
                "El informe trimestral para leer o imprimir, tal como se publicó.",
                "application/pdf", "PDF"))));
        return new DataCatalog
        {
            Title = $"Seguimiento del {plan.Name}",
            Description = $"Avance de los indicadores y cumplimiento de los objetivos estratégicos del {plan.Name} ({plan.Entity}), en cada corte trimestral publicado.",
            Publisher = plan.Entity,
            Licence = plan.Licence,
            From = report.Latest is null ? null : new DateOnly(plan.Period.From, 1, 1),
            To = report.Latest?.CutOff.Date,
            Modified = PublicationDates.SiteUpdated(report),
            Distributions = distributions,
            BaseUrl = options.BaseUrl,
        };
    }
}

/// <summary>A file of the dataset: where it is, its name, media type and format; tables are described column by column.</summary>
public sealed record Distribution(string Path, string Title, string Description, string MediaType, string Format, bool IsTable = false)
{
    /// <summary>A table's columns: seguimiento.csv's unless it has its own.</summary>
    public IReadOnlyList<DataColumn> Columns { get; init; } = SeguimientoCsv.Columns;

    /// <summary>The file name, e.g. "2025-06-30.csv".</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];
}
