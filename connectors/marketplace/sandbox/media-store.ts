/**
 * A sandbox's media service: images uploaded per shop (type sniffed from the bytes, size-limited),
 * served at `<sandbox>/media/<id>`, and the check that a listing references only images its own
 * shop uploaded there. With a directory (a sandbox keeping its state), each image is written there
 * once, atomically, before the upload is answered, and only its id, shop and type go into the
 * state file: images never change, so rewriting megabytes of base64 on every save would be waste.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import { sniffImageType } from '../../../core/image-type.js';
import type { FieldProblem } from './respond.js';
import { writeFileAtomically } from './state-file.js';

/** What a state file keeps of each image (the bytes are in the media directory). */
export interface MediaSnapshot {
  images: { id: string; shopId: string; type: string }[];
}

const IMAGE_ID = /^[A-Za-z0-9_-]{12}$/;

/** The assumed upload limit of both marketplaces (Shopee's is 2 MB too). */
export const SANDBOX_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export class MediaStore {
  /** `bytes` is null for an image kept in the media directory (read when served). */
  private readonly images = new Map<string, { shopId: string; bytes: Buffer | null; type: string }>();

  /** `dir`: where images are kept across restarts; none: in memory. */
  constructor(
    private readonly baseUrl: () => string,
    private readonly dir?: string,
  ) {}

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
    if (this.dir) writeFileAtomically(join(this.dir, id), bytes);
    this.images.set(id, { shopId, bytes: this.dir ? null : bytes, type });
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
      const id = String(req.params.id);
      const image = this.images.get(id);
      if (!image) return res.status(404).json({ error: 'not_found' });
      let bytes: Buffer;
      try {
        // Ids are ours (checked at restore), so the path cannot leave the directory.
        bytes = image.bytes ?? readFileSync(join(this.dir as string, id));
      } catch {
        return res.status(404).json({ error: 'not_found', message: 'the image file is missing from the sandbox media directory' });
      }
      res.setHeader('x-content-type-options', 'nosniff');
      res.type(image.type).send(bytes);
    });
  }

  snapshot(): MediaSnapshot {
    return { images: [...this.images].map(([id, image]) => ({ id, shopId: image.shopId, type: image.type })) };
  }

  /** Puts back what `snapshot` saved (at start); only with a directory, where the bytes are. */
  restore(saved: MediaSnapshot | undefined): void {
    if (!saved || !this.dir) return;
    for (const image of saved.images) if (IMAGE_ID.test(image.id)) this.images.set(image.id, { shopId: image.shopId, bytes: null, type: image.type });
  }
}
