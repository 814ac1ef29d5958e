import {
  applyingLate,
  bodyAreas,
  compensationSources,
  contactMethods,
  convictionSentences,
  crimePatterns,
  CURRENT_DECLARATION_VERSION,
  incidentKinds,
  incidentPlaces,
  mentalInjuryDiagnoses,
  physicalInjuryKinds,
  reportedLate,
  SPECIAL_EXPENSE_KINDS,
  supportNeeds,
  circumstances,
} from '@redress/domain';
import type { FieldDefinition, SectionDefinition } from './question-types.js';

// The crime and everything after it: these pages show "Exit this page".

const carePlace = (name: string): FieldDefinition[] => [
  { path: `${name}.name`, kind: 'text', required: true },
  { path: `${name}.address`, kind: 'address' },
];

export const crime: SectionDefinition = {
  section: 'crime',
  exitThisPage: true,
  pages: [
    { id: 'pattern', fields: [{ path: 'pattern', kind: 'radios', options: crimePatterns, required: true }] },
    { id: 'date', fields: [{ path: 'date', kind: 'date', required: true, notFuture: true }] },
    {
      id: 'last-date',
      when: (context) => context.answers.crime?.pattern === 'period',
      fields: [{ path: 'lastDate', kind: 'date', required: true, notFuture: true }],
    },
    { id: 'place', fields: [{ path: 'place', kind: 'radios', options: incidentPlaces, required: true }] },
    { id: 'location', fields: [{ path: 'location', kind: 'text' }] },
    { id: 'kind', fields: [{ path: 'kind', kind: 'radios', options: incidentKinds, required: true }] },
    { id: 'account', fields: [{ path: 'account', kind: 'textarea', maxLength: 5000 }] },
    {
      id: 'police',
      fields: [
        {
          path: 'reportedToPolice',
          kind: 'yesNo',
          required: true,
          reveal: {
            yes: [
              { path: 'reportedOn', kind: 'date', required: true, notFuture: true },
              { path: 'policeForce', kind: 'text', required: true, transform: 'slug', width: 'govuk-input--width-20' },
              { path: 'crimeReference', kind: 'text', width: 'govuk-input--width-20' },
              { path: 'cooperatedWithPolice', kind: 'yesNo', required: true },
            ],
          },
        },
      ],
    },
    {
      id: 'late-report',
      when: (context) => reportedLate(context.answers.crime),
      fields: [{ path: 'lateReportReason', kind: 'textarea', maxLength: 500, required: true }],
    },
    {
      id: 'late-application',
      when: (context) => applyingLate(context.answers, context.today),
      fields: [{ path: 'lateApplicationReason', kind: 'textarea', maxLength: 2000, required: true }],
    },
  ],
};

export const offender: SectionDefinition = {
  section: 'offender',
  exitThisPage: true,
  pages: [
    {
      id: 'name',
      fields: [
        {
          path: 'nameKnown',
          kind: 'yesNo',
          required: true,
          reveal: { yes: [{ path: 'name', kind: 'text', required: true }] },
        },
      ],
    },
    {
      id: 'family',
      fields: [
        {
          path: 'livedWithOffenderAsFamily',
          kind: 'yesNo',
          required: true,
          reveal: { yes: [{ path: 'stillLivesWithOffender', kind: 'yesNo', required: true }] },
        },
      ],
    },
    { id: 'contact', fields: [{ path: 'ongoingContact', kind: 'yesNo' }] },
    { id: 'benefit', fields: [{ path: 'offenderMayBenefit', kind: 'yesNo', required: true }] },
  ],
};

const hasPhysicalInjury = (context: { answers: { injuries?: { noPhysicalInjury?: boolean } } }) =>
  context.answers.injuries?.noPhysicalInjury !== true;

export const injuries: SectionDefinition = {
  section: 'injuries',
  exitThisPage: true,
  pages: [
    {
      id: 'body-area',
      fields: [
        {
          path: 'physicalInjuries.0.bodyArea',
          kind: 'radios',
          options: bodyAreas,
          required: true,
          none: 'noPhysicalInjury',
        },
      ],
    },
    {
      id: 'injury-kind',
      when: hasPhysicalInjury,
      fields: [{ path: 'physicalInjuries.0.kind', kind: 'radios', options: physicalInjuryKinds, required: true }],
    },
    {
      id: 'injury-description',
      when: hasPhysicalInjury,
      fields: [{ path: 'physicalInjuries.0.description', kind: 'text' }],
    },
    {
      id: 'mental',
      fields: [
        {
          path: 'mental.hasMentalInjury',
          kind: 'yesNo',
          required: true,
          reveal: {
            yes: [
              { path: 'mental.disabling', kind: 'yesNo', required: true },
              { path: 'mental.diagnosis', kind: 'radios', options: mentalInjuryDiagnoses, required: true },
              { path: 'mental.ongoing', kind: 'yesNo' },
              { path: 'mental.durationWeeks', kind: 'number' },
            ],
          },
        },
      ],
    },
    { id: 'sexual-assault', fields: [{ path: 'sexualAssault', kind: 'yesNo', required: true }] },
    {
      id: 'pregnancy',
      when: (context) => context.answers.injuries?.sexualAssault === true,
      fields: [
        {
          path: 'pregnancy.resultedInPregnancy',
          kind: 'yesNo',
          reveal: { yes: [{ path: 'pregnancy.lossOfFoetus', kind: 'yesNo' }] },
        },
      ],
    },
    {
      id: 'infection',
      fields: [
        {
          path: 'infection.infected',
          kind: 'yesNo',
          reveal: { yes: [{ path: 'infection.details', kind: 'text' }] },
        },
      ],
    },
  ],
};

export const impact: SectionDefinition = {
  section: 'impact',
  exitThisPage: true,
  pages: [
    { id: 'in-work', fields: [{ path: 'inWorkAtTime', kind: 'yesNo', required: true }] },
    {
      id: 'unable-to-work',
      when: (context) => context.answers.impact?.inWorkAtTime === true,
      fields: [{ path: 'unableToWork', kind: 'yesNo', required: true }],
    },
    {
      id: 'time-off',
      when: (context) => context.answers.impact?.unableToWork === true,
      fields: [{ path: 'unableToWorkOver28Weeks', kind: 'yesNo', required: true }],
    },
    { id: 'daily-life', fields: [{ path: 'effectOnDailyLife', kind: 'textarea', maxLength: 5000 }] },
    {
      id: 'expenses',
      fields: [
        {
          path: 'hasSpecialExpenses',
          kind: 'yesNo',
          required: true,
          reveal: {
            yes: [
              { path: 'specialExpenses.0.kind', kind: 'radios', options: SPECIAL_EXPENSE_KINDS, required: true },
              { path: 'specialExpenses.0.description', kind: 'text' },
              { path: 'specialExpenses.0.amountPence', kind: 'money' },
            ],
          },
        },
      ],
    },
  ],
};

export const treatment: SectionDefinition = {
  section: 'treatment',
  exitThisPage: true,
  pages: [
    {
      id: 'gp',
      fields: [{ path: 'registeredWithGp', kind: 'yesNo', required: true, reveal: { yes: carePlace('gp') } }],
    },
    {
      id: 'hospital',
      fields: [{ path: 'treatedInHospital', kind: 'yesNo', required: true, reveal: { yes: carePlace('hospital') } }],
    },
    {
      id: 'dentist',
      fields: [{ path: 'treatedByDentist', kind: 'yesNo', required: true, reveal: { yes: carePlace('dentist') } }],
    },
    { id: 'ongoing', fields: [{ path: 'treatmentOngoing', kind: 'yesNo' }] },
  ],
};

export const otherCompensation: SectionDefinition = {
  section: 'other-compensation',
  exitThisPage: true,
  pages: [
    {
      id: 'other',
      fields: [
        {
          path: 'hasOtherCompensation',
          kind: 'yesNo',
          required: true,
          reveal: {
            yes: [
              { path: 'sources.0.source', kind: 'radios', options: compensationSources, required: true },
              { path: 'sources.0.decided', kind: 'yesNo', required: true },
              { path: 'sources.0.amountPence', kind: 'money' },
            ],
          },
        },
      ],
    },
  ],
};

export const previousApplications: SectionDefinition = {
  section: 'previous-applications',
  exitThisPage: true,
  pages: [
    {
      id: 'applied-before',
      fields: [
        {
          path: 'appliedBefore',
          kind: 'yesNo',
          required: true,
          reveal: { yes: [{ path: 'previousReference', kind: 'text', width: 'govuk-input--width-10' }] },
        },
      ],
    },
    {
      id: 'someone-else',
      fields: [{ path: 'someoneElseApplied', kind: 'radios', options: ['yes', 'no', 'not-sure'], required: true }],
    },
  ],
};

export const convictions: SectionDefinition = {
  section: 'convictions',
  exitThisPage: true,
  pages: [
    {
      id: 'unspent',
      fields: [
        {
          path: 'hasUnspentConvictions',
          kind: 'yesNo',
          required: true,
          reveal: {
            yes: [
              { path: 'convictions.0.sentence', kind: 'radios', options: convictionSentences, required: true },
              { path: 'convictions.0.convictedOn', kind: 'date', notFuture: true },
              { path: 'convictions.0.details', kind: 'textarea', maxLength: 500 },
            ],
          },
        },
      ],
    },
  ],
};

export const supportNeedsSection: SectionDefinition = {
  section: 'support-needs',
  exitThisPage: true,
  pages: [
    { id: 'wants-support', fields: [{ path: 'wantsSupport', kind: 'yesNo', required: true }] },
    { id: 'needs', fields: [{ path: 'needs', kind: 'checkboxes', options: supportNeeds }] },
    { id: 'circumstances', fields: [{ path: 'circumstances', kind: 'checkboxes', options: circumstances }] },
    { id: 'own-words', fields: [{ path: 'inOwnWords', kind: 'textarea', maxLength: 2000 }] },
  ],
};

export const contactPreferences: SectionDefinition = {
  section: 'contact-preferences',
  exitThisPage: true,
  pages: [
    {
      id: 'method',
      fields: [
        {
          path: 'method',
          kind: 'radios',
          options: contactMethods,
          required: true,
          reveal: {
            email: [{ path: 'email', kind: 'text', inputType: 'email', autocomplete: 'email', required: true }],
          },
        },
      ],
    },
    {
      id: 'phone',
      when: (context) => ['text', 'phone'].includes(context.answers['contact-preferences']?.method ?? ''),
      fields: [
        {
          path: 'phone',
          kind: 'text',
          inputType: 'tel',
          autocomplete: 'tel',
          required: true,
          width: 'govuk-input--width-20',
        },
      ],
    },
    {
      id: 'safe-contact',
      fields: [
        { path: 'safeContact', kind: 'flags', prefix: 'safeContact.', options: ['noVoicemail', 'noPost'] },
        { path: 'safeContact.safeTimes', kind: 'text' },
        { path: 'safeContact.safeEmail', kind: 'text', inputType: 'email' },
        { path: 'safeContact.safePhone', kind: 'text', inputType: 'tel', width: 'govuk-input--width-20' },
      ],
    },
  ],
};

export const declaration: SectionDefinition = {
  section: 'declaration',
  exitThisPage: true,
  fixed: { wordingVersion: CURRENT_DECLARATION_VERSION },
  pages: [
    {
      id: 'declaration',
      fields: [
        { path: 'agreement', kind: 'flags', prefix: '', options: ['agreed'], required: true },
        { path: 'fullName', kind: 'text', required: true, autocomplete: 'name' },
      ],
    },
  ],
};
