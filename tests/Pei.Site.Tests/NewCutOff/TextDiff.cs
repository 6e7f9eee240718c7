namespace Pei.Site.Tests.NewCutOffBehaviour;

/// <summary>Compares a text before and after an edit that should only have inserted lines in one place.</summary>
internal static class TextDiff
{
    /// <summary>
    /// The lines inserted into <paramref name="before"/> to give <paramref name="after"/>, and the index of the first one;
    /// fails unless every original line is still there, in order, around a single block of new lines.
    /// </summary>
    public static (int At, string[] Added) Insertion(string before, string after)
    {
        var old = before.Split('\n');
        var now = after.Split('\n');
        var prefix = 0;
        while (prefix < old.Length && prefix < now.Length && old[prefix] == now[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < now.Length - prefix && old[^(suffix + 1)] == now[^(suffix + 1)])
        {
            suffix++;
        }
        Assert.True(prefix + suffix == old.Length, $"original lines changed or removed after line {prefix}");
        return (prefix, now[prefix..(now.Length - suffix)]);
    }
}
