import {
  assessEligibility,
  cascadeAfterChange,
  eligibilityFactsFromApplication,
  exampleCompleteApplication,
  incompleteSections,
  missingAnswers,
  taskList,
  draftExpiresAt,
  type ApplicationSection,
  type SectionProgress,
} from '@redress/domain';

const today = '2026-11-27';

function saved(
  answers: Record<string, unknown>,
  overrides: Partial<Record<ApplicationSection, Partial<SectionProgress>>> = {},
): Partial<Record<ApplicationSection, SectionProgress>> {
  const sections: Partial<Record<ApplicationSection, SectionProgress>> = {};
  let version = 1;
  for (const [section, value] of Object.entries(answers)) {
    sections[section as ApplicationSection] = {
      answers: value,
      savedAtVersion: (version += 1),
      setAside: false,
      ...overrides[section as ApplicationSection],
    };
  }
  return sections;
}

describe('the task list', () => {
  it('shows every section complete for a complete application, and the representative and authority not applicable', () => {
    const tasks = taskList(saved(exampleCompleteApplication()), { today });
    const byStatus = Object.fromEntries(tasks.map((task) => [task.section, task.status]));
    expect(byStatus).toMatchObject({
      representative: 'not-applicable',
      authority: 'not-applicable',
      crime: 'complete',
    });
    expect(incompleteSections(tasks)).toEqual([]);
    expect(tasks.every((task) => task.missing.length === 0)).toBe(true);
  });

  it('shows sections not started, and a partly answered section in progress with what it needs', () => {
    const tasks = taskList(
      saved({ 'applying-for': { role: 'representative' }, crime: { pattern: 'period', date: '2026-01-01' } }),
      {
        today,
      },
    );
    const crime = tasks.find((task) => task.section === 'crime');
    expect(crime).toMatchObject({ status: 'in-progress' });
    expect(crime?.missing).toEqual(['lastDate', 'place', 'kind', 'reportedToPolice']);
    expect(tasks.find((task) => task.section === 'representative')?.status).toBe('not-started');
    expect(tasks.find((task) => task.section === 'injuries')?.status).toBe('not-started');
  });

  it('needs the declaration to be made again after any other answer changes', () => {
    const example = exampleCompleteApplication();
    const sections = saved(example);
    sections.crime = { ...sections.crime!, savedAtVersion: 100 };
    const declaration = taskList(sections, { today }).find((task) => task.section === 'declaration');
    expect(declaration).toMatchObject({ status: 'in-progress', missing: ['agreed'] });
  });

  it('asks why the crime was reported late, and why the application is late, only when they are', () => {
    const example = exampleCompleteApplication();
    const late = { ...example.crime, date: '2023-06-01', reportedOn: '2023-06-20' };
    expect(missingAnswers('crime', { ...example, crime: late }, { today })).toEqual([
      'lateReportReason',
      'lateApplicationReason',
    ]);
    expect(missingAnswers('crime', example, { today })).toEqual([]);
    // A child attacked at 12 and applying at 15 is not asked for a late reason.
    const child = { ...example, applicant: { ...example.applicant, dateOfBirth: '2011-01-01' } };
    expect(missingAnswers('crime', { ...child, crime: { ...late, reportedOn: '2023-06-01' } }, { today })).toEqual([]);
  });

  it('asks the conditional follow-up questions of each section', () => {
    expect(missingAnswers('representative', { representative: { type: 'CMCO' } }, { today })).toEqual([
      'fullName',
      'organisationName',
      'cmcRegistrationNumber',
      'email',
      'hasAuthorityToAct',
    ]);
    expect(
      missingAnswers(
        'contact-preferences',
        { 'contact-preferences': { method: 'post', safeContact: { noPost: true } } },
        { today },
      ),
    ).toEqual(['method']);
    expect(
      missingAnswers('convictions', { convictions: { hasUnspentConvictions: true, convictions: [{}] } }, { today }),
    ).toEqual(['convictions.0.sentence']);
  });
});

describe('answers made irrelevant by a later change', () => {
  it('sets the representative aside when the victim applies for themselves, and brings it back when relevant again', () => {
    const sections = saved({
      'applying-for': { role: 'self' },
      representative: { type: 'SOLS', fullName: 'Sam Solicitor' },
    });
    expect(cascadeAfterChange(sections)).toEqual({ setAside: ['representative'], restore: [] });
    sections.representative = { ...sections.representative!, setAside: true };
    sections['applying-for'] = { ...sections['applying-for']!, answers: { role: 'representative' } };
    expect(cascadeAfterChange(sections)).toEqual({ setAside: [], restore: ['representative'] });
  });

  it('moves between the authority and the representative sections', () => {
    const sections = saved(
      {
        'applying-for': { role: 'parent-or-guardian' },
        authority: { fullName: 'Pat Parent' },
        representative: { fullName: 'Sam' },
      },
      { representative: { setAside: true } },
    );
    expect(cascadeAfterChange(sections)).toEqual({ setAside: [], restore: [] });
    sections['applying-for'] = { ...sections['applying-for']!, answers: { role: 'representative' } };
    expect(cascadeAfterChange(sections)).toEqual({ setAside: ['authority'], restore: ['representative'] });
  });
});

describe('eligibility facts from an application', () => {
  it('makes a complete example eligible (contract example 1 on these answers)', () => {
    const facts = eligibilityFactsFromApplication(exampleCompleteApplication(), { receivedOn: today });
    expect(facts).toMatchObject({
      route: 'direct-victim',
      receivedOn: today,
      applicant: { dateOfBirth: '1990-05-01', unspentConvictions: [], previousApplicationForSameInjury: false },
      incident: { date: '2026-03-14', lastDate: null, place: 'england', reportedOn: '2026-03-14' },
      injuries: { minorOnly: false, sexualAssault: false, mentalInjury: { diagnosis: 'clinical-psychologist' } },
      lateApplicationReason: null,
    });
    expect(assessEligibility(facts).outcome).toBe('eligible');
  });

  it('leaves facts absent for questions not answered, so the engine says incomplete rather than guessing', () => {
    const facts = eligibilityFactsFromApplication({}, { receivedOn: today });
    expect(facts.applicant?.residence).toBeUndefined();
    expect(facts.incident?.date).toBeUndefined();
    expect(facts.injuries).toBeUndefined();
    expect(assessEligibility(facts).outcome).toBe('incomplete');
  });

  it('counts only minor cuts and bruises as minor, and makes a sexual assault crime a sexual assault', () => {
    const minor = eligibilityFactsFromApplication({
      injuries: {
        physicalInjuries: [{ kind: 'minor-cut-bruise-or-graze' }],
        mental: { hasMentalInjury: false },
        sexualAssault: false,
      },
    });
    expect(minor.injuries).toEqual({ minorOnly: true, sexualAssault: false, mentalInjury: null });
    expect(
      assessEligibility({ ...eligibilityFactsFromApplication(exampleCompleteApplication()), injuries: minor.injuries })
        .outcome,
    ).toBe('ineligible');
    const sexual = eligibilityFactsFromApplication({
      crime: { kind: 'sexual-assault' },
      injuries: { noPhysicalInjury: true },
    });
    expect(sexual.injuries).toMatchObject({ minorOnly: true, sexualAssault: true });
  });

  it('maps the convictions, residence and living-with-the-offender answers', () => {
    const facts = eligibilityFactsFromApplication({
      residence: { noneApply: true },
      convictions: { hasUnspentConvictions: true, convictions: [{ sentence: 'community-order' }] },
      offender: { livedWithOffenderAsFamily: true, stillLivesWithOffender: true },
    });
    expect(facts.applicant).toMatchObject({
      residence: [],
      unspentConvictions: [{ sentence: 'community-order' }],
      livedWithAssailantAsFamily: true,
      stillLivesWithAssailant: true,
    });
  });
});

describe('draft expiry', () => {
  it('is 30 days after the last change', () => {
    expect(draftExpiresAt(new Date('2026-11-27T10:00:00Z')).toISOString()).toBe('2026-12-27T10:00:00.000Z');
  });
});
