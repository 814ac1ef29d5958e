import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dateInputItems, expectOk, field, formErrors, parseDateInput, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';

interface SearchHit {
  reference: string;
  status: string;
  team: string;
  submittedAt: string;
  assignedStaffId: string | null;
  nameMatch?: string;
}

const REFERENCE = /^\d{2}-\d{6}-\d$/;
const POSTCODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/;

/** Search: by reference, name (exact or close), date of birth and postcode; a GET form that works without script. */
@Controller('search')
export class SearchController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  @Get()
  async search(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.session.require(request, 'work');
    const t = reply.locals.t as TFunction;
    const query = request.query as FormBody;
    const form = {
      reference: field(query, 'reference').toUpperCase(),
      name: field(query, 'name'),
      close: field(query, 'close') === 'yes',
      postcode: field(query, 'postcode').toUpperCase(),
    };
    const born = parseDateInput(query, 'dateOfBirth', { notFuture: true });
    const errors: Array<{ field: string; text: string; href?: string }> = [];
    if (form.reference && !REFERENCE.test(form.reference))
      errors.push({ field: 'reference', text: t('search.errors.reference') });
    if (form.name.length > 200) errors.push({ field: 'name', text: t('search.errors.name') });
    if (born.problem)
      errors.push({
        field: 'dateOfBirth',
        href: '#dateOfBirth-day',
        text: t(`search.errors.dateOfBirth.${born.problem}`),
      });
    if (form.postcode && !POSTCODE.test(form.postcode))
      errors.push({ field: 'postcode', text: t('search.errors.postcode') });
    const searched = Boolean(form.reference || form.name || born.value || form.postcode);
    const submitted = Object.keys(query).length > 0;
    if (submitted && !searched && !errors.length) errors.push({ field: 'reference', text: t('search.errors.empty') });
    let claims: SearchHit[] = [];
    if (searched && !errors.length) {
      const result = await this.api.GET('/v1/search/claims', {
        params: {
          query: {
            ...(form.reference ? { reference: form.reference } : {}),
            ...(form.name ? { name: form.name, nameMatch: form.close ? 'close' : 'exact' } : {}),
            ...(born.value ? { dateOfBirth: born.value } : {}),
            ...(form.postcode ? { postcode: form.postcode } : {}),
          },
        },
        headers: this.session.headers(request),
      });
      claims = (expectOk(result) as unknown as { claims: SearchHit[] }).claims;
    }
    return reply.status(errors.length ? 400 : 200).view('search/search.njk', {
      form,
      bornItems: dateInputItems(t, born.parts, Boolean(born.problem)),
      errors: errors.length ? formErrors(errors) : undefined,
      searched: searched && !errors.length,
      claims,
    });
  }
}
