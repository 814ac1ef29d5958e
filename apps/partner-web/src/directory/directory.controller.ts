import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, type FormBody } from '@redress/web';
import { PartnerSession, t } from '../auth/partner-session.js';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRIES = new Set(['E92000001', 'W92000004', 'K04000001']);
type AreaType = 'local-authority' | 'postcode-district' | 'country';

/** One area a line: a GSS code or a postcode district, then its name (`E09000007 Camden`, `NW1`). */
export function parseAreas(text: string): {
  areas: Array<{ areaType: AreaType; code: string; name: string }>;
  bad: string[];
} {
  const areas: Array<{ areaType: AreaType; code: string; name: string }> = [];
  const bad: string[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [first = '', ...rest] = line.split(/\s+/);
    const code = first.toUpperCase();
    const name = rest.join(' ') || code;
    if (/^[EWK]\d{8}$/.test(code))
      areas.push({ areaType: COUNTRIES.has(code) ? 'country' : 'local-authority', code, name });
    else if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(code)) areas.push({ areaType: 'postcode-district', code, name });
    else bad.push(line);
  }
  return { areas, bad };
}

function age(value: string): number | null | 'invalid' {
  if (!value) return null;
  if (!/^\d{1,3}$/.test(value) || Number(value) > 130) return 'invalid';
  return Number(value);
}

/** The organisation's own directory entry: its services, taking referrals or not, and their details. */
@Controller('directory')
export class DirectoryController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: PartnerSession,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { data } = await this.api.GET('/v1/partner/organisation/services', {
      headers: await this.session.headers(request),
    });
    const updated = (request.query as Record<string, unknown>).updated === '1';
    return reply.view('directory/services.njk', { services: data ?? [], updated });
  }

  private async load(request: FastifyRequest, id: string) {
    if (!UUID.test(id)) return null;
    const { data, response } = await this.api.GET('/v1/partner/organisation/services/{serviceId}', {
      params: { path: { serviceId: id } },
      headers: await this.session.headers(request),
    });
    return response.ok && data ? data : null;
  }

  @Get(':id')
  async edit(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const service = await this.load(request, id);
    if (!service) return reply.status(404).view('errors/not-found.njk', {});
    return reply.view('directory/service.njk', {
      service,
      values: {
        accepting: service.acceptingReferrals ? 'yes' : 'no',
        description: service.description,
        email: service.email ?? '',
        url: service.url ?? '',
        minimumAge: service.minimumAge?.toString() ?? '',
        maximumAge: service.maximumAge?.toString() ?? '',
        areas: service.areas
          .map((area) => (area.name === area.code ? area.code : `${area.code} ${area.name}`))
          .join('\n'),
      },
    });
  }

  @Post(':id')
  async save(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const body = request.body as FormBody;
    const values = {
      accepting: field(body, 'accepting'),
      description: field(body, 'description'),
      email: field(body, 'email'),
      url: field(body, 'url'),
      minimumAge: field(body, 'minimumAge'),
      maximumAge: field(body, 'maximumAge'),
      areas: field(body, 'areas'),
    };
    const errors: Array<{ field: string; text: string }> = [];
    const say = (key: string) => t(reply)(`directory.errors.${key}`);
    if (values.accepting !== 'yes' && values.accepting !== 'no')
      errors.push({ field: 'accepting', text: say('accepting') });
    if (values.description.length > 5000) errors.push({ field: 'description', text: say('descriptionTooLong') });
    if (values.email && (values.email.length > 254 || !EMAIL.test(values.email)))
      errors.push({ field: 'email', text: say('email') });
    if (values.url && !/^https?:\/\/\S+\.\S+$/.test(values.url)) errors.push({ field: 'url', text: say('url') });
    const minimumAge = age(values.minimumAge);
    const maximumAge = age(values.maximumAge);
    if (minimumAge === 'invalid') errors.push({ field: 'minimumAge', text: say('age') });
    if (maximumAge === 'invalid') errors.push({ field: 'maximumAge', text: say('age') });
    if (typeof minimumAge === 'number' && typeof maximumAge === 'number' && minimumAge > maximumAge)
      errors.push({ field: 'minimumAge', text: say('ageRange') });
    const { areas, bad } = parseAreas(values.areas);
    if (bad.length) errors.push({ field: 'areas', text: t(reply)('directory.errors.areas', { line: bad[0] }) });
    else if (!areas.length) errors.push({ field: 'areas', text: say('areasRequired') });
    const refuse = async (list: typeof errors, status = 400) => {
      const service = await this.load(request, id);
      if (!service) return reply.status(404).view('errors/not-found.njk', {});
      return reply.status(status).view('directory/service.njk', { service, values, errors: formErrors(list) });
    };
    if (!UUID.test(id)) return reply.status(404).view('errors/not-found.njk', {});
    if (errors.length) return refuse(errors);
    const { response } = await this.api.PATCH('/v1/partner/organisation/services/{serviceId}', {
      params: { path: { serviceId: id } },
      body: {
        acceptingReferrals: values.accepting === 'yes',
        description: values.description,
        email: values.email || null,
        url: values.url || null,
        minimumAge: minimumAge as number | null,
        maximumAge: maximumAge as number | null,
        areas,
      },
      headers: await this.session.headers(request),
    });
    if (response.status === 404) return reply.status(404).view('errors/not-found.njk', {});
    if (!response.ok) return refuse([{ field: 'accepting', text: say('notSaved') }]);
    return reply.redirect('/directory?updated=1', 303);
  }
}
