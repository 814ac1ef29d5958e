import type { Circumstance, SupportNeed } from '@redress/domain';
import type { SafeContact } from '../referral-ports.js';

export interface ProposeReferralsCommand {
  citizenId: string;
  claimId: string | null;
  needs: SupportNeed[];
  circumstances: Circumstance[];
  age: number | null;
  postcode: string | null;
  localAuthorityCode: string | null;
  contact: SafeContact;
  summary: string | null;
}
