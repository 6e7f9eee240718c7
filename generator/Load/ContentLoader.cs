using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;
using Pei.Site.Load.Yaml;
using Pei.Site.Model;

namespace Pei.Site.Load;

/// <summary>
/// Reads the content folder (plan.yaml, objetivos/NN-nombre/objetivo.yaml, objetivos/NN-nombre/indicadores/&lt;id&gt;.yaml,
/// publicaciones/AAAA-MM-DD.yaml) into a <see cref="Plan"/>, each file on its own, collecting every problem as a
/// diagnostic. A file with errors is left out of the plan, which is returned all the same so that the rules across files
/// (<see cref="PlanRules"/>) can still be checked over the clean ones; null only when plan.yaml itself cannot be read.
/// </summary>
public static class ContentLoader
{
    /// <param name="contentDirectory">The content folder on disk.</param>
    /// <param name="displayRoot">How the content folder is named in diagnostics (e.g. "content").</param>
    /// <param name="cacheRoot">The cache folder of parsed trees, instead of PEI_CACHE's (<see cref="CacheFolder.For"/>).</param>
    public static Plan? Load(string contentDirectory, string displayRoot, DiagnosticBag diagnostics, string? cacheRoot = null) =>
        Load(contentDirectory, displayRoot, diagnostics, memo: null, cacheRoot);

    /// <param name="memo">What an earlier load of this folder read from each file, used again for files that did not
    /// change (<see cref="LoadMemo.Load"/>).</param>
    internal static Plan? Load(string contentDirectory, string displayRoot, DiagnosticBag diagnostics, LoadMemo? memo, string? cacheRoot = null)
    {
        var files = new ContentFolder(contentDirectory, displayRoot);
        if (!Directory.Exists(contentDirectory))
        {
            diagnostics.Error(Codes.MissingFile, new SourceSpan(displayRoot, 1, 1), $"la carpeta de contenido '{displayRoot}' (use --content para indicar otra)");
            return null;
        }
        // With a memo the cache of parsed trees is opened only when the memo has nothing to give (memo.Begin, below): a load
        // that reads a few files would otherwise read the whole cache, and save it back with only those files' trees.
        files.Trees = memo is null ? YamlTreeCache.Open(files.RealRoot, cacheRoot) : YamlTreeCache.None;
        try
        {
            return Load(files, displayRoot, diagnostics, memo, cacheRoot);
        }
        finally
        {
            files.Trees.Save();
        }
    }

    private static Plan? Load(ContentFolder files, string displayRoot, DiagnosticBag diagnostics, LoadMemo? memo, string? cacheRoot)
    {
        CheckLinkLoops(files, diagnostics, memo);
        var planPath = files.PathOf(ContentLayout.PlanFile);
        if (ContentFolder.IsAbsentFile(planPath))
        {
            diagnostics.Error(Codes.MissingFile, files.Start(ContentLayout.PlanFile), $"el archivo {files.Display(ContentLayout.PlanFile)}");
            return null;
        }
        var planRoot = ReadYaml(files, planPath, files.Display(ContentLayout.PlanFile), "el plan (entidad, nombre, periodo, cortes…)", diagnostics);
        if (planRoot is null || PlanFileReader.Read(planRoot, diagnostics) is not { } header)
        {
            return null;
        }
        if (memo is not null && !memo.Begin(files, displayRoot, header))
        {
            files.Trees = YamlTreeCache.Open(files.RealRoot, cacheRoot);
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
            CommitmentsFrom = header.CommitmentsFrom,
            CommitmentsFromWhere = header.CommitmentsFromWhere,
            CutOffs = header.CutOffs,
            Objectives = objectives,
            Publications = publications,
        };
        return plan;
    }

    private static List<Objective> LoadObjectives(ContentFolder files, PlanFileReader.Header header, DiagnosticBag diagnostics, LoadMemo? memo)
    {
        var objectives = new List<Objective>();
        var folder = files.PathOf(ContentLayout.ObjectivesFolder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(Codes.NoObjectives, files.Start(ContentLayout.PlanFile));
            return objectives;
        }
        if (!files.Admits(folder, files.Start(ContentLayout.ObjectivesFolder), diagnostics))
        {
            return objectives;
        }
        foreach (var stray in Visible(Directory.GetFiles(folder)))
        {
            diagnostics.Error(Codes.UnexpectedFile, files.Start(ContentLayout.ObjectivesFolder, Path.GetFileName(stray)), Path.GetFileName(stray),
                "cada objetivo va en su carpeta objetivos/NN-nombre/ con objetivo.yaml e indicadores/");
        }
        var seen = new Dictionary<int, string>();
        foreach (var directory in Visible(Directory.GetDirectories(folder)))
        {
            var name = Path.GetFileName(directory);
            if (!files.Admits(directory, files.Start(ContentLayout.ObjectivesFolder, name), diagnostics))
            {
                continue;
            }
            var match = ContentLayout.ObjectiveFolderPattern().Match(name);
            if (!match.Success)
            {
                diagnostics.Error(Codes.InvalidFolderName, files.Start(ContentLayout.ObjectivesFolder, name), name);
                continue;
            }
            if (ContentLayout.WindowsReservedName().IsMatch(match.Groups["slug"].Value))
            {
                diagnostics.Error(Codes.ReservedName, files.Start(ContentLayout.ObjectivesFolder, name), match.Groups["slug"].Value);
                continue;
            }
            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (seen.TryGetValue(number, out var other))
            {
                diagnostics.Error(Codes.DuplicateObjectiveNumber, files.Start(ContentLayout.ObjectivesFolder, name, ContentLayout.ObjectiveFile), number, other);
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
            diagnostics.Error(Codes.NoObjectives, files.Start(ContentLayout.PlanFile));
        }
        return objectives.OrderBy(o => o.Number).ToList();
    }

    private static Objective? LoadObjective(ContentFolder files, PlanFileReader.Header header, string folder, int number, DiagnosticBag diagnostics,
        LoadMemo? memo)
    {
        var path = files.PathOf(ContentLayout.ObjectivesFolder, folder, ContentLayout.ObjectiveFile);
        var display = files.Display(ContentLayout.ObjectivesFolder, folder, ContentLayout.ObjectiveFile);
        ObjectiveFileReader.Header? objective = null;
        if (ContentFolder.IsAbsentFile(path))
        {
            diagnostics.Error(Codes.MissingFile, files.Start(ContentLayout.ObjectivesFolder, folder), $"el archivo {display}");
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
        if (indicators.Count == 0 && !diagnostics.Items.Any(d => d.Where.File.StartsWith(files.Display(ContentLayout.ObjectivesFolder, folder) + "/", StringComparison.Ordinal)))
        {
            diagnostics.Warning(Codes.NoIndicators, new SourceSpan(display, 1, 1), number, files.Display(ContentLayout.ObjectivesFolder, folder, ContentLayout.IndicatorsFolder));
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
        var directory = files.PathOf(ContentLayout.ObjectivesFolder, folder, ContentLayout.IndicatorsFolder);
        if (!Directory.Exists(directory) || !files.Admits(directory, files.Start(ContentLayout.ObjectivesFolder, folder, ContentLayout.IndicatorsFolder), diagnostics))
        {
            return indicators;
        }
        foreach (var stray in Visible(Directory.GetDirectories(directory)))
        {
            diagnostics.Error(Codes.UnexpectedFile, files.Start(ContentLayout.ObjectivesFolder, folder, ContentLayout.IndicatorsFolder, Path.GetFileName(stray)),
                Path.GetFileName(stray), "la carpeta indicadores/ solo contiene archivos <id>.yaml");
        }
        var candidates = new List<(string Path, string Id, string Display)>();
        foreach (var path in Visible(Directory.GetFiles(directory)))
        {
            var fileName = Path.GetFileName(path);
            var display = files.Display(ContentLayout.ObjectivesFolder, folder, ContentLayout.IndicatorsFolder, fileName);
            if (!fileName.EndsWith(".yaml", StringComparison.Ordinal))
            {
                diagnostics.Error(Codes.UnexpectedFile, new SourceSpan(display, 1, 1), fileName,
                    fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                        ? $"use la extensión .yaml en minúsculas ({Path.GetFileNameWithoutExtension(fileName)}.yaml)"
                        : "la carpeta indicadores/ solo contiene archivos <id>.yaml");
                continue;
            }
            var id = fileName[..^".yaml".Length];
            if (!ContentLayout.IdPattern().IsMatch(id))
            {
                diagnostics.Error(Codes.InvalidId, new SourceSpan(display, 1, 1), fileName);
                continue;
            }
            if (ContentLayout.WindowsReservedName().IsMatch(id))
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
        var folder = files.PathOf(ContentLayout.PublicationsFolder);
        if (!Directory.Exists(folder) || !files.Admits(folder, files.Start(ContentLayout.PublicationsFolder), diagnostics))
        {
            return publications;
        }
        foreach (var stray in Visible(Directory.GetDirectories(folder)))
        {
            diagnostics.Error(Codes.UnexpectedFile, files.Start(ContentLayout.PublicationsFolder, Path.GetFileName(stray)), Path.GetFileName(stray),
                "la carpeta publicaciones/ solo contiene los registros AAAA-MM-DD.yaml que escriben publicar y corregir");
        }
        var candidates = new List<(string Path, string FileName, string Display)>();
        foreach (var path in Visible(Directory.GetFiles(folder)))
        {
            var fileName = Path.GetFileName(path);
            var display = files.Display(ContentLayout.PublicationsFolder, fileName);
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
                ? new PublicationFileReader(bag).Read(root, fileName)
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
    /// <summary>
    /// A symbolic link anywhere in the content (hidden folders included) to a folder that contains it is refused: the
    /// loader reads only its own paths, but any command or tool that walks the folder (importar's copy, cp -r, an editor's
    /// search) would follow it without end. So is a folder with more entries than anything walks.
    /// </summary>
    private static void CheckLinkLoops(ContentFolder files, DiagnosticBag diagnostics, LoadMemo? memo)
    {
        var walk = memo is null ? FolderWalk.Walk(files.Root) : memo.Walk(files);
        foreach (var entry in walk.Refused.Where(r => r.Reason is WalkRefusal.Loop or WalkRefusal.TooMany))
        {
            var where = files.Start([.. entry.Relative.Split('/')]);
            if (entry.Reason is WalkRefusal.Loop)
            {
                diagnostics.Error(Codes.LinkLoop, where, entry.Relative[(entry.Relative.LastIndexOf('/') + 1)..]);
            }
            else
            {
                diagnostics.Error(Codes.TooManyEntries, files.Start(), FolderWalk.MaxEntries);
            }
        }
    }

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
