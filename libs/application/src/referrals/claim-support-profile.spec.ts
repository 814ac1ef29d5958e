import { applicationSupportProfile } from './claim-support-profile.js';

const at = new Date('2026-12-01T12:00:00Z');

describe('applicationSupportProfile', () => {
  it('takes needs, circumstances, age, postcode and the safe contact details from the application', () => {
    const profile = applicationSupportProfile(
      {
        applicant: { firstName: 'Alex', dateOfBirth: '1990-12-02', address: { postcode: 'NW1 2DB' } },
        'support-needs': { needs: ['feeling-safe', 'money'], circumstances: ['domestic-abuse'] },
        'contact-preferences': {
          method: 'phone',
          email: 'everyday@example.test',
          phone: '07700 900001',
          safeContact: { safeEmail: 'safe@example.test', safeTimes: 'Mornings', noVoicemail: true },
        },
      },
      at,
    );
    expect(profile).toEqual({
      needs: ['feeling-safe', 'money'],
      circumstances: ['domestic-abuse'],
      age: 35,
      postcode: 'NW1 2DB',
      contact: {
        name: 'Alex',
        email: 'safe@example.test',
        phone: '07700 900001',
        channels: ['phone', 'email', 'text'],
        safeTimes: 'Mornings',
        voicemailOk: false,
        codeWord: null,
      },
    });
  });

  it('gives no needs when the section names none, and no contact when only post is possible', () => {
    const profile = applicationSupportProfile(
      { 'support-needs': { needs: [], wantsSupport: false }, 'contact-preferences': { method: 'post' } },
      at,
    );
    expect(profile.needs).toBeNull();
    expect(profile.circumstances).toBeNull();
    expect(profile.contact).toBeNull();
    expect(profile.age).toBeNull();
  });

  it('puts the preferred channel first only when it can be used', () => {
    const profile = applicationSupportProfile(
      { 'contact-preferences': { method: 'text', email: 'a@example.test' } },
      at,
    );
    expect(profile.contact?.channels).toEqual(['email']);
  });
});
