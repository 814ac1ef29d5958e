import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { formErrors, PageNotFoundError } from '@redress/web';
import { ApplicationApi, checkId } from './application-api.js';

/** The web service's own ceiling: a little over the API's 20 MB, so the API's answer is the one shown. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024 + 1024;

const UUID = /^[0-9a-f-]{36}$/i;

/** Evidence: upload one file at a time, list, remove with a confirmation page. */
@Controller('applications/:id/evidence')
export class EvidenceController {
  constructor(private readonly applications: ApplicationApi) {}

  @Get()
  async list(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(request, reply, id, undefined);
  }

  /** Multipart: the CSRF token is the form's first part, read and checked here before the file is read. */
  @Post()
  @RouteConfig({ csrfInHandler: true })
  async upload(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    checkId(id);
    const t = reply.locals.t as TFunction;
    const part = request.isMultipart() ? await request.file() : undefined;
    const tokenField = part?.fields._csrf as { value?: unknown } | undefined;
    (request as { body: unknown }).body = { _csrf: typeof tokenField?.value === 'string' ? tokenField.value : '' };
    let verified = false;
    request.server.csrfProtection(request, reply, () => {
      verified = true;
    });
    if (!verified) {
      part?.file.resume();
      return; // the plugin answered: the form-expired page
    }
    if (!part || !part.filename) {
      part?.file.resume();
      return this.render(request, reply, id, 'required', t);
    }
    const content = await part.toBuffer();
    if (part.file.truncated) return this.render(request, reply, id, 'tooLarge', t);
    if (content.length === 0) return this.render(request, reply, id, 'empty', t);
    const result = await this.applications.uploadDocument(request, id, {
      fileName: part.filename,
      contentType: part.mimetype,
      content: new Blob([content]),
    });
    if ('problem' in result) {
      const status = result.problem.status;
      const problem =
        status === 413
          ? 'tooLarge'
          : status === 422 && /many/i.test(result.problem.detail ?? '')
            ? 'tooMany'
            : status === 422
              ? 'type'
              : status === 409
                ? 'sent'
                : 'required';
      return this.render(request, reply, id, problem, t);
    }
    request.session.flash = { key: 'evidence.uploaded', params: { name: part.filename } };
    return reply.redirect(`/applications/${id}/evidence`, 303);
  }

  @Get(':documentId/remove')
  async confirmRemove(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const document = await this.find(request, id, documentId);
    return reply.view('applications/evidence-remove.njk', { id, document, exitThisPage: true });
  }

  @Post(':documentId/remove')
  async remove(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const document = await this.find(request, id, documentId);
    await this.applications.removeDocument(request, id, document.id);
    request.session.flash = { key: 'evidence.removed', params: { name: document.fileName } };
    return reply.redirect(`/applications/${id}/evidence`, 303);
  }

  private async find(request: FastifyRequest, id: string, documentId: string) {
    if (!UUID.test(documentId)) throw new PageNotFoundError();
    const document = (await this.applications.documents(request, checkId(id))).find((item) => item.id === documentId);
    if (!document) throw new PageNotFoundError();
    return document;
  }

  private async render(request: FastifyRequest, reply: FastifyReply, id: string, problem?: string, t?: TFunction) {
    const documents = await this.applications.documents(request, checkId(id));
    const flash = request.session.flash;
    request.session.flash = undefined;
    const errors = problem && t ? formErrors([{ field: 'file', text: t(`evidence.errors.${problem}`) }]) : undefined;
    return reply.status(errors ? 400 : 200).view('applications/evidence.njk', {
      id,
      documents,
      flash,
      errors,
      exitThisPage: true,
    });
  }
}
