namespace Pei.Site.Tests;

/// <summary>
/// What a test class needs beyond .NET and the repository, as the trait <c>[Trait(Needs.Trait, …)]</c>. The fast tier,
/// <c>bash tests/run.sh --fast</c>, leaves these tests out (<c>--filter "Needs!=Chromium&amp;Needs!=Publish&amp;Needs!=Node"</c>); the
/// full gate runs them.
/// </summary>
internal static class Needs
{
    public const string Trait = "Needs";

    /// <summary>Chromium: the browser checks (with Java and the W3C checker), the PDF reports (with poppler-utils), live reload.</summary>
    public const string Chromium = "Chromium";

    /// <summary>Node.js with tests/node_modules (exceljs and SheetJS, the readers outside .NET of the open-data workbook).</summary>
    public const string Node = "Node";

    /// <summary>A self-contained <c>dotnet publish</c> of the generator: the release download.</summary>
    public const string Publish = "Publish";
}
