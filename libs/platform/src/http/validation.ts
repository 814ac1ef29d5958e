import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

/** A request body, query or parameter that failed validation: every invalid field is listed. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly errors: Array<{ field: string; message: string }>) {
    super('The request has invalid fields.');
  }
}

export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Deeper than any DTO of ours; deep enough nesting overflows class-transformer's recursion (a 500). */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses, before class-transformer sees it, a body nested deeper than MAX_BODY_DEPTH, or holding a key that
 * names a member of Object.prototype (`constructor`, `toString`, `hasOwnProperty`...), `__proto__` or
 * `prototype`: class-transformer silently drops such keys, so forbidNonWhitelisted never reports them and a body
 * with an unknown property would be accepted. Walks without recursion, so no body can overflow the stack here.
 */
export function assertPlainJsonBody(body: unknown): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (pending.length) {
    const { value, path, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      throw new RequestValidationException([
        { field: path, message: `the body must not nest deeper than ${MAX_BODY_DEPTH} levels` },
      ]);
    }
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key === '__proto__' || key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key)) {
        throw new RequestValidationException([{ field, message: `property ${key} should not exist` }]);
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
}

/** Validates bodies as a whole too: a DTO body must be a JSON object, never null, an array or a scalar. */
class RedressValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const primitive = [Object, String, Number, Boolean, Array] as unknown[];
    const isDtoBody =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && !primitive.includes(metadata.metatype);
    if (isDtoBody && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new RequestValidationException([{ field: '', message: 'the body must be a JSON object' }]);
    }
    if (isDtoBody) assertPlainJsonBody(value);
    return super.transform(value, metadata);
  }
}

/** The one validation pipe: whitelist, reject unknown properties, list every invalid field. */
export function createValidationPipe(): ValidationPipe {
  return new RedressValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
