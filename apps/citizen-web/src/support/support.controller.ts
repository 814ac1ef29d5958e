import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { circumstances, supportNeeds } from '@redress/domain';
import {
  PageNotFoundError,
  expectOk,
  field,
  fieldList,
  formErrors,
  problemOf,
  type FormBody,
  type FormErrors,
} from '@redress/web';
import type { TFunction } from 'i18next';
import { CitizenSession } from '../auth/citizen-session.js';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';
import { UUID } from '../claims/claim-views.js';

declare module 'fastify' {
  interface Session {
    /** What the support page says once after an action ("You have agreed to be referred to ..."). */
    supportNotice?: { key: string; organisation: string };
  }
}

const CHANNELS = ['email', 'phone', 'text'] as const;
const NAME_MAX = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ]{8,18}[0-9]$/;
const POSTCODE = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/;

/** Where the API's field errors of a proposal belong on the form. */
const API_FIELDS: Record<string, string> = {
  needs: 'needs',
  circumstances: 'circumstances',
  postcode: 'postcode',
  'contact.name': 'name',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.channels': 'channel',
  'contact.voicemailOk': 'voicemail',
};

interface FindForm {
  needs: string[];
  circumstances: string[];
  postcode: string;
  name: string;
  channel: string;
  email: string;
  phone: string;
  voicemail: string;
}

function t(reply: FastifyReply): TFunction {
  return reply.locals.t as TFunction;
}

function readFindForm(body: FormBody): FindForm {
  return {
    needs: fieldList(body, 'needs'),
    circumstances: fieldList(body, 'circumstances'),
    postcode: field(body, 'postcode'),
    name: field(body, 'name'),
    channel: field(body, 'channel'),
    email: field(body, 'email'),
    phone: field(body, 'phone'),
    voicemail: field(body, 'voicemail'),
  };
}

/** Each problem of the form as (field, message key); an answer under a channel not chosen is ignored. */
function findProblems(form: FindForm): Array<{ field: string; key: string }> {
  const problems: Array<{ field: string; key: string }> = [];
  const allowed = (values: string[], list: readonly string[]) => values.every((value) => list.includes(value));
  if (form.needs.length === 0 || !allowed(form.needs, supportNeeds)) problems.push({ field: 'needs', key: 'needs' });
  if (!allowed(form.circumstances, circumstances)) problems.push({ field: 'circumstances', key: 'circumstances' });
  if (!form.postcode) problems.push({ field: 'postcode', key: 'postcodeRequired' });
  else if (!POSTCODE.test(form.postcode)) problems.push({ field: 'postcode', key: 'postcodeInvalid' });
  if (!form.name) problems.push({ field: 'name', key: 'nameRequired' });
  else if (form.name.length > NAME_MAX) problems.push({ field: 'name', key: 'nameTooLong' });
  if (!(CHANNELS as readonly string[]).includes(form.channel)) problems.push({ field: 'channel', key: 'channel' });
  if (form.channel === 'email' && (!form.email || form.email.length > 254 || !EMAIL.test(form.email))) {
    problems.push({ field: 'email', key: 'email' });
  }
  if ((form.channel === 'phone' || form.channel === 'text') && !PHONE.test(form.phone)) {
    problems.push({ field: 'phone', key: 'phone' });
  }
  if (form.voicemail !== 'yes' && form.voicemail !== 'no') problems.push({ field: 'voicemail', key: 'voicemail' });
  return problems;
}

/**
 * Support: find organisations that fit the person's needs (each suggestion with why), agree to a referral one
 * organisation at a time (an unticked box, the words of what is shared), withdraw consent after a confirmation
 * page, and each referral's status. Nothing is shared with an organisation until the person agrees.
 */
@Controller('support')
export class SupportController {
  constructor(
    @Inject(CITIZEN_API) private readonly api: CitizenApiClient,
    private readonly session: CitizenSession,
  ) {}

  @Get()
  async overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const model = await this.overviewModel(request);
    const notice = request.session.supportNotice ?? null;
    if (notice) request.session.supportNotice = undefined;
    return reply.view('support/overview.njk', { ...model, notice });
  }

  @Get('find')
  async findPage(@Res() reply: FastifyReply) {
    return reply.view('support/find.njk', this.findModel(readFindForm({})));
  }

  @Post('find')
  async find(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = readFindForm(request.body as FormBody);
    const refuse = (problems: Array<{ field: string; key: string }>) =>
      reply.status(400).view('support/find.njk', {
        ...this.findModel(form),
        errors: formErrors(
          problems.map((problem) => ({ field: problem.field, text: t(reply)(`support.find.errors.${problem.key}`) })),
        ),
      });
    const problems = findProblems(form);
    if (problems.length) return refuse(problems);
    const result = await this.api.POST('/v1/referrals/proposals', {
      body: {
        needs: form.needs as never,
        circumstances: form.circumstances as never,
        postcode: form.postcode,
        contact: {
          name: form.name,
          channels: [form.channel as (typeof CHANNELS)[number]],
          voicemailOk: form.voicemail === 'yes',
          ...(form.channel === 'email' ? { email: form.email } : { phone: form.phone }),
        },
      },
      headers: await this.session.headers(request),
    });
    if (result.response.status === 400) {
      const apiErrors = problemOf(result.error, result.response).errors ?? [];
      const mapped = apiErrors.map((item) => API_FIELDS[item.field]).filter((name): name is string => Boolean(name));
      const keys: Record<string, string> = { postcode: 'postcodeInvalid', name: 'nameRequired' };
      return refuse((mapped.length ? mapped : ['needs']).map((name) => ({ field: name, key: keys[name] ?? name })));
    }
    expectOk(result);
    return reply.redirect('/support', 303);
  }

  @Post('referrals/:referralId/consent')
  async consent(@Param('referralId') referralId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!UUID.test(referralId)) throw new PageNotFoundError();
    const body = request.body as FormBody;
    const model = await this.overviewModel(request);
    const referral = model.proposed.find((item) => item.id === referralId);
    if (!referral) throw new PageNotFoundError();
    const refuse = (key: string) =>
      reply.status(400).view('support/overview.njk', {
        ...model,
        errors: formErrors([
          {
            field: `consent-${referralId}`,
            text: t(reply)(`support.consent.errors.${key}`, { organisation: referral.organisationName }),
          },
        ]),
      });
    if (field(body, 'consent') !== 'yes') return refuse('required');
    const wordingVersion = field(body, 'wordingVersion');
    if (!referral.consentWording || wordingVersion !== referral.consentWording.version) return refuse('changed');
    const result = await this.api.POST('/v1/referrals/{referralId}/consent', {
      params: { path: { referralId } },
      body: { consent: true, wordingVersion },
      headers: await this.session.headers(request),
    });
    if (result.response.status === 409 || result.response.status === 400) return refuse('changed');
    expectOk(result);
    request.session.supportNotice = { key: 'consented', organisation: referral.organisationName };
    return reply.redirect('/support', 303);
  }

  @Get('consents/:organisationId/withdraw')
  async withdrawPage(
    @Param('organisationId') organisationId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const consent = await this.standingConsent(request, organisationId);
    return reply.view('support/withdraw.njk', { consent });
  }

  @Post('consents/:organisationId/withdraw')
  async withdraw(
    @Param('organisationId') organisationId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const consent = await this.standingConsent(request, organisationId);
    const result = await this.api.POST('/v1/referral-consents/{organisationId}/withdrawal', {
      params: { path: { organisationId } },
      headers: await this.session.headers(request),
    });
    expectOk(result);
    request.session.supportNotice = { key: 'withdrawn', organisation: consent.organisationName };
    return reply.redirect('/support', 303);
  }

  private async overviewModel(request: FastifyRequest) {
    const headers = await this.session.headers(request);
    const [referrals, consents] = await Promise.all([
      this.api.GET('/v1/referrals', { headers }).then(expectOk),
      this.api.GET('/v1/referral-consents', { headers }).then(expectOk),
    ]);
    return {
      proposed: referrals.filter((item) => item.status === 'proposed'),
      others: referrals.filter((item) => item.status !== 'proposed'),
      live: consents.live,
    };
  }

  private async standingConsent(request: FastifyRequest, organisationId: string) {
    if (!UUID.test(organisationId)) throw new PageNotFoundError();
    const headers = await this.session.headers(request);
    const consents = expectOk(await this.api.GET('/v1/referral-consents', { headers }));
    const consent = consents.live.find((item) => item.organisationId === organisationId);
    if (!consent) throw new PageNotFoundError();
    return consent;
  }

  private findModel(form: FindForm): { form: FindForm; needs: readonly string[]; circumstances: readonly string[] } & {
    errors?: FormErrors;
  } {
    return { form, needs: supportNeeds, circumstances };
  }
}
