using System.Buffers.Binary;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pei.Site.Model;
using Pei.Site.Render.OpenData;

namespace Pei.Site.Tests.Render;

/// <summary>
/// The open data is written straight into the site's files, which cannot seek: the workbook without the Open XML SDK,
/// the CSV and the JSON as they go. Whole sites are pinned by ReferenceOutputTests; these pin what a reader gets back
/// from text that XML and CSV must escape.
/// </summary>
public sealed class OpenDataStreamTests
{
    private const string Observations = "Demoras & «ajustes» <contrato> \"firmado\"\nsegunda línea,  dos espacios 😀 ]]>";

    private static readonly Pei.Site.Method.PlanReport Report = SamplePlan.Report(observations: Observations);

    [Fact]
    public void Workbook_written_into_a_stream_that_cannot_seek_reads_back_the_observations_as_written()
    {
        var bytes = Written(stream => SeguimientoXlsx.Write(Report, stream));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "2025-06-30");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InlineString!.Text!.Text).ToList();
        var row = rows.Single(r => r.Elements<Cell>().ElementAt(header.IndexOf("indicador_id")).InlineString?.Text?.Text == "4199-estrategia-comunicacion");
        var observations = row.Elements<Cell>().ElementAt(header.IndexOf("observaciones"));
        Assert.Equal(CellValues.InlineString, observations.DataType!.Value);
        Assert.Equal(Observations, observations.InlineString!.Text!.Text);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (uint)i), rows.Select(r => r.RowIndex!.Value));
    }

    [Fact]
    public void Workbook_entries_carry_their_sizes_in_their_headers_even_when_the_stream_cannot_seek()
    {
        var bytes = Written(stream => SeguimientoXlsx.Write(Report, stream));

        var names = new List<string>();
        var offset = 0;
        while (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) == 0x04034b50)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 6));
            var compressed = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 18));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 28));
            Assert.Equal(0, flags & 0x8); // no data descriptor after the data
            Assert.True(compressed > 0);
            names.Add(System.Text.Encoding.UTF8.GetString(bytes, offset + 30, nameLength));
            offset += 30 + nameLength + extraLength + compressed;
        }
        Assert.Equal(
            ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
             "_rels/.rels", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"],
            names);
    }

    [Fact]
    public void Csv_written_into_a_stream_that_cannot_seek_quotes_the_observations_and_ends_their_lines_with_crlf()
    {
        var text = System.Text.Encoding.UTF8.GetString(Written(stream => SeguimientoCsv.Write(Report.CutOffs.Single(c => c.CutOff.Date == SamplePlan.June), stream)));

        Assert.False(text.StartsWith('\uFEFF'));
        var records = Csv.Parse(text);
        var header = records[0];
        var row = records.Single(r => r[Array.IndexOf(header, "indicador_id")] == "4199-estrategia-comunicacion");
        Assert.Equal(Observations.Replace("\n", "\r\n"), row[Array.IndexOf(header, "observaciones")]);
    }

    [Fact]
    public void Plan_json_written_into_a_stream_that_cannot_seek_holds_every_cut_off_and_the_observations()
    {
        var bytes = Written(stream => PlanJson.Write(Report, stream));

        Assert.Equal((byte)'\n', bytes[^1]);
        using var json = System.Text.Json.JsonDocument.Parse(bytes);
        var cutOffs = json.RootElement.GetProperty("cortes").EnumerateArray().ToList();
        Assert.Equal(Report.CutOffs.Select(c => ContentWords.Of(c.CutOff.Date)), cutOffs.Select(c => c.GetProperty("fecha").GetString()));
        var june = cutOffs.Single(c => c.GetProperty("fecha").GetString() == "2025-06-30");
        var indicator = june.GetProperty("objetivos").EnumerateArray()
            .SelectMany(o => o.GetProperty("indicadores").EnumerateArray())
            .Single(i => i.GetProperty("id").GetString() == "4199-estrategia-comunicacion");
        Assert.Equal(Observations, indicator.GetProperty("observaciones").GetString());
    }

    private static byte[] Written(Action<Stream> write)
    {
        using var target = new MemoryStream();
        using (var stream = new ForwardOnly(target))
        {
            write(stream);
        }
        return target.ToArray();
    }

    /// <summary>Like the site's files: write only, no seeking, no length.</summary>
    private sealed class ForwardOnly(Stream target) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => target.Write(buffer, offset, count);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
