import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { PageNotFoundError, WEB_TRANSLATOR, type FormBody, type Language, type Translator } from '@redress/web';
import { Inject } from '@nestjs/common';
import { safeReturnPath } from '../auth/citizen-session.js';
import { ApplicationApi, checkId, type ApplicationView } from './application-api.js';
import {
  applyChanges,
  formStateFromAnswers,
  formStateFromBody,
  problemFromApiMessage,
  readForm,
  type FieldProblem,
  type FormState,
} from './questions/question-forms.js';
import type { PageDefinition, QuestionContext, SectionDefinition } from './questions/question-types.js';
import { fieldViews, pageErrors } from './questions/question-views.js';
import { nextPage, pagesAsked, sectionDefinition } from './questions/sections.js';

export function todayInUk(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

export function questionContext(application: ApplicationView): QuestionContext {
  return { answers: application.sections, today: todayInUk() };
}

/** The section and page named in the path, or page not found. */
function locate(section: string, page: string): { definition: SectionDefinition; page: PageDefinition } {
  const definition = sectionDefinition(section);
  const found = definition?.pages.find((candidate) => candidate.id === page);
  if (!definition || !found) throw new PageNotFoundError();
  return { definition, page: found };
}

/** Every question page of every section: `/applications/{id}/{section}/{page}`, one definition drawing them all. */
@Controller('applications/:id')
export class QuestionPagesController {
  constructor(
    private readonly applications: ApplicationApi,
    @Inject(WEB_TRANSLATOR) private readonly translator: Translator,
  ) {}

  @Get(':section/:page')
  async show(
    @Param('id') id: string,
    @Param('section') section: string,
    @Param('page') pageId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { definition, page } = locate(section, pageId);
    const application = await this.applications.get(request, checkId(id));
    if (application.status !== 'draft') return reply.redirect(`/applications/${id}/confirmation`, 303);
    if (!this.applies(application, definition)) return reply.redirect(`/applications/${id}`, 303);
    const state = formStateFromAnswers(page.fields, application.sections[section]);
    return this.render(request, reply, application, definition, page, state, []);
  }

  @Post(':section/:page')
  async save(
    @Param('id') id: string,
    @Param('section') section: string,
    @Param('page') pageId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { definition, page } = locate(section, pageId);
    const body = (request.body ?? {}) as FormBody;
    const later = body.action === 'save-later';
    const application = await this.applications.get(request, checkId(id), false);
    if (application.status !== 'draft') return reply.redirect(`/applications/${id}/confirmation`, 303);
    const state = formStateFromBody(page.fields, body);
    const { changes, problems } = readForm(page.fields, state, { checkRequired: !later, today: todayInUk() });
    if (problems.length && !later) return this.render(request, reply, application, definition, page, state, problems);

    let result = await this.applications.saveSection(
      request,
      id,
      section,
      (saved) => applyChanges(saved, changes, definition.fixed),
      application,
    );
    let apiProblems = this.fieldProblems(result.problem);
    if (result.problem && later && apiProblems.length) {
      // Save and come back later keeps what is valid: the answers the API refused keep their saved value.
      for (const problem of apiProblems) {
        for (const path of [...changes.keys()])
          if (path === problem.path || path.startsWith(`${problem.path}.`)) changes.delete(path);
      }
      result = await this.applications.saveSection(
        request,
        id,
        section,
        (saved) => applyChanges(saved, changes, definition.fixed),
        application,
      );
      apiProblems = this.fieldProblems(result.problem);
    }
    if (result.problem?.status === 409) return reply.redirect(`/applications/${id}/confirmation`, 303);
    if (result.problem?.status === 422) return reply.redirect(`/applications/${id}`, 303);
    if (result.problem?.status === 412) {
      // Changed again while this page was being saved: show the page as typed and ask to save again.
      return this.render(request, reply, application, definition, page, state, [
        { path: page.fields[0]!.path, problem: 'conflict' },
      ]);
    }
    if (result.problem && !later) {
      const shown = apiProblems.length ? apiProblems : [{ path: page.fields[0]!.path, problem: 'invalid' as const }];
      return this.render(request, reply, application, definition, page, state, shown);
    }
    if (later) {
      request.session.flash = { key: 'applications.saved' };
      return reply.redirect('/applications', 303);
    }
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo, '');
    if (returnTo.startsWith(`/applications/${id}`)) return reply.redirect(returnTo, 303);
    const next = result.view ? nextPage(definition, page.id, questionContext(result.view)) : undefined;
    return reply.redirect(next ? `/applications/${id}/${section}/${next.id}` : `/applications/${id}`, 303);
  }

  private applies(application: ApplicationView, definition: SectionDefinition): boolean {
    const task = application.tasks.find((candidate) => candidate.section === definition.section);
    return task?.status !== 'not-applicable';
  }

  private fieldProblems(problem: { errors?: Array<{ field: string; message: string }> } | undefined): FieldProblem[] {
    return (problem?.errors ?? []).map((error) => ({ path: error.field, ...problemFromApiMessage(error.message) }));
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    application: ApplicationView,
    definition: SectionDefinition,
    page: PageDefinition,
    state: FormState,
    problems: FieldProblem[],
  ) {
    const t = reply.locals.t as TFunction;
    const lang = reply.locals.lang as Language;
    const has = (key: string) => this.translator.i18n.exists(key, { lng: lang });
    const errors = problems.length ? pageErrors(t, definition, page, problems) : undefined;
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo, '');
    const asked = pagesAsked(definition, questionContext(application));
    const index = asked.findIndex((candidate) => candidate.id === page.id);
    const previous = index > 0 ? asked[index - 1] : undefined;
    const base = `/applications/${application.id}`;
    return reply.status(problems.length ? 400 : 200).view('applications/question.njk', {
      errors,
      pageTitle: t(`section-${definition.section}.pages.${page.id}.title`),
      sectionTitle: t(`section-${definition.section}.title`),
      intro: has(`section-${definition.section}.pages.${page.id}.intro`)
        ? t(`section-${definition.section}.pages.${page.id}.intro`)
        : undefined,
      single: page.fields.length === 1,
      fields: fieldViews(t, has, definition, page, state, errors),
      action: `${base}/${definition.section}/${page.id}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
      backHref: returnTo || (previous ? `${base}/${definition.section}/${previous.id}` : base),
      exitThisPage: definition.exitThisPage,
    });
  }
}
