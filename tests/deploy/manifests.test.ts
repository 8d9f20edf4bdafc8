import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { IMAGE_MAX_BYTES } from '../../subgraphs/commerce/content/product-image.command.js';
import { IMAGE_PATH } from '../../subgraphs/commerce/content/product-image.route.js';
import { webhookPath } from '../../subgraphs/commerce/drift/marketplace-webhook.routes.js';
import { SHOP_CALLBACK_PATH } from '../../subgraphs/commerce/shops/shop-callback.route.js';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const API_VERSIONS: Record<string, string> = { Deployment: 'apps/v1', Service: 'v1', Secret: 'v1', ConfigMap: 'v1', Job: 'batch/v1', PodDisruptionBudget: 'policy/v1', Ingress: 'networking.k8s.io/v1' };
const QUANTITY = /^\d+(\.\d+)?(m|Mi|Gi|Ki)?$/;

const manifests = parseAllDocuments(readFileSync('deploy/kubernetes/hub.yaml', 'utf8')).map((d) => {
  expect(d.errors).toEqual([]);
  return d.toJS() as Doc;
}).filter((d) => d);
const byKind = (kind: string) => manifests.filter((d) => d.kind === kind);
const named = (kind: string, name: string) => manifests.find((d) => d.kind === kind && d.metadata?.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/**
 * Requests the public host must route, from the routes' own constants: commerce's (served on its own
 * port, not by the gateway) and the gateway's. Commerce's /graphql and /metrics must not be public.
 */
const COMMERCE_PUBLIC = [webhookPath('VOSO'), SHOP_CALLBACK_PATH, '/products/0b6f1c52-product/images', `${IMAGE_PATH}/3f2a-image`];
const GATEWAY_PUBLIC = ['/graphql', '/ioc/', '/ioc/assets/index.js', '/health', '/ready', '/metrics', '/shops/callbackx'];
/** At least the marketplaces' 2 MB image limit, in bytes, from an nginx size ("3m"). */
const bytesOf = (size: string) => Number(size.replace(/[kKmM]$/, '')) * ({ k: 1024, m: 1024 * 1024 }[size.slice(-1).toLowerCase()] ?? 1);

/** The Service an Ingress sends a path to, as Kubernetes chooses: Exact first, then the longest Prefix (whole path elements). */
function ingressBackend(ingress: Doc, path: string): Doc | undefined {
  const paths = ingress.spec.rules.flatMap((r: Doc) => r.http.paths) as Doc[];
  const exact = paths.find((p) => p.pathType === 'Exact' && p.path === path);
  if (exact) return exact.backend.service;
  const prefixes = paths.filter((p) => p.pathType === 'Prefix' && (p.path === '/' || path === p.path || path.startsWith(`${p.path.replace(/\/$/, '')}/`)));
  return prefixes.sort((a, b) => b.path.length - a.path.length)[0]?.backend.service;
}

/** Where nginx sends a path (deploy/proxy/nginx.conf): `=` first, then the longest prefix if `^~`, else the first matching regex, else the longest prefix. */
function nginxUpstream(conf: string, path: string): string | undefined {
  const locations = [...conf.matchAll(/location\s+(=|\^~|~)?\s*(\S+)\s*\{\s*proxy_pass\s+([^;]+);/g)].map(([, modifier, pattern, upstream]) => ({ modifier, pattern: pattern!, upstream: upstream! }));
  const exact = locations.find((l) => l.modifier === '=' && l.pattern === path);
  if (exact) return exact.upstream;
  const prefix = locations.filter((l) => (!l.modifier || l.modifier === '^~') && path.startsWith(l.pattern)).sort((a, b) => b.pattern.length - a.pattern.length)[0];
  if (prefix?.modifier === '^~') return prefix.upstream;
  return locations.find((l) => l.modifier === '~' && new RegExp(l.pattern).test(path))?.upstream ?? prefix?.upstream;
}

describe('deploy/kubernetes: the manifests hold together', () => {
  it('has only known kinds, each with its API version and a name', () => {
    expect(manifests.length).toBeGreaterThan(10);
    for (const doc of manifests) {
      expect(API_VERSIONS[doc.kind], doc.kind).toBe(doc.apiVersion);
      expect(doc.metadata?.name).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('runs every subgraph and the gateway with probes, limits, a Service and a PodDisruptionBudget', () => {
    for (const name of [...SUBGRAPH_REGISTRY.map((s) => s.name), 'gateway']) {
      const deployment = named('Deployment', name);
      expect(deployment, name).toBeDefined();
      const template = deployment!.spec.template;
      expect(matches(deployment!.spec.selector.matchLabels, template.metadata.labels), name).toBe(true);
      expect(deployment!.spec.replicas).toBeGreaterThanOrEqual(2);
      const [container] = template.spec.containers;
      const port = container.ports.find((p: Doc) => p.name === 'http').containerPort;
      expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      // The drain (SHUTDOWN_DELAY_MS + SHUTDOWN_TIMEOUT_MS) fits in the grace period.
      const env = Object.fromEntries(container.env.filter((e: Doc) => 'value' in e).map((e: Doc) => [e.name, e.value]));
      expect(Number(env.SHUTDOWN_DELAY_MS) + Number(env.SHUTDOWN_TIMEOUT_MS)).toBeLessThan(template.spec.terminationGracePeriodSeconds * 1000);
      if (name !== 'gateway') expect(Number(env[`${name.toUpperCase()}_PORT`]), name).toBe(port);
      else expect(Number(env.PORT)).toBe(port);
      const service = named('Service', name);
      expect(service, name).toBeDefined();
      expect(matches(service!.spec.selector, template.metadata.labels), name).toBe(true);
      const pdb = named('PodDisruptionBudget', name);
      expect(pdb && matches(pdb.spec.selector.matchLabels, template.metadata.labels), name).toBe(true);
    }
  });

  it('limits every container, references only Secrets and ConfigMaps that exist', () => {
    const pods = [...byKind('Deployment'), ...byKind('Job')].map((d) => d.spec.template.spec);
    for (const pod of pods) {
      for (const container of pod.containers) {
        expect(container.image).toMatch(/^commune-hub:/);
        for (const kind of ['requests', 'limits']) for (const resource of ['cpu', 'memory']) expect(String(container.resources[kind][resource])).toMatch(QUANTITY);
        for (const env of container.env ?? []) {
          const ref = env.valueFrom?.secretKeyRef;
          if (ref) expect(named('Secret', ref.name)?.stringData?.[ref.key], `${container.name}: ${env.name}`).toBeDefined();
        }
      }
      for (const volume of pod.volumes ?? []) if (volume.configMap) expect(named('ConfigMap', volume.configMap.name)).toBeDefined();
    }
  });

  it('migrates in a Job, mounts the supergraph into the gateway where SUPERGRAPH_PATH points, routes to each Service', () => {
    const job = named('Job', 'hub-migrate')!;
    expect(job.spec.template.spec.containers[0].args).toEqual(['migrate']);
    expect(['OnFailure', 'Never']).toContain(job.spec.template.spec.restartPolicy);
    const gateway = named('Deployment', 'gateway')!.spec.template.spec;
    const env = Object.fromEntries(gateway.containers[0].env.filter((e: Doc) => 'value' in e).map((e: Doc) => [e.name, e.value]));
    const mount = gateway.containers[0].volumeMounts.find((m: Doc) => env.SUPERGRAPH_PATH.startsWith(`${m.mountPath}/`));
    expect(mount).toBeDefined();
    const volume = gateway.volumes.find((v: Doc) => v.name === mount.name);
    expect(Object.keys(named('ConfigMap', volume.configMap.name)!.data)).toContain(env.SUPERGRAPH_PATH.slice(mount.mountPath.length + 1));
    for (const { name } of SUBGRAPH_REGISTRY) {
      const url = new URL(env[`${name.toUpperCase()}_URL`]);
      const service = named('Service', url.hostname);
      expect(service?.spec.ports.map((p: Doc) => p.port), name).toContain(Number(url.port));
    }
  });
});

describe('deploy/kubernetes: the public entry routes commerce\'s own routes', () => {
  const ingress = named('Ingress', 'hub')!;
  const commerce = named('Deployment', 'commerce')!.spec.template.spec.containers[0];
  const envOf = (container: Doc) => Object.fromEntries(container.env.map((e: Doc) => [e.name, e]));

  it('sends the webhook, the shop callback and the image routes to commerce, everything else to the gateway', () => {
    expect(ingress).toBeDefined();
    for (const path of COMMERCE_PUBLIC) expect(ingressBackend(ingress, path)?.name, path).toBe('commerce');
    for (const path of GATEWAY_PUBLIC) expect(ingressBackend(ingress, path)?.name, path).toBe('gateway');
    for (const backend of ingress.spec.rules.flatMap((r: Doc) => r.http.paths).map((p: Doc) => p.backend.service)) {
      expect(named('Service', backend.name)?.spec.ports.map((p: Doc) => p.name), backend.name).toContain(backend.port.name);
    }
    expect(bytesOf(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'])).toBeGreaterThan(IMAGE_MAX_BYTES);
  });

  it('tells commerce its public callback (a host and path the Ingress routes to it) and gives commerce and the worker the shop token key', () => {
    const callback = new URL(envOf(commerce).COMMERCE_SHOP_CALLBACK_URL.value);
    expect(callback.protocol).toBe('https:');
    expect(callback.pathname).toBe(SHOP_CALLBACK_PATH);
    expect(ingress.spec.rules.map((r: Doc) => r.host)).toContain(callback.hostname);
    expect(ingress.spec.tls.flatMap((t: Doc) => t.hosts)).toContain(callback.hostname);
    // Production refuses to start commerce or the worker without COMMERCE_TOKEN_KEY; voso's pushes need the real secret.
    const worker = named('Deployment', 'sync-worker')!.spec.template.spec.containers[0];
    for (const container of [commerce, worker]) expect(envOf(container).COMMERCE_TOKEN_KEY?.valueFrom?.secretKeyRef?.name, container.name).toBe('hub-secrets');
    expect(envOf(commerce).VOSO_WEBHOOK_SECRET?.valueFrom?.secretKeyRef?.key).toBe('VOSO_WEBHOOK_SECRET');
  });
});

describe('deploy/compose.yaml: the topology on one host', () => {
  const compose = parse(readFileSync('deploy/compose.yaml', 'utf8'), { merge: true }) as Doc;
  const services = compose.services as Record<string, Doc>;

  it('runs PostgreSQL, migrations once, each subgraph, the gateway, a worker and an optional collector', () => {
    for (const name of ['postgres', 'migrate', 'gateway', 'worker', 'otel-collector', ...SUBGRAPH_REGISTRY.map((s) => s.name)]) expect(services[name], name).toBeDefined();
    expect(services.migrate!.command).toEqual(['migrate']);
    expect(services.migrate!.depends_on.postgres.condition).toBe('service_healthy');
    expect(services['otel-collector']!.profiles).toEqual(['otel']);
  });

  it('publishes only the proxy, which sends commerce\'s own routes to commerce and the rest to the gateway', () => {
    const conf = readFileSync('deploy/proxy/nginx.conf', 'utf8');
    const proxy = services.proxy!;
    expect(proxy.ports).toEqual(['4000:80']);
    expect(proxy.volumes).toContain('./proxy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(services.gateway!.ports).toBeUndefined();
    const commerceUpstream = `http://commerce:${services.commerce!.environment.COMMERCE_PORT}`;
    const gatewayUpstream = `http://gateway:${services.gateway!.environment.PORT}`;
    for (const path of COMMERCE_PUBLIC) expect(nginxUpstream(conf, path), path).toBe(commerceUpstream);
    for (const path of GATEWAY_PUBLIC) expect(nginxUpstream(conf, path), path).toBe(gatewayUpstream);
    expect(bytesOf(/client_max_body_size\s+(\S+);/.exec(conf)![1]!)).toBeGreaterThan(IMAGE_MAX_BYTES);
    // The gateway believes the proxy's X-Forwarded-For, and only the proxy's.
    expect(services.gateway!.environment.TRUSTED_PROXY_HEADER).toBe('x-forwarded-for');
    expect(services.gateway!.environment.TRUSTED_PROXIES).toBe(proxy.networks.default.ipv4_address);
    expect(new URL(services.commerce!.environment.COMMERCE_SHOP_CALLBACK_URL.replace(/\$\{HUB_PUBLIC_URL:-([^}]+)\}/, '$1')).pathname).toBe(SHOP_CALLBACK_PATH);
    for (const name of ['commerce', 'worker']) expect(services[name]!.environment.COMMERCE_TOKEN_KEY, name).toMatch(/^\$\{COMMERCE_TOKEN_KEY:\?/);
  });

  it('starts every hub service after migrations succeeded, with the same image and a drain-sized stop grace', () => {
    for (const name of ['worker', ...SUBGRAPH_REGISTRY.map((s) => s.name)]) {
      const service = services[name]!;
      expect(service.image, name).toBe('commune-hub:latest');
      expect(service.depends_on.migrate.condition, name).toBe('service_completed_successfully');
      expect(service.environment.DATABASE_URL, name).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(parseInt(service.stop_grace_period, 10) * 1000).toBeGreaterThan(Number(service.environment.SHUTDOWN_DELAY_MS) + Number(service.environment.SHUTDOWN_TIMEOUT_MS));
    }
    for (const { name, defaultPort } of SUBGRAPH_REGISTRY) {
      expect(services[name]!.command).toEqual(['serve', name]);
      expect(services[name]!.environment[`${name.toUpperCase()}_PORT`]).toBe(String(defaultPort));
      expect(services.gateway!.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${defaultPort}/graphql`);
      expect(services.gateway!.depends_on[name].condition).toBe('service_healthy');
    }
  });
});

/** `docker compose config` (or Debian's docker-compose 1.29) validates the file where one is installed. */
const composeCommand = [['docker', 'compose'], ['docker-compose']].find(([command, ...args]) => spawnSync(command!, [...args, 'version'], { stdio: 'ignore' }).status === 0);

describe.skipIf(!composeCommand)('deploy/compose.yaml: docker compose config', () => {
  it('accepts the file', () => {
    const [command, ...args] = composeCommand!;
    const out = execFileSync(command!, [...args, '-f', 'deploy/compose.yaml', 'config'], { env: { ...process.env, AUTH_SECRET: 'a-test-secret-of-at-least-32-characters', COMMERCE_TOKEN_KEY: 'a-test-key' }, encoding: 'utf8' });
    expect(out).toContain('service_completed_successfully');
  });
});
