/**
 * The client the sandbox accepts by default, and the connector uses by default. Apart from the
 * sandbox server so that the adapter's declaration (read by every `hub` command) does not load it.
 */
export const VOSO_SANDBOX_CLIENT = { clientId: 'hub-sandbox', clientSecret: 'voso-sandbox-secret' } as const;
