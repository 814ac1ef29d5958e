/** Tell the people on a claim about one of its events (`claim.submitted`, ...). */
export interface SendClaimNotificationCommand {
  readonly claimId: string;
  readonly event: string;
  /**
   * For events that happen more than once on a claim (a reminder per information request): what this one is
   * about. At most one message goes per (claim, event, occurrence).
   */
  readonly occurrence?: string;
}
