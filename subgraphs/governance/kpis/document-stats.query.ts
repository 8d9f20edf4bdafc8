/** A register's document counts for a year (grouped-counts.query.ts computes them, per commune or province). */
export interface DocumentCounts {
  incoming: number;
  incomingElectronic: number;
  outgoing: number;
  outgoingElectronic: number;
  outgoingSigned: number;
}
