import type { Express } from 'express';
import type { MediaStore } from '../../marketplace/sandbox/media-store.js';
import { sendValidationError } from '../../marketplace/sandbox/respond.js';
import { API, type PostmartRouteContext } from './route-context.js';

/** POST /api/v2/media/upload_image `{ image: base64 }` (signed) → `{ image_info: { image_id, image_url } }`; GET /media/:id serves it. */
export function registerMediaRoutes(app: Express, ctx: PostmartRouteContext, media: MediaStore): void {
  app.post(`${API}/media/upload_image`, (req, res) => {
    ctx.count('upload_image');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const added = media.add(auth.shopId, ctx.bodyOf(req).image);
    if (typeof added === 'string') return sendValidationError(res, 'error_param', [{ field: 'image', message: added }]);
    ctx.ok(res, { image_info: { image_id: added.id, image_url: added.url } });
  });
  media.serve(app);
}
