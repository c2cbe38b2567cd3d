import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from './render.ts';

describe('renderPdf', () => {
  it('makes a PDF that a PDF reader opens, with the Norwegian letters intact', async () => {
    const pdf = await renderPdf({ content: [{ text: 'Vedtak om midlertidig botilbud', fontSize: 16 }, 'Blåbærsyltetøy på Ærøy – § 27'] }, { title: 'Test' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'bolignu-pdf-')), 'test.pdf');
    writeFileSync(file, pdf);
    // pdftotext (poppler-utils) is a real PDF reader; CI installs it.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Vedtak om midlertidig botilbud');
    expect(text).toContain('Blåbærsyltetøy på Ærøy – § 27');
  });

  it('never breaks a line between "§" and its number', async () => {
    // A line exactly long enough that a normal space after § would be the natural break.
    const filler = 'Vedtaket er gjort etter lov om sosiale tjenester i arbeids- og velferdsforvaltningen';
    const pdf = await renderPdf({ content: [`${filler} §§ 28 og 29 og § 27 om midlertidig botilbud og mer tekst som fyller linjen helt ut.`] }, { title: 'Test' });
    const file = join(mkdtempSync(join(tmpdir(), 'bolignu-pdf-')), 'nbsp.pdf');
    writeFileSync(file, pdf);
    const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.some((l) => /§\s*$/.test(l))).toBe(false);
  });
});
