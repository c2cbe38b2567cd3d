import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

// pdfmake on the server, with its bundled Roboto embedded (æøå correct; embedded fonts are also a
// precondition for PDF/A archiving). Documents may not fetch anything from the network.
const require = createRequire(import.meta.url);
interface Pdfmake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
// Loaded on the first PDF, not at start: pdfmake is one of the heaviest modules (cold start, issue #9).
let loaded: Pdfmake | null = null;
function pdfmake(): Pdfmake {
  if (loaded) return loaded;
  const lib = require('pdfmake') as Pdfmake;
  const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
  const fontFiles = new Set(Object.values(fonts.Roboto));
  lib.setFonts(fonts);
  lib.setUrlAccessPolicy(() => false);
  // Only the bundled font files may be read from disk; a document can never pull in another local file.
  lib.setLocalAccessPolicy((path) => fontFiles.has(path));
  loaded = lib;
  return lib;
}

export type { TDocumentDefinitions };

// Norwegian typography: "§ 27", "§§ 28 og 29" and "9 000 kr" must not break across lines.
const keepTogether = (text: string) => text.replace(/(§+) (?=\d)/g, '$1\u00a0').replace(/(\d) (?=kr\b)/g, '$1\u00a0');

function withNoBreakSpaces(node: unknown): unknown {
  if (typeof node === 'string') return keepTogether(node);
  if (Array.isArray(node)) return node.map(withNoBreakSpaces);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'text' || k === 'stack' || k === 'ul' || k === 'ol' || k === 'body' || k === 'columns' || k === 'table' ? withNoBreakSpaces(v) : v]));
  }
  return node;
}

/** Renders a document definition to PDF bytes. Sets Norwegian language and the given title. */
export async function renderPdf(doc: TDocumentDefinitions, meta: { title: string; author?: string }): Promise<Buffer> {
  return pdfmake()
    .createPdf({
      language: 'nb-NO',
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
      ...doc,
      content: withNoBreakSpaces(doc.content) as TDocumentDefinitions['content'],
      info: { title: meta.title, author: meta.author ?? 'Bolig Nu', creator: 'Bolig Nu', ...doc.info },
    })
    .getBuffer();
}
