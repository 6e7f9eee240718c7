using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Edit;
using Pei.Site.Load;
using Pei.Site.Model;
using Pei.Site.Spreadsheet;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>
/// importar &lt;archivo.xlsx|.csv&gt;: writes the figures of a filled-in measurement sheet (see plantilla) into the YAML of
/// its cut-off, which must be a draft. Everything is checked before anything is written: the sheet (columns, cut-off,
/// numbers, one row per indicator, none missing or unknown), the edits, and the content as it would be after them
/// (loaded from a copy); when anything fails, no file changes.
/// </summary>
public static class ImportCommand
{
    public static Pipeline.Result Run(string content, string file)
    {
        var diagnostics = new DiagnosticBag();
        var fileWhere = new SourceSpan(file, 1, 1);
        if (!SheetFormat.IsKnown(file))
        {
            diagnostics.Error(Codes.UnreadableSheet, fileWhere, "la extensión no es .xlsx ni .csv");
            return Pipeline.Result.Refused(diagnostics);
        }
        SheetTable table;
        try
        {
            table = SheetFormat.Read(file);
        }
        catch (SheetLimitException e)
        {
            var place = new SheetImport.Place(file, e.SheetName);
            diagnostics.Add(e.Code == Codes.SheetUnpackedTooLarge
                ? new Diagnostic(e.Code.Code, Severity.Error, fileWhere, e.Code.Format([.. e.Arguments]))
                : place.Error(e.Code, e.Row, e.Column, null, [.. e.Arguments]));
            return Pipeline.Result.Refused(diagnostics);
        }
        catch (UnreadableSheetException e)
        {
            diagnostics.Error(Codes.UnreadableSheet, fileWhere, e.Message);
            return Pipeline.Result.Refused(diagnostics);
        }
        // The content and the sheet are both read before anything is refused, so that one run reports every problem of
        // each: a cell that does not read, a row of an unknown indicator and a lag left unexplained come out together.
        // Only the errors of the content as it is: its warnings are those of the content as it will be, reported below.
        var loaded = new DiagnosticBag();
        var plan = Pipeline.Load(content, loaded);
        foreach (var error in loaded.Items.Where(d => d.Severity == Severity.Error))
        {
            diagnostics.Add(error);
        }
        plan = loaded.HasErrors ? null : plan;
        var units = plan?.Indicators.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.Ordinal);
        if (SheetImport.Read(table, file, diagnostics, units) is not { } sheet || plan is null)
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var cutOffWords = ContentWords.Of(sheet.CutOff);
        var cutOff = plan.CutOffs.FirstOrDefault(c => c.Date == sheet.CutOff);
        if (cutOff is null)
        {
            diagnostics.Add(sheet.Place.Error(Codes.SheetCutOffNotInPlan, sheet.CutOffWhere.Line, sheet.CutOffWhere.Column, MeasurementSheet.CutOff, cutOffWords));
            return Pipeline.Result.Refused(diagnostics);
        }
        if (!cutOff.Draft)
        {
            diagnostics.Add(sheet.Place.Error(Codes.SheetCutOffPublished, sheet.CutOffWhere.Line, sheet.CutOffWhere.Column, MeasurementSheet.CutOff, cutOffWords));
            return Pipeline.Result.Refused(diagnostics);
        }
        var expected = MeasurementSheet.Expected(plan, sheet.CutOff).ToDictionary(e => e.Indicator.Id, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var imported = new List<ImportedRow>();
        foreach (var row in sheet.Rows)
        {
            if (!expected.ContainsKey(row.Id))
            {
                diagnostics.Add(sheet.Place.Error(Codes.UnknownSheetIndicator, row.Row, row.IdColumn, MeasurementSheet.Id, row.Id, sheet.CutOff.Year));
            }
            else if (!seen.TryAdd(row.Id, row.Row))
            {
                diagnostics.Add(sheet.Place.Error(Codes.DuplicateSheetIndicator, row.Row, row.IdColumn, MeasurementSheet.Id, row.Id, seen[row.Id]));
            }
            else
            {
                imported.Add(row);
            }
        }
        foreach (var (id, missing) in expected.Where(e => !seen.ContainsKey(e.Key)))
        {
            diagnostics.Add(sheet.Place.SheetError(Codes.MissingSheetIndicator, id, missing.Indicator.Name, sheet.CutOff.Year));
        }

        var edits = new List<(string Path, string Display, byte[] Before, byte[] After)>();
        foreach (var row in imported)
        {
            var (objective, indicator, year) = expected[row.Id];
            var path = ContentLayout.IndicatorPath(content, objective.Folder, indicator.Id);
            var before = File.ReadAllBytes(path);
            if (MeasurementValues.Set(SourceText.Decode(before), sheet.CutOff, Readable(row, year.Measurement(sheet.CutOff)), indicator.Where.File, diagnostics) is { } edited)
            {
                edits.Add((path, indicator.Where.File, before, edited.Encode()));
            }
        }
        var changed = edits.Where(e => !e.Before.AsSpan().SequenceEqual(e.After)).ToList();
        // The content as it would be after the edits, even when the sheet had errors: its problems come out in this run too,
        // but for the values missing only because their cell was refused (already reported at the cell).
        var refused = imported.Where(r => r.Unread.Count > 0).Select(r => expected[r.Id].Indicator.Where.File).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in EditedContent.Check(content, changed.Select(e => (e.Path, e.After)).ToList(), compute: true).Items)
        {
            if (!(diagnostic.Code == Codes.DraftValueMissing.Code && refused.Contains(diagnostic.Where.File)))
            {
                diagnostics.Add(diagnostic);
            }
        }
        if (diagnostics.HasErrors)
        {
            return Pipeline.Result.Refused(diagnostics);
        }

        if (!EditedFiles.Write(new ContentFolder(content, content), changed.Select(e => (e.Path, e.Display, e.After)).ToList(), diagnostics))
        {
            return Pipeline.Result.Refused(diagnostics);
        }
        var summary =
            $"Cifras del corte {cutOffWords} importadas de {file}: {Plural.Of(sheet.Rows.Count, "indicador", "indicadores")}, " +
            $"{Plural.Of(changed.Count, "archivo modificado", "archivos modificados")}." +
            string.Concat(changed.Select(e => Environment.NewLine + "  " + e.Display));
        return new Pipeline.Result(diagnostics.Sorted(), summary);
    }

    /// <summary>The row's figures, with each cell that did not read left as the YAML has it, so the rest can be checked.</summary>
    private static MeasurementFigures Readable(ImportedRow row, Measurement? existing) => row.Unread.Count == 0 ? row.Figures : row.Figures with
    {
        Planned = row.Unread.Contains(MeasurementSheet.Planned) ? existing?.Planned : row.Figures.Planned,
        Executed = row.Unread.Contains(MeasurementSheet.Executed) ? existing?.Executed : row.Figures.Executed,
        Observations = row.Unread.Contains(MeasurementSheet.Observations) ? existing?.Observations : row.Figures.Observations,
    };
}
