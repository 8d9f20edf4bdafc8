#!/usr/bin/env node
/**
 * The `hub` command's entry. Tracing, when configured, must start before the instrumented modules
 * (http, express, graphql, pg, ...) load, so the program itself is imported only after it.
 */
await import('../core/tracing/register.js');
await import('./hub-program.js');
