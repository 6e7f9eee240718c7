using Pei.Site.Method;

namespace Pei.Site.Render.OpenData;

/// <summary>datos/plan.json: the plan and every published cut-off's figures at full precision.</summary>
public static class PlanJson
{
    public const string Path = "datos/plan.json";

    public static IReadOnlyList<DataColumn> Fields { get; } = [];

    public static byte[] Write(PlanReport report) => throw new NotImplementedException();
}
