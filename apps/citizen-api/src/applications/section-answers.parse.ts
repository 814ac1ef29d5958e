import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, DomainErrorKind, isApplicationSection, type ApplicationSection } from '@redress/domain';
import { assertPlainJsonBody, flattenValidationErrors, RequestValidationException } from '@redress/platform';
import { sectionDtos } from './section-answers.dto.js';

/** The section named in the path, or 404 for one that does not exist. */
export function parseSectionName(section: string): ApplicationSection {
  if (!isApplicationSection(section)) {
    throw new DomainError('application.unknown-section', DomainErrorKind.NotFound, 'There is no such section.');
  }
  return section;
}

/**
 * Validates a section's body against its DTO with the same rules as the global pipe (whitelist, unknown
 * properties refused, every invalid field listed). The route's DTO depends on the path, so it is chosen here.
 */
export async function parseSectionAnswers(section: ApplicationSection, body: unknown): Promise<object> {
  return instanceToPlain(await parseBody(sectionDtos[section], body));
}

/** Validates a body against a DTO class; an absent body counts as `{}` when `allowEmpty`. */
export async function parseBody<T extends object>(
  dtoClass: new () => T,
  body: unknown,
  options: { allowEmpty?: boolean } = {},
): Promise<T> {
  const value = body === undefined && options.allowEmpty ? {} : body;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RequestValidationException([{ field: '', message: 'the body must be a JSON object' }]);
  }
  assertPlainJsonBody(value);
  const dto = plainToInstance(dtoClass, value);
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
  });
  if (errors.length) throw new RequestValidationException(flattenValidationErrors(errors));
  return dto;
}
