import type { Writable } from "node:stream";
import { ByteSink, Escape } from "./exports-bytes.ts";
import { centsToDecimal, type Cell } from "./exports-format.ts";
import { PIECE, type ExportWriter } from "./exports-writers.ts";
import { zipWriter } from "./exports-zip.ts";

const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const pkg = "http://schemas.openxmlformats.org/package/2006";

const contentTypes = `${head}<Types xmlns="${pkg}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const rootRels = `${head}<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookRels = `${head}<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`;
// Style 1: the bold header; style 2: money, numeric with two decimals.
const styles = `${head}<styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** The sheet's name, the one attribute value that comes from outside: characters XML cannot carry dropped, markup escaped. */
const attr = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

const textOpen = '" t="inlineStr"><is><t>';
const textOpenPreserve = '" t="inlineStr"><is><t xml:space="preserve">';

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
 * XLSX written as it goes: the five small parts, then the sheet's rows deflated straight into the zip, so
 * memory stays flat whatever the row count. (exceljs 4.4's "streaming" WorkbookWriter builds the whole zip
 * with JSZip at commit: hundreds of MB for a million rows, and no byte leaves before the end.) Text as
 * inline strings, money as numbers written from integer cents ("12.30"), with a 0.00 format.
 */
export function streamingXlsxWriter(out: Writable, header: string[], kinds: ("text" | "number" | "money")[], sheetName: string): ExportWriter {
  const zip = zipWriter(out);
  // Every piece of markup that does not depend on the cell's value is one string, so a cell is five copies.
  const opens = header.map((_, i) => `<c r="${columnName(i)}`);
  const sink = new ByteSink();
  let rowNumber = 0;
  /** One `<row>`: text as inline strings, money as a number from integer cents with the 0.00 style. */
  const row = (cells: Cell[], style?: number) => {
    const r = String(++rowNumber);
    sink.ascii('<row r="');
    sink.ascii(r);
    sink.ascii('">');
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined) continue;
      sink.ascii(opens[i]!);
      sink.ascii(r);
      if (typeof c === "object" && "cents" in c) {
        sink.ascii('" s="2"><v>');
        sink.ascii(centsToDecimal(c.cents));
        sink.ascii("</v></c>");
      } else if (typeof c === "object") {
        sink.ascii(textOpen);
        sink.instant(c.at, c.offset);
        sink.ascii("</t></is></c>");
      } else if (typeof c === "number" && Number.isFinite(c)) {
        sink.ascii(kinds[i] === "money" ? '" s="2"><v>' : '"><v>');
        sink.ascii(String(c));
        sink.ascii("</v></c>");
      } else {
        const s = String(c);
        // xml:space="preserve" only where leading or trailing white space would otherwise be dropped.
        const preserve = s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32);
        sink.ascii(style ? `" t="inlineStr" s="${style}"><is><t${preserve ? ' xml:space="preserve"' : ""}>` : preserve ? textOpenPreserve : textOpen);
        sink.text(s, Escape.Xml);
        sink.ascii("</t></is></c>");
      }
    }
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
    row(header, 1);
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
      await zip.end();
    },
  };
}
