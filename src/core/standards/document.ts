/**
 * The short name of a legal document in each language: "Nghị định 07/2021/NĐ-CP" in Vietnamese texts,
 * "Decree 07/2021/NĐ-CP" in English ones. The number keeps its Vietnamese suffix (NĐ-CP, QĐ-TTg, TT-BLĐTBXH,
 * QĐ-UBND) in both languages, as it is printed on the document and as it is searched for.
 */
import type { Bilingual } from "../i18n";
import type { Citation } from "./schema";

/**
 * Vietnamese document types (loại văn bản quy phạm pháp luật and common administrative documents) and their
 * usual English names. Longer names first ("Thông tư liên tịch" before "Thông tư").
 */
const DOCUMENT_TYPES: ReadonlyArray<readonly [vi: string, en: string]> = [
  ["Văn bản hợp nhất", "Consolidated text"],
  ["Thông tư liên tịch", "Joint Circular"],
  ["Thông tư", "Circular"],
  ["Nghị định", "Decree"],
  ["Nghị quyết", "Resolution"],
  ["Quyết định", "Decision"],
  ["Chỉ thị", "Directive"],
  ["Công văn", "Official Letter"],
  ["Kế hoạch", "Plan"],
  ["Hướng dẫn", "Guidance"],
  ["Luật", "Law"],
];

/**
 * The English short name of a document given by its Vietnamese short name: the leading document type is
 * translated and a following "số" (number) dropped; the rest is kept as written. A name that does not start
 * with a known type ("13/2021/QĐ-UBND", a proper name) is returned unchanged.
 * @example englishDocumentName("Quyết định số 13/2021/QĐ-UBND (Hà Nội)") === "Decision 13/2021/QĐ-UBND (Hà Nội)"
 */
export function englishDocumentName(document: string): string {
  const text = document.normalize("NFC").trim();
  const lower = text.toLocaleLowerCase("vi");
  for (const [vi, en] of DOCUMENT_TYPES) {
    const head = vi.toLocaleLowerCase("vi");
    if (!lower.startsWith(head)) continue;
    const rest = text.slice(head.length);
    if (rest !== "" && !/^\s/u.test(rest)) continue; // "Luật" must not match "Luậtx…"
    const number = rest.trim().replace(/^số\s+/iu, "");
    return number ? `${en} ${number}` : en;
  }
  return document.trim();
}

/** The short name of a citation's document in both languages: `{ vi: document, en: documentEn }`. */
export function citationDocument(citation: Pick<Citation, "document" | "documentEn">): Bilingual {
  return { vi: citation.document, en: citation.documentEn };
}
