import type { HubConfig } from '../core/config.js';

const SAMPLE_QUERY = `query NamThuong2021 {
  commune(code: "05068", on: "2021-06-01") {
    id name districtName provinceName
    successor { name }
  }
}`;

/** The processes `npm start` runs beside the gateway, and where metrics are scraped. */
export interface BannerProcesses {
  subgraphs: { name: string; pid: number | undefined; url: string }[];
  metricsUrl: string | null;
  /** Where the citizen channel's messaging channels point (SMS, ZALO). */
  channels?: Record<string, string>;
}

/** What a newcomer needs after `npm start`: where the graph is, something to run, how to sign in. */
export function printBanner(config: HubConfig, gatewayUrl: string, marketplaces: Record<string, string>, processes: BannerProcesses): void {
  const mode = config.DATABASE_URL ? 'PostgreSQL' : `embedded SQLite in ${config.dataDir}`;
  console.log(
    [
      '',
      `commune-hub is running (${mode}${config.seedPilot ? ', pilot data loaded' : ''})`,
      `  GraphQL endpoint: ${gatewayUrl}`,
      `  health: ${gatewayUrl.replace(/\/graphql$/, '/health')}  ready: ${gatewayUrl.replace(/\/graphql$/, '/ready')}`,
      ...(processes.metricsUrl ? [`  metrics: ${processes.metricsUrl}`] : []),
      `  subgraphs, each in its own process (heap limit ${config.SUBGRAPH_MAX_OLD_SPACE_MB} MB, restarted if it dies):`,
      ...processes.subgraphs.map((s) => `    ${s.name}: ${s.url} (pid ${s.pid ?? '?'})`),
      '  marketplaces the commerce connectors publish to:',
      ...Object.entries(marketplaces).map(([name, target]) => `    ${name}: ${target}`),
      ...(processes.channels ? ['  channels the society announcements go out through:', ...Object.entries(processes.channels).map(([name, target]) => `    ${name}: ${target}`)] : []),
      '',
      'Try:',
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' \\`,
      `    -d '${JSON.stringify({ query: SAMPLE_QUERY.replace(/\s+/g, ' ') })}'`,
      'One query across all four subgraphs: docs/sample-query.graphql',
      '',
      'A token for the embedded mode (roles: officer, health_staff, security, finance, producer, chairperson, admin):',
      '  npm run hub --silent -- token --role officer --commune 05068',
      '  then send it as: -H "authorization: Bearer <token>"',
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}
