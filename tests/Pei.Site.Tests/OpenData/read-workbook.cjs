// Reads a workbook with two readers outside .NET, exceljs and SheetJS (tests/node_modules, installed by tests/run.sh),
// and prints what each saw as JSON: every sheet's name, its rows as values with their JavaScript types, its column
// widths and its autofilter. Usage: node read-workbook.cjs FILE.xlsx
const fs = require('fs');
const ExcelJS = require('exceljs');
const XLSX = require('xlsx');

const file = process.argv[2];

function typed(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { type: 'date', value: value.toISOString().slice(0, 10) };
  if (typeof value === 'object' && 'richText' in value) return { type: 'string', value: value.richText.map(r => r.text).join('') };
  return { type: typeof value, value };
}

async function withExcelJs() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map(sheet => {
    const rows = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(typed(row.getCell(c).value));
      rows[number - 1] = cells;
    });
    return {
      name: sheet.name,
      rows,
      widths: (sheet.columns || []).map(c => c.width ?? null),
      filter: typeof sheet.autoFilter === 'string' ? sheet.autoFilter : sheet.autoFilter ? JSON.stringify(sheet.autoFilter) : null,
      numberFormats: rows.length > 1 ? Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(2).getCell(i + 1).numFmt ?? null) : [],
    };
  });
}

function withSheetJs() {
  const workbook = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true });
  return workbook.SheetNames.map(name => {
    const sheet = workbook.Sheets[name];
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const rows = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })];
        cells.push(cell ? typed(cell.v) : null);
      }
      rows.push(cells);
    }
    return {
      name,
      rows,
      widths: (sheet['!cols'] || []).map(c => (c && c.wch) ?? null),
      filter: sheet['!autofilter'] ? sheet['!autofilter'].ref : null,
    };
  });
}

withExcelJs()
  .then(exceljs => process.stdout.write(JSON.stringify({ exceljs, sheetjs: withSheetJs() })))
  .catch(error => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
