import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../connectors/marketplace/sandboxes.js';

/**
 * `npm start` runs the connectors against local sandboxes of voso.vn and postmart.vn unless
 * VOSO_BASE_URL / POSTMART_BASE_URL point elsewhere (then it is configuration only: no sandbox
 * starts for that marketplace). Returns what it started and where each marketplace is.
 */
export async function startSandboxesUnlessConfigured(env: NodeJS.ProcessEnv = process.env): Promise<{
  sandboxes: MarketplaceSandboxes | null;
  targets: Record<'VOSO' | 'POSTMART', string>;
}> {
  const vosoConfigured = !!env.VOSO_BASE_URL;
  const postmartConfigured = !!env.POSTMART_BASE_URL;
  if (vosoConfigured && postmartConfigured) {
    return { sandboxes: null, targets: { VOSO: env.VOSO_BASE_URL!, POSTMART: env.POSTMART_BASE_URL! } };
  }
  const sandboxes = await startMarketplaceSandboxes({ env });
  // The commerce worker reads its connector settings from the environment: point it at the
  // sandboxes actually started (their ports may have been chosen by the OS).
  if (!vosoConfigured) env.VOSO_BASE_URL = sandboxes.urls.VOSO;
  if (!postmartConfigured) env.POSTMART_BASE_URL = sandboxes.urls.POSTMART;
  return {
    sandboxes,
    targets: {
      VOSO: vosoConfigured ? env.VOSO_BASE_URL! : `${sandboxes.urls.VOSO} (local sandbox)`,
      POSTMART: postmartConfigured ? env.POSTMART_BASE_URL! : `${sandboxes.urls.POSTMART} (local sandbox)`,
    },
  };
}
