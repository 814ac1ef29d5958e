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

/** Validates bodies as a whole too: a DTO body must be a JSON object, never null, an array or a scalar. */
class RedressValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const primitive = [Object, String, Number, Boolean, Array] as unknown[];
    const isDtoBody =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && !primitive.includes(metadata.metatype);
    if (isDtoBody && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new RequestValidationException([{ field: '', message: 'the body must be a JSON object' }]);
    }
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
