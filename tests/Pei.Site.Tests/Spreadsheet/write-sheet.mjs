// Writes workbooks as a planner's spreadsheet program would, with exceljs (an independent writer, not the generator's).
// One process serves a whole test run (starting Node and loading exceljs costs about a second): each line on standard
// input is a request { "out": "file.xlsx", "sheet": "Corte 2025-09-30", "rows": [[…], …] }, answered by one line on
// standard output, "ok" or "error: …". Each cell is a number, a text, true/false, null (empty), or an object:
//   { "value": 0.96, "numFmt": "0%" }               a value with a number format (a percentage, here 96 %);
//   { "formula": "K3*2" }                            a formula without a stored result (a program that does not calculate);
//   { "formula": "1/0", "result": { "error": "#DIV/0!" } }   a formula with its stored result.
import ExcelJS from 'exceljs';
import { createInterface } from 'node:readline';

async function write(spec) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheet);
  spec.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = sheet.getCell(r + 1, c + 1);
      if (typeof value === 'object' && value.formula !== undefined) {
        cell.value = value.result === undefined ? { formula: value.formula } : { formula: value.formula, result: value.result };
      } else if (typeof value === 'object') {
        cell.value = value.value;
      } else {
        cell.value = value;
      }
      if (typeof value === 'object' && value.numFmt !== undefined) cell.numFmt = value.numFmt;
    });
  });
  await workbook.xlsx.writeFile(spec.out);
}

for await (const line of createInterface({ input: process.stdin })) {
  try {
    await write(JSON.parse(line));
    process.stdout.write('ok\n');
  } catch (e) {
    process.stdout.write(`error: ${String(e).replace(/\n/g, ' ')}\n`);
  }
}
