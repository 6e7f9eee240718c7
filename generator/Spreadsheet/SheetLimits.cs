using System.IO.Compression;
using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;

namespace Pei.Site.Spreadsheet;

/// <summary>
/// What importar reads of a sheet at most, checked before and while it is read, so that a small file that unpacks or
/// parses into something huge (a workbook declaring millions of rows, a CSV of millions of blank lines, a cell of
/// megabytes) is refused within seconds and a few hundred megabytes: the file itself (a regular file, not a pipe or a
/// device, read at most <see cref="MaxFileBytes"/>), a workbook's parts unpacked, and the rows, columns, cells and
/// characters per cell of either format. A measurement sheet has one row per indicator and ten columns.
/// </summary>
public static class SheetLimits
{
    /// <summary>A sheet file larger than this is refused: a plan's sheet is a few kilobytes.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The parts of a workbook unpacked, all together.</summary>
    public const long MaxUnpackedBytes = 64 * 1024 * 1024;

    /// <summary>A part other than the sheets and their strings (the workbook, styles, relations…) unpacked: each is read whole.</summary>
    public const long MaxOtherPartBytes = 8 * 1024 * 1024;

    /// <summary>Parts in a workbook (a spreadsheet program writes about a dozen).</summary>
    public const int MaxParts = 1000;

    /// <summary>Rows of a sheet, empty ones included: a plan of 30,000 indicators has 30,001.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The last column a cell may be in (the template has 10).</summary>
    public const int MaxColumns = 1000;

    /// <summary>Cells with something in them, in the whole sheet.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>
    /// The bytes of the sheet file at <paramref name="path"/>, after checking (without opening it) that it is a regular
    /// file: a named pipe would block importar, a link to /dev/zero would never end. At most <see cref="MaxFileBytes"/>
    /// are read, whatever size the file claims.
    /// </summary>
    public static byte[] ReadFile(string path)
    {
        var kind = FileKinds.Of(path, followLinks: true);
        if (kind is FileKind.Missing)
        {
            throw new UnreadableSheetException("el archivo no existe");
        }
        if (kind is not FileKind.Regular)
        {
            throw new UnreadableSheetException($"no es un archivo normal sino {FolderWalk.Describe(kind)}");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxFileBytes + 1 - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > MaxFileBytes)
            {
                throw new UnreadableSheetException($"el archivo pesa más de {MaxFileBytes} bytes, el máximo");
            }
        }
        return bytes.ToArray();
    }

    /// <summary>
    /// Unpacks every part of a workbook, counting, before anything parses it: the sizes a zip declares are not trusted.
    /// Throws <see cref="SheetLimitException"/> (PEI110) past <see cref="MaxParts"/> or <see cref="MaxUnpackedBytes"/>;
    /// a file that is not a zip is left to the workbook reader to refuse.
    /// </summary>
    public static void CheckPackage(byte[] bytes)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return;
        }
        using (archive)
        {
            if (archive.Entries.Count > MaxParts)
            {
                throw new SheetLimitException(Codes.SheetUnpackedTooLarge, 1, 1, $"tiene {archive.Entries.Count} partes y el máximo es {MaxParts}");
            }
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName;
                var streamed = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ||
                    !(name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase));
                var length = 0L;
                try
                {
                    using var part = entry.Open();
                    int read;
                    while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        length += read;
                        if (!streamed && length > MaxOtherPartBytes)
                        {
                            throw new SheetLimitException(Codes.SheetUnpackedTooLarge, 1, 1,
                                $"tiene una parte, '{UnsafeCharacters.Printable(name)}', que pasa de {MaxOtherPartBytes} bytes, el máximo");
                        }
                        if (total > MaxUnpackedBytes)
                        {
                            throw new SheetLimitException(Codes.SheetUnpackedTooLarge, 1, 1,
                                $"pasa de {MaxUnpackedBytes} bytes, el máximo (al descomprimir '{UnsafeCharacters.Printable(entry.FullName)}')");
                        }
                    }
                }
                catch (InvalidDataException)
                {
                    return; // A damaged part: the workbook reader refuses the file with its own reason.
                }
            }
        }
    }

    /// <summary>Counts what a reader takes from a sheet, and refuses (with the cell's place) the first thing past a limit.</summary>
    public sealed class Counter
    {
        private int _rows;
        private int _cells;
        private int _row;
        private int _elementsInRow;

        /// <summary>One more row, numbered <paramref name="row"/> (a workbook may skip numbers).</summary>
        public void Row(int row)
        {
            if (++_rows > MaxRows || row > MaxRows)
            {
                throw new SheetLimitException(Codes.SheetTooManyRows, Math.Min(row, MaxRows + 1), 1, MaxRows);
            }
        }

        /// <summary>
        /// One more cell element at <paramref name="column"/> of <paramref name="row"/>, empty or not: a row of millions of
        /// empty cells is refused past <see cref="MaxColumns"/> of them (or past that column) before it is read further.
        /// </summary>
        public void Column(int row, int column)
        {
            if (row != _row)
            {
                (_row, _elementsInRow) = (row, 0);
            }
            if (column > MaxColumns || ++_elementsInRow > MaxColumns)
            {
                throw new SheetLimitException(Codes.SheetTooManyColumns, row, 1, Math.Max(column, _elementsInRow), MaxColumns);
            }
        }

        /// <summary>One more cell, at <paramref name="column"/> of <paramref name="row"/>, of <paramref name="length"/> characters.</summary>
        public void Cell(int row, int column, int length)
        {
            if (column > MaxColumns)
            {
                throw new SheetLimitException(Codes.SheetTooManyColumns, row, 1, column, MaxColumns);
            }
            if (length > MaxCellChars)
            {
                throw new SheetLimitException(Codes.SheetCellTooLong, row, column, length, MaxCellChars);
            }
            if (length > 0 && ++_cells > MaxCells)
            {
                throw new SheetLimitException(Codes.SheetTooManyCells, row, column, MaxCells);
            }
        }

        /// <summary>A row of <paramref name="fields"/> fields (a CSV file), before they are read.</summary>
        public void Fields(int row, int fields)
        {
            if (fields > MaxColumns)
            {
                throw new SheetLimitException(Codes.SheetTooManyColumns, row, 1, fields, MaxColumns);
            }
        }
    }
}

/// <summary>A sheet past one of <see cref="SheetLimits"/>: the diagnostic to give, at the sheet's row and column.</summary>
public sealed class SheetLimitException(DiagnosticCode code, int row, int column, params object[] args)
    : UnreadableSheetException(code.Code)
{
    public DiagnosticCode Code { get; } = code;

    public int Row { get; } = row;

    public int Column { get; } = column;

    public IReadOnlyList<object> Arguments { get; } = args;

    /// <summary>The name of the workbook's sheet, when the reader knew it; null for a CSV file.</summary>
    public string? SheetName { get; init; }
}
