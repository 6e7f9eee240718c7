using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using Pei.Site.FileSystem;
using RazorLight;
using RazorLight.Caching;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace Pei.Site.Render.Theme;

/// <summary>
/// Compiled templates kept on disk between runs, so a fresh process loads them instead of starting the C# compiler
/// (about a second of JIT per run). An entry is named by the SHA-256 of the template's name and bytes, in a folder named
/// for the generator and RazorLight builds that compiled it: an edited template, or a new generator, never meets an
/// earlier compilation. Entries are written whole (a temporary file renamed), so a concurrent or killed run leaves either
/// a complete entry or none. When the cache folder cannot be used, templates are simply compiled in memory as before.
/// </summary>
internal sealed class CompiledTemplateCache : ICachingProvider, IPrecompileCallback
{
    /// <summary>The builds whose code a compiled template calls: this generator's and RazorLight's.</summary>
    private static readonly string Build = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        CacheFolder.Build + "\n" + typeof(RazorLightEngine).Assembly.ManifestModule.ModuleVersionId)))[..16];

    private readonly ConcurrentDictionary<string, TemplateCacheItem> _loaded = new(StringComparer.Ordinal);

    /// <summary>The entry a template missing from the cache will be stored as, from its bytes before it was compiled.</summary>
    private readonly ConcurrentDictionary<string, string> _pending = new(StringComparer.Ordinal);
    private readonly string _layouts;
    private readonly string? _folder;

    public CompiledTemplateCache(string layouts)
    {
        _layouts = layouts;
        _folder = CacheFolder.For("plantillas") is { } folder ? Path.Combine(folder, Build) : null;
        if (_folder is not null)
        {
            // Earlier generator builds' folders; this build's is touched whenever it stores a template.
            CacheFolder.Prune(Path.GetDirectoryName(_folder)!);
        }
    }

    /// <summary>"Home", "/Home.cshtml" and "Home.cshtml" are the same template.</summary>
    private static string Name(string key)
    {
        var name = key.Replace('\\', '/').TrimStart('/');
        return name.EndsWith(".cshtml", StringComparison.Ordinal) ? name[..^".cshtml".Length] : name;
    }

    private string? EntryPath(string name)
    {
        if (_folder is null)
        {
            return null;
        }
        var source = Path.Combine(_layouts, name + ".cshtml");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(File.ReadAllBytes(source));
            return Path.Combine(_folder, Convert.ToHexStringLower(hash.GetHashAndReset()) + ".dll");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public TemplateCacheLookupResult RetrieveTemplate(string key)
    {
        var name = Name(key);
        if (_loaded.TryGetValue(name, out var item))
        {
            return new TemplateCacheLookupResult(item);
        }
        if (EntryPath(name) is not { } entry)
        {
            return new TemplateCacheLookupResult();
        }
        if (!File.Exists(entry))
        {
            _pending[name] = entry;
            return new TemplateCacheLookupResult();
        }
        Type type;
        try
        {
            type = Assembly.Load(File.ReadAllBytes(entry)).GetCustomAttribute<RazorLightTemplateAttribute>()?.TemplateType
                ?? throw new BadImageFormatException(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            // Unreadable or damaged: compiled again, and the entry rewritten.
            _pending[name] = entry;
            return new TemplateCacheLookupResult();
        }
        item = new TemplateCacheItem(key, () =>
        {
            var page = (ITemplatePage)Activator.CreateInstance(type)!;
            page.Key = key;
            return page;
        });
        return new TemplateCacheLookupResult(_loaded.GetOrAdd(name, item));
    }

    public void CacheTemplate(string key, Func<ITemplatePage> pageFactory, IChangeToken expirationToken) =>
        _loaded[Name(key)] = new TemplateCacheItem(key, pageFactory);

    public bool Contains(string key) => _loaded.ContainsKey(Name(key));

    public void Remove(string key) => _loaded.TryRemove(Name(key), out _);

    /// <summary>Called by RazorLight with each template it has just compiled: the assembly is stored for later runs.</summary>
    void IPrecompileCallback.Invoke(IGeneratedRazorTemplate generatedRazorTemplate, byte[] rawAssembly, byte[] rawSymbolStore)
    {
        // Stored only when the template still has the bytes it had before compiling: one edited meanwhile (serve) is
        // compiled again on the next run rather than stored under a name that does not match what was compiled.
        var name = Name(generatedRazorTemplate.TemplateKey);
        if (!_pending.TryRemove(name, out var entry) || EntryPath(name) != entry)
        {
            return;
        }
        CacheFolder.WriteWhole(entry, stream => stream.Write(rawAssembly));
    }
}
