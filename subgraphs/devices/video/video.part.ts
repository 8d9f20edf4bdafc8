import type { SubgraphPart } from '../../../core/subgraph.js';
import { VideoMeetingRoom } from './video-meeting-room.entity.js';
import { VideoMeeting } from './video-meeting.entity.js';
import { VideoRoom } from './video-room.entity.js';
import { CommuneVideoResolver, VideoMeetingResolver, VideoRoomResolver } from './video.resolver.js';

/** Video-conference rooms on the 4-level network, meetings, attendance and monthly utilisation. */
export const videoPart: SubgraphPart = {
  entities: [VideoRoom, VideoMeeting, VideoMeetingRoom],
  resolvers: [VideoRoomResolver, VideoMeetingResolver, CommuneVideoResolver],
};
