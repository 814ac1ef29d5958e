import { CURRENT_DECLARATION_VERSION, type SectionAnswersMap } from './application-answers.js';

/**
 * A complete application by a victim applying for themselves (about 5 KB of answers), for the OpenAPI
 * examples, the tests and the submission benchmark. Every name and place in it is invented.
 */
export function exampleCompleteApplication(): {
  [S in Exclude<keyof SectionAnswersMap, 'representative' | 'authority'>]: SectionAnswersMap[S];
} {
  return {
    'applying-for': { role: 'self' },
    applicant: {
      firstName: 'Alex',
      lastName: 'Example',
      otherNames: ['Alex Sample'],
      dateOfBirth: '1990-05-01',
      address: { line1: '1 Example Street', line2: 'Flat 2', town: 'Exampleton', postcode: 'EX1 2MP' },
      protectedCharacteristics: { ethnicity: 'prefer-not-to-say', disability: false },
    },
    residence: { bases: ['ordinarily-resident-uk', 'british-citizen'], nationality: 'British' },
    crime: {
      pattern: 'single-incident',
      date: '2026-03-14',
      place: 'england',
      location: 'Exampleton town centre, near the bus station',
      kind: 'physical-attack',
      account:
        'I was walking home from work at about 11pm when a man I did not know came up behind me and pushed me to ' +
        'the ground. He kicked me several times in the face and body and took my bag. A passer-by called an ' +
        'ambulance and the police arrived soon after. I was taken to hospital where they found my jaw was broken. '.repeat(
          3,
        ),
      reportedToPolice: true,
      reportedOn: '2026-03-14',
      policeForce: 'metropolitan',
      crimeReference: 'CRIS-1234567/26',
      cooperatedWithPolice: true,
    },
    offender: {
      nameKnown: false,
      livedWithOffenderAsFamily: false,
      ongoingContact: false,
      offenderMayBenefit: false,
    },
    injuries: {
      physicalInjuries: [
        { bodyArea: 'face', kind: 'fracture', description: 'Broken jaw, plated in surgery' },
        { bodyArea: 'mouth-and-teeth', kind: 'loss-of-teeth', description: 'Two front teeth knocked out' },
        { bodyArea: 'chest', kind: 'minor-cut-bruise-or-graze', description: 'Bruised ribs' },
      ],
      mental: {
        hasMentalInjury: true,
        disabling: true,
        diagnosis: 'clinical-psychologist',
        durationWeeks: 30,
        ongoing: true,
      },
      sexualAssault: false,
      pregnancy: { resultedInPregnancy: false, lossOfFoetus: false },
      infection: { infected: false },
    },
    impact: {
      inWorkAtTime: true,
      unableToWork: true,
      unableToWorkOver28Weeks: false,
      effectOnDailyLife:
        'I could not eat solid food for six weeks and I am afraid to go out after dark. I have panic attacks on ' +
        'buses and have had to stop going to the gym and seeing friends in the evenings.',
      hasSpecialExpenses: true,
      specialExpenses: [
        { kind: 'treatment', description: 'Private dental implants', amountPence: 2_450_00 },
        { kind: 'equipment', description: 'Replacement glasses', amountPence: 180_00 },
      ],
    },
    treatment: {
      registeredWithGp: true,
      gp: {
        name: 'Example Street Surgery',
        address: { line1: '5 Example Street', town: 'Exampleton', postcode: 'EX1 2MQ' },
      },
      treatedInHospital: true,
      hospital: {
        name: 'Exampleton General Hospital',
        address: { line1: 'Hospital Road', town: 'Exampleton', postcode: 'EX2 1HH' },
      },
      treatedByDentist: true,
      dentist: { name: 'Exampleton Dental Practice' },
      treatmentOngoing: true,
    },
    'other-compensation': { hasOtherCompensation: false },
    'previous-applications': { appliedBefore: false, someoneElseApplied: 'no' },
    convictions: { hasUnspentConvictions: false },
    'support-needs': {
      needs: ['feeling-safe', 'emotional-support', 'going-to-court'],
      circumstances: [],
      inOwnWords: 'I would like to talk to someone before the trial.',
      wantsSupport: true,
    },
    'contact-preferences': {
      method: 'email',
      email: 'alex@example.test',
      phone: '07700 900123',
      safeContact: { safeTimes: 'Weekdays 10am to 4pm', noVoicemail: true, noPost: false },
    },
    declaration: { agreed: true, fullName: 'Alex Example', wordingVersion: CURRENT_DECLARATION_VERSION },
  };
}
