import {
  applicantRoles,
  authorityRelationships,
  legalAuthorityKinds,
  representativeTypes,
  residenceBases,
} from '@redress/domain';
import type { FieldDefinition, SectionDefinition } from './question-types.js';

// Who is applying and who the victim is: the sections before the crime questions.

const role = (context: { answers: { 'applying-for'?: { role?: string } } }) => context.answers['applying-for']?.role;

const contactFields = (): FieldDefinition[] => [
  { path: 'email', kind: 'text', inputType: 'email', autocomplete: 'email' },
  { path: 'phone', kind: 'text', inputType: 'tel', autocomplete: 'tel', width: 'govuk-input--width-20' },
  { path: 'address', kind: 'address' },
];

export const applyingFor: SectionDefinition = {
  section: 'applying-for',
  pages: [{ id: 'who', fields: [{ path: 'role', kind: 'radios', options: applicantRoles, required: true }] }],
};

const organisationTypes = ['SOLS', 'CMCO', 'SUPP', 'SSER'];
const organisationName: FieldDefinition = { path: 'organisationName', kind: 'text', required: true };

export const representative: SectionDefinition = {
  section: 'representative',
  pages: [
    {
      id: 'type',
      fields: [
        {
          path: 'type',
          kind: 'radios',
          options: representativeTypes,
          required: true,
          reveal: {
            CMCO: [{ path: 'cmcRegistrationNumber', kind: 'text', required: true, width: 'govuk-input--width-10' }],
          },
        },
      ],
    },
    {
      id: 'organisation',
      fields: [organisationName],
      when: (context) => organisationTypes.includes(context.answers.representative?.type ?? ''),
    },
    { id: 'name', fields: [{ path: 'fullName', kind: 'text', required: true, autocomplete: 'name' }] },
    { id: 'contact', fields: contactFields() },
    { id: 'reference', fields: [{ path: 'ownReference', kind: 'text', width: 'govuk-input--width-20' }] },
    { id: 'authority-to-act', fields: [{ path: 'hasAuthorityToAct', kind: 'yesNo', required: true }] },
  ],
};

export const authority: SectionDefinition = {
  section: 'authority',
  pages: [
    { id: 'name', fields: [{ path: 'fullName', kind: 'text', required: true, autocomplete: 'name' }] },
    {
      id: 'relationship',
      fields: [{ path: 'relationshipToVictim', kind: 'radios', options: authorityRelationships, required: true }],
    },
    {
      id: 'parental-responsibility',
      when: (context) => role(context) === 'parent-or-guardian',
      fields: [
        {
          path: 'hasParentalResponsibility',
          kind: 'yesNo',
          required: true,
          reveal: { no: [{ path: 'careOrder', kind: 'yesNo' }] },
        },
      ],
    },
    {
      id: 'legal-authority',
      when: (context) => role(context) === 'legal-authority',
      fields: [{ path: 'legalAuthorityKind', kind: 'radios', options: legalAuthorityKinds, required: true }],
    },
    { id: 'contact', fields: contactFields() },
  ],
};

export const applicant: SectionDefinition = {
  section: 'applicant',
  pages: [
    {
      id: 'name',
      fields: [
        { path: 'firstName', kind: 'text', required: true, autocomplete: 'given-name', width: 'govuk-input--width-20' },
        { path: 'lastName', kind: 'text', required: true, autocomplete: 'family-name', width: 'govuk-input--width-20' },
      ],
    },
    { id: 'other-names', fields: [{ path: 'otherNames', kind: 'lines', maxLength: 1000 }] },
    { id: 'date-of-birth', fields: [{ path: 'dateOfBirth', kind: 'date', required: true, notFuture: true }] },
    { id: 'address', fields: [{ path: 'address', kind: 'address', required: true }] },
    {
      id: 'capacity',
      when: (context) => role(context) === 'legal-authority',
      fields: [{ path: 'hasCapacity', kind: 'yesNo', required: true }],
    },
  ],
};

export const residence: SectionDefinition = {
  section: 'residence',
  pages: [
    {
      id: 'basis',
      fields: [{ path: 'bases', kind: 'checkboxes', options: residenceBases, required: true, none: 'noneApply' }],
    },
    { id: 'nationality', fields: [{ path: 'nationality', kind: 'text', width: 'govuk-input--width-20' }] },
  ],
};
