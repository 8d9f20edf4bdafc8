import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Counts of a commune\'s radio clusters, cameras and devices, as of the query (statuses from heartbeats).' })
export class DeviceStats {
  @Field(() => Int, { description: 'radioClusters = all loudspeaker clusters recorded, planned included.' })
  radioClusters!: number;

  @Field(() => Int, { description: 'radioClustersPlanned = clusters with status PLANNED.' })
  radioClustersPlanned!: number;

  @Field(() => Int, { description: 'radioClustersInstalled = radioClusters − radioClustersPlanned (in place, whatever they report; faulty included).' })
  radioClustersInstalled!: number;

  @Field(() => Int, { description: 'radioClustersOnline = clusters with status ONLINE (a receiver heard from within its threshold).' })
  radioClustersOnline!: number;

  @Field(() => Int, { description: 'radioClustersOffline = clusters with status OFFLINE (receivers registered, none heard from within the threshold).' })
  radioClustersOffline!: number;

  @Field(() => Int, { description: 'radioClustersFaulty = clusters with status FAULTY.' })
  radioClustersFaulty!: number;

  @Field(() => Int, { description: 'radioDevices = sum of deviceCount over the clusters.' })
  radioDevices!: number;

  @Field(() => Int, { description: 'loudspeakers = sum of loudspeakerCount over the clusters.' })
  loudspeakers!: number;

  @Field(() => Int, { description: 'cameras = all cameras recorded.' })
  cameras!: number;

  @Field(() => Int, { description: 'camerasOnline = cameras with status ONLINE.' })
  camerasOnline!: number;

  @Field(() => Int, { description: 'camerasOffline = cameras with status OFFLINE.' })
  camerasOffline!: number;

  @Field(() => Int, { description: 'devicesReporting = devices registered for heartbeats and not retired (receivers and cameras).' })
  devicesReporting!: number;

  @Field(() => Int, { description: 'devicesOnline = registered devices whose last heartbeat is within their threshold.' })
  devicesOnline!: number;
}
