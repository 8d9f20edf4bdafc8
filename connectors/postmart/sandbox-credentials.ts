/**
 * The partner and shop the sandbox accepts by default, and the connector uses by default. Apart from
 * the sandbox server so that the adapter's declaration (read by every `hub` command) does not load it.
 */
export const POSTMART_SANDBOX_CREDENTIALS = { partnerId: '2001', partnerKey: 'postmart-sandbox-partner-key', shopId: '5001' } as const;
