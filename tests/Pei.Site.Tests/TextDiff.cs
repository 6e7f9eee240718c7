using System.Text;

namespace Pei.Site.Tests;

/// <summary>
/// A unified diff of two texts, line by line, as <c>diff -u</c> prints it: the changed lines marked <c>-</c> and
/// <c>+</c> with three lines of context and <c>@@ -line,count +line,count @@</c> before each hunk. The shortest edit
/// script is found with Myers' algorithm after the common first and last lines are set aside; a carriage return is
/// shown as ␍, so a change of line ends can be seen, and a missing line break at the end as diff notes it.
/// </summary>
public static class TextDiff
{
    private const int Context = 3;

    /// <summary>Beyond this many edits the rest of the texts is shown as removed and added, not matched further.</summary>
    private const int MaxEdits = 2000;

    /// <summary>The diff of <paramref name="expected"/> to <paramref name="actual"/>, at most <paramref name="maxLines"/> lines of it; empty when they are equal.</summary>
    public static string Unified(string expectedLabel, string expected, string actualLabel, string actual, int maxLines = 80)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return "";
        }
        var text = new StringBuilder().Append("--- ").Append(expectedLabel).Append('\n').Append("+++ ").Append(actualLabel).Append('\n');
        var lines = 0;
        foreach (var (start, end) in Hunks(edits))
        {
            var hunk = edits.GetRange(start, end - start);
            var countA = hunk.Count(e => e.Kind != '+');
            var countB = hunk.Count(e => e.Kind != '-');
            text.Append($"@@ -{Position(hunk, e => e.A, '+', countA)},{countA} +{Position(hunk, e => e.B, '-', countB)},{countB} @@\n");
            foreach (var edit in hunk)
            {
                if (lines++ == maxLines)
                {
                    return text.Append("… (el diff sigue)\n").ToString();
                }
                var line = edit.Kind == '+' ? b[edit.B] : a[edit.A];
                text.Append(edit.Kind).Append(line.Replace("\r", "␍", StringComparison.Ordinal)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The lines of a text; a last line without a line break carries diff's note saying so.</summary>
    private static string[] Lines(string text)
    {
        var lines = text.Split('\n');
        if (lines[^1].Length == 0)
        {
            return lines[..^1];
        }
        lines[^1] += "\n\\ No newline at end of file";
        return lines;
    }

    /// <summary>One line of the script: kept (' '), removed from the first text ('-') or added from the second ('+'), with its index in each.</summary>
    private readonly record struct Edit(char Kind, int A, int B);

    /// <summary>The first line of a hunk in one text, counted from 1 (the line before it when the hunk has none there).</summary>
    private static int Position(List<Edit> hunk, Func<Edit, int> index, char absent, int count) =>
        count == 0 ? index(hunk[0]) : index(hunk.First(e => e.Kind != absent)) + 1;

    /// <summary>The ranges of the script to print: each change with its context, ranges that touch joined.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var changed = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != ' ').ToList();
        var start = Math.Max(0, changed[0] - Context);
        var end = Math.Min(edits.Count, changed[0] + Context + 1);
        foreach (var i in changed.Skip(1))
        {
            if (i - Context > end)
            {
                yield return (start, end);
                start = i - Context;
            }
            end = Math.Min(edits.Count, i + Context + 1);
        }
        yield return (start, end);
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var edits = Enumerable.Range(0, prefix).Select(i => new Edit(' ', i, i)).ToList();
        edits.AddRange(Middle(a, b, prefix, a.Length - suffix, b.Length - suffix));
        edits.AddRange(Enumerable.Range(0, suffix).Select(i => new Edit(' ', a.Length - suffix + i, b.Length - suffix + i)));
        return edits;
    }

    /// <summary>
    /// Myers' shortest edit script of a[fromA..toA) to b[fromB..toB), fromA = fromB. For each number of edits d, the
    /// furthest line reached in the first text on each diagonal k = x - y is kept (only diagonals -d-1 … d+1), then
    /// walked back from the end.
    /// </summary>
    private static List<Edit> Middle(string[] a, string[] b, int from, int toA, int toB)
    {
        int n = toA - from, m = toB - from;
        var trace = new List<int[]>();
        var v = new[] { 0, 0, 0 }; // diagonals -1, 0, 1 before the first step
        for (var d = 0; d <= Math.Min(n + m, MaxEdits); d++)
        {
            trace.Add(v);
            var next = new int[2 * d + 3];
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && At(v, k - 1) < At(v, k + 1)) ? At(v, k + 1) : At(v, k - 1) + 1;
                var y = x - k;
                while (x < n && y < m && a[from + x] == b[from + y])
                {
                    x++;
                    y++;
                }
                next[k + d + 1] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, n, m, from);
                }
            }
            v = next;
        }
        // Too different to be worth matching: all of one, then all of the other.
        return [.. Enumerable.Range(from, n).Select(i => new Edit('-', i, from)), .. Enumerable.Range(from, m).Select(i => new Edit('+', toA, i))];
    }

    /// <summary>The value on diagonal k of a step's array, which holds diagonals -d-1 … d+1 (its length is 2d + 3).</summary>
    private static int At(int[] v, int k) => v[k + v.Length / 2];

    private static List<Edit> Backtrack(List<int[]> trace, int x, int y, int from)
    {
        var edits = new List<Edit>();
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && At(v, k - 1) < At(v, k + 1)) ? k + 1 : k - 1;
            var previousX = At(v, previousK);
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                edits.Add(new Edit(' ', from + --x, from + --y));
            }
            if (d > 0)
            {
                edits.Add(x == previousX ? new Edit('+', from + x, from + previousY) : new Edit('-', from + previousX, from + y));
            }
            (x, y) = (previousX, previousY);
        }
        edits.Reverse();
        return edits;
    }
}
