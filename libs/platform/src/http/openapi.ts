import { applyDecorators } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ApiResponse,
  DocumentBuilder,
  SwaggerModule,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { TITLE_BY_STATUS } from './problem-codes.js';

/**
 * The OpenAPI documents of both APIs are completed here, once for every route, rather than route by route:
 * the RFC 9457 problem schema in `components` and on every error response, the errors every route can meet
 * (the framework's 400, 413 and 415, authentication's 401 and 403, rate limiting's 429, 500 and 503), the
 * `Retry-After`, `ETag`, `Location` and `Idempotency-Key` headers, and the formats of path parameters.
 * Response bodies that no DTO class describes are TypeScript types (`apps/<api>/src/openapi-views.ts`) turned
 * into schemas by `npm run openapi`, referred to with `@ApiView`.
 */

export const PROBLEM_SCHEMA = 'Problem';

const problemSchema: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details, with the Redress extensions `code`, `requestId`, `errorId`.',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description: 'A URN per kind of problem: `urn:redress:problem:<code>`.',
      example: 'urn:redress:problem:request.invalid',
    },
    title: { type: 'string', description: 'A short summary of the kind of problem.' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status code.' },
    detail: { type: 'string', description: 'What went wrong with this request, for a person.' },
    instance: { type: 'string', description: 'The path of the request.', example: '/v1/applications' },
    code: {
      type: 'string',
      description: 'The kind of problem, for a program (`<context>.<what>`): stable, and the last part of `type`.',
      example: 'request.invalid',
    },
    requestId: {
      type: 'string',
      description: 'The request id (also in `X-Request-Id`), to quote when asking for help.',
    },
    errorId: {
      type: 'string',
      format: 'uuid',
      description: 'On 5xx only: the id under which the error was logged.',
    },
    errors: {
      type: 'array',
      description: 'Each invalid field, where the request failed validation.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', description: 'The field, as a dotted path.', example: 'contact.phone' },
          message: { type: 'string', example: 'contact.phone must be a UK phone number' },
        },
      },
    },
  },
  example: {
    type: 'urn:redress:problem:request.invalid',
    title: 'Your request has invalid fields',
    status: 400,
    detail: 'Check each field listed in errors.',
    instance: '/v1/eligibility-checks',
    code: 'request.invalid',
    requestId: '6d1c1b5e-3c55-4a8e-9a43-0d5bb3b1a0f1',
    errors: [{ field: 'injuryDate', message: 'injuryDate must be a date (YYYY-MM-DD)' }],
  },
};

const retryAfter: HeaderObject = {
  description: 'Seconds to wait before trying again.',
  schema: { type: 'integer', minimum: 0 },
};
const etag: HeaderObject = {
  description: 'The version of the resource, to send back in `If-Match` with the next change.',
  schema: { type: 'string', example: '"3"' },
};
const location: HeaderObject = {
  description: 'The path of the resource this request created.',
  schema: { type: 'string', format: 'uri-reference' },
};

/** A response whose body is one of the app's view types (`openapi-views.ts`), by name. */
export function ApiView(
  status: number,
  view: string,
  options: { description?: string; headers?: Array<'ETag' | 'Location'>; example?: unknown } = {},
): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description: options.description ?? view,
    content: {
      'application/json': {
        schema: { $ref: `#/components/schemas/${view}` },
        ...(options.example === undefined ? {} : { example: options.example }),
      },
    },
    ...(options.headers ? { headers: Object.fromEntries(options.headers.map((name) => [name, headerOf(name)])) } : {}),
  });
}

/** A response whose body is a file (for example `application/pdf`). */
export function ApiBinary(status: number, mediaType: string, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiResponse({
      status,
      description,
      content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
      headers: {
        'Content-Disposition': { description: 'attachment, with a file name', schema: { type: 'string' } },
      },
    }),
  );
}

const STANDARD_HEADERS: Record<string, HeaderObject> = { etag, location, 'retry-after': retryAfter };

function headerOf(name: 'ETag' | 'Location' | 'Retry-After'): HeaderObject {
  return name === 'ETag' ? etag : name === 'Location' ? location : retryAfter;
}

/** Path parameters by name: what they are and their format. */
const PATH_PARAMETERS: Record<string, { description: string; schema: SchemaObject }> = {
  id: { description: 'The application’s id.', schema: { type: 'string', format: 'uuid' } },
  documentId: { description: 'The document’s id.', schema: { type: 'string', format: 'uuid' } },
  letterId: { description: 'The decision letter’s id.', schema: { type: 'string', format: 'uuid' } },
  requestId: { description: 'The information request’s id.', schema: { type: 'string', format: 'uuid' } },
  referralId: { description: 'The referral’s id.', schema: { type: 'string', format: 'uuid' } },
  organisationId: { description: 'The support organisation’s id.', schema: { type: 'string', format: 'uuid' } },
  decisionId: { description: 'The decision’s id.', schema: { type: 'string', format: 'uuid' } },
  appealId: { description: 'The appeal’s id.', schema: { type: 'string', format: 'uuid' } },
  reference: {
    description: 'The claim’s reference, as the victim was told it.',
    schema: { type: 'string', pattern: '^\\d{2}-\\d{6,12}-[0-9Xx]$', example: '26-000123-8' },
  },
  section: { description: 'The section of the application form.', schema: { type: 'string', maxLength: 60 } },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Builds an app's document and completes it (see above). `views`: the schemas of its view types. */
export function createOpenApiDocument(
  app: NestFastifyApplication,
  api: { title: string; description: string; version: string; bearerAuth?: boolean },
  views: Record<string, SchemaObject | ReferenceObject>,
): OpenAPIObject {
  const builder = new DocumentBuilder().setTitle(api.title).setDescription(api.description).setVersion(api.version);
  if (api.bearerAuth) builder.addBearerAuth();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, builder.build()), views);
}

export function completeOpenApiDocument(
  document: OpenAPIObject,
  views: Record<string, SchemaObject | ReferenceObject>,
): OpenAPIObject {
  document.info.license ??= {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  };
  if (!document.servers?.length) document.servers = [{ url: '/', description: 'The server this document came from' }];
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  for (const [name, schema] of Object.entries(views)) schemas[name] ??= schema;
  schemas[PROBLEM_SCHEMA] = problemSchema;
  for (const schema of Object.values(schemas)) untypeReflectedUnions(schema as SchemaObject);
  const globallySecured = Boolean(document.security?.length);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      completeOperation(operation, path, method, globallySecured, schemas);
    }
  }
  return document;
}

/**
 * A DTO property typed `string | null` (or any union) reaches the document as `type: object`: TypeScript's
 * reflection says only "Object". Such a property gets the type its example or format shows, or no type at all
 * (any value) rather than a wrong one. Better still, the DTO names the type (`@ApiProperty({ type: String })`).
 */
function untypeReflectedUnions(schema: SchemaObject): void {
  for (const property of Object.values(schema.properties ?? {}) as SchemaObject[]) {
    if ('$ref' in property || property.type !== 'object') continue;
    if (property.properties || property.additionalProperties || property.allOf || property.oneOf || property.anyOf)
      continue;
    const example: unknown = property.example;
    if (property.format || typeof example === 'string') property.type = 'string';
    else if (typeof example === 'number') property.type = 'number';
    else if (typeof example === 'boolean') property.type = 'boolean';
    else {
      // Any value: OpenAPI 3.0 cannot say "nullable" without a type, and a guessed type would be a wrong contract.
      delete property.type;
      delete property.nullable;
    }
  }
}

/** Whether a request body (by reference or inline) has a `version` property: the route changes a versioned thing. */
function takesVersion(operation: OperationObject, schemas: Record<string, SchemaObject | ReferenceObject>): boolean {
  const body = operation.requestBody as
    { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } | undefined;
  let schema = body?.content?.['application/json']?.schema;
  if (schema && '$ref' in schema) schema = schemas[schema.$ref.split('/').pop()!];
  return Boolean(schema && !('$ref' in schema) && schema.properties?.version);
}

function completeOperation(
  operation: OperationObject,
  path: string,
  method: string,
  globallySecured: boolean,
  schemas: Record<string, SchemaObject | ReferenceObject>,
): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!)) {
    const known = PATH_PARAMETERS[name];
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    if (parameter && known) {
      parameter.description ??= known.description;
      parameter.schema = { ...known.schema };
    }
  }
  const secured = globallySecured || Boolean(operation.security?.length);
  // A route without credentials says so (an empty list), rather than leaving it unsaid.
  operation.security ??= [];
  const expected: number[] = [429, 500, 503];
  if (operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'path' || p.in === 'header'))
    expected.push(400);
  if (operation.requestBody || method === 'post' || method === 'put' || method === 'patch') expected.push(413, 415);
  if (secured) expected.push(401, 403);
  if (path.includes('{')) expected.push(404);
  const ifMatch = parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
  if (ifMatch || takesVersion(operation, schemas)) {
    // Optimistic concurrency: the version in If-Match (or the body) is required, and must be the current one.
    expected.push(409, 412, 428);
    if (!ifMatch) {
      parameters.push({ in: 'header', name: 'If-Match', required: false, schema: { type: 'string' } });
      operation.parameters = parameters;
    }
  }
  for (const status of expected) {
    responses[String(status)] ??= { description: TITLE_BY_STATUS[status] ?? 'Error' };
  }
  for (const [status, response] of Object.entries(responses)) {
    const code = Number(status);
    if (!response.description) response.description = code < 300 ? 'Done.' : (TITLE_BY_STATUS[code] ?? 'Error');
    for (const [name, header] of Object.entries(response.headers ?? {}) as Array<[string, HeaderObject]>) {
      const standard = STANDARD_HEADERS[name.toLowerCase()];
      if (standard) response.headers![name] = { ...standard, ...header, schema: standard.schema };
    }
    if (code >= 400 || status === 'default') {
      if (!response.description || response.description === 'problem+json')
        response.description = TITLE_BY_STATUS[code] ?? 'Error';
      response.content = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };
      if (code === 429 || code === 503) response.headers = { 'Retry-After': retryAfter, ...response.headers };
    }
  }
  for (const parameter of parameters) {
    if (parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key') {
      parameter.description ??=
        'A new UUID per operation: the same key again within 24 hours answers the first answer again.';
      parameter.schema = { type: 'string', format: 'uuid' };
    }
    if (parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match') {
      parameter.description ??= 'The `ETag` of the version this change is made to.';
      parameter.schema ??= { type: 'string' };
    }
  }
}
