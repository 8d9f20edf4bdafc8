import type { Response } from 'express';

/**
 * The headers of a page the gateway serves from its own bundle (the IOC dashboard, the GraphQL
 * explorer): it may load only what the hub serves and talk only to the hub, since a commune network
 * may have no internet and an officials' page should leak no request elsewhere. Inline styles are
 * allowed for styles only (ECharts' tooltips and Monaco set them); `extra` adds a page's own needs.
 */
export function pageSecurityHeaders(extra: { workers?: boolean; dataFonts?: boolean } = {}): (res: Response) => void {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    ...(extra.workers ? ["worker-src 'self'"] : []),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    extra.dataFonts ? "font-src 'self' data:" : "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
  return (res) => {
    res.setHeader('content-security-policy', policy);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
  };
}
