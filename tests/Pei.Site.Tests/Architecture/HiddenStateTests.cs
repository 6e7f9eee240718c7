using System.Reflection;
using System.Runtime.CompilerServices;

namespace Pei.Site.Tests.Architecture;

/// <summary>
/// No hidden state in the generator: no static field or property a caller can set (test-only knobs are options of the
/// call; a thread may keep a private [ThreadStatic] buffer it reuses), no value memoised in a weak table or in a
/// flow-scoped slot, no settable field in a record (a record's equality
/// must not depend on what was computed on it), and no call to the garbage collector outside Build/MemoryPolicy.cs.
/// </summary>
public class HiddenStateTests
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Assembly Generator = typeof(Pei.Site.Build.Pipeline).Assembly;

    private static IEnumerable<Type> OwnTypes() => Generator.GetTypes()
        .Where(t => t.Namespace?.StartsWith("Pei.Site", StringComparison.Ordinal) == true)
        // The template compiler's and the regular-expression generator's own types, and closures the compiler makes.
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal));

    /// <summary>Names of what breaks the rules in <paramref name="types"/> (a type, then its field or property).</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<Type> types)
    {
        var found = new List<string>();
        foreach (var type in types)
        {
            foreach (var field in type.GetFields(Declared | BindingFlags.Static))
            {
                // A private [ThreadStatic] field is a buffer its thread reuses from page to page, seen by no caller; an
                // auto-property's backing field is judged with its property below.
                var threadBuffer = field.IsPrivate && field.IsDefined(typeof(ThreadStaticAttribute));
                if (!field.IsInitOnly && !field.IsLiteral && !threadBuffer && !field.IsDefined(typeof(CompilerGeneratedAttribute)))
                {
                    found.Add($"{type.FullName}.{field.Name}: static field that can be set");
                }
            }
            foreach (var property in type.GetProperties(Declared | BindingFlags.Static))
            {
                if (property.SetMethod is not null)
                {
                    found.Add($"{type.FullName}.{property.Name}: static property that can be set");
                }
            }
            foreach (var field in type.GetFields(Declared | BindingFlags.Static | BindingFlags.Instance))
            {
                if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() is var definition &&
                    (definition == typeof(ConditionalWeakTable<,>) || definition == typeof(AsyncLocal<>)))
                {
                    found.Add($"{type.FullName}.{field.Name}: {definition.Name[..definition.Name.IndexOf('`', StringComparison.Ordinal)]}");
                }
            }
            var isRecord = type.GetMethod("<Clone>$", Declared | BindingFlags.Instance) is not null ||
                (type.IsValueType && type.GetProperty("EqualityContract", Declared | BindingFlags.Instance) is not null);
            if (isRecord)
            {
                foreach (var field in type.GetFields(Declared | BindingFlags.Instance))
                {
                    if (!field.IsInitOnly)
                    {
                        found.Add($"{type.FullName}.{field.Name}: record field that can be set");
                    }
                }
            }
        }
        return found;
    }

    [Fact]
    public void The_generator_has_no_settable_static_state_weak_tables_flow_slots_or_settable_record_fields()
    {
        Assert.Empty(Violations(OwnTypes()));
    }

    [Fact]
    public void The_check_catches_each_kind_of_hidden_state()
    {
        Assert.Equal(
            [
                $"{typeof(StaticKnob).FullName}.Wait: static field that can be set",
                $"{typeof(StaticProperty).FullName}.Root: static property that can be set",
                $"{typeof(WeakMemo).FullName}.Derived: ConditionalWeakTable",
                $"{typeof(FlowSlot).FullName}.Scoped: AsyncLocal",
                $"{typeof(LazyRecord).FullName}.history: record field that can be set",
            ],
            Violations([typeof(StaticKnob), typeof(StaticProperty), typeof(WeakMemo), typeof(FlowSlot), typeof(LazyRecord), typeof(Clean)]));
    }

    [Fact]
    public void Only_the_memory_policy_calls_the_garbage_collector()
    {
        var callers = Repository.GeneratorFiles()
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Repository.PathTo(f)).Contains("GC.Collect(", StringComparison.Ordinal))
            .Select(f => f.Replace('\\', '/'))
            .ToList();
        Assert.Equal(["generator/Build/MemoryPolicy.cs"], callers);
    }

    private static class StaticKnob
    {
#pragma warning disable CA2211, IDE0044 // the very thing the check looks for
        public static TimeSpan Wait = TimeSpan.FromSeconds(1);
#pragma warning restore CA2211, IDE0044

        [ThreadStatic]
        private static List<int>? buffer;

        public static int Reuse() => (buffer ??= []).Count;
    }

    private static class StaticProperty
    {
        public static string? Root { get; set; }
    }

    private sealed class WeakMemo
    {
        public static readonly ConditionalWeakTable<object, object> Derived = new();
    }

    private sealed class FlowSlot
    {
        public static readonly AsyncLocal<string?> Scoped = new();
    }

    private sealed record LazyRecord(int Year)
    {
#pragma warning disable IDE0044 // the very thing the check looks for
        private List<int>? history;
#pragma warning restore IDE0044

        public IReadOnlyList<int> History() => history ??= [Year];
    }

    private sealed record Clean(int Year, string Name)
    {
        public static readonly string Fixed = "x";

        public string Label { get; init; } = "";
    }
}
