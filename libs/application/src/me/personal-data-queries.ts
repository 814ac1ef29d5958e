/**
 * Everything held about one citizen, decrypted, for a subject access request (UK GDPR art. 15). Each lib that
 * keeps data about citizens adds its part here as it is built.
 */
export interface PersonalDataExport {
  readonly account: { readonly id: string; readonly email: string | null; readonly createdAt: Date } | null;
  readonly applications: readonly {
    readonly id: string;
    readonly status: string;
    readonly createdAt: Date;
    readonly updatedAt: Date;
    readonly expiresAt: Date | null;
    readonly submittedAt: Date | null;
    readonly sections: Record<
      string,
      { readonly answers: unknown; readonly setAside: boolean; readonly updatedAt: Date }
    >;
    readonly answerHistory: readonly {
      readonly section: string;
      readonly change: string;
      readonly answers: unknown;
      readonly recordedAt: Date;
    }[];
    readonly documents: readonly {
      readonly id: string;
      readonly fileName: string;
      readonly contentType: string;
      readonly sizeBytes: number;
      readonly uploadedAt: Date;
    }[];
  }[];
  readonly claims: readonly {
    readonly reference: string;
    readonly status: string;
    readonly submittedAt: Date | null;
    readonly declaration: { readonly wordingVersion: string; readonly declaredAt: Date };
    readonly decision: unknown;
    readonly events: readonly { readonly type: string; readonly occurredAt: Date; readonly actorKind: string }[];
    readonly informationRequests: readonly {
      readonly id: string;
      readonly question: string;
      readonly dueOn: string;
      readonly status: string;
      readonly answer: string | null;
    }[];
    readonly reviewRequests: readonly {
      readonly id: string;
      readonly reasons: string;
      readonly requestedAt: Date;
      readonly status: string;
    }[];
  }[];
}

export abstract class PersonalDataQueries {
  abstract collect(citizenId: string): Promise<PersonalDataExport>;
}
