/** The graph queries the dashboard runs (GraphQL only: the page knows no other data source). */
export const COMMUNE_QUERY = `query IocCommune($code: String!, $on: Date, $year: Int!, $from: Date!, $to: Date!) {
  commune(code: $code, on: $on) {
    id name districtName provinceName
    dossierStats(year: $year) { received online onlineRate onTimeRate target { minimum } targetMet months { month received online } }
    documentStats(year: $year) { outgoingElectronic outgoingSigned signedRate }
    budget(year: $year) { revenue { estimateVnd actualVnd executionRate } expenditure { estimateVnd actualVnd executionRate } months { month revenueVnd expenditureVnd } }
    indicators(year: $year) { indicator value unit }
    healthRecordStats { records population coverage }
    deviceStats { radioClusters radioClustersPlanned radioClustersOnline loudspeakers cameras camerasOnline camerasOffline }
    radioClusters { village status loudspeakerCount }
    cameras { name status }
    fieldReportStats(from: $from, to: $to) { received open resolved overdueNow resolvedOnTimeRate }
    producers(first: 20) { totalCount edges { node { name kind marketplaces } } }
    products(first: 20) { totalCount edges { node { name priceVnd producer { name } listings { marketplace status } } } }
  }
}`;

/** Officers only: asked separately, so an anonymous viewer's page gets no error for it. */
export const ALERTS_QUERY = `query IocAlerts($code: String!, $on: Date) {
  commune(code: $code, on: $on) { informationAlerts(first: 10) { totalCount edges { node { source url detectedAt topic title severity handled } } } }
}`;

/** One page of a province's communes at a date; the page loops over `after` until the last page. */
export const PROVINCE_QUERY = `query IocProvince($province: String!, $on: Date, $year: Int!, $after: String) {
  province(code: $province, on: $on) {
    code name
    communes(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        id code name
        dossierStats(year: $year) { received online onlineRate targetMet }
        documentStats(year: $year) { outgoingElectronic outgoingSigned }
        deviceStats { radioClusters radioClustersPlanned cameras }
        healthRecordStats { records population }
      } }
    }
  }
}`;

export interface ProvincePage {
  province: {
    code: string;
    name: string;
    communes: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ProvinceCommune }[] };
  } | null;
}

export interface DossierStats {
  received: number;
  online: number;
  onlineRate: number | null;
  onTimeRate: number | null;
  target: { minimum: number } | null;
  targetMet: boolean | null;
  months: { month: number; received: number; online: number }[];
}

export interface FlowTotals {
  estimateVnd: number;
  actualVnd: number;
  executionRate: number | null;
}

export interface CommuneData {
  id: string;
  name: string;
  districtName: string | null;
  provinceName: string;
  dossierStats: DossierStats | null;
  documentStats: { outgoingElectronic: number; outgoingSigned: number; signedRate: number | null } | null;
  budget: { revenue: FlowTotals; expenditure: FlowTotals; months: { month: number; revenueVnd: number; expenditureVnd: number }[] } | null;
  indicators: { indicator: string; value: number; unit: string }[] | null;
  healthRecordStats: { records: number; population: number | null; coverage: number | null } | null;
  deviceStats: { radioClusters: number; radioClustersPlanned: number; radioClustersOnline: number; loudspeakers: number; cameras: number; camerasOnline: number; camerasOffline: number } | null;
  radioClusters: { village: string; status: string; loudspeakerCount: number }[] | null;
  cameras: { name: string; status: string }[] | null;
  fieldReportStats: { received: number; open: number; resolved: number; overdueNow: number; resolvedOnTimeRate: number | null } | null;
  producers: { totalCount: number; edges: { node: { name: string; kind: string; marketplaces: string[] } }[] } | null;
  products: { totalCount: number; edges: { node: { name: string; priceVnd: number; producer: { name: string } | null; listings: { marketplace: string; status: string }[] } }[] } | null;
}

export interface AlertsData {
  commune: { informationAlerts: { totalCount: number; edges: { node: { source: string; url: string; detectedAt: string; topic: string; title: string; severity: string; handled: boolean } }[] } | null } | null;
}

export interface ProvinceCommune {
  id: string;
  code: string;
  name: string;
  dossierStats: { received: number; online: number; onlineRate: number | null; targetMet: boolean | null } | null;
  documentStats: { outgoingElectronic: number; outgoingSigned: number } | null;
  deviceStats: { radioClusters: number; radioClustersPlanned: number; cameras: number } | null;
  healthRecordStats: { records: number; population: number | null } | null;
}
