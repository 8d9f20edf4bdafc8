/**
 * A sandbox's media service: images uploaded per shop (type sniffed from the bytes, size-limited),
 * served at `<sandbox>/media/<id>`, and the check that a listing references only images its own
 * shop uploaded there.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { sniffImageType } from '../../../core/image-type.js';
import type { FieldProblem } from './respond.js';

/** The assumed upload limit of both marketplaces (Shopee's is 2 MB too). */
export const SANDBOX_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export class MediaStore {
  private readonly images = new Map<string, { shopId: string; bytes: Buffer; type: string }>();

  constructor(private readonly baseUrl: () => string) {}

  get size(): number {
    return this.images.size;
  }

  /** Stores an upload; a refusal (not an image, too large) is a message for the 400 answer. */
  add(shopId: string, base64: unknown): { id: string; url: string; type: string; size: number } | string {
    if (typeof base64 !== 'string' || !base64) return 'the image (base64) is required';
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > SANDBOX_IMAGE_MAX_BYTES) return `the image is ${bytes.length} bytes; at most ${SANDBOX_IMAGE_MAX_BYTES}`;
    const type = sniffImageType(bytes);
    if (!type) return 'the image must be JPEG, PNG or WebP';
    const id = randomBytes(9).toString('base64url');
    this.images.set(id, { shopId, bytes, type });
    return { id, url: `${this.baseUrl()}/media/${id}`, type, size: bytes.length };
  }

  /** Problems with a listing's image URLs: one on this sandbox's media must be the shop's own upload. */
  check(field: string, urls: unknown, shopId: string): FieldProblem[] {
    if (!Array.isArray(urls)) return [];
    const prefix = `${this.baseUrl()}/media/`;
    return urls
      .filter((u): u is string => typeof u === 'string' && u.startsWith(prefix))
      .filter((u) => this.images.get(u.slice(prefix.length))?.shopId !== shopId)
      .map((u) => ({ field, message: `${u} was not uploaded by this shop` }));
  }

  /** GET /media/:id: the image, as a CDN would serve it. */
  serve(app: Express): void {
    app.get('/media/:id', (req, res) => {
      const image = this.images.get(String(req.params.id));
      if (!image) return res.status(404).json({ error: 'not_found' });
      res.setHeader('x-content-type-options', 'nosniff');
      res.type(image.type).send(image.bytes);
    });
  }
}
