using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pei.Site.Edit;

/// <summary>
/// Where each node of a YAML text starts and ends, as character offsets into the text, so that an edit can insert lines
/// at the right place and leave every other character as it was. Built by <see cref="YamlLayout.Read"/> from content the
/// loader has already accepted (no anchors, one document).
/// </summary>
public abstract record LayoutNode(int Start, int End);

/// <summary>A scalar. <see cref="LayoutNode.End"/> is the offset after its last character: after a plain or quoted value,
/// after the last non-blank character of a block scalar (<c>|</c>, <c>&gt;</c>) unless it keeps its trailing lines
/// (<c>|+</c>), and equal to Start for an empty value.</summary>
public sealed record LayoutScalar(int Start, int End, string Value, bool IsEmpty) : LayoutNode(Start, End);

public sealed record LayoutEntry(LayoutScalar Key, LayoutNode Value);

/// <summary>A mapping; for a block mapping <see cref="LayoutNode.End"/> is the end of its last value, for a flow mapping
/// the offset after its closing brace.</summary>
public sealed record LayoutMapping(int Start, int End, bool IsFlow, IReadOnlyList<LayoutEntry> Entries) : LayoutNode(Start, End)
{
    public LayoutEntry? Entry(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}

/// <summary>A sequence; <see cref="LayoutNode.Start"/> is the first '-' of a block sequence.</summary>
public sealed record LayoutSequence(int Start, int End, bool IsFlow, IReadOnlyList<LayoutNode> Items) : LayoutNode(Start, End);

public static class YamlLayout
{
    /// <summary>The layout of the first document of <paramref name="text"/>, or null when it is empty.</summary>
    public static LayoutNode? Read(string text) => new Reader(text).Read();

    private sealed class Reader(string text)
    {
        public LayoutNode? Read()
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }
            return ReadNode(parser);
        }

        private LayoutNode ReadNode(Parser parser)
        {
            switch (parser.Current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    return new LayoutScalar(
                        (int)scalar.Start.Index,
                        ScalarEnd(scalar),
                        scalar.Value,
                        scalar.Style == ScalarStyle.Plain && scalar.Value.Length == 0);
                case SequenceStart sequenceStart:
                    {
                        parser.MoveNext();
                        var items = new List<LayoutNode>();
                        while (parser.Current is not SequenceEnd)
                        {
                            items.Add(ReadNode(parser));
                        }
                        var end = parser.Consume<SequenceEnd>();
                        var isFlow = sequenceStart.Style == SequenceStyle.Flow;
                        return new LayoutSequence((int)sequenceStart.Start.Index, EndOf(isFlow, end, items.LastOrDefault(), sequenceStart), isFlow, items);
                    }
                case MappingStart mappingStart:
                    {
                        parser.MoveNext();
                        var entries = new List<LayoutEntry>();
                        while (parser.Current is not MappingEnd)
                        {
                            var key = ReadNode(parser);
                            var value = ReadNode(parser);
                            if (key is LayoutScalar scalarKey)
                            {
                                entries.Add(new LayoutEntry(scalarKey, value));
                            }
                        }
                        var end = parser.Consume<MappingEnd>();
                        var isFlow = mappingStart.Style == MappingStyle.Flow;
                        return new LayoutMapping((int)mappingStart.Start.Index, EndOf(isFlow, end, entries.LastOrDefault()?.Value, mappingStart), isFlow, entries);
                    }
                default:
                    throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, "evento YAML inesperado");
            }
        }

        /// <summary>
        /// A block collection ends with its last value (its end event sits at the next token, possibly after comments that
        /// belong to what follows); a flow collection ends after its closing bracket (the parser marks the bracket itself).
        /// </summary>
        private static int EndOf(bool isFlow, ParsingEvent end, LayoutNode? last, ParsingEvent start) =>
            isFlow ? (int)end.Start.Index + 1 : last?.End ?? (int)start.End.Index;

        /// <summary>The parser ends a block scalar at the next non-blank line; its trailing blank lines belong to it only
        /// with the keep indicator ('+').</summary>
        private int ScalarEnd(Scalar scalar)
        {
            var end = (int)scalar.End.Index;
            if (scalar.Style is not (ScalarStyle.Literal or ScalarStyle.Folded) || KeepsTrailingLines((int)scalar.Start.Index))
            {
                return end;
            }
            while (end > scalar.Start.Index && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
            return end;
        }

        /// <summary>Whether the block scalar header at <paramref name="start"/> ('|', '>', then indicators) has '+'.</summary>
        private bool KeepsTrailingLines(int start)
        {
            for (var i = start + 1; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
            {
                if (text[i] == '+')
                {
                    return true;
                }
            }
            return false;
        }
    }
}
