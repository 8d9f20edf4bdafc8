import type { Command } from 'commander';
import { Role, ROLES } from '../subgraphs/shared/roles.js';
import type { HubConfig } from '../core/config.js';

export function registerTokenCommand(program: Command, config: () => HubConfig): void {
  program
    .command('token')
    .description('Print a bearer token signed with the embedded (or AUTH_SECRET) key')
    .requiredOption('--role <role...>', `one or more roles: ${ROLES.join(', ')}`)
    .option('--commune <code...>', 'GSO commune code(s) the token acts for, e.g. 05068')
    .option('--producer <id...>', 'producer id(s) the token is a member of')
    .option('--province <code...>', 'GSO province code(s) a province_officer token reads for, e.g. 25')
    .option('--subject <name>', 'who the token is for', 'cli-user')
    .option('--expires <duration>', 'lifetime, e.g. 30m or 8h; at most AUTH_MAX_TOKEN_LIFETIME (12h by default)', '8h')
    .action(async (options: { role: string[]; commune?: string[]; producer?: string[]; province?: string[]; subject: string; expires: string }) => {
      const roles = options.role.map((r) => r.toLowerCase());
      const unknown = roles.filter((r) => !ROLES.includes(r as Role));
      if (unknown.length) throw new Error(`unknown role ${unknown.join(', ')}; roles are: ${ROLES.join(', ')}`);
      // Loaded now (cli/README.md): signing brings jose and graphql, which no other command needs.
      const { signHubToken } = await import('../subgraphs/shared/hub-token.js');
      const token = await signHubToken(config(), {
        subject: options.subject,
        roles: roles as Role[],
        communeCodes: options.commune,
        producerIds: options.producer,
        provinceCodes: options.province,
        expiresIn: options.expires,
      });
      console.log(token);
    });
}
