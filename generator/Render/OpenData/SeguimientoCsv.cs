using Pei.Site.Method;

namespace Pei.Site.Render.OpenData;

/// <summary>datos/seguimiento.csv: one row per indicator and cut-off (UTF-8, RFC 4180).</summary>
public static class SeguimientoCsv
{
    public const string Path = "datos/seguimiento.csv";

    public static IReadOnlyList<DataColumn> Columns { get; } = [];

    public static byte[] Write(PlanReport report) => throw new NotImplementedException();
}
