using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Pei.Site.Tests.SlowFixturesFirst", "Pei.Site.Tests")]

namespace Pei.Site.Tests;

/// <summary>
/// Starts the test collections that need more than .NET (<see cref="Needs"/>) before the others, which keep xunit's
/// order. Their fixtures are the longest chains of the run (two sites built and walked in Chromium, then the browser
/// tests one after another; the release download published, then run): started after the short tests, as xunit's own
/// order often had them, they were the end of the run while the other threads had nothing left to do.
/// </summary>
public sealed class SlowFixturesFirst : ITestCollectionOrderer
{
    /// <summary>The display names of the collections that hold a test class with a <see cref="Needs"/> trait or <see cref="StartEarlyAttribute"/>.</summary>
    private static readonly HashSet<string> Slow = typeof(SlowFixturesFirst).Assembly.GetTypes()
        .Where(type => FirstArguments(type, typeof(TraitAttribute)).Contains(Needs.Trait) || type.IsDefined(typeof(StartEarlyAttribute), inherit: false))
        .Select(type => FirstArguments(type, typeof(CollectionAttribute)).SingleOrDefault() ?? "Test collection for " + type.FullName)
        .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => Slow.Contains(collection.DisplayName) ? 0 : 1);

    /// <summary>The first constructor argument of each attribute of that type on the class (a trait's name, a collection's).</summary>
    private static IEnumerable<string?> FirstArguments(Type type, Type attribute) =>
        type.GetCustomAttributesData().Where(a => a.AttributeType == attribute).Select(a => a.ConstructorArguments[0].Value as string);
}

/// <summary>
/// A test class that spends its time waiting on a clock of the program (serve's idle check every 5 s), not on the CPU:
/// started with the slow collections, its wait overlaps their work instead of lengthening the end of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartEarlyAttribute : Attribute;
