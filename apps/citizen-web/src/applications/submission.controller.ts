import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { formErrors, WEB_TRANSLATOR, type FormBody, type Language, type Translator } from '@redress/web';
import { ApplicationApi, checkId, type ApplicationView } from './application-api.js';
import { questionContext, todayInUk } from './question-pages.controller.js';
import {
  applyChanges,
  formStateFromAnswers,
  formStateFromBody,
  readForm,
  type FormState,
} from './questions/question-forms.js';
import { allFields } from './questions/question-types.js';
import { answerText, fieldLabel, fieldViews, pageErrors } from './questions/question-views.js';
import { pagesAsked, sectionDefinitions } from './questions/sections.js';

const declaration = sectionDefinitions.declaration;
const declarationPage = declaration.pages[0]!;

/** Check your answers with the declaration, sending the application, and the confirmation. */
@Controller('applications/:id')
export class SubmissionController {
  constructor(
    private readonly applications: ApplicationApi,
    @Inject(WEB_TRANSLATOR) private readonly translator: Translator,
  ) {}

  @Get('check-answers')
  async check(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const application = await this.applications.get(request, checkId(id));
    if (application.status !== 'draft') return reply.redirect(`/applications/${id}/confirmation`, 303);
    // One key per render of the form: a double click or a refresh of the POST sends this same key.
    request.session.submitKeys = { ...request.session.submitKeys, [id]: randomUUID() };
    const state = formStateFromAnswers(declarationPage.fields, application.sections.declaration);
    return this.render(reply, application, state, undefined);
  }

  @Post('check-answers')
  async submit(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const application = await this.applications.get(request, checkId(id), false);
    if (application.status !== 'draft') return reply.redirect(`/applications/${id}/confirmation`, 303);
    const t = reply.locals.t as TFunction;
    const state = formStateFromBody(declarationPage.fields, (request.body ?? {}) as FormBody);
    const { changes, problems } = readForm(declarationPage.fields, state, { checkRequired: true, today: todayInUk() });
    if (problems.length) {
      return this.render(reply, application, state, pageErrors(t, declaration, declarationPage, problems));
    }
    const saved = await this.applications.saveSection(
      request,
      id,
      'declaration',
      (answers) => applyChanges(answers, changes, declaration.fixed),
      application,
    );
    if (saved.problem?.status === 409) return reply.redirect(`/applications/${id}/confirmation`, 303);
    if (saved.problem?.status === 412) {
      // Changed meanwhile: sent by a click a moment earlier (a double click), or changed in another tab.
      const now = await this.applications.get(request, id);
      if (now.status !== 'draft') return reply.redirect(`/applications/${id}/confirmation`, 303);
      return reply.redirect(`/applications/${id}/check-answers`, 303);
    }
    if (saved.problem) {
      return this.render(
        reply,
        application,
        state,
        pageErrors(t, declaration, declarationPage, [{ path: 'fullName', problem: 'invalid' }]),
      );
    }
    const key = request.session.submitKeys?.[id] ?? randomUUID();
    request.session.submitKeys = { ...request.session.submitKeys, [id]: key };
    const sent = await this.applications.submit(request, id, key);
    if (sent.reference || sent.problem?.status === 409) {
      return reply.redirect(`/applications/${id}/confirmation`, 303);
    }
    const fresh = await this.applications.get(request, id);
    const unfinished = fresh.tasks.filter((task) => task.status === 'not-started' || task.status === 'in-progress');
    return this.render(
      reply,
      fresh,
      state,
      formErrors(
        (unfinished.length ? unfinished : [{ section: 'declaration' }]).map((task) => ({
          field: `section-${task.section}`,
          text: t('checkAnswers.errors.unfinished', { section: t(`section-${task.section}.title`) }),
          href: `/applications/${id}`,
        })),
      ),
    );
  }

  @Get('confirmation')
  async confirmation(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const application = await this.applications.get(request, checkId(id));
    if (application.status === 'draft') return reply.redirect(`/applications/${id}/check-answers`, 303);
    return reply.view('applications/confirmation.njk', { reference: application.claimReference, exitThisPage: true });
  }

  private render(
    reply: FastifyReply,
    application: ApplicationView,
    state: FormState,
    errors: ReturnType<typeof formErrors> | undefined,
  ) {
    const t = reply.locals.t as TFunction;
    const lang = reply.locals.lang as Language;
    const has = (key: string) => this.translator.i18n.exists(key, { lng: lang });
    const context = questionContext(application);
    const returnTo = encodeURIComponent(`/applications/${application.id}/check-answers`);
    const sections = application.tasks
      .filter((task) => task.status !== 'not-applicable' && task.section !== 'declaration')
      .map((task) => {
        const definition = sectionDefinitions[task.section];
        const answers = application.sections[task.section];
        const rows = pagesAsked(definition, context).flatMap((page) =>
          allFields(page.fields)
            .filter((field) => {
              // Follow-ups show only when answered (they belong to the answer chosen).
              const top = page.fields.includes(field);
              return top || answerText(t, lang, definition, field, answers) !== '';
            })
            .map((field) => ({
              key: { text: fieldLabel(t, definition, page, field.path) },
              value: { text: answerText(t, lang, definition, field, answers) || t('checkAnswers.notAnswered') },
              actions: {
                items: [
                  {
                    href: `/applications/${application.id}/${definition.section}/${page.id}?returnTo=${returnTo}`,
                    text: t('common.change'),
                    visuallyHiddenText: fieldLabel(t, definition, page, field.path),
                  },
                ],
              },
            })),
        );
        return { title: t(`section-${definition.section}.title`), status: task.status, rows };
      });
    return reply.status(errors ? 400 : 200).view('applications/check-answers.njk', {
      application,
      sections,
      errors,
      fields: fieldViews(t, has, declaration, declarationPage, state, errors),
      exitThisPage: true,
    });
  }
}
