import { Clock } from '../../ports/clock.js';
import { PersonalDataQueries, type PersonalDataExport } from '../personal-data-queries.js';
import type { ExportMyDataCommand } from './export-my-data.command.js';

export interface SubjectAccessReport extends PersonalDataExport {
  readonly generatedAt: Date;
  readonly about: string;
}

/** Subject access: everything held about the signed-in person, as one JSON document. */
export class ExportMyData {
  constructor(
    private readonly personalData: PersonalDataQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: ExportMyDataCommand): Promise<SubjectAccessReport> {
    const data = await this.personalData.collect(command.citizenId);
    return {
      generatedAt: this.clock.now(),
      about:
        'Everything Redress holds about you: your account, your applications (including answers you changed or ' +
        'that no longer apply, and their history), your claims and what happened on them.',
      ...data,
    };
  }
}
