import 'reflect-metadata';
import type { DecisionLetterInput } from '@redress/application';
import { calculateAward, formatPence } from '@redress/domain';
import { PdfkitDecisionLetterRenderer } from './pdfkit-decision-letter-renderer.js';

/** The text of each page, through Mozilla's pdf.js (a real parser, not a string search on the raw bytes). */
async function pdfText(pdf: Buffer): Promise<{ pages: string[]; title: unknown }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const { info } = await document.getMetadata();
  await document.cleanup();
  return { pages, title: (info as { Title?: unknown }).Title };
}

const award = calculateAward({
  decidedOn: '2026-11-20',
  injuries: [{ code: 'A-WRIST-FRACTURE' }, { code: 'A-MENTAL-6W-28W' }],
});

const base: DecisionLetterInput = {
  claimReference: '26-000042-3',
  decisionId: 'd1',
  outcome: 'award',
  decidedOn: '2026-11-20',
  onReview: false,
  reasons: 'You were the victim of a crime of violence and reported it to the police without delay.',
  paragraphs: ['para 4', 'para 22'],
  award,
  amountPence: award.totalPence,
};

describe('PdfkitDecisionLetterRenderer', () => {
  const renderer = new PdfkitDecisionLetterRenderer();

  it('renders a PDF that parses, with the decision, reasons citing paragraphs, the breakdown and the 56-day review deadline', async () => {
    const { pdf, pages } = await renderer.render(base, { reviewDeadline: '2027-01-15' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text.pages).toHaveLength(pages);
    expect(text.title).toBe('Decision on claim 26-000042-3');
    const all = text.pages.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('We have decided to make you an award of compensation.');
    expect(all).toContain('Claim reference: 26-000042-3');
    expect(all).toContain('20 November 2026');
    expect(all).toContain('para 4, para 22');
    expect(award.lines).toHaveLength(2);
    for (const line of award.lines) {
      expect(all).toContain(`tariff ${line.kind === 'injury' ? line.code : ''}`);
      expect(all).toContain(`: ${formatPence(line.amountPence)}`);
    }
    expect(all).toContain(`Payable now: ${formatPence(award.totalPence)}`);
    for (const sentence of award.explanation) expect(all).toContain(sentence);
    expect(all).toContain('15 January 2027, which is 56 days after the date of this decision');
    expect(all).toContain(`page 1 of ${pages}`);
  });

  it('explains a refusal on review with the route to the tribunal instead of a review', async () => {
    const { pdf } = await renderer.render(
      { ...base, outcome: 'refusal', onReview: true, award: null, amountPence: null, paragraphs: ['para 19'] },
      { reviewDeadline: '2027-01-15' },
    );
    const all = (await pdfText(pdf)).pages.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('we cannot make you an award');
    expect(all).toContain('First-tier Tribunal');
    expect(all).not.toContain('How to ask for a review');
    expect(all).not.toContain('Payable now');
  });

  it('writes the letter in Welsh for a Welsh claim, keeping the scheme’s paragraph references and the amounts', async () => {
    const { pdf, pages } = await renderer.render({ ...base, languages: ['cy'] }, { reviewDeadline: '2027-01-15' });
    const text = await pdfText(pdf);
    expect(text.title).toBe('Penderfyniad ar hawliad 26-000042-3');
    const all = text.pages.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Penderfyniad ar eich hawliad am iawndal');
    expect(all).toContain('Cyfeirnod yr hawliad: 26-000042-3');
    expect(all).toContain('Dyddiad y penderfyniad: 20 Tachwedd 2026');
    expect(all).toContain('Rydym wedi penderfynu rhoi dyfarniad o iawndal i chi.');
    expect(all).toContain('Cynllun Digolledu am Anafiadau Troseddol 2012, para 4, para 22.');
    expect(all).toContain(`I’w dalu nawr: ${formatPence(award.totalPence)}`);
    expect(all).toContain('Os ydych yn anghytuno â’r penderfyniad hwn');
    expect(all).toContain('erbyn 15 Ionawr 2027, sef 56 diwrnod');
    expect(all).toContain(`tudalen 1 o ${pages}`);
    expect(all).not.toContain('We have decided');
    expect(all).not.toContain('How to ask for a review');
  });

  it('writes Welsh then English, on a new page, where both are asked for', async () => {
    const { pdf } = await renderer.render({ ...base, languages: ['cy', 'en'] }, { reviewDeadline: '2027-01-15' });
    const text = await pdfText(pdf);
    const all = text.pages.join(' ').replace(/\s+/g, ' ');
    const welsh = all.indexOf('Penderfyniad ar eich hawliad am iawndal');
    const english = all.indexOf('Decision on your claim for compensation');
    expect(welsh).toBeGreaterThanOrEqual(0);
    expect(english).toBeGreaterThan(welsh);
    const englishPage = text.pages.findIndex((page) => page.includes('Decision on your claim for compensation'));
    expect(text.pages[englishPage]).not.toContain('Penderfyniad ar eich hawliad');
    expect(all).toContain('How to ask for a review');
    expect(all).toContain('Sut i ofyn am adolygiad');
  });
});
