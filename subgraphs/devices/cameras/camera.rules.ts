import { invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { CameraFeed, type CameraPurpose } from './camera.entity.js';

const STREAM_URL_RE = /^(rtsps?|https?):\/\/[^\s]+$/i;

export interface CameraFields {
  name: string;
  location: string;
  purpose: CameraPurpose;
  feeds: CameraFeed[];
  streamUrl: string | null;
}

/** Validates and normalises what addCamera and updateCamera set. */
export function checkCameraFields(input: { name: string; location: string; purpose: CameraPurpose; feeds: CameraFeed[]; streamUrl?: string | null }): CameraFields {
  const name = nfc(input.name);
  if (!name || name.length > 200) throw invalidInput('name must be 1 to 200 characters.', 'input.name');
  const location = nfc(input.location);
  if (!location || location.length > 500) throw invalidInput('location must be 1 to 500 characters.', 'input.location');
  const feeds = [...new Set(input.feeds)];
  if (!feeds.length) throw invalidInput(`Give at least one centre receiving the feed: ${Object.values(CameraFeed).join(', ')}.`, 'input.feeds');
  const streamUrl = input.streamUrl ? input.streamUrl.trim() : null;
  if (streamUrl && (streamUrl.length > 1000 || !STREAM_URL_RE.test(streamUrl))) {
    throw invalidInput('streamUrl must be an rtsp://, rtsps://, http:// or https:// URL of at most 1000 characters.', 'input.streamUrl');
  }
  return { name, location, purpose: input.purpose, feeds, streamUrl };
}
