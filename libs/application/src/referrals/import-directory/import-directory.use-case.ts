import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { HsdsDocument } from './hsds-document.js';

export interface DirectoryImportCounts {
  taxonomyTerms: number;
  organizations: number;
  services: number;
  serviceAreas: number;
  attributes: number;
  /** Services left as they are because the organisation edited them in the portal after the file's record. */
  keptPortalEdits: number;
}

export interface DirectoryImportOptions {
  /**
   * When the file's records were made (the CLI gives the file's modification time): a service edited in the partner
   * portal after it is left alone, unless its record says it was modified later (`last_modified`).
   */
  recordsAsOf?: Date;
}

/** Writes a validated document in one transaction, upserting every record by its id. */
export abstract class DirectoryImportStore {
  abstract upsert(document: HsdsDocument, options?: DirectoryImportOptions): Promise<DirectoryImportCounts>;
}

export class InvalidDirectoryDocumentError extends DomainError {
  constructor(problems: Array<{ field: string; message: string }>) {
    super(
      'directory.invalid-document',
      DomainErrorKind.InvalidInput,
      `The directory document is not valid HSDS for Redress (${problems.length} problem(s)).`,
      problems,
    );
  }
}

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Cross-record checks class-validator cannot make: ids unique, terms referred to exist, ages in order. */
function consistencyProblems(
  document: HsdsDocument,
  knownTermIds: ReadonlySet<string>,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const termIds = new Set([...knownTermIds, ...document.taxonomy_terms.map((term) => term.id)]);
  const seen = new Set<string>();
  const unique = (id: string, field: string) => {
    if (seen.has(id)) problems.push({ field, message: `id ${id} appears more than once` });
    seen.add(id);
  };
  document.taxonomy_terms.forEach((term, index) => unique(term.id, `taxonomy_terms.${index}.id`));
  document.organizations.forEach((organization, o) => {
    unique(organization.id, `organizations.${o}.id`);
    organization.services.forEach((service, s) => {
      const at = `organizations.${o}.services.${s}`;
      unique(service.id, `${at}.id`);
      if (service.minimum_age != null && service.maximum_age != null && service.minimum_age > service.maximum_age) {
        problems.push({ field: `${at}.minimum_age`, message: 'minimum_age is above maximum_age' });
      }
      service.service_areas.forEach((area, a) => unique(area.id, `${at}.service_areas.${a}.id`));
      service.attributes.forEach((attribute, a) => {
        unique(attribute.id, `${at}.attributes.${a}.id`);
        if (!termIds.has(attribute.taxonomy_term_id)) {
          problems.push({ field: `${at}.attributes.${a}.taxonomy_term_id`, message: 'names no known taxonomy term' });
        }
      });
    });
  });
  return problems;
}

/** Validates an HSDS document (shape, then consistency), the whole of it, before anything is written. */
export function parseHsdsDocument(input: unknown, knownTermIds: ReadonlySet<string> = new Set()): HsdsDocument {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidDirectoryDocumentError([{ field: '', message: 'must be a JSON object' }]);
  }
  const document = plainToInstance(HsdsDocument, input);
  const shape = flatten(validateSync(document, { whitelist: true, forbidUnknownValues: true }));
  if (shape.length) throw new InvalidDirectoryDocumentError(shape);
  const consistency = consistencyProblems(document, knownTermIds);
  if (consistency.length) throw new InvalidDirectoryDocumentError(consistency);
  return document;
}

/** Imports an Open Referral UK (HSDS 3) document into the directory; running it again changes nothing. */
export class ImportDirectory {
  constructor(
    private readonly store: DirectoryImportStore,
    private readonly knownTermIds: () => Promise<ReadonlySet<string>>,
  ) {}

  async execute(command: { document: unknown; recordsAsOf?: Date }): Promise<DirectoryImportCounts> {
    const document = parseHsdsDocument(command.document, await this.knownTermIds());
    return this.store.upsert(document, { recordsAsOf: command.recordsAsOf });
  }
}
