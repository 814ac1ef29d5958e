import {
  claimStatuses,
  claimTransitionNames,
  describeClaimEventForCitizen,
  claimTransitions,
  formatClaimReference,
  isValidClaimReference,
  mod11_2CheckCharacter,
  nextStepForCitizen,
  staffOnlyClaimEvents,
} from '@redress/domain';

describe('claim references (ISO/IEC 7064 MOD 11-2)', () => {
  it('matches published MOD 11-2 check digits (ORCID identifiers)', () => {
    expect(mod11_2CheckCharacter('000000021825009')).toBe('7'); // 0000-0002-1825-0097
    expect(mod11_2CheckCharacter('000000021694233')).toBe('X'); // 0000-0002-1694-233X
  });

  it('formats YY-NNNNNN-C and validates its own output', () => {
    expect(formatClaimReference(2026, 1)).toMatch(/^26-000001-[0-9X]$/);
    expect(formatClaimReference(2026, 1_234_567)).toMatch(/^26-1234567-[0-9X]$/);
    for (let serial = 1; serial < 2000; serial += 37) {
      expect(isValidClaimReference(formatClaimReference(2027, serial))).toBe(true);
    }
  });

  it('catches every single wrong digit and every adjacent swap', () => {
    const reference = formatClaimReference(2026, 408_153);
    const digits = reference.replace(/-/g, '').slice(0, 8);
    const check = reference.slice(-1);
    for (let index = 0; index < digits.length; index += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === digits[index]) continue;
        const changed = digits.slice(0, index) + String(digit) + digits.slice(index + 1);
        expect(isValidClaimReference(`${changed.slice(0, 2)}-${changed.slice(2)}-${check}`)).toBe(false);
      }
      if (index + 1 < digits.length && digits[index] !== digits[index + 1]) {
        const swapped = digits.slice(0, index) + digits[index + 1] + digits[index] + digits.slice(index + 2);
        expect(isValidClaimReference(`${swapped.slice(0, 2)}-${swapped.slice(2)}-${check}`)).toBe(false);
      }
    }
  });

  it('refuses malformed text', () => {
    for (const text of ['', '26-00001-0', '26000001X', '26-000001', 'ab-000001-1', null, 42]) {
      expect(isValidClaimReference(text)).toBe(false);
    }
  });
});

describe('the citizen timeline words', () => {
  it('has plain words for every event and a next step for every state', () => {
    for (const name of claimTransitionNames) {
      const type = claimTransitions[name].event;
      if ((staffOnlyClaimEvents as readonly string[]).includes(type)) continue;
      expect(describeClaimEventForCitizen({ type })).toMatch(/^[A-Z].+\.$/);
    }
    for (const status of claimStatuses) {
      expect(nextStepForCitizen(status, { openInformationRequests: 1 })).toMatch(/\.$/);
    }
    expect(nextStepForCitizen('awaiting_information', { openInformationRequests: 1 })).toMatch(/by the date/);
  });
});

describe('the staff-only steps', () => {
  it('leaves a review decision waiting for approval, or returned, out of the victim’s timeline', () => {
    expect(staffOnlyClaimEvents).toEqual([
      'claim.review-decision-proposed',
      'claim.review-decision-returned',
      'claim.payee-approved',
      'claim.payment-proposed',
    ]);
    for (const type of staffOnlyClaimEvents) expect(describeClaimEventForCitizen({ type })).toBeNull();
    expect(describeClaimEventForCitizen({ type: 'claim.review-decided' })).toBe('We made a decision on your review.');
    expect(describeClaimEventForCitizen({ type: 'claim.decision-proposed' })).toMatch(/checked/);
  });
});
