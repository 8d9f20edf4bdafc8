import { createAssertionSigner, newRequestId } from '../../core/auth/gateway-assertion.js';
import { createTokenVerifier } from '../../core/auth/tokens.js';
import type { HubConfig } from '../../core/config.js';
import { callerRequestIdFrom } from '../../core/http/request-id.js';
import { startSubgraph as startSubgraphServer, type RunningSubgraph, type StartSubgraphOptions } from '../../core/subgraph-server.js';
import type { SubgraphModule } from '../../core/subgraph.js';

/**
 * Subgraphs answer only requests the gateway signed. Tests that query a subgraph directly go
 * through the gateway's own path: the caller's token is verified as the gateway verifies it, and
 * the request is signed with the same signer, key and claims (core/auth/gateway-assertion.ts).
 * A token that does not verify is not signed, so the subgraph refuses it (401) as it would refuse
 * the caller. Attack tests post without this (`postUnsigned`).
 */
type Signer = (headers: Record<string, string>, body: string) => Promise<Record<string, string>>;
const signers = new Map<string, Signer>();

function asGateway(config: HubConfig, audience: string): Signer {
  const sign = createAssertionSigner(config);
  const verifier = createTokenVerifier(config);
  return async (headers, body) => {
    const { authorization, ...rest } = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    let viewer;
    try {
      viewer = await (await verifier)(authorization);
    } catch {
      return headers;
    }
    const assertion = { viewer, requestId: newRequestId(), callerRequestId: callerRequestIdFrom(rest['x-request-id']) };
    return { ...rest, 'x-hub-gateway-assertion': await sign(audience, assertion, body) };
  };
}

/** The gateway's signing for requests to this URL, if a test started a subgraph there. */
export function signerFor(url: string): Signer | undefined {
  return signers.get(url);
}

/** Core's startSubgraph, registering the subgraph's URL so that `postGraphQL` signs requests to it as the gateway does. */
export async function startSubgraph(module: SubgraphModule, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const subgraph = await startSubgraphServer(module, options);
  signers.set(subgraph.url, asGateway(options.config, module.name));
  const close = subgraph.close.bind(subgraph);
  subgraph.close = async () => {
    signers.delete(subgraph.url);
    await close();
  };
  return subgraph;
}
