import type { Writable } from "node:stream";
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

const needsEscape = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>\r]/;
const xmlText = (s: string) =>
  // Characters XML 1.0 cannot carry are dropped; a carriage return is escaped or a parser turns it into a line feed.
  // (Most cells have none of these: one test, then the text as it is.)
  !needsEscape.test(s)
    ? s
    : s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
/** xml:space="preserve" only where leading or trailing white space would otherwise be dropped: it is a fifth of a text cell. */
const textElement = (s: string) => (s.length && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`);
const attr = (s: string) => xmlText(s).replace(/"/g, "&quot;");

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
  const cols = header.map((_, i) => columnName(i));
  let rowNumber = 0;
  const rowXml = (cells: Cell[], style?: number) => {
    const r = ++rowNumber;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined) continue;
      const ref = `${cols[i]}${r}`;
      if (typeof c === "object") xml += `<c r="${ref}" s="2"><v>${centsToDecimal(c.cents)}</v></c>`;
      else if (typeof c === "number" && Number.isFinite(c)) xml += `<c r="${ref}"${kinds[i] === "money" ? ' s="2"' : ""}><v>${c}</v></c>`;
      else xml += `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ""}><is>${textElement(String(c))}</is></c>`;
    }
    return `${xml}</row>`;
  };
  const ready = (async () => {
    await zip.file("[Content_Types].xml", contentTypes);
    await zip.file("_rels/.rels", rootRels);
    await zip.file("xl/workbook.xml", `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${attr(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    await zip.file("xl/_rels/workbook.xml.rels", workbookRels);
    await zip.file("xl/styles.xml", styles);
    const sheet = await zip.open("xl/worksheets/sheet1.xml");
    const widths = header.map((h, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(40, Math.max(10, h.length + 2))}" customWidth="1"/>`).join("");
    await sheet.write(
      `${head}<worksheet xmlns="${main}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${widths}</cols><sheetData>${rowXml(header, 1)}`,
    );
    return sheet;
  })();
  return {
    rows: async (batch) => {
      const sheet = await ready;
      if (out.destroyed) return;
      let xml = "";
      for (const r of batch) {
        xml += rowXml(r);
        if (xml.length >= PIECE) {
          await sheet.write(xml);
          xml = "";
        }
      }
      if (xml) await sheet.write(xml);
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
