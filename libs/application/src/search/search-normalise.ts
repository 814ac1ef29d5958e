import type { ApplicationAnswers } from '@redress/domain';

/**
 * Normal forms for exact search on encrypted fields (blind indexes). Names: compatibility-decomposed, accents
 * dropped, case folded, apostrophes removed and hyphens read as spaces, so "O’Brien-Smith", "obrien smith" and
 * "OBRIEN SMITH" match; postcodes and crime references: letters and digits only, upper case.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normalisePostcode(postcode: string): string {
  return postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function normaliseCrimeReference(reference: string): string {
  return reference.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Blind index purposes: each field has its own, so equal values in two fields never match. */
export const searchPurposes = {
  fullName: 'claim-search:full-name',
  lastName: 'claim-search:last-name',
  dateOfBirth: 'claim-search:date-of-birth',
  postcode: 'claim-search:postcode',
  crimeReference: 'claim-search:crime-reference',
} as const;
export type SearchField = keyof typeof searchPurposes;

/** The normalised values of a claim's application to index, each with its field; names include other names. */
export function searchTermsOf(answers: ApplicationAnswers): Array<{ field: SearchField; value: string }> {
  const terms: Array<{ field: SearchField; value: string }> = [];
  const applicant = answers.applicant;
  const first = applicant?.firstName ? normaliseName(applicant.firstName) : '';
  const last = applicant?.lastName ? normaliseName(applicant.lastName) : '';
  if (last) terms.push({ field: 'lastName', value: last });
  if (first || last) terms.push({ field: 'fullName', value: `${first} ${last}`.trim() });
  for (const other of applicant?.otherNames ?? []) {
    const name = normaliseName(other);
    if (name) terms.push({ field: 'fullName', value: name });
  }
  if (applicant?.dateOfBirth) terms.push({ field: 'dateOfBirth', value: applicant.dateOfBirth });
  const postcode = applicant?.address?.postcode ? normalisePostcode(applicant.address.postcode) : '';
  if (postcode) terms.push({ field: 'postcode', value: postcode });
  const crimeReference = answers.crime?.crimeReference ? normaliseCrimeReference(answers.crime.crimeReference) : '';
  if (crimeReference) terms.push({ field: 'crimeReference', value: crimeReference });
  return terms;
}
