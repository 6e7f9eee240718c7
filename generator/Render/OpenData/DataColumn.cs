namespace Pei.Site.Render.OpenData;

/// <summary>One column of an open-data file, as the data dictionary on the site describes it.</summary>
public sealed record DataColumn(string Name, string Type, string Description);
