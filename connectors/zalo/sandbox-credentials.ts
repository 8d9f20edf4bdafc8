/**
 * The access token the sandbox accepts (and the adapter's default). Apart from the sandbox server so
 * that the channel's declaration (read by every `hub` command) does not load it.
 */
export const ZALO_SANDBOX_TOKEN = 'sandbox-zalo-oa-token';
