import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { DomainError, ForbiddenError, InvalidInputError, UnauthenticatedError } from '../../../core/domain-errors.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { addProductImage, IMAGE_MAX_BYTES } from './product-image.command.js';
import { ProductImage } from './product-image.entity.js';

export const IMAGE_PATH = '/products/images';

const statusOf = (error: DomainError) => (error instanceof InvalidInputError ? 400 : error instanceof UnauthenticatedError ? 401 : error instanceof ForbiddenError ? 403 : 409);

/**
 * POST /products/{productId}/images, "Authorization: Bearer <hub token>" of a member of the
 * producer, body: the image bytes (any Content-Type; the type is read from the bytes) → 201
 * `{ id, contentType, byteSize, path }`; 400 not an image or over 2 MB, 401/403 as GraphQL.
 * GET /products/images/{id} serves it (public: product images are shown with the catalogue).
 * Uploads go here, not through GraphQL, whose bodies are capped (HTTP_MAX_BODY_BYTES) for queries.
 */
export function productImageRoutes(app: Express, runtime: SubgraphRuntime): void {
  const raw = express.raw({ type: () => true, limit: IMAGE_MAX_BYTES });
  const readBody = (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (error?: unknown) => {
      if (!error) return next();
      const tooLarge = (error as { status?: number }).status === 413;
      res.status(tooLarge ? 413 : 400).json({ error: 'BAD_USER_INPUT', message: tooLarge ? `The image is larger than ${IMAGE_MAX_BYTES} bytes (2 MB).` : 'Could not read the body.' });
    });

  app.post('/products/:productId/images', readBody, async (req: Request, res: Response) => {
    try {
      let viewer;
      try {
        viewer = await runtime.verifyToken(req.headers.authorization);
      } catch {
        throw new UnauthenticatedError('The bearer token is invalid or expired: sign in again.');
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const image = await addProductImage(runtime.orm.em.fork(), viewer, String(req.params.productId), body);
      res.status(201).json({ id: image.id, contentType: image.contentType, byteSize: image.byteSize, path: `${IMAGE_PATH}/${image.id}` });
    } catch (error) {
      if (!(error instanceof DomainError)) {
        runtime.logger.error({ err: error }, 'product image upload failed');
        res.status(500).json({ error: 'INTERNAL_SERVER_ERROR', message: 'The image could not be stored; try again.' });
        return;
      }
      res.status(statusOf(error)).json({ error: statusOf(error) === 400 ? 'BAD_USER_INPUT' : statusOf(error) === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: error.message });
    }
  });

  app.get(`${IMAGE_PATH}/:id`, async (req: Request, res: Response) => {
    const image = await runtime.orm.em.fork().findOne(ProductImage, { id: String(req.params.id) }, { populate: ['data'] });
    if (!image) {
      res.status(404).json({ error: 'NOT_FOUND', message: 'No such image.' });
      return;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'public, max-age=86400, immutable');
    res.type(image.contentType).send(image.data);
  });
}
