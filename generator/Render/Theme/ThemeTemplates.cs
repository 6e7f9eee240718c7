using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pei.Site.Render.Pages;
using RazorLight;
using RazorLight.Compilation;

namespace Pei.Site.Render.Theme;

/// <summary>
/// The compiled templates of one theme folder. Compiling costs about a second per template, so each folder is
/// compiled once per process and shared by every <see cref="SiteRenderer"/> created for it, until a file under
/// layouts/ changes (serve): then the next <see cref="For"/> compiles the folder again.
/// </summary>
internal sealed class ThemeTemplates
{
    public const string LayoutsFolder = "layouts";
    public const string StaticFolder = "static";

    /// <summary>The templates a theme must have: the shared layout and one per page type.</summary>
    public static readonly IReadOnlyList<string> Required =
        ["_Layout", "Home", "Objective", "Indicator", "Methodology", "OpenData", "NotFound", "SiteMap", "Commitments", "Transparency"];

    /// <summary>Keyed by the folder's full path and the fingerprint of its layouts.</summary>
    private static readonly ConcurrentDictionary<(string Directory, string Layouts), Lazy<ThemeTemplates>> Compiled = new();

    private readonly RazorLightEngine _engine;

    private ThemeTemplates(string directory, RazorLightEngine engine)
    {
        Directory = directory;
        _engine = engine;
    }

    /// <summary>The theme folder, absolute.</summary>
    public string Directory { get; }

    public string StaticDirectory => Path.Combine(Directory, StaticFolder);

    public static ThemeTemplates For(string themeDirectory)
    {
        var full = Path.GetFullPath(themeDirectory);
        var key = (full, LayoutsFingerprint(full));
        var lazy = Compiled.GetOrAdd(key, k => new Lazy<ThemeTemplates>(() => Compile(k.Directory)));
        try
        {
            var templates = lazy.Value;
            // An edited theme's earlier compilation is never used again.
            foreach (var stale in Compiled.Keys.Where(k => k.Directory == full && k != key))
            {
                Compiled.TryRemove(stale, out _);
            }
            return templates;
        }
        catch
        {
            // A broken theme is not cached: once fixed, the next Create compiles it again.
            Compiled.TryRemove(new KeyValuePair<(string, string), Lazy<ThemeTemplates>>(key, lazy));
            throw;
        }
    }

    /// <summary>A hash of every file under layouts/ (names and bytes) and of whether static/ exists.</summary>
    private static string LayoutsFingerprint(string directory)
    {
        var layouts = Path.Combine(directory, LayoutsFolder);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(System.IO.Directory.Exists(Path.Combine(directory, StaticFolder)) ? "static\n" : "\n"));
        if (System.IO.Directory.Exists(layouts))
        {
            var walk = FileSystem.FolderWalk.Walk(layouts);
            // An entry the walk refuses changes the fingerprint too, so the theme is compiled (and refused) again.
            foreach (var refused in walk.Refused)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{refused.Relative}\n{refused.Reason}\n"));
            }
            foreach (var file in walk.Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Relative + "\n"));
                try
                {
                    hash.AppendData(SHA256.HashData(File.ReadAllBytes(file.Real)));
                }
                catch (IOException)
                {
                    // Being written or just removed: the watcher's next event fingerprints it again.
                }
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static ThemeTemplates Compile(string directory)
    {
        var layouts = Path.Combine(directory, LayoutsFolder);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ThemeException($"No existe la carpeta del tema «{directory}».");
        }
        foreach (var name in Required)
        {
            if (!File.Exists(Path.Combine(layouts, name + ".cshtml")))
            {
                throw new ThemeException($"Al tema «{directory}» le falta la plantilla {LayoutsFolder}/{name}.cshtml.")
                {
                    File = $"{LayoutsFolder}/{name}.cshtml",
                };
            }
        }
        foreach (var folder in new[] { LayoutsFolder, StaticFolder })
        {
            if (System.IO.Directory.Exists(Path.Combine(directory, folder)) &&
                FileSystem.FolderWalk.Walk(Path.Combine(directory, folder)).Refused is [var refused, ..])
            {
                throw ThemeException.Refused(folder, refused);
            }
        }
        if (!System.IO.Directory.Exists(Path.Combine(directory, StaticFolder)))
        {
            throw new ThemeException($"Al tema «{directory}» le falta la carpeta {StaticFolder}/ (hoja de estilos e iconos).")
            {
                File = StaticFolder + "/",
            };
        }

        var cache = new CompiledTemplateCache(layouts);
        // The engine that renders finds every template in the cache and starts no compiler; the one that compiles (the
        // Razor language engine and Roslyn, tens of megabytes and milliseconds to start) is built on the first miss.
        var compiler = new Lazy<IRazorTemplateCompiler>(() => new RazorLightEngineBuilder()
            .UseFileSystemProject(layouts, ".cshtml")
            .SetOperatingAssembly(typeof(ThemeTemplates).Assembly)
            .UseCachingProvider(cache)
            .Build()
            .Handler.Compiler);
        var options = new RazorLightOptions { CachingProvider = cache, DisableEncoding = false, EnableDebugMode = false };
        var engine = new RazorLightEngine(new EngineHandler(options, new DeferredCompiler(compiler), new TemplateFactoryProvider(), cache));
        var templates = new ThemeTemplates(directory, engine);
        // Every template in the folder, partials included, so a broken one is reported now and not at render time.
        var keys = System.IO.Directory.EnumerateFiles(layouts, "*.cshtml")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        // Templates compile independently: on all cores, then the first failure in name order is the one reported.
        var failures = new ThemeException?[keys.Count];
        Parallel.For(0, keys.Count, i =>
        {
            try
            {
                templates.Load(keys[i]);
            }
            catch (ThemeException e)
            {
                failures[i] = e;
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw failure;
        }
        return templates;
    }

    /// <summary>Renders a page with its template; the output does not depend on the current culture.</summary>
    public string Render(Page page)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Render(page, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Renders a page into <paramref name="writer"/> on the calling thread (templates write to the writer and never wait,
    /// so RazorLight's task is complete when it returns), under the invariant culture so that nothing a template writes
    /// without an explicit format can pick up the machine's.
    /// </summary>
    public void Render(Page page, TextWriter writer)
    {
        var template = Load(page.Template);
        if (template is IThemePage themePage)
        {
            themePage.Templates = this;
            themePage.Markdown = page.Site.Markdown;
        }
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Synchronously(_engine.RenderTemplateAsync(template, page, writer));
        }
        catch (Exception e) when (e is not ThemeException)
        {
            throw new ThemeException(
                $"La plantilla {LayoutsFolder}/{page.Template}.cshtml falló al generar {page.Path}: {e.Message}", e)
            {
                File = $"{LayoutsFolder}/{page.Template}.cshtml",
            };
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>A partial template (<c>await IncludeAsync("_Change", change)</c>) rendered on the calling thread.</summary>
    internal string RenderPartial(string key, object? model, Markdown.RenderedMarkdown? markdown)
    {
        var template = Load(key);
        if (template is IThemePage themePage)
        {
            themePage.Templates = this;
            themePage.Markdown = markdown;
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Synchronously(_engine.RenderTemplateAsync(template, model, writer));
        return writer.ToString();
    }

    /// <summary>
    /// Waits for a RazorLight task. Rendering and loading a compiled template complete without waiting, so this costs
    /// nothing; only compiling waits on other threads, and under a synchronization context (a test runner's) that wait
    /// is moved to the thread pool so that it cannot block the context the compiler's continuations need.
    /// </summary>
    private static T Synchronously<T>(Func<Task<T>> start) =>
        SynchronizationContext.Current is null ? start().GetAwaiter().GetResult() : Task.Run(start).GetAwaiter().GetResult();

    private static void Synchronously(Task task) => task.GetAwaiter().GetResult();

    private ITemplatePage Load(string key)
    {
        try
        {
            return Synchronously(() => _engine.CompileTemplateAsync(key));
        }
        catch (TemplateCompilationException e)
        {
            var errors = new StringBuilder();
            foreach (var error in e.CompilationErrors)
            {
                errors.Append("\n  ").Append(error);
            }
            throw new ThemeException(
                $"La plantilla {LayoutsFolder}/{key}.cshtml no compila:{errors}", e)
            {
                File = $"{LayoutsFolder}/{key}.cshtml",
            };
        }
        catch (Exception e) when (e is not ThemeException)
        {
            throw new ThemeException($"No se pudo cargar la plantilla {LayoutsFolder}/{key}.cshtml: {e.Message}", e)
            {
                File = $"{LayoutsFolder}/{key}.cshtml",
            };
        }
    }
}

/// <summary>RazorLight's template compiler, built when the first template must really be compiled.</summary>
internal sealed class DeferredCompiler(Lazy<IRazorTemplateCompiler> compiler) : IRazorTemplateCompiler
{
    public ICompilationService CompilationService => compiler.Value.CompilationService;

    public Task<CompiledTemplateDescriptor> CompileAsync(string templateKey) => compiler.Value.CompileAsync(templateKey);
}
