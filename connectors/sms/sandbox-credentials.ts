/**
 * The credentials the sandbox accepts (and the adapter's defaults). Apart from the sandbox server so
 * that the channel's declaration (read by every `hub` command) does not load it.
 */
export const SMS_SANDBOX_CREDENTIALS = { apiKey: 'sandbox-sms-key', brandname: 'UBND XA' } as const;
