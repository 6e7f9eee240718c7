using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pei.Site.Diagnostics;
using SourceSpan = Pei.Site.Diagnostics.SourceSpan;

namespace Pei.Site.Text;

/// <summary>
/// The one set of limits on the Markdown planners write (observaciones, metodologia, plataforma_estrategica), checked
/// when the field is loaded, so <c>validate</c> and <c>build</c> refuse the same texts at the field's line, and the
/// Markdig pipeline the site renders them with. Within the limits, parsing and rendering take time linear in the text:
/// Markdig needs time proportional to (brackets and emphasis marks of a paragraph) × (length of the paragraph) for
/// unclosed links and emphasis, and more than linear time for deep nesting, so both are bounded.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Characters of one Markdown field: fifteen times the longest text of the real plan.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>Link brackets '[' and runs of emphasis marks ('*', '_', "**") in one paragraph: room for 15 links and 15 bold phrases.</summary>
    public const int MaxMarksPerParagraph = 50;

    /// <summary>Nested containers: quotes, lists and their items, links and emphasis inside one another.</summary>
    public const int MaxDepth = 32;

    /// <summary>The pipeline every Markdown field is parsed and rendered with: CommonMark with raw HTML disabled.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Reports, at <paramref name="where"/>, the first limit <paramref name="text"/> exceeds; true when it is within all of them.</summary>
    public static bool Check(string text, string name, SourceSpan where, DiagnosticBag diagnostics)
    {
        switch (Problem(text))
        {
            case null:
                return true;
            case (Limit.Length, var value):
                diagnostics.Error(Codes.MarkdownTooLong, where, name, value, MaxCharacters);
                return false;
            case (Limit.Marks, var value):
                diagnostics.Error(Codes.MarkdownTooManyMarks, where, name, value, MaxMarksPerParagraph);
                return false;
            case (_, var value):
                diagnostics.Error(Codes.MarkdownTooDeep, where, name, value, MaxDepth);
                return false;
        }
    }

    public enum Limit
    {
        Length,
        Marks,
        Depth,
    }

    /// <summary>The limits checked on the text itself, in linear time, before Markdig sees it.</summary>
    private static (Limit Limit, int Value)? ProblemOf(string text)
    {
        if (text.Length > MaxCharacters)
        {
            return (Limit.Length, text.Length);
        }
        var lines = text.Split('\n');
        var paragraphStart = 0;
        var marks = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsBlank(lines[i]) || StartsBulletItem(lines[i]))
            {
                // A blank line ends a paragraph, and a bullet item always starts a new block.
                paragraphStart = i;
                marks = 0;
            }
            marks += Marks(lines[i]);
            if (marks > MaxMarksPerParagraph)
            {
                var paragraph = lines[paragraphStart..].Skip(i - paragraphStart + 1).TakeWhile(l => !IsBlank(l) && !StartsBulletItem(l));
                return (Limit.Marks, marks + paragraph.Sum(Marks));
            }
            if (ContainerMarkers(lines[i]) is var markers && markers > MaxDepth)
            {
                return (Limit.Depth, markers);
            }
        }
        return null;
    }

    /// <summary>
    /// The parsed text when it is within every limit (<see cref="Problem"/>), else null; the one parse of a field that both
    /// the check and the renderer need.
    /// </summary>
    public static MarkdownDocument? ParseWithin(string text) =>
        ProblemOf(text) is null && Parse(text) is { } document && Depth(document) <= MaxDepth ? document : null;

    /// <summary>The first limit the text exceeds and by how much (its length, marks or depth); null when it is within all.</summary>
    public static (Limit Limit, int Value)? Problem(string text)
    {
        if (ProblemOf(text) is { } problem)
        {
            return problem;
        }
        if (NestingMarkCount(text) <= MaxDepth)
        {
            // Every level of nesting needs a mark of its own ('>', a list bullet or number, '[', an emphasis mark…):
            // a text with no more marks than levels allowed cannot be too deep, and needs no parse to know it.
            return null;
        }
        var depth = Parse(text) is { } document ? Depth(document) : int.MaxValue;
        return depth > MaxDepth ? (Limit.Depth, depth == int.MaxValue ? MaxDepth + 1 : depth) : null;
    }

    /// <summary>The characters that open a container block or inline, and the '.' or ')' after a list item's number.</summary>
    private static readonly System.Buffers.SearchValues<char> NestingMarks = System.Buffers.SearchValues.Create(">-+*_[<~!.)");

    private static int NestingMarkCount(string text)
    {
        var count = 0;
        var rest = text.AsSpan();
        for (var next = rest.IndexOfAny(NestingMarks); next >= 0; next = rest.IndexOfAny(NestingMarks))
        {
            count++;
            rest = rest[(next + 1)..];
        }
        return count;
    }

    /// <summary>The parsed text; null when Markdig itself refuses it as nested too deep.</summary>
    public static MarkdownDocument? Parse(string text)
    {
        try
        {
            return Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit ("Markdown elements in the input are too deeply nested").
            return null;
        }
    }

    /// <summary>The deepest nesting of container blocks and inlines in the document (the document itself not counted).</summary>
    public static int Depth(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        foreach (var block in document)
        {
            pending.Push((block, 0));
        }
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    for (var child = inline.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth));
                    }
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth + 1));
                    }
                    break;
            }
        }
        return deepest;
    }

    /// <summary>Link brackets, and runs of '*' or '_' ("**" opens one emphasis): what Markdig matches against each other.</summary>
    private static int Marks(string line)
    {
        var marks = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '[' || (line[i] is '*' or '_' && (i == 0 || line[i - 1] != line[i])))
            {
                marks++;
            }
        }
        return marks;
    }

    private static bool IsBlank(string line) => line.All(c => c is ' ' or '\t' or '\r');

    /// <summary>"- x", "+ x" or "* x" indented at most three spaces: a list item, which a paragraph can never continue into.</summary>
    private static bool StartsBulletItem(string line)
    {
        var indent = line.TakeWhile(c => c == ' ').Count();
        return indent <= 3 && line.Length > indent + 2 && line[indent] is '-' or '+' or '*' &&
            line[indent + 1] is ' ' or '\t' && line[(indent + 2)..].Any(c => !char.IsWhiteSpace(c));
    }

    /// <summary>Quote and list markers opening a line ("> > - 1. "): each opens one more level.</summary>
    private static int ContainerMarkers(string line)
    {
        var markers = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                i++;
            }
            else if (c == '>')
            {
                markers++;
                i++;
            }
            else if (c is '-' or '+' or '*' && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
            {
                markers++;
                i += 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < line.Length && char.IsAsciiDigit(line[end]))
                {
                    end++;
                }
                if (end - i > 9 || end + 1 >= line.Length || line[end] is not ('.' or ')') || line[end + 1] is not (' ' or '\t'))
                {
                    break;
                }
                markers++;
                i = end + 2;
            }
            else
            {
                break;
            }
        }
        return markers;
    }
}
