import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApplicationApi, checkId } from './application-api.js';
import { questionContext } from './question-pages.controller.js';
import { pagesAsked, sectionDefinitions } from './questions/sections.js';

const STATUS_TAGS: Record<string, { key: string; classes?: string }> = {
  'not-started': { key: 'tasks.status.notStarted', classes: 'govuk-tag--blue' },
  'in-progress': { key: 'tasks.status.inProgress', classes: 'govuk-tag--light-blue' },
  complete: { key: 'tasks.status.complete' },
  'not-applicable': { key: 'tasks.status.notApplicable', classes: 'govuk-tag--grey' },
};

/** Your applications (drafts and sent), a new application, the task list, deleting a draft. */
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationApi) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const all = await this.applications.list(request);
    const flash = request.session.flash;
    request.session.flash = undefined;
    return reply.view('applications/list.njk', {
      drafts: all.filter((application) => application.status === 'draft'),
      sent: all.filter((application) => application.status !== 'draft'),
      flash,
    });
  }

  @Post()
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const application = await this.applications.create(request);
    return reply.redirect(`/applications/${application.id}`, 303);
  }

  @Get(':id')
  async taskList(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const application = await this.applications.get(request, checkId(id));
    if (application.status !== 'draft') return reply.redirect(`/applications/${id}/confirmation`, 303);
    const tasks = await this.applications.tasks(request, id);
    const context = questionContext(application);
    const items = tasks.tasks.map((task) => {
      const definition = sectionDefinitions[task.section];
      const first = pagesAsked(definition, context)[0];
      const applicable = task.status !== 'not-applicable';
      const href =
        task.section === 'declaration'
          ? `/applications/${id}/check-answers`
          : applicable && first
            ? `/applications/${id}/${task.section}/${first.id}`
            : undefined;
      return { section: task.section, status: task.status, href, tag: STATUS_TAGS[task.status] };
    });
    const otherwiseReady = tasks.tasks.every(
      (task) => task.section === 'declaration' || task.status === 'complete' || task.status === 'not-applicable',
    );
    return reply.view('applications/task-list.njk', {
      application,
      expiresAt: tasks.expiresAt,
      items,
      otherwiseReady,
      completed: tasks.tasks.filter((task) => task.status === 'complete' || task.status === 'not-applicable').length,
      total: tasks.tasks.length,
    });
  }

  @Get(':id/delete')
  async confirmDelete(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const application = await this.applications.get(request, checkId(id));
    if (application.status !== 'draft') return reply.redirect('/applications', 303);
    return reply.view('applications/delete.njk', { application });
  }

  @Post(':id/delete')
  async remove(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.applications.get(request, checkId(id), false);
    await this.applications.remove(request, id);
    request.session.flash = { key: 'applications.deleted' };
    return reply.redirect('/applications', 303);
  }
}
