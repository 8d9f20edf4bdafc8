import type { Express } from 'express';
import type { MediaStore } from '../../marketplace/sandbox/media-store.js';
import { sendValidationError } from '../../marketplace/sandbox/respond.js';
import type { VosoRouteContext } from './route-context.js';

/** POST /v1/media/images `{ content_type, data: base64 }` → 201 `{ image: { id, url, content_type, size } }`; GET /media/:id serves it. */
export function registerMediaRoutes(app: Express, ctx: VosoRouteContext, media: MediaStore): void {
  app.post('/v1/media/images', (req, res) => {
    ctx.count('POST /v1/media/images');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const added = media.add(shopId, req.body?.data);
    if (typeof added === 'string') return sendValidationError(res, 'validation_failed', [{ field: 'data', message: added }]);
    res.status(201).json({ image: { id: added.id, url: added.url, content_type: added.type, size: added.size } });
  });
  media.serve(app);
}
