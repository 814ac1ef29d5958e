import { DecisionLetterRenderer, type DecisionLetterInput, type RenderedLetter } from '@redress/application';
import { formatPence, type AwardLine, type IsoDate } from '@redress/domain';
import { formatDate, platformT, type Language } from '@redress/platform';
import type { TFunction } from 'i18next';
import PDFDocument from 'pdfkit';

/** An award line in words (the tariff's own description stays as the tariff gives it). */
function describeLine(line: AwardLine, t: TFunction, language: Language): string {
  switch (line.kind) {
    case 'injury':
      return t('letters.lines.injury', {
        description: line.description,
        code: line.code,
        percent: line.percent,
        tariff: formatPence(line.tariffPence),
      });
    case 'loss-of-earnings':
      return t('letters.lines.loss-of-earnings', {
        first: line.firstWeekPaid,
        last: line.lastWeekPaid,
        rate: formatPence(line.weeklyRatePence),
      });
    case 'special-expense':
      return t('letters.lines.special-expense', { kind: line.expenseKind });
    case 'bereavement':
      return t('letters.lines.bereavement');
    case 'child-payment':
      return t('letters.lines.child-payment', { date: formatDate(line.untilDate, language) });
    case 'funeral':
      return t('letters.lines.funeral');
  }
}

/**
 * The decision letter as a PDF (pdfkit, standard fonts, A4). Plain language first: the decision, then why, then
 * the money, then what the victim can do next. The words come from the platform's `letters` catalogue in the
 * claim's language, or Welsh then English where the victim asked for both (docs/welsh.md); the scheme's paragraph
 * references are printed as the decision gives them. `info.Title` carries the reference so that a screen reader
 * announces it.
 */
export class PdfkitDecisionLetterRenderer extends DecisionLetterRenderer {
  async render(input: DecisionLetterInput, context: { reviewDeadline: IsoDate }): Promise<RenderedLetter> {
    const languages = input.languages?.length ? input.languages : (['en'] as const);
    const first = platformT(languages[0]!);
    const document = new PDFDocument({
      size: 'A4',
      margin: 56,
      bufferPages: true,
      info: {
        Title: languages
          .map((language) => platformT(language)('letters.pdfTitle', { reference: input.claimReference }))
          .join(' / '),
        Author: 'Redress',
      },
      lang: languages[0] === 'cy' ? 'cy-GB' : 'en-GB',
    });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      document.on('end', resolve);
      document.on('error', reject);
    });

    languages.forEach((language, index) => {
      if (index > 0) document.addPage();
      writeLetter(document, input, context, language);
    });

    const range = document.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page++) {
      document.switchToPage(page);
      document
        .font('Helvetica')
        .fontSize(9)
        .text(
          first('letters.footer', { reference: input.claimReference, page: page + 1, pages: range.count }),
          56,
          document.page.height - 40,
          { lineBreak: false },
        );
    }
    const pages = range.count;
    document.end();
    await finished;
    return { pdf: Buffer.concat(chunks), pages };
  }
}

/** One language's letter. */
function writeLetter(
  document: PDFKit.PDFDocument,
  input: DecisionLetterInput,
  context: { reviewDeadline: IsoDate },
  language: Language,
): void {
  const t = platformT(language);
  const heading = (text: string) => document.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
  const body = (text: string) => document.font('Helvetica').fontSize(11).text(text, { align: 'left' });

  document.font('Helvetica-Bold').fontSize(18).text(t('letters.title'));
  document.moveDown(0.5);
  body(t('letters.reference', { reference: input.claimReference }));
  body(t('letters.date', { date: formatDate(input.decidedOn, language) }));

  heading(t('letters.headings.decision'));
  body(t(`letters.outcome.${input.outcome}`));
  if (input.amountPence !== null && (input.outcome === 'award' || input.outcome === 'reduced')) {
    body(t('letters.amount', { amount: formatPence(input.amountPence) }));
  }

  heading(t('letters.headings.why'));
  // The caseworker's reasons, as they wrote them.
  body(input.reasons);
  if (input.paragraphs.length) body(t('letters.paragraphs', { paragraphs: input.paragraphs.join(', ') }));

  if (input.award) {
    const award = input.award;
    const money = (key: string, pence: number) => body(t(`letters.totals.${key}`, { amount: formatPence(pence) }));
    heading(t('letters.headings.award'));
    for (const line of award.lines) {
      body(t('letters.lines.amount', { line: describeLine(line, t, language), amount: formatPence(line.amountPence) }));
    }
    money('gross', award.grossPence);
    if (award.capApplied) body(t('letters.totals.cap'));
    if (award.reductionPence) money('reduction', -award.reductionPence);
    if (award.deductionsPence) money('deductions', -award.deductionsPence);
    if (award.interimPaidPence) money('interim', -award.interimPaidPence);
    money('payable', award.totalPence);
    document.moveDown(0.3);
    for (const sentence of award.explanation) body(sentence);
  }

  if (input.onReview) {
    heading(t('letters.headings.appeal'));
    body(t('letters.appeal'));
  } else {
    heading(t('letters.headings.review'));
    body(t('letters.review', { deadline: formatDate(context.reviewDeadline, language) }));
  }
}
