/**
 * Upper bound of an amount of đồng anywhere in the hub: 10^15, far above any real amount yet a
 * safe integer, so sums of amounts stay exact as JavaScript numbers. The `Vnd` scalar, the imports
 * and reconciliation's run totals all refuse what lies above it. Its own module, free of GraphQL,
 * so that a command reading a file does not load the GraphQL layer for one constant.
 */
export const MAX_VND = 1_000_000_000_000_000;
