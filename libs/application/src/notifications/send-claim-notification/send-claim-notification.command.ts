/** Tell the people on a claim about one of its events (`claim.submitted`, ...). */
export interface SendClaimNotificationCommand {
  readonly claimId: string;
  readonly event: string;
}
