import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { invalidInput } from '../../../core/domain-errors.js';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { todayInVietnam } from '../../../core/time.js';
import { UnitLevel, type AdministrativeUnit } from './administrative-unit.entity.js';
import { toCommune } from './commune.resolver.js';
import type { Commune } from './commune.type.js';
import { pageCommunes } from './commune-list.query.js';
import { CommuneConnection, Province, ProvinceKind } from './province.type.js';
import { findUnitByCode, isUnitCode, isValidOn, successionsByPredecessor, successionsBySuccessor, unitLoader } from './unit-registry.js';
import { unitSnapshot } from './unit-snapshot.store.js';

/** The date a province is read at: the one asked, else today, kept within the province's validity. */
function asOfFor(unit: AdministrativeUnit, on?: string): string {
  const day = on ?? todayInVietnam();
  if (unit.validTo && day > unit.validTo) return unit.validTo;
  if (unit.validFrom && day < unit.validFrom) return unit.validFrom;
  return day;
}

export function toProvince(unit: AdministrativeUnit, on?: string): Province {
  return Object.assign(new Province(), {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kindName?.toLowerCase() === 'thành phố' ? ProvinceKind.MUNICIPALITY : ProvinceKind.PROVINCE,
    validFrom: unit.validFrom ?? null,
    validTo: unit.validTo ?? null,
    legalBasis: unit.legalBasis ?? null,
    asOf: asOfFor(unit, on),
  });
}

function checkProvinceCode(code: string, field: string): void {
  if (!isUnitCode(UnitLevel.PROVINCE, code)) throw invalidInput(`"${code}" is not a GSO province code: give 2 digits, e.g. "25".`, field);
}

@Resolver(() => Province)
export class ProvinceResolver {
  @Query(() => Province, {
    nullable: true,
    description:
      'The province that bore this GSO code on date `on` (default: today in Asia/Ho_Chi_Minh). province(code: "17", on: "2021-01-01") is Hòa Bình; ' +
      'province(code: "25") is the Phú Thọ merged from Phú Thọ, Vĩnh Phúc and Hòa Bình on 2025-07-01. Null for an unknown code.',
  })
  async province(
    @Arg('code', () => String, { description: 'GSO province code, 2 digits.' }) code: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date the code is read at; default today.' }) on: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Province | null> {
    checkProvinceCode(code, 'code');
    const unit = await findUnitByCode(context.em, UnitLevel.PROVINCE, code, on ?? todayInVietnam());
    return unit ? toProvince(unit, on) : null;
  }

  @Query(() => [Province], { description: 'The provinces that existed on date `on` (default today), ordered by code: 63 before 2025-07-01, 34 from then.' })
  async provinces(
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today.' }) on: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Province[]> {
    const day = on ?? todayInVietnam();
    const units = (await unitSnapshot(context.em)).provinces.filter((unit) => isValidOn(unit, day));
    return units.map((u) => toProvince(u, day));
  }

  @FieldResolver(() => CommuneConnection, {
    description:
      'The communes of this province on date `on` (default: the date the province was read at), ordered by code, paged; ' +
      '`search` matches names ignoring diacritics and case ("hop kim" finds Hợp Kim), or the start of a code.',
  })
  async communes(
    @Root() province: Province,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name (diacritics and case ignored), or the first digits of a code.' }) search: string | undefined,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default the date the province was read at.' }) on: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<Commune>> {
    const { limit, after } = pageWindow(page);
    const { rows, totalCount } = await pageCommunes(context.em, { on: on ?? province.asOf, provinceId: province.id, search: search ?? undefined, limit, after });
    return toConnection(rows.map(toCommune), limit, totalCount, (c) => [c.code, c.id]);
  }

  @FieldResolver(() => Province, { nullable: true, description: 'The province this one became part of when it ceased to exist; null while it exists.' })
  async successor(@Root() province: Province, @Ctx() context: SubgraphContext): Promise<Province | null> {
    const links = await successionsByPredecessor(context).load(province.id);
    const link = links.find((l) => l.share === 'WHOLE') ?? links[0];
    const unit = link ? await unitLoader(context).load(link.successorId) : null;
    return unit ? toProvince(unit) : null;
  }

  @FieldResolver(() => [Province], { description: 'The provinces merged into this one when it was created, ordered by id (Phú Thọ from 2025-07-01: Hòa Bình, Phú Thọ, Vĩnh Phúc).' })
  async predecessors(@Root() province: Province, @Ctx() context: SubgraphContext): Promise<Province[]> {
    const links = await successionsBySuccessor(context).load(province.id);
    const units = await Promise.all(links.map((l) => unitLoader(context).load(l.predecessorId)));
    return units.flatMap((u) => (u ? [toProvince(u)] : []));
  }
}
