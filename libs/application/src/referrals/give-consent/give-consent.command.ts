export interface GiveConsentCommand {
  citizenId: string;
  referralId: string;
  /** The version of the consent words the victim was shown and agreed to. */
  wordingVersion: string;
}
