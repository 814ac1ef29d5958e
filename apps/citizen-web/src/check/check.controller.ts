import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiUnavailableError,
  PageNotFoundError,
  dateInputItems,
  dateParts,
  field,
  fieldList,
  formErrors,
  parseDateInput,
  problemOf,
  type FormBody,
} from '@redress/web';
import type { TFunction } from 'i18next';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';
import {
  findQuestion,
  mayAsk,
  nextQuestion,
  previousPath,
  relevantQuestions,
  toFacts,
  YES_NO,
  type CheckAnswers,
  type CheckQuestion,
} from './check-questions.js';

declare module 'fastify' {
  interface Session {
    /** The eligibility checker's answers so far: the only thing it keeps, and only in this session. */
    check?: { answers: CheckAnswers };
  }
}

interface RuleResult {
  rule: string;
  paragraph: string;
  result: 'pass' | 'fail' | 'refer' | 'missing' | 'not-applicable';
  reason: string;
}

/** Which question each fact of the API's field errors comes from (impossible facts: a report before the crime). */
const FACT_QUESTIONS: Record<string, string> = {
  'applicant.dateOfBirth': 'date-of-birth',
  'incident.date': 'incident-date',
  'incident.reportedOn': 'reported-on',
  lateApplicationReason: 'late-reason',
};

const GROUPS = ['fail', 'refer', 'missing', 'pass'] as const;

function t(reply: FastifyReply): TFunction {
  return reply.locals.t as TFunction;
}

function answersOf(request: FastifyRequest): CheckAnswers {
  return request.session.check?.answers ?? {};
}

function pathOf(question: CheckQuestion | undefined): string {
  return question ? `/check/${question.id}` : '/check/result';
}

/** "Check if you can claim": anonymous, one question a page, then the result with each reason and its paragraph. */
@Controller('check')
export class CheckController {
  constructor(@Inject(CITIZEN_API) private readonly api: CitizenApiClient) {}

  @Get()
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const answers = answersOf(request);
    const started = Object.keys(answers).length > 0;
    return reply.view('check/start.njk', { started, nextPath: pathOf(nextQuestion(answers)) });
  }

  @Post('start-again')
  async startAgain(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    request.session.check = undefined;
    return reply.redirect('/check/who', 303);
  }

  @Get('result')
  async result(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const answers = answersOf(request);
    const next = nextQuestion(answers);
    if (next) return reply.redirect(pathOf(next), 303);
    const summary = this.summaryRows(answers, t(reply));
    const { data, error, response } = await this.api.POST('/v1/eligibility-checks', {
      body: toFacts(answers) as never,
      headers: { 'accept-language': reply.locals.lang as string },
    });
    if (response.status === 400) {
      // Answers that cannot all be true (reported before it happened): send the person back to the right question.
      const problem = problemOf(error, response);
      const errors = formErrors(
        (problem.errors ?? []).map((item) => {
          const id = FACT_QUESTIONS[item.field] ?? 'who';
          return {
            field: id,
            href: `/check/${id}`,
            text: t(reply)('check.result.impossible', { question: t(reply)(`check.questions.${id}.summary`) }),
          };
        }),
      );
      return reply.status(400).view('check/result.njk', { impossible: true, errors, summary });
    }
    if (!response.ok || !data) throw new ApiUnavailableError(response.status);
    const results = (data.results as RuleResult[]).filter((item) => item.result !== 'not-applicable');
    const groups = GROUPS.map((result) => ({ result, items: results.filter((item) => item.result === result) })).filter(
      (group) => group.items.length > 0,
    );
    const lateRefused = results.some(
      (item) => item.rule.startsWith('time-limit') && item.result === 'fail' && !answers['late-reason'],
    );
    return reply.view('check/result.njk', {
      outcome: data.outcome,
      deadline: data.deadline,
      groups,
      lateRefused,
      summary,
    });
  }

  @Get(':id')
  async question(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const question = findQuestion(id);
    if (!question) throw new PageNotFoundError();
    const answers = answersOf(request);
    if (!mayAsk(id, answers)) return reply.redirect(pathOf(nextQuestion(answers)), 303);
    return reply.view('check/question.njk', this.questionModel(question, answers, answers[id], t(reply)));
  }

  @Post(':id')
  async answer(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const question = findQuestion(id);
    if (!question) throw new PageNotFoundError();
    const answers = answersOf(request);
    if (!mayAsk(id, answers)) return reply.redirect(pathOf(nextQuestion(answers)), 303);
    const body = request.body as FormBody;
    const { value, problem, shown } = readAnswer(question, body);
    if (problem) {
      const href = question.kind === 'date' ? `#${id}-day` : `#${id}`;
      const errors = formErrors([
        { field: id, href, text: t(reply)(`check.questions.${id}.errors.${problem}`, { max: question.maxLength }) },
      ]);
      return reply
        .status(400)
        .view('check/question.njk', { ...this.questionModel(question, answers, shown, t(reply), true), errors });
    }
    request.session.check = { answers: { ...answers, [id]: value! } };
    return reply.redirect(pathOf(nextQuestion(request.session.check.answers)), 303);
  }

  private questionModel(
    question: CheckQuestion,
    answers: CheckAnswers,
    shown: unknown,
    tr: TFunction,
    hasError = false,
  ) {
    const key = `check.questions.${question.id}`;
    const options = question.kind === 'yesNo' ? YES_NO : (question.options ?? []);
    const selected = Array.isArray(shown) ? shown : typeof shown === 'string' ? [shown] : [];
    const items = options.map((option) => {
      const hintKey = `${key}.hints.${option}`;
      const hint = tr(hintKey);
      return {
        value: option,
        text: question.kind === 'yesNo' ? tr(`common.${option}`) : tr(`${key}.options.${option}`),
        hint: hint !== hintKey && hint !== option ? { text: hint } : undefined,
        checked: selected.includes(option),
        behaviour: option === question.exclusive ? 'exclusive' : undefined,
      };
    });
    if (question.exclusive) {
      items.splice(items.length - 1, 0, { divider: tr('check.or') } as never);
    }
    const parts = typeof shown === 'object' && shown && !Array.isArray(shown) ? shown : dateParts(shown);
    return {
      question,
      key,
      items,
      dateItems: question.kind === 'date' ? dateInputItems(tr, parts as never, hasError) : [],
      text: typeof shown === 'string' ? shown : '',
      backPath: previousPath(question.id, answers),
    };
  }

  private summaryRows(answers: CheckAnswers, tr: TFunction) {
    const questions = [
      ...relevantQuestions(answers),
      ...(answers['late-reason'] ? [findQuestion('late-reason')!] : []),
    ];
    return questions.map((question) => {
      const key = `check.questions.${question.id}`;
      const value = answers[question.id];
      const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
      const words = list.map((item) =>
        question.kind === 'yesNo'
          ? tr(`common.${item}`)
          : question.kind === 'date' || question.kind === 'text'
            ? item
            : tr(`${key}.options.${item}`),
      );
      return { id: question.id, key, kind: question.kind, words };
    });
  }
}

/** An answer from the form, or why it cannot be taken (and what to show again). */
function readAnswer(
  question: CheckQuestion,
  body: FormBody,
): { value?: string | string[]; problem?: string; shown: unknown } {
  switch (question.kind) {
    case 'radios':
    case 'yesNo': {
      const value = field(body, question.id);
      const options: readonly string[] = question.kind === 'yesNo' ? YES_NO : (question.options ?? []);
      return options.includes(value) ? { value, shown: value } : { problem: 'required', shown: undefined };
    }
    case 'checkboxes': {
      const values = fieldList(body, question.id);
      if (values.length === 0) return { problem: 'required', shown: [] };
      if (values.some((value) => !(question.options ?? []).includes(value))) return { problem: 'required', shown: [] };
      if (question.exclusive && values.includes(question.exclusive) && values.length > 1) {
        return { problem: 'exclusive', shown: values };
      }
      return { value: values, shown: values };
    }
    case 'date': {
      const date = parseDateInput(body, question.id, { required: true, notFuture: true });
      return date.problem ? { problem: date.problem, shown: date.parts } : { value: date.value!, shown: date.value };
    }
    case 'text': {
      const value = field(body, question.id);
      if (!value) return { problem: 'required', shown: value };
      if (value.length > (question.maxLength ?? 2000)) return { problem: 'tooLong', shown: value };
      return { value, shown: value };
    }
  }
}
