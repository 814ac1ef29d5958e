export interface WithdrawConsentCommand {
  citizenId: string;
  organisationId: string;
}
