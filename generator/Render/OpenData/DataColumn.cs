namespace Pei.Site.Render.OpenData;

/// <summary>One column of an open-data file, as the data dictionary on the site describes it.</summary>
public sealed record DataColumn(string Name, string Type, string Description)
{
    /// <summary>The unit of a numeric column ("%"), or where to find it; null when it has none.</summary>
    public string? Unit { get; init; }

    /// <summary>True for a percentage column: 74.4 means 74,4 % in the CSV, plan.json and the workbook (shown there with " %").</summary>
    public bool IsPercent => Unit == "%";
}
