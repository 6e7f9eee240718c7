using System.Text;
using Pei.Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pei.Site.Load.Yaml;

/// <summary>
/// Reads one content file into a <see cref="YamlNode"/> tree with positions, turning every problem into a diagnostic:
/// encoding, size, syntax, duplicate keys, anchors and aliases (the file is refused at the first one, so nothing can
/// expand), nesting depth, several documents.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>A publication record lists the figures of every indicator: about 190 bytes each, 6 MB for 30,000.</summary>
    public const int MaxRecordBytes = 32 * 1024 * 1024;
    public const int MaxDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a content file's bytes (read from disk by <see cref="ContentFolder.Read"/>, which bounds the size, PEI027, and
    /// refuses links out of the content and special files). <paramref name="displayPath"/> is the path used in diagnostics.
    /// </summary>
    public static YamlNode? Read(byte[] bytes, string displayPath, string expected, DiagnosticBag diagnostics)
    {
        var start = new SourceSpan(displayPath, 1, 1);
        if (Decode(bytes, displayPath, diagnostics) is not { } text || HasRefusedCharacters(text, displayPath, diagnostics))
        {
            return null;
        }
        try
        {
            var parser = new GuardedParser(new Scanner(new StringReader(text), skipComments: true));
            var builder = new TreeBuilder(parser, displayPath, diagnostics);
            var root = builder.ReadStream();
            if (root is null || root is YamlScalar { IsNull: true })
            {
                if (!diagnostics.HasErrorsIn(displayPath))
                {
                    diagnostics.Error(Codes.EmptyFile, start, expected);
                }
                return null;
            }
            return root;
        }
        catch (FileRefusedException)
        {
            return null;
        }
        catch (YamlException e)
        {
            var (message, where) = YamlErrorInSpanish.Explain(e, text);
            diagnostics.Error(Codes.YamlSyntax, Where(displayPath, where), message);
            return null;
        }
    }

    private static string? Decode(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var badByte = e.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[Math.Min(offset, bytes.Length - 1)];
            var (line, column) = PositionOfByte(bytes, offset);
            diagnostics.Error(Codes.NotUtf8, new SourceSpan(displayPath, line, column), badByte.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
    }

    /// <summary>
    /// Reports every character <see cref="UnsafeCharacters.IsRefused"/> refuses (up to <see cref="MaxReportedCharacters"/>)
    /// at its line and column; the file is not read further when there is one.
    /// </summary>
    private static bool HasRefusedCharacters(string text, string displayPath, DiagnosticBag diagnostics)
    {
        int line = 1, column = 1, reported = 0;
        for (var i = 0; i < text.Length && reported < MaxReportedCharacters; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                column = 1;
                continue;
            }
            if (UnsafeCharacters.IsRefused(c))
            {
                diagnostics.Error(Codes.ForbiddenCharacter, new SourceSpan(displayPath, line, column), UnsafeCharacters.CodePoint(c), UnsafeCharacters.KindInSpanish(c));
                reported++;
            }
            column++;
        }
        return reported > 0;
    }

    private static readonly System.Buffers.SearchValues<char> RefusedSearch =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(UnsafeCharacters.IsRefused).ToArray());

    /// <summary>How many refused characters of one file are reported; a file full of them needs no thousand lines to say so.</summary>
    public const int MaxReportedCharacters = 10;

    /// <summary>
    /// A scalar's value as the model keeps it: without U+FEFF (a byte order mark an editor left inside the text, invisible
    /// and meaningless there). A refused character written as an escape ("\e", "\u202E") is reported at the scalar.
    /// </summary>
    private static string ScalarText(Scalar scalar, string file, DiagnosticBag diagnostics)
    {
        var refused = scalar.Value.AsSpan().IndexOfAny(RefusedSearch);
        if (refused >= 0)
        {
            var c = scalar.Value[refused];
            diagnostics.Error(Codes.ForbiddenCharacter, Where(file, scalar.Start), UnsafeCharacters.CodePoint(c), UnsafeCharacters.KindInSpanish(c));
        }
        return scalar.Value.Replace("\uFEFF", "", StringComparison.Ordinal);
    }

    private static (int Line, int Column) PositionOfByte(byte[] bytes, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return (line, column);
    }

    internal static SourceSpan Where(string file, Mark mark) =>
        new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private sealed class TreeBuilder(IParser parser, string file, DiagnosticBag diagnostics)
    {
        public YamlNode? ReadStream()
        {
            parser.Consume<StreamStart>();
            YamlNode? root = null;
            var documents = 0;
            while (parser.TryConsume<DocumentStart>(out var documentStart))
            {
                documents++;
                if (documents == 2)
                {
                    diagnostics.Error(Codes.MultipleDocuments, Where(file, documentStart.Start));
                }
                var node = ReadNode(depth: 0);
                parser.Consume<DocumentEnd>();
                if (documents == 1)
                {
                    root = node;
                }
            }
            parser.Consume<StreamEnd>();
            return documents > 1 ? null : root;
        }

        private YamlNode ReadNode(int depth)
        {
            if (depth > MaxDepth)
            {
                var deep = parser.Current!;
                diagnostics.Error(Codes.TooDeep, Where(file, deep.Start), MaxDepth);
                throw new FileRefusedException();
            }
            var current = parser.Current;
            switch (current)
            {
                case AnchorAlias alias:
                    diagnostics.Error(Codes.AliasNotAllowed, Where(file, alias.Start));
                    throw new FileRefusedException();
                case Scalar scalar:
                    parser.MoveNext();
                    RefuseAnchor(scalar);
                    return new YamlScalar(Where(file, scalar.Start), ScalarText(scalar, file, diagnostics), scalar.Style == ScalarStyle.Plain);
                case SequenceStart sequenceStart:
                    parser.MoveNext();
                    RefuseAnchor(sequenceStart);
                    var items = new List<YamlNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(depth + 1));
                    }
                    return new YamlSequence(Where(file, sequenceStart.Start), items);
                case MappingStart mappingStart:
                    parser.MoveNext();
                    RefuseAnchor(mappingStart);
                    return ReadMapping(mappingStart, depth);
                default:
                    throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "evento YAML inesperado");
            }
        }

        private YamlMapping ReadMapping(MappingStart start, int depth)
        {
            var entries = new List<YamlEntry>();
            var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(depth + 1);
                var value = ReadNode(depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    diagnostics.Error(Codes.WrongType, keyNode.Where, "una clave", "un texto", keyNode.KindInSpanish);
                    continue;
                }
                if (seen.TryGetValue(key.Text, out var first))
                {
                    diagnostics.Error(Codes.DuplicateKey, key.Where, key.Text, first.Where.Line);
                    continue;
                }
                seen.Add(key.Text, key);
                entries.Add(new YamlEntry(key, value));
            }
            return new YamlMapping(Where(file, start.Start), entries);
        }

        /// <summary>The first anchor refuses the whole file: one diagnostic, nothing expanded, nothing more read.</summary>
        private void RefuseAnchor(NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
            {
                diagnostics.Error(Codes.AliasNotAllowed, Where(file, node.Start));
                throw new FileRefusedException();
            }
        }
    }

    /// <summary>
    /// YamlDotNet's parser, except that the plain exceptions its scanner throws on some malformed input
    /// (an InvalidOperationException for an unclosed '[' before a block scalar, for one) become a <see cref="YamlException"/>
    /// at the scanner's position, so they are reported as PEI001 like any other syntax error.
    /// </summary>
    private sealed class GuardedParser(Scanner scanner) : IParser
    {
        private readonly Parser parser = new(scanner);

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            try
            {
                return parser.MoveNext();
            }
            catch (Exception e) when (e is not YamlException)
            {
                throw new YamlException(scanner.CurrentPosition, scanner.CurrentPosition, YamlErrorInSpanish.ScannerFailed + e.Message, e);
            }
        }
    }

    /// <summary>Stops reading a file whose diagnostic is already reported (too deep, an anchor or alias).</summary>
    private sealed class FileRefusedException() : YamlException("archivo rechazado");
}
