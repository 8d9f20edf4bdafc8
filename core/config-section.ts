import { z } from 'zod';

/**
 * What a module adds to the hub's configuration: the environment variables it reads (a zod object
 * keyed by variable name) and the typed settings it builds from them. Sections are validated with
 * core's at start (`loadConfig({ sections })`), so every bad variable of every module is reported at
 * once, by name, before anything starts; code then reads its settings with `config.get(section)`.
 */
export interface ConfigSection<T> {
  /** Names the section in messages, e.g. "commerce sync". */
  readonly name: string;
  /** Parses `env` (a snapshot taken at start-up); throws ConfigError naming each bad variable. */
  parse(env: Readonly<Record<string, string | undefined>>): T;
}

/** A ConfigError for each problem "VARIABLE: what is wrong". */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these environment variables (see the README's configuration table) and start again.`);
    this.name = 'ConfigError';
  }
}

/** Zod issues as "VARIABLE: message" lines (the variable is the first path element). */
export function configProblemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/**
 * Declares a section: `variables` validates the raw strings, `build` turns them into settings and
 * may throw ConfigError for rules across variables (name the variables in the message).
 */
export function defineConfigSection<S extends z.ZodRawShape, T>(
  name: string,
  variables: S,
  build: (values: z.infer<z.ZodObject<S>>) => T,
): ConfigSection<T> {
  const schema = z.object(variables);
  return {
    name,
    parse(env) {
      const parsed = schema.safeParse(env);
      if (!parsed.success) throw new ConfigError(configProblemsOf(parsed.error));
      return build(parsed.data);
    },
  };
}
