import type { Writable } from "node:stream";
import { ByteSink, Escape } from "./exports-bytes.ts";
import { centsToDecimal, type CellSink, type RowEmitter } from "./exports-format.ts";
import { PIECE, type ExportWriter } from "./exports-writers.ts";
import { zipWriter } from "./exports-zip.ts";

const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const pkg = "http://schemas.openxmlformats.org/package/2006";

const contentTypes = `${head}<Types xmlns="${pkg}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const rootRels = `${head}<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookRels = `${head}<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
// Style 1: the bold header; 2: money, numeric with two decimals; 3: an instant in UTC shown as ISO 8601;
// 4: the store's wall clock (its zone is the row's last column).
const utcFormat = 'yyyy-mm-dd&quot;T&quot;hh:mm:ss.000&quot;Z&quot;';
const styles = `${head}<styleSheet xmlns="${main}"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="${utcFormat}"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const DAY = 86_400_000;
/** 1970-01-01 as a spreadsheet day number (1900 date system); past 9999-12-31 there are none. */
const UNIX_EPOCH_SERIAL = 25_569;
const LAST_SERIAL = 2_958_465;
/** Whether a date has a serial: not before March 1900 (where the 1900 system is off by a day), not after 9999. */
function hasSerial(ms: number): boolean {
  const serial = Math.floor(ms / DAY) + UNIX_EPOCH_SERIAL;
  return serial >= 61 && serial <= LAST_SERIAL;
}

/**
 * An instant as a spreadsheet date: days since 1899-12-30 with eight decimals (0.864 ms, so a reader
 * rounding to the millisecond gets the same instant back), trailing zeros dropped.
 */
export function writeSerial(sink: ByteSink, ms: number): void {
  const day = Math.floor(ms / DAY);
  sink.digits(day + UNIX_EPOCH_SERIAL);
  let fraction = Math.round((ms - day * DAY) / 0.864);
  if (fraction === 0) return;
  let width = 8;
  while (fraction % 10 === 0) (fraction /= 10), width--;
  sink.byte(46);
  sink.digits(fraction, width);
}

/** The sheet's name, the one attribute value that comes from outside: characters XML cannot carry dropped, markup escaped. */
const attr = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

/** xml:space="preserve" only where leading or trailing white space would otherwise be dropped. */
const needsPreserve = (s: string) => s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32);
/**
 * Distinct labels kept in the shared strings; past this many, further new ones are written inline, so
 * memory stays bounded whatever the data.
 */
const SHARED_MAX = 10_000;

function columnName(i: number): string {
  let n = i + 1;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * XLSX written as it goes: the small parts, then the sheet's rows deflated straight into the zip, so
 * memory stays flat whatever the row count. (exceljs 4.4's "streaming" WorkbookWriter builds the whole zip
 * with JSZip at commit: hundreds of MB for a million rows, and no byte leaves before the end.) Text as
 * inline strings, money as numbers written from integer cents ("12.30"), with a 0.00 format, times as
 * date cells. Labels (a status, a store, a colleague) go once into the shared strings, written after the
 * sheet, and cells point at them. Both together: 810 bytes of sheet XML a claim instead of 1,173, a third
 * less to build and deflate.
 */
export function streamingXlsxWriter<R>(out: Writable, header: string[], emit: RowEmitter<R>, sheetName: string): ExportWriter<R> {
  const zip = zipWriter(out);
  // Every piece of markup that does not depend on the cell's value is one string, so a cell is a few copies.
  const opens = header.map((_, i) => `<c r="${columnName(i)}`);
  const sink = new ByteSink();
  let rowNumber = 0;
  let r = "";
  let column = 0;
  const shared = new Map<string, number>();
  const sharedTexts: string[] = [];
  let sharedRefs = 0;
  const sharedIndex = (s: string): number | undefined => {
    let index = shared.get(s);
    if (index === undefined && sharedTexts.length < SHARED_MAX) shared.set(s, (index = sharedTexts.push(s) - 1));
    return index;
  };
  /** `<c r="B12` and the rest of the opening tag. */
  const open = (rest: string) => {
    sink.ascii(opens[column++]!);
    sink.ascii(r);
    sink.ascii(rest);
  };
  const inline = (s: string, style = "") => {
    open(style ? `" t="inlineStr"${style}><is><t>` : needsPreserve(s) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
    sink.text(s, Escape.Xml);
    sink.ascii("</t></is></c>");
  };
  const cells: CellSink = {
    empty: () => void column++,
    text: (s) => inline(s),
    label: (s) => {
      const index = sharedIndex(s);
      if (index === undefined) return inline(s);
      sharedRefs++;
      open('" t="s"><v>');
      sink.digits(index);
      sink.ascii("</v></c>");
    },
    number: (n) => {
      if (!Number.isFinite(n)) return inline(String(n));
      open('"><v>');
      sink.ascii(String(n));
      sink.ascii("</v></c>");
    },
    money: (cents) => {
      open('" s="2"><v>');
      sink.ascii(centsToDecimal(cents));
      sink.ascii("</v></c>");
    },
    instant: (ms, offset) => {
      // A real date, so it sorts, filters and groups by month; UTC shown in ISO 8601, store time as the wall clock there.
      const local = offset === null ? ms : ms + offset * 60_000;
      if (!hasSerial(local)) {
        open('" t="inlineStr"><is><t>');
        sink.instant(ms, offset);
        return sink.ascii("</t></is></c>");
      }
      open(offset === null ? '" s="3"><v>' : '" s="4"><v>');
      writeSerial(sink, local);
      sink.ascii("</v></c>");
    },
  };
  const startRow = () => {
    r = String(++rowNumber);
    column = 0;
    sink.ascii('<row r="');
    sink.ascii(r);
    sink.ascii('">');
  };
  const row = (record: R) => {
    startRow();
    emit(record, cells);
    sink.ascii("</row>");
  };
  const ready = (async () => {
    await zip.file("[Content_Types].xml", contentTypes);
    await zip.file("_rels/.rels", rootRels);
    await zip.file("xl/workbook.xml", `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${attr(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    await zip.file("xl/_rels/workbook.xml.rels", workbookRels);
    await zip.file("xl/styles.xml", styles);
    const sheet = await zip.open("xl/worksheets/sheet1.xml");
    const widths = header.map((h, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(40, Math.max(10, h.length + 2))}" customWidth="1"/>`).join("");
    sink.ascii(`${head}<worksheet xmlns="${main}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${widths}</cols><sheetData>`);
    startRow();
    for (const label of header) inline(label, ' s="1"');
    sink.ascii("</row>");
    await sheet.write(sink.take());
    return sheet;
  })();
  return {
    rows: async (batch) => {
      const sheet = await ready;
      if (out.destroyed) return;
      for (const r of batch) {
        row(r);
        if (sink.length >= PIECE) await sheet.write(sink.take());
      }
      if (sink.length) await sheet.write(sink.take());
    },
    end: async () => {
      const sheet = await ready;
      if (out.destroyed) return;
      await sheet.write("</sheetData></worksheet>");
      await sheet.close();
      const strings = await zip.open("xl/sharedStrings.xml");
      sink.ascii(`${head}<sst xmlns="${main}" count="${sharedRefs}" uniqueCount="${sharedTexts.length}">`);
      for (const s of sharedTexts) {
        sink.ascii(needsPreserve(s) ? '<si><t xml:space="preserve">' : "<si><t>");
        sink.text(s, Escape.Xml);
        sink.ascii("</t></si>");
        if (sink.length >= PIECE) await strings.write(sink.take());
      }
      sink.ascii("</sst>");
      await strings.write(sink.take());
      await strings.close();
      await zip.end();
    },
  };
}
