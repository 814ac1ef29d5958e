import { DecisionLetterRenderer, type DecisionLetterInput, type RenderedLetter } from '@redress/application';
import { formatPence, formatUkLongDate, type AwardLine, type IsoDate } from '@redress/domain';
import PDFDocument from 'pdfkit';

const outcomeSentence: Record<DecisionLetterInput['outcome'], string> = {
  award: 'We have decided to make you an award of compensation.',
  reduced: 'We have decided to make you an award of compensation, reduced for the reasons below.',
  withheld: 'We have decided to withhold an award of compensation.',
  refusal: 'We have decided that we cannot make you an award of compensation.',
};

function describeLine(line: AwardLine): string {
  switch (line.kind) {
    case 'injury':
      return `${line.description} (tariff ${line.code}, ${line.percent}% of ${formatPence(line.tariffPence)})`;
    case 'loss-of-earnings':
      return `Loss of earnings, weeks ${line.firstWeekPaid} to ${line.lastWeekPaid} at ${formatPence(line.weeklyRatePence)} a week`;
    case 'special-expense':
      return `Special expenses: ${line.expenseKind}`;
    case 'bereavement':
      return 'Bereavement payment';
    case 'child-payment':
      return `Child's payment until ${formatUkLongDate(line.untilDate)}`;
    case 'funeral':
      return 'Funeral payment';
  }
}

/**
 * The decision letter as a PDF (pdfkit, standard fonts, A4). Plain language first: the decision, then why, then
 * the money, then what the victim can do next. `info.Title` carries the reference so that a screen reader
 * announces it.
 */
export class PdfkitDecisionLetterRenderer extends DecisionLetterRenderer {
  async render(input: DecisionLetterInput, context: { reviewDeadline: IsoDate }): Promise<RenderedLetter> {
    const document = new PDFDocument({
      size: 'A4',
      margin: 56,
      bufferPages: true,
      info: { Title: `Decision on claim ${input.claimReference}`, Author: 'Redress' },
      lang: 'en-GB',
    });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      document.on('end', resolve);
      document.on('error', reject);
    });

    const heading = (text: string) =>
      document.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
    const body = (text: string) => document.font('Helvetica').fontSize(11).text(text, { align: 'left' });

    document.font('Helvetica-Bold').fontSize(18).text('Decision on your claim for compensation');
    document.moveDown(0.5);
    body(`Claim reference: ${input.claimReference}`);
    body(`Date of decision: ${formatUkLongDate(input.decidedOn)}`);

    heading('Our decision');
    body(outcomeSentence[input.outcome]);
    if (input.amountPence !== null && (input.outcome === 'award' || input.outcome === 'reduced')) {
      body(`The amount payable is ${formatPence(input.amountPence)}.`);
    }

    heading('Why we made this decision');
    body(input.reasons);
    if (input.paragraphs.length) {
      body(`This decision applies the Criminal Injuries Compensation Scheme 2012, ${input.paragraphs.join(', ')}.`);
    }

    if (input.award) {
      heading('How we worked out your award');
      for (const line of input.award.lines) body(`${describeLine(line)}: ${formatPence(line.amountPence)}`);
      body(`Total before adjustments: ${formatPence(input.award.grossPence)}`);
      if (input.award.capApplied) body('The scheme limits an award to £500,000, and that limit applies to yours.');
      if (input.award.reductionPence) body(`Reduction: ${formatPence(-input.award.reductionPence)}`);
      if (input.award.deductionsPence)
        body(`Compensation from elsewhere: ${formatPence(-input.award.deductionsPence)}`);
      if (input.award.interimPaidPence) body(`Already paid to you: ${formatPence(-input.award.interimPaidPence)}`);
      body(`Payable now: ${formatPence(input.award.totalPence)}`);
      document.moveDown(0.3);
      for (const sentence of input.award.explanation) body(sentence);
    }

    if (input.onReview) {
      heading('If you disagree with this decision');
      body(
        'This decision was made on review. If you disagree with it, you can appeal to the First-tier Tribunal ' +
          '(Criminal Injuries Compensation). You must appeal within 90 days of the date of this decision.',
      );
    } else {
      heading('How to ask for a review');
      body(
        `If you disagree with this decision, you can ask us to review it. We must receive your request by ` +
          `${formatUkLongDate(context.reviewDeadline)}, which is 56 days after the date of this decision. ` +
          'Ask from your claim page, saying why you think the decision is wrong and sending any new evidence. ' +
          'A different caseworker will look at your claim again.',
      );
    }

    const range = document.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page++) {
      document.switchToPage(page);
      document
        .font('Helvetica')
        .fontSize(9)
        .text(`${input.claimReference} - page ${page + 1} of ${range.count}`, 56, document.page.height - 40, {
          lineBreak: false,
        });
    }
    const pages = range.count;
    document.end();
    await finished;
    return { pdf: Buffer.concat(chunks), pages };
  }
}
