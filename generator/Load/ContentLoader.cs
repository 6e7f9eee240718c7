using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>
/// Loads the content folder (plan.yaml, objetivos/NN-nombre/objetivo.yaml, objetivos/NN-nombre/indicadores/&lt;id&gt;.yaml)
/// into a <see cref="Plan"/>, collecting every problem as a diagnostic. Returns null when any error was found.
/// </summary>
public static partial class ContentLoader
{
    public const string PlanFile = "plan.yaml";
    public const string ObjectivesFolder = "objetivos";
    public const string ObjectiveFile = "objetivo.yaml";
    public const string IndicatorsFolder = "indicadores";
    public const string PublicationsFolder = "publicaciones";

    // \A and \z, not ^ and $: .NET's $ also matches before a final newline, and a name may end in one.
    [GeneratedRegex(@"\A(\d{2})-(?<slug>[a-z0-9]+(-[a-z0-9]+)*)\z")]
    private static partial Regex ObjectiveFolderPattern();

    [GeneratedRegex(@"\A[a-z0-9-]+\z")]
    private static partial Regex IdPattern();

    /// <summary>Names Windows reserves for devices, with or without an extension: a repository holding one cannot be checked out there.</summary>
    [GeneratedRegex(@"\A(con|prn|aux|nul|com[1-9]|lpt[1-9])\z")]
    private static partial Regex WindowsReservedName();

    /// <param name="contentDirectory">The content folder on disk.</param>
    /// <param name="displayRoot">How the content folder is named in diagnostics (e.g. "content").</param>
    /// <param name="publishing">A draft cut-off to load as if it were published (what <c>publicar</c> checks before publishing it).</param>
    /// <param name="memo">What an earlier load of this folder read from each file, used again for files that did not change (serve).</param>
    public static Plan? Load(string contentDirectory, string displayRoot, DiagnosticBag diagnostics, DateOnly? publishing = null, LoadMemo? memo = null)
    {
        var files = new ContentFolder(contentDirectory, displayRoot);
        if (!Directory.Exists(contentDirectory))
        {
            diagnostics.Error(Codes.MissingFile, new SourceSpan(displayRoot, 1, 1), $"la carpeta de contenido '{displayRoot}' (use --content para indicar otra)");
            return null;
        }
        // With a memo the cache of parsed trees is opened only when the memo has nothing to give (memo.Begin, below): a load
        // that reads a few files would otherwise read the whole cache, and save it back with only those files' trees.
        files.Trees = memo is null ? YamlTreeCache.Open(files.RealRoot) : YamlTreeCache.None;
        try
        {
            return Load(files, displayRoot, diagnostics, publishing, memo);
        }
        finally
        {
            files.Trees.Save();
        }
    }

    private static Plan? Load(ContentFolder files, string displayRoot, DiagnosticBag diagnostics, DateOnly? publishing, LoadMemo? memo)
    {
        var planPath = files.PathOf(PlanFile);
        if (ContentFolder.IsAbsentFile(planPath))
        {
            diagnostics.Error(Codes.MissingFile, files.Start(PlanFile), $"el archivo {files.Display(PlanFile)}");
            return null;
        }
        var planRoot = ReadYaml(files, planPath, files.Display(PlanFile), "el plan (entidad, nombre, periodo, cortes…)", diagnostics);
        if (planRoot is null || PlanFileReader.Read(planRoot, diagnostics) is not { } header)
        {
            return null;
        }
        if (publishing is { } date)
        {
            header = header with { CutOffs = header.CutOffs.Select(c => c.Date == date ? c with { Draft = false } : c).ToList() };
        }
        if (memo is not null && !memo.Begin(files, displayRoot, header))
        {
            files.Trees = YamlTreeCache.Open(files.RealRoot);
        }
        List<Objective> objectives;
        List<Publication> publications;
        try
        {
            objectives = LoadObjectives(files, header, diagnostics, memo);
            publications = LoadPublications(files, header, diagnostics, memo);
        }
        finally
        {
            memo?.End();
        }
        var plan = new Plan
        {
            Entity = header.Entity,
            Name = header.Name,
            Period = header.Period,
            Mission = header.Mission,
            Vision = header.Vision,
            StrategicPlatform = header.StrategicPlatform,
            Methodology = header.Methodology,
            Source = header.Source,
            Address = header.Address,
            Url = header.Url,
            Licence = header.Licence,
            CutOffs = header.CutOffs,
            Objectives = objectives,
            Publications = publications,
        };
        PlanRules.Check(plan, diagnostics);
        return diagnostics.HasErrors ? null : plan;
    }

    private static List<Objective> LoadObjectives(ContentFolder files, PlanFileReader.Header header, DiagnosticBag diagnostics, LoadMemo? memo)
    {
        var objectives = new List<Objective>();
        var folder = files.PathOf(ObjectivesFolder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(Codes.NoObjectives, files.Start(PlanFile));
            return objectives;
        }
        if (!files.Admits(folder, files.Start(ObjectivesFolder), diagnostics))
        {
            return objectives;
        }
        foreach (var stray in Visible(Directory.GetFiles(folder)))
        {
            diagnostics.Error(Codes.UnexpectedFile, files.Start(ObjectivesFolder, Path.GetFileName(stray)), Path.GetFileName(stray),
                "cada objetivo va en su carpeta objetivos/NN-nombre/ con objetivo.yaml e indicadores/");
        }
        var seen = new Dictionary<int, string>();
        foreach (var directory in Visible(Directory.GetDirectories(folder)))
        {
            var name = Path.GetFileName(directory);
            if (!files.Admits(directory, files.Start(ObjectivesFolder, name), diagnostics))
            {
                continue;
            }
            var match = ObjectiveFolderPattern().Match(name);
            if (!match.Success)
            {
                diagnostics.Error(Codes.InvalidFolderName, files.Start(ObjectivesFolder, name), name);
                continue;
            }
            if (WindowsReservedName().IsMatch(match.Groups["slug"].Value))
            {
                diagnostics.Error(Codes.ReservedName, files.Start(ObjectivesFolder, name), match.Groups["slug"].Value);
                continue;
            }
            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (seen.TryGetValue(number, out var other))
            {
                diagnostics.Error(Codes.DuplicateObjectiveNumber, files.Start(ObjectivesFolder, name, ObjectiveFile), number, other);
                continue;
            }
            seen.Add(number, name);
            if (LoadObjective(files, header, name, number, diagnostics, memo) is { } objective)
            {
                objectives.Add(objective);
            }
        }
        if (objectives.Count == 0 && seen.Count == 0)
        {
            diagnostics.Error(Codes.NoObjectives, files.Start(PlanFile));
        }
        return objectives.OrderBy(o => o.Number).ToList();
    }

    private static Objective? LoadObjective(ContentFolder files, PlanFileReader.Header header, string folder, int number, DiagnosticBag diagnostics,
        LoadMemo? memo)
    {
        var path = files.PathOf(ObjectivesFolder, folder, ObjectiveFile);
        var display = files.Display(ObjectivesFolder, folder, ObjectiveFile);
        ObjectiveFileReader.Header? objective = null;
        if (ContentFolder.IsAbsentFile(path))
        {
            diagnostics.Error(Codes.MissingFile, files.Start(ObjectivesFolder, folder), $"el archivo {display}");
        }
        else if (ReadYaml(files, path, display, "el objetivo (numero, titulo, descripcion)", diagnostics) is { } root)
        {
            objective = ObjectiveFileReader.Read(root, folder, number, diagnostics);
        }
        var indicators = LoadIndicators(files, header, folder, number, diagnostics, memo);
        if (objective is null)
        {
            return null;
        }
        if (indicators.Count == 0 && !diagnostics.Items.Any(d => d.Where.File.StartsWith(files.Display(ObjectivesFolder, folder) + "/", StringComparison.Ordinal)))
        {
            diagnostics.Warning(Codes.NoIndicators, new SourceSpan(display, 1, 1), number, files.Display(ObjectivesFolder, folder, IndicatorsFolder));
        }
        return new Objective
        {
            Number = objective.Number,
            Title = objective.Title,
            Description = objective.Description,
            Folder = folder,
            Indicators = indicators,
            Where = new SourceSpan(display, 1, 1),
        };
    }

    private static List<Indicator> LoadIndicators(ContentFolder files, PlanFileReader.Header header, string folder, int number, DiagnosticBag diagnostics,
        LoadMemo? memo)
    {
        var indicators = new List<Indicator>();
        var directory = files.PathOf(ObjectivesFolder, folder, IndicatorsFolder);
        if (!Directory.Exists(directory) || !files.Admits(directory, files.Start(ObjectivesFolder, folder, IndicatorsFolder), diagnostics))
        {
            return indicators;
        }
        foreach (var stray in Visible(Directory.GetDirectories(directory)))
        {
            diagnostics.Error(Codes.UnexpectedFile, files.Start(ObjectivesFolder, folder, IndicatorsFolder, Path.GetFileName(stray)),
                Path.GetFileName(stray), "la carpeta indicadores/ solo contiene archivos <id>.yaml");
        }
        var candidates = new List<(string Path, string Id, string Display)>();
        foreach (var path in Visible(Directory.GetFiles(directory)))
        {
            var fileName = Path.GetFileName(path);
            var display = files.Display(ObjectivesFolder, folder, IndicatorsFolder, fileName);
            if (!fileName.EndsWith(".yaml", StringComparison.Ordinal))
            {
                diagnostics.Error(Codes.UnexpectedFile, new SourceSpan(display, 1, 1), fileName,
                    fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                        ? $"use la extensión .yaml en minúsculas ({Path.GetFileNameWithoutExtension(fileName)}.yaml)"
                        : "la carpeta indicadores/ solo contiene archivos <id>.yaml");
                continue;
            }
            var id = fileName[..^".yaml".Length];
            if (!IdPattern().IsMatch(id))
            {
                diagnostics.Error(Codes.InvalidId, new SourceSpan(display, 1, 1), fileName);
                continue;
            }
            if (WindowsReservedName().IsMatch(id))
            {
                diagnostics.Error(Codes.ReservedName, new SourceSpan(display, 1, 1), id);
                continue;
            }
            candidates.Add((path, id, display));
        }
        indicators.AddRange(ReadAll(candidates.Select(c => c.Path).ToList(), memo, diagnostics, (i, bag) =>
        {
            var (path, id, display) = candidates[i];
            return ReadYaml(files, path, display, "el indicador (tipo, meta, nombre, unidad, vigencias…)", bag) is { } root &&
                new IndicatorFileReader(header, bag).Read(root, id, number) is { } found
                    ? found with { Where = new SourceSpan(display, 1, 1) }
                    : null;
        }));
        return indicators;
    }

    /// <summary>The records of published cut-offs, publicaciones/AAAA-MM-DD.yaml, in cut-off order; the folder is optional.</summary>
    private static List<Publication> LoadPublications(ContentFolder files, PlanFileReader.Header header, DiagnosticBag diagnostics, LoadMemo? memo)
    {
        var publications = new List<Publication>();
        var folder = files.PathOf(PublicationsFolder);
        if (!Directory.Exists(folder) || !files.Admits(folder, files.Start(PublicationsFolder), diagnostics))
        {
            return publications;
        }
        foreach (var stray in Visible(Directory.GetDirectories(folder)))
        {
            diagnostics.Error(Codes.UnexpectedFile, files.Start(PublicationsFolder, Path.GetFileName(stray)), Path.GetFileName(stray),
                "la carpeta publicaciones/ solo contiene los registros AAAA-MM-DD.yaml que escriben publicar y corregir");
        }
        var candidates = new List<(string Path, string FileName, string Display)>();
        foreach (var path in Visible(Directory.GetFiles(folder)))
        {
            var fileName = Path.GetFileName(path);
            var display = files.Display(PublicationsFolder, fileName);
            if (!fileName.EndsWith(".yaml", StringComparison.Ordinal))
            {
                diagnostics.Error(Codes.UnexpectedFile, new SourceSpan(display, 1, 1), fileName,
                    "la carpeta publicaciones/ solo contiene los registros AAAA-MM-DD.yaml que escriben publicar y corregir");
                continue;
            }
            candidates.Add((path, fileName, display));
        }
        // Records are the largest files (every indicator's figures): each parsed on one of the cores, as indicators are.
        publications.AddRange(ReadAll(candidates.Select(c => c.Path).ToList(), memo, diagnostics, (i, bag) =>
        {
            var (path, fileName, display) = candidates[i];
            return ReadYaml(files, path, display, "el registro de publicación (corte, publicado, cifras)", bag, YamlTreeReader.MaxRecordBytes) is { } root
                ? new PublicationFileReader(header.CutOffs, bag).Read(root, fileName)
                : null;
        }));
        return publications.OrderBy(p => p.CutOff).ToList();
    }

    /// <summary>
    /// Reads the files at <paramref name="paths"/> on every core, each with its own diagnostics (or, unchanged since the
    /// memo's last load, the result and diagnostics it gave then), and gathers them in the order of the paths.
    /// </summary>
    private static List<T> ReadAll<T>(IReadOnlyList<string> paths, LoadMemo? memo, DiagnosticBag diagnostics, Func<int, DiagnosticBag, T?> read)
        where T : class
    {
        var results = new (T? Value, DiagnosticBag Diagnostics)[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var own = new DiagnosticBag();
            results[i] = (memo is null ? read(i, own) : memo.Reuse(paths[i], own, bag => read(i, bag)), own);
        });
        var values = new List<T>();
        foreach (var (value, own) in results)
        {
            diagnostics.AddRange(own);
            if (value is not null)
            {
                values.Add(value);
            }
        }
        return values;
    }

    /// <summary>Entries sorted ordinally, without hidden files (".gitkeep", editor swap files) and Markdown notes.</summary>
    private static IEnumerable<string> Visible(IEnumerable<string> paths) =>
        paths
            .Where(p => !Path.GetFileName(p).StartsWith('.') && !p.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>
    /// One content file read through <see cref="ContentFolder.Read"/> (links, special files and size checked) and parsed,
    /// or its tree found in <see cref="ContentFolder.Trees"/> when its bytes are those of a file parsed before.
    /// </summary>
    private static YamlNode? ReadYaml(ContentFolder files, string path, string display, string expected, DiagnosticBag diagnostics,
        int maxBytes = YamlTreeReader.MaxFileBytes)
    {
        if (files.Read(path, new SourceSpan(display, 1, 1), diagnostics, maxBytes) is not { } bytes)
        {
            return null;
        }
        var key = YamlTreeCache.KeyOf(bytes);
        if (files.Trees.Find(key, display) is { } stored)
        {
            return stored;
        }
        var own = new DiagnosticBag();
        var tree = YamlTreeReader.Read(bytes, display, expected, own);
        if (tree is not null && own.Items.Count == 0)
        {
            files.Trees.Add(key, tree);
        }
        diagnostics.AddRange(own);
        return tree;
    }
}
