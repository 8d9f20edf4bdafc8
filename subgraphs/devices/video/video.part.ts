import type { SubgraphPart } from '../../../core/subgraph.js';
import { CommuneVideoResolver, VideoMeetingResolver, VideoRoomResolver } from './video.resolver.js';

/** Video-conference rooms on the 4-level network, meetings, attendance and monthly utilisation. */
export const videoPart: SubgraphPart = {
  resolvers: [VideoRoomResolver, VideoMeetingResolver, CommuneVideoResolver],
};
