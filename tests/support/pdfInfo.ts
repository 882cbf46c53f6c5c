/**
 * What a PDF reader sees in a PDF, read with pdf.js (Firefox's reader; a dev dependency, so the
 * tests need no system PDF tools): the page count and each page's size in millimetres.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfInfo {
  pages: number;
  /** [width, height] of each page, mm. */
  pageSizesMm: [number, number][];
}

const MM_PER_POINT = 25.4 / 72;

/** Parses the whole document; throws if pdf.js cannot open it. */
export async function readPdfInfo(bytes: Uint8Array): Promise<PdfInfo> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  try {
    const pageSizesMm: [number, number][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const [x0, y0, x1, y1] = (await doc.getPage(n)).view;
      pageSizesMm.push([(x1 - x0) * MM_PER_POINT, (y1 - y0) * MM_PER_POINT]);
    }
    return { pages: doc.numPages, pageSizesMm };
  } finally {
    await doc.destroy();
  }
}
