import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { AdministrativeUnit, CommuneKind, UnitLevel } from './administrative-unit.entity.js';
import { Commune, CommuneSuccession } from './commune.type.js';
import { pageCommunes } from './commune-list.query.js';
import { CommuneConnection } from './province.type.js';
import { findUnitByCode, isUnitCode, lineageIds, listCommunes, successionsByPredecessor, successionsBySuccessor, unitLoader } from './unit-registry.js';

export function toCommune(unit: AdministrativeUnit): Commune {
  return Object.assign(new Commune(), {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind ?? CommuneKind.COMMUNE,
    validFrom: unit.validFrom ?? null,
    validTo: unit.validTo ?? null,
    legalBasis: unit.legalBasis ?? null,
    provinceId: unit.provinceId ?? '',
    districtId: unit.districtId ?? null,
  });
}

/** Federation: other subgraphs hand us `{ id }`; batch those lookups into one query per request. */
export async function resolveCommuneReference(reference: { id: string }, context: SubgraphContext): Promise<Commune | null> {
  const unit = await unitLoader(context).load(reference.id);
  return unit && unit.level === UnitLevel.COMMUNE ? toCommune(unit) : null;
}

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, {
    nullable: true,
    description:
      'The commune that bore this GSO code on date `on` (default: today in Asia/Ho_Chi_Minh). ' +
      'commune(code: "05068", on: "2021-06-01") is Nam Thượng; commune(code: "05068") is Hợp Kim. Null for an unknown code.',
  })
  async commune(
    @Arg('code', () => String, { description: 'GSO commune code, 5 digits.' }) code: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date the code is read at; default today.' }) on: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Commune | null> {
    if (!isUnitCode(UnitLevel.COMMUNE, code)) throw invalidInput(`"${code}" is not a GSO commune code: give 5 digits, e.g. "05068".`, 'code');
    const unit = await findUnitByCode(context.registryEm, UnitLevel.COMMUNE, code, on ?? todayInVietnam());
    return unit ? toCommune(unit) : null;
  }

  @Query(() => Commune, { nullable: true, description: 'The commune with this stable id (as returned by Commune.id), whatever its validity.' })
  async communeById(@Arg('id', () => ID, { description: 'Commune.id, e.g. "05068/1".' }) id: string, @Ctx() context: SubgraphContext): Promise<Commune | null> {
    return resolveCommuneReference({ id }, context);
  }

  @Query(() => [Commune], {
    description: 'Communes that existed on date `on` (default today), optionally only those of one province, ordered by code. The whole list, unpaged.',
    deprecationReason: 'Use communesConnection (paged, searchable) or Province.communes: the national list holds thousands of communes.',
  })
  async communes(
    @Arg('provinceCode', () => String, { nullable: true, description: 'GSO province code, 2 digits, as of `on`.' }) provinceCode: string | undefined,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today.' }) on: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Commune[]> {
    if (provinceCode !== undefined && provinceCode !== null && !isUnitCode(UnitLevel.PROVINCE, provinceCode)) {
      throw invalidInput(`"${provinceCode}" is not a GSO province code: give 2 digits, e.g. "25".`, 'provinceCode');
    }
    const units = await listCommunes(context.registryEm, on ?? todayInVietnam(), provinceCode ?? undefined);
    return units.map(toCommune);
  }

  @Query(() => CommuneConnection, {
    description:
      'Communes that existed on date `on` (default today), optionally only those of one province, ordered by code, paged; ' +
      '`search` matches names ignoring diacritics and case ("phuc xa" finds Phúc Xá), or the start of a code.',
  })
  async communesConnection(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('provinceCode', () => String, { nullable: true, description: 'GSO province code, 2 digits, as of `on`.' }) provinceCode: string | undefined,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name (diacritics and case ignored), or the first digits of a code.' }) search: string | undefined,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today.' }) on: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<Commune>> {
    const { limit, after } = pageWindow(page);
    const day = on ?? todayInVietnam();
    let provinceId: string | undefined;
    if (provinceCode !== undefined && provinceCode !== null) {
      if (!isUnitCode(UnitLevel.PROVINCE, provinceCode)) throw invalidInput(`"${provinceCode}" is not a GSO province code: give 2 digits, e.g. "25".`, 'provinceCode');
      const province = await findUnitByCode(context.registryEm, UnitLevel.PROVINCE, provinceCode, day);
      if (!province) return toConnection([], limit, 0, () => []);
      provinceId = province.id;
    }
    const { rows, totalCount } = await pageCommunes(context.em, { on: day, provinceId, search: search ?? undefined, limit, after });
    return toConnection(rows.map(toCommune), limit, totalCount, (c) => [c.code, c.id]);
  }

  @FieldResolver(() => String, { description: 'GSO code of the province the unit belonged to.' })
  async provinceCode(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<string> {
    return (await unitLoader(context).load(commune.provinceId))?.code ?? '';
  }

  @FieldResolver(() => String, { description: 'Name of the province the unit belonged to, e.g. "Hòa Bình".' })
  async provinceName(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<string> {
    return (await unitLoader(context).load(commune.provinceId))?.name ?? '';
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Name of the district (huyện) the unit belonged to; null for units created after the district level was abolished (2025-07-01).',
  })
  async districtName(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<string | null> {
    return commune.districtId ? ((await unitLoader(context).load(commune.districtId))?.name ?? null) : null;
  }

  @FieldResolver(() => Commune, {
    nullable: true,
    description: 'The unit this one became part of when it ceased to exist (the one that took all or most of it); null while it exists.',
  })
  async successor(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<Commune | null> {
    const links = await successionsByPredecessor(context).load(commune.id);
    const link = links.find((l) => l.share === 'WHOLE') ?? links[0];
    if (!link) return null;
    const unit = await unitLoader(context).load(link.successorId);
    return unit ? toCommune(unit) : null;
  }

  @FieldResolver(() => [Commune], { description: 'The units merged (wholly or partly) into this one when it was created, ordered by id.' })
  async predecessors(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<Commune[]> {
    return (await this.predecessorLinks(commune, context)).map((l) => l.commune);
  }

  @FieldResolver(() => [ID], {
    description:
      'This unit\'s id followed by the ids of every unit merged into it, directly or through earlier mergers ' +
      '(Hợp Kim: itself, Kim Lập, Nam Thượng, Sào Báy). Other subgraphs require it to show what a merged commune inherited.',
  })
  async lineageIds(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<string[]> {
    return lineageIds(context.registryEm, commune.id);
  }

  @FieldResolver(() => [CommuneSuccession], { description: 'The predecessors with how much of each went into this unit (WHOLE or PART).' })
  async predecessorLinks(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<CommuneSuccession[]> {
    const links = await successionsBySuccessor(context).load(commune.id);
    const units = await Promise.all(links.map((l) => unitLoader(context).load(l.predecessorId)));
    return links.flatMap((link, i) => {
      const unit = units[i];
      return unit ? [Object.assign(new CommuneSuccession(), { commune: toCommune(unit), share: link.share })] : [];
    });
  }
}
