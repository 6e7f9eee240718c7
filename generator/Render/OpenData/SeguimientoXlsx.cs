using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Pei.Site.Method;
using Pei.Site.Model;

namespace Pei.Site.Render.OpenData;

/// <summary>
/// datos/seguimiento.xlsx: a sheet per published cut-off (newest first, named AAAA-MM-DD) with the columns of
/// seguimiento.csv as typed cells, and a sheet "Diccionario" with the data dictionary. Numbers are numbers; dates are
/// dates (format yyyy-mm-dd); percentage columns (ponderación, cumplimiento, avances) are stored as fractions with the
/// number format 0.00 % (1.0616… shows as "106,16 %" in a Spanish Excel and keeps every decimal).
/// The package is written directly, part by part and row by row, with an <see cref="XmlWriter"/> into a zip with fixed
/// timestamps, so two builds give the same bytes: no document model is built, because for a large plan the Open XML
/// SDK's would hold a tree of every cell, and a fresh process would pay the SDK's start-up. The parts are those the SDK wrote (inline strings, no shared strings), byte for byte; the tests read
/// the workbook back with the SDK.
/// </summary>
public static class SeguimientoXlsx
{
    public const string Path = "datos/seguimiento.xlsx";
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DictionarySheet = "Diccionario";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private const int HeaderStyle = 1;
    private const int PercentStyle = 2;
    private const int DateStyle = 3;
    private const string DateFormatId = "164";

    /// <summary>The workbook's parts as the SDK wrote them: UTF-8 without a byte order mark…</summary>
    private static readonly XmlWriterSettings PartSettings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };

    /// <summary>…and the package's own (content types, the workbook's relationships) with one, as System.IO.Packaging writes them.</summary>
    private static readonly XmlWriterSettings PackageSettings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) };

    /// <summary>Every entry's time: the zip format's earliest, so the bytes do not depend on the day of the build.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the workbook into <paramref name="output"/>. The zip is built in memory (it is small once compressed) and
    /// then copied, so that each entry's header holds its sizes: over a stream that cannot seek,
    /// such as the site's files, <see cref="ZipArchive"/> would put them in a descriptor after the entry's data, which
    /// not every reader that goes through a zip as a stream accepts.
    /// </summary>
    public static void Write(PlanReport report, Stream output)
    {
        var sheets = report.CutOffs.Reverse()
            .Select(c => (Name: ContentWords.Of(c.CutOff.Date), Write: (Action<XmlWriter>)(xml => CutOffRows(xml, c))))
            .Append((Name: DictionarySheet, Write: DictionaryRows))
            .ToList();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The entries in the order the SDK's package had them.
            Entry(archive, "xl/workbook.xml", PartSettings, xml => Workbook(xml, sheets.Select(s => s.Name)));
            Entry(archive, "xl/styles.xml", PartSettings, Styles);
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                Entry(archive, $"xl/worksheets/sheet{Number(i + 1)}.xml", PartSettings, xml => Worksheet(xml, sheet.Write));
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
        xml.WriteStartElement("x", "workbook", Main);
        xml.WriteStartElement("x", "sheets", Main);
        var id = 1;
        foreach (var name in sheetNames)
        {
            xml.WriteStartElement("x", "sheet", Main);
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

    /// <summary>Fonts: regular and bold (the header). Cell formats: none, header, percent (built-in 10 is "0.00%"), date.</summary>
    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("x", "styleSheet", Main);
        xml.WriteStartElement("x", "numFmts", Main);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "numFmt", ("numFmtId", DateFormatId), ("formatCode", "yyyy\\-mm\\-dd"));
        xml.WriteEndElement();
        xml.WriteStartElement("x", "fonts", Main);
        xml.WriteAttributeString("count", "2");
        Empty(xml, "font");
        xml.WriteStartElement("x", "font", Main);
        Empty(xml, "b");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("x", "fills", Main);
        xml.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("x", "fill", Main);
            Empty(xml, "patternFill", ("patternType", pattern));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("x", "borders", Main);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "border");
        xml.WriteEndElement();
        xml.WriteStartElement("x", "cellXfs", Main);
        xml.WriteAttributeString("count", "4");
        Empty(xml, "xf");
        Empty(xml, "xf", ("fontId", "1"), ("applyFont", "1"));
        Empty(xml, "xf", ("numFmtId", "10"), ("applyNumberFormat", "1"));
        Empty(xml, "xf", ("numFmtId", DateFormatId), ("applyNumberFormat", "1"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A sheet with its header row frozen, and its rows.</summary>
    private static void Worksheet(XmlWriter xml, Action<XmlWriter> rows)
    {
        xml.WriteStartElement("x", "worksheet", Main);
        xml.WriteStartElement("x", "sheetViews", Main);
        xml.WriteStartElement("x", "sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        Empty(xml, "pane", ("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("x", "sheetData", Main);
        rows(xml);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void CutOffRows(XmlWriter xml, CutOffReport cutOff)
    {
        var row = new RowWriter(xml);
        row.Start();
        foreach (var column in SeguimientoCsv.Columns)
        {
            TextCell(xml, column.Name, HeaderStyle);
        }
        row.End();
        foreach (var values in SeguimientoCsv.Rows([cutOff]))
        {
            row.Start();
            for (var i = 0; i < values.Count; i++)
            {
                Cell(xml, values[i], SeguimientoCsv.Columns[i]);
            }
            row.End();
        }
    }

    private static void DictionaryRows(XmlWriter xml)
    {
        var row = new RowWriter(xml);
        row.Start();
        foreach (var header in new[] { "Columna", "Tipo", "Unidad", "Descripción" })
        {
            TextCell(xml, header, HeaderStyle);
        }
        row.End();
        foreach (var column in SeguimientoCsv.Columns)
        {
            row.Start();
            TextCell(xml, column.Name);
            TextCell(xml, column.Type);
            TextCell(xml, column.IsPercent ? "% (fracción con formato de porcentaje: 1,0616 se ve 106,16 %)" : column.Unit ?? "");
            TextCell(xml, column.Description);
            row.End();
        }
        row.Start();
        TextCell(xml, "");
        row.End();
        row.Start();
        TextCell(xml, "Números");
        TextCell(xml, "");
        TextCell(xml, "");
        TextCell(xml, OpenNumbers.Rule);
        row.End();
    }

    /// <summary>Numbers the rows of a sheet from 1 as they are written.</summary>
    private sealed class RowWriter(XmlWriter xml)
    {
        private int _index;

        public void Start()
        {
            xml.WriteStartElement("x", "row", Main);
            xml.WriteAttributeString("r", Number(++_index));
        }

        public void End() => xml.WriteEndElement();
    }

    private static void Cell(XmlWriter xml, object? value, DataColumn column)
    {
        switch (value)
        {
            case null:
                xml.WriteRaw("<x:c />");
                break;
            case decimal number when column.IsPercent:
                NumberCell(xml, number / 100m, PercentStyle);
                break;
            case decimal number:
                NumberCell(xml, number);
                break;
            case int number:
                NumberCell(xml, number);
                break;
            case DateOnly date:
                NumberCell(xml, (decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
                break;
            default:
                TextCell(xml, value.ToString() ?? "");
                break;
        }
    }

    /// <summary>
    /// A number cell, written as the markup the XmlWriter would write for it (a number needs no escaping): the writer's
    /// bookkeeping of elements and prefixes, three elements a cell, was most of the workbook's time.
    /// </summary>
    private static void NumberCell(XmlWriter xml, decimal value, int style = 0)
    {
        xml.WriteRaw(NumberCellStarts[style]);
        xml.WriteRaw(value.ToString(CultureInfo.InvariantCulture));
        xml.WriteRaw("</x:v></x:c>");
    }

    /// <summary>The start tag of a number cell of each style a number takes, as <see cref="StartCell"/> writes it.</summary>
    private static readonly Dictionary<int, string> NumberCellStarts = new[] { 0, PercentStyle, DateStyle }
        .ToDictionary(style => style, style => style == 0 ? "<x:c t=\"n\"><x:v>" : $"<x:c s=\"{Number(style)}\" t=\"n\"><x:v>");

    /// <summary>What the XmlWriter would change or refuse in a text: markup characters, line breaks, control characters, surrogates and non-characters.</summary>
    private static readonly System.Buffers.SearchValues<char> NotPlainText = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '<', '>', '&', .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>An inline string (no shared-strings part), spaces kept.</summary>
    private static void TextCell(XmlWriter xml, string text, int style = 0)
    {
        // Plain text (nearly every cell) as the markup the writer would write; anything else through the writer, which escapes it.
        if (style == 0 && !text.AsSpan().ContainsAny(NotPlainText))
        {
            xml.WriteRaw("<x:c t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">");
            xml.WriteRaw(text);
            xml.WriteRaw("</x:t></x:is></x:c>");
            return;
        }
        StartCell(xml, style, "inlineStr");
        xml.WriteStartElement("x", "is", Main);
        xml.WriteStartElement("x", "t", Main);
        xml.WriteAttributeString("xml", "space", XmlNamespace, "preserve");
        xml.WriteString(text);
        xml.WriteFullEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void StartCell(XmlWriter xml, int style, string type)
    {
        xml.WriteStartElement("x", "c", Main);
        if (style != 0)
        {
            xml.WriteAttributeString("s", Number(style));
        }
        xml.WriteAttributeString("t", type);
    }

    private static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement("x", name, Main);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }
        xml.WriteEndElement();
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

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
