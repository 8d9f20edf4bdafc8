import { query, type GraphQLResult } from './graphql.js';
import { PROVINCE_QUERY, type ProvinceCommune, type ProvincePage } from './queries.js';

export type ProvinceData = { name: string; communes: ProvinceCommune[] } | { error: string | null };

/** A province at a date with all its communes: one request per page of 100 (Hòa Bình 2021: 151 communes, two pages). */
export async function loadProvince(code: string, on: string, year: number, token: string | null): Promise<ProvinceData> {
  const communes: ProvinceCommune[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResult<ProvincePage> = await query<ProvincePage>(PROVINCE_QUERY, { province: code, on, year, after }, token);
    const province: ProvincePage['province'] | undefined = result.data?.province;
    if (!province) return { error: result.errors?.[0]?.message ?? null };
    communes.push(...province.communes.edges.map((edge) => edge.node));
    if (!province.communes.pageInfo.hasNextPage) return { name: province.name, communes };
    after = province.communes.pageInfo.endCursor;
  }
}
