using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Pei.Site.Text;

/// <summary>
/// A cell format of a workbook: bold, a number format (a code such as <c>0.00%</c> or <c>yyyy\-mm\-dd</c>), a solid
/// fill (an ARGB colour such as <c>FFE7E6E6</c>), text wrapped and aligned to the top. A cell names its format by its
/// index in the list handed to <see cref="WorkbookWriter.Write"/>; the first is the one of cells without a format.
/// </summary>
/// <param name="Unlocked">The cell can be changed in a protected sheet (<see cref="WorkbookSheet.Protected"/>).</param>
public sealed record WorkbookFormat(bool Bold = false, string? NumberFormat = null, string? Fill = null, bool Wrapped = false, bool Unlocked = false);

/// <summary>
/// Columns (1-based) whose cells below the header accept numbers only: a spreadsheet program refuses anything else with
/// <paramref name="Message"/> under <paramref name="Title"/>, and shows the same as a hint on the cell.
/// </summary>
public sealed record NumberOnlyColumns(IReadOnlyList<int> Columns, string Title, string Message);

/// <summary>
/// A sheet of a workbook: its name, its rows (written as they come by <paramref name="Rows"/>), its header row frozen at
/// the top, and, when given, the width in characters of each column from the first.
/// </summary>
public sealed record WorkbookSheet(string Name, Action<WorkbookRows> Rows)
{
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>The sheet is protected (without a password): only cells of an <see cref="WorkbookFormat.Unlocked"/> format change.</summary>
    public bool Protected { get; init; }

    /// <summary>Columns that accept numbers only, when given.</summary>
    public NumberOnlyColumns? NumberOnly { get; init; }

    /// <summary>An autofilter on the header row, over every column and row written.</summary>
    public bool Filter { get; init; }
}

/// <summary>
/// The one XLSX writer, for the open-data workbook and for the measurement sheet of <c>plantilla</c>: the package is
/// written directly, part by part and row by row, with an <see cref="XmlWriter"/> into a zip with fixed timestamps, so
/// two runs give the same bytes. No document model is built (for a large plan the Open XML SDK's would hold a tree of
/// every cell, and a fresh process would pay the SDK's start-up). The parts are those the SDK wrote (inline strings, no
/// shared strings, the relationships with fixed ids), byte for byte; the SDK reads the workbooks back in the tests and
/// in <c>importar</c>.
/// </summary>
public static class WorkbookWriter
{
    internal const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>The number formats every spreadsheet program knows by id (ECMA-376, 18.8.30); any other gets an id from 164.</summary>
    private static readonly Dictionary<string, int> BuiltInNumberFormats = new(StringComparer.Ordinal) { ["0%"] = 9, ["0.00%"] = 10 };

    private const int FirstCustomNumberFormat = 164;

    /// <summary>The workbook's parts as the SDK wrote them: UTF-8 without a byte order mark…</summary>
    private static readonly XmlWriterSettings PartSettings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };

    /// <summary>…and the package's own (content types, the workbook's relationships) with one, as System.IO.Packaging writes them.</summary>
    private static readonly XmlWriterSettings PackageSettings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) };

    /// <summary>Every entry's time: the zip format's earliest, so the bytes do not depend on the day they are written.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the workbook into <paramref name="output"/>. The zip is built in memory (it is small once compressed) and
    /// then copied, so that each entry's header holds its sizes: over a stream that cannot seek, such as the site's
    /// files, <see cref="ZipArchive"/> would put them in a descriptor after the entry's data, which not every reader that
    /// goes through a zip as a stream accepts.
    /// </summary>
    public static void Write(Stream output, IReadOnlyList<WorkbookFormat> formats, IReadOnlyList<WorkbookSheet> sheets)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The entries in the order the SDK's package had them.
            Entry(archive, "xl/workbook.xml", PartSettings, xml => Workbook(xml, sheets.Select(s => s.Name)));
            Entry(archive, "xl/styles.xml", PartSettings, xml => Styles(xml, formats));
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                Entry(archive, $"xl/worksheets/sheet{Number(i + 1)}.xml", PartSettings, xml => Worksheet(xml, sheet, formats.Count));
            }
            // The package's relationship to the workbook has a fixed id (the SDK made a random one, replaced afterwards
            // and written back without a byte order mark).
            Entry(archive, "_rels/.rels", PartSettings, xml => Relations(xml, [("officeDocument", "/xl/workbook.xml", "rIdLibro")]));
            Entry(archive, "xl/_rels/workbook.xml.rels", PackageSettings, xml => Relations(xml,
            [
                ("styles", "/xl/styles.xml", "rIdEstilos"),
                .. sheets.Select((_, i) => ("worksheet", $"/xl/worksheets/sheet{Number(i + 1)}.xml", SheetRelationship(i + 1))),
            ]));
            Entry(archive, "[Content_Types].xml", PackageSettings, xml => Types(xml, sheets.Count));
        }
        zip.Position = 0;
        zip.CopyTo(output);
    }

    private static void Entry(ZipArchive archive, string name, XmlWriterSettings settings, Action<XmlWriter> write)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, settings);
        write(xml);
    }

    private static void Workbook(XmlWriter xml, IEnumerable<string> sheetNames)
    {
        xml.WriteStartElement("", "workbook", Main);
        xml.WriteStartElement("", "sheets", Main);
        var id = 1;
        foreach (var name in sheetNames)
        {
            xml.WriteStartElement("", "sheet", Main);
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("sheetId", Number(id));
            xml.WriteAttributeString("r", "id", Relationships, SheetRelationship(id));
            xml.WriteEndElement();
            id++;
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string SheetRelationship(int id) => "rIdHoja" + Number(id);

    /// <summary>
    /// The stylesheet: the custom number formats, two fonts (regular and bold), the fills (the two every workbook has,
    /// then each colour), one border, and a cell format for each of <paramref name="formats"/>.
    /// </summary>
    private static void Styles(XmlWriter xml, IReadOnlyList<WorkbookFormat> formats)
    {
        var numberFormats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in formats.Select(f => f.NumberFormat).OfType<string>().Where(c => !BuiltInNumberFormats.ContainsKey(c)))
        {
            numberFormats.TryAdd(code, FirstCustomNumberFormat + numberFormats.Count);
        }
        var fills = formats.Select(f => f.Fill).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        xml.WriteStartElement("", "styleSheet", Main);
        if (numberFormats.Count > 0)
        {
            xml.WriteStartElement("", "numFmts", Main);
            xml.WriteAttributeString("count", Number(numberFormats.Count));
            foreach (var (code, id) in numberFormats)
            {
                Empty(xml, "numFmt", ("numFmtId", Number(id)), ("formatCode", code));
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("", "fonts", Main);
        xml.WriteAttributeString("count", "2");
        Empty(xml, "font");
        xml.WriteStartElement("", "font", Main);
        Empty(xml, "b");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("", "fills", Main);
        xml.WriteAttributeString("count", Number(2 + fills.Count));
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("", "fill", Main);
            Empty(xml, "patternFill", ("patternType", pattern));
            xml.WriteEndElement();
        }
        foreach (var colour in fills)
        {
            xml.WriteStartElement("", "fill", Main);
            xml.WriteStartElement("", "patternFill", Main);
            xml.WriteAttributeString("patternType", "solid");
            Empty(xml, "fgColor", ("rgb", colour));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("", "borders", Main);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "border");
        xml.WriteEndElement();
        // The "Normal" cell style every format derives from (openpyxl warns of a workbook without one).
        xml.WriteStartElement("", "cellStyleXfs", Main);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"));
        xml.WriteEndElement();
        xml.WriteStartElement("", "cellXfs", Main);
        xml.WriteAttributeString("count", Number(formats.Count));
        foreach (var format in formats)
        {
            // The attributes in the schema's order: the ids, then which of them apply.
            var attributes = new List<(string, string)>();
            var numberFormat = format.NumberFormat is { } code ? BuiltInNumberFormats.GetValueOrDefault(code, numberFormats.GetValueOrDefault(code)) : (int?)null;
            if (numberFormat is { } n)
            {
                attributes.Add(("numFmtId", Number(n)));
            }
            if (format.Bold)
            {
                attributes.Add(("fontId", "1"));
            }
            if (format.Fill is { } fill)
            {
                attributes.Add(("fillId", Number(2 + fills.IndexOf(fill))));
            }
            if (numberFormat is not null)
            {
                attributes.Add(("applyNumberFormat", "1"));
            }
            if (format.Bold)
            {
                attributes.Add(("applyFont", "1"));
            }
            if (format.Fill is not null)
            {
                attributes.Add(("applyFill", "1"));
            }
            if (format.Wrapped || format.Unlocked)
            {
                if (format.Wrapped)
                {
                    attributes.Add(("applyAlignment", "1"));
                }
                if (format.Unlocked)
                {
                    attributes.Add(("applyProtection", "1"));
                }
                xml.WriteStartElement("", "xf", Main);
                Attributes(xml, attributes);
                if (format.Wrapped)
                {
                    Empty(xml, "alignment", ("vertical", "top"), ("wrapText", "1"));
                }
                if (format.Unlocked)
                {
                    Empty(xml, "protection", ("locked", "0"));
                }
                xml.WriteEndElement();
            }
            else
            {
                Empty(xml, "xf", [.. attributes]);
            }
        }
        xml.WriteEndElement();
        xml.WriteStartElement("", "cellStyles", Main);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "cellStyle", ("name", "Normal"), ("xfId", "0"), ("builtinId", "0"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A sheet with its header row frozen, its column widths, and its rows.</summary>
    private static void Worksheet(XmlWriter xml, WorkbookSheet sheet, int formatCount)
    {
        xml.WriteStartElement("", "worksheet", Main);
        xml.WriteStartElement("", "sheetViews", Main);
        xml.WriteStartElement("", "sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        Empty(xml, "pane", ("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        if (sheet.ColumnWidths.Count > 0)
        {
            xml.WriteStartElement("", "cols", Main);
            for (var i = 0; i < sheet.ColumnWidths.Count; i++)
            {
                var column = Number(i + 1);
                Empty(xml, "col", ("min", column), ("max", column),
                    ("width", sheet.ColumnWidths[i].ToString(CultureInfo.InvariantCulture)), ("customWidth", "1"));
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("", "sheetData", Main);
        var rows = new WorkbookRows(xml, formatCount);
        sheet.Rows(rows);
        xml.WriteEndElement();
        if (sheet.Protected)
        {
            // Columns and rows may still be resized (formatColumns/formatRows "0": not protected).
            Empty(xml, "sheetProtection", ("sheet", "1"), ("objects", "1"), ("scenarios", "1"), ("formatColumns", "0"), ("formatRows", "0"));
        }
        if (sheet.Filter && rows.Count > 0 && rows.Columns > 0)
        {
            Empty(xml, "autoFilter", ("ref", $"A1:{ColumnName(rows.Columns)}{Number(rows.Count)}"));
        }
        if (sheet.NumberOnly is { } numbers && rows.Count > 1)
        {
            xml.WriteStartElement("", "dataValidations", Main);
            xml.WriteAttributeString("count", "1");
            xml.WriteStartElement("", "dataValidation", Main);
            Attributes(xml,
            [
                ("type", "decimal"), ("operator", "between"), ("allowBlank", "1"), ("showInputMessage", "1"), ("showErrorMessage", "1"),
                ("errorTitle", numbers.Title), ("error", numbers.Message), ("promptTitle", numbers.Title), ("prompt", numbers.Message),
                ("sqref", string.Join(' ', numbers.Columns.Select(c => $"{ColumnName(c)}2:{ColumnName(c)}{Number(rows.Count)}"))),
            ]);
            xml.WriteElementString("", "formula1", Main, "-1E+15");
            xml.WriteElementString("", "formula2", Main, "1E+15");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement("", name, Main);
        Attributes(xml, attributes);
        xml.WriteEndElement();
    }

    private static void Attributes(XmlWriter xml, IEnumerable<(string Name, string Value)> attributes)
    {
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }
    }

    private static void Relations(XmlWriter xml, IEnumerable<(string Type, string Target, string Id)> relations)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (type, target, id) in relations)
        {
            xml.WriteStartElement("Relationship", PackageRelationships);
            xml.WriteAttributeString("Type", $"{Relationships}/{type}");
            xml.WriteAttributeString("Target", target);
            xml.WriteAttributeString("Id", id);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>[Content_Types].xml: the workbook is the default for .xml; the styles and each sheet are named.</summary>
    private static void Types(XmlWriter xml, int sheetCount)
    {
        const string Office = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        xml.WriteStartElement("Types", ContentTypes);
        Type(xml, "Default", "Extension", "xml", $"{Office}.sheet.main+xml");
        Type(xml, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Type(xml, "Override", "PartName", "/xl/styles.xml", $"{Office}.styles+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Type(xml, "Override", "PartName", $"/xl/worksheets/sheet{Number(i)}.xml", $"{Office}.worksheet+xml");
        }
        xml.WriteEndElement();
    }

    private static void Type(XmlWriter xml, string element, string key, string value, string contentType)
    {
        xml.WriteStartElement(element, ContentTypes);
        xml.WriteAttributeString(key, value);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The letters of the first columns, named once: a workbook names a column in every cell.</summary>
    private static readonly string[] FirstColumns = [.. Enumerable.Range(1, 256).Select(NameOf)];

    /// <summary>A column's letters from its number: 1 → "A", 27 → "AA".</summary>
    internal static string ColumnName(int column) => column >= 1 && column <= FirstColumns.Length ? FirstColumns[column - 1] : NameOf(column);

    private static string NameOf(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }
}
