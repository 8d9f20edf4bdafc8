/** The indicators a target or a stated figure is about (formulas: DOMAIN.md section 3). */
export enum KpiIndicator {
  /** dossiers received online ÷ dossiers received. */
  ONLINE_RATE = 'ONLINE_RATE',
  /** dossiers resolved on time ÷ dossiers resolved (on time + overdue). */
  ON_TIME_RATE = 'ON_TIME_RATE',
  /** outgoing electronic documents digitally signed ÷ outgoing electronic documents. */
  SIGNED_RATE = 'SIGNED_RATE',
}

/** Who set a target for whom: a province for all its communes, or one commune. */
export enum TargetScope {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}
