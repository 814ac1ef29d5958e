import { readFileSync } from 'node:fs';
import { fromOpenApiSchema } from '@redress/platform';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** What the contract needs of an answer (supertest's response has all of it). */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }>; headers?: Record<string, unknown> }>;
}

type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

// ajv-formats is CommonJS with a `default` export: under ESM the plugin may be on `default`.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

/** The headers whose presence on an answer the document must declare. */
const DECLARED_HEADERS = ['etag', 'location', 'retry-after'];

/** Rewrites in-document references so that ajv finds them in the document it was given (`doc`). */
function absoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absoluteRefs);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? `doc${value}` : absoluteRefs(value),
    ]),
  );
}

/**
 * One API's committed OpenAPI document (libs/web/src/api/<name>.openapi.json) as a contract that answers are
 * checked against: the operation, the status, the media type and the headers must be documented, and a JSON body
 * must validate (ajv, with ajv-formats) against the documented schema. It also keeps which operations answered,
 * so a suite can show that it called every one.
 */
export class OpenApiContract {
  private readonly document: Document;
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; pattern: RegExp; params: number }>;
  /** `METHOD /template` → the statuses seen. */
  readonly answered = new Map<string, Set<number>>();
  readonly failures: string[] = [];

  constructor(readonly name: 'citizen-api' | 'caseworker-api') {
    this.document = JSON.parse(readFileSync(`libs/web/src/api/${name}.openapi.json`, 'utf8')) as Document;
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'doc', components: { schemas: fromOpenApiSchema(this.document.components.schemas) } });
    this.templates = Object.keys(this.document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** Every operation of the document, as `METHOD /template`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([template, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
  }

  /** Checks one answer to `method url`; a failure is kept (see `failures`) and returned. */
  check(method: string, url: string, answer: Answer): string | undefined {
    const path = url.split('?')[0]!;
    const lower = method.toLowerCase();
    const found = this.templates.find(
      ({ template, pattern }) => pattern.test(path) && this.document.paths[template]![lower],
    );
    const fail = (why: string): string => {
      const failure = `${method} ${path} → ${answer.status}: ${why}`;
      this.failures.push(failure);
      return failure;
    };
    if (!found) return fail('no such operation in the document');
    const key = `${method.toUpperCase()} ${found.template}`;
    this.answered.set(key, (this.answered.get(key) ?? new Set()).add(answer.status));
    const responses = this.document.paths[found.template]![lower]!.responses;
    const response =
      responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
    if (!response) return fail(`status not documented (documented: ${Object.keys(responses).join(', ')})`);
    for (const header of DECLARED_HEADERS) {
      const declared = Object.keys(response.headers ?? {}).some((name) => name.toLowerCase() === header);
      if (answer.headers[header] !== undefined && !declared) return fail(`header ${header} not documented`);
    }
    const hasBody = answer.status !== 204 && (answer.text ?? '') !== '';
    if (!hasBody) return undefined;
    const mediaType = String(answer.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const content = response.content?.[mediaType];
    if (!content) {
      return fail(
        `media type ${mediaType} not documented (documented: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`,
      );
    }
    if (!mediaType.endsWith('json')) return undefined;
    if (!content.schema) return fail('no schema for the body');
    const validatorKey = `${key} ${answer.status} ${mediaType}`;
    let validate = this.validators.get(validatorKey);
    if (!validate) {
      validate = this.ajv.compile(absoluteRefs(fromOpenApiSchema(content.schema)) as object);
      this.validators.set(validatorKey, validate);
    }
    if (!validate(answer.body)) {
      return fail(
        `body does not match the schema: ${this.ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 600)}`,
      );
    }
    return undefined;
  }

  /** Operations of the document that no answer was checked for. */
  unanswered(): string[] {
    return this.operations().filter((operation) => !this.answered.has(operation));
  }

  /** Operations that were never answered with a success (2xx). */
  neverSucceeded(): string[] {
    return this.operations().filter(
      (operation) => ![...(this.answered.get(operation) ?? [])].some((status) => status >= 200 && status < 300),
    );
  }
}
