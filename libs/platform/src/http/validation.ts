import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** The one validation pipe: whitelist, reject unknown properties, list every invalid field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
