import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toConnection, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune, communeScope, REQUIRES_LINEAGE, resolveCommuneReference } from '../commune/commune.reference.js';
import { listHealthRecordReads, listHealthRecords, readHealthRecord } from './health-record.query.js';
import { listRefusedReads } from '../../shared/refused-reads.query.js';
import { RefusedReadConnection } from '../common/refused-read.type.js';
import type { RefusedReadView } from '../../shared/refused-read.type.js';
import { examinationsByRecord, historyByRecord, recordCountByCommune, stationByCommune, vaccinationsByRecord } from './health.store.js';
import { HealthRecordReadConnection, HealthRecordReadNode } from './health-record-read.type.js';
import { HealthRecord } from './health-record.entity.js';
import type { HealthStation } from './health-station.entity.js';
import {
  ExaminationItem,
  HealthAdministrativeData,
  HealthHistoryItem,
  HealthRecordConnection,
  HealthRecordNode,
  HealthRecordStats,
  VaccinationItem,
} from './health-record.type.js';

/** Public aggregate: records ÷ population, capped at 1 (a record count above a stale population is still full coverage). */
export function coverageOf(records: number, population: number | null | undefined): number | null {
  if (!population || population <= 0) return null;
  return Math.min(1, records / population);
}

/**
 * The population a commune's coverage divides by: its own station's figure; else, for a merged
 * commune, the sum over every merged unit when each one's is known; else unknown.
 */
export function populationOf(stations: (HealthStation | null)[]): Pick<HealthRecordStats, 'population' | 'populationAsOf' | 'populationSource'> {
  const [own, ...merged] = stations;
  if (own?.population) return { population: own.population, populationAsOf: own.populationAsOf ?? null, populationSource: own.populationSource ?? null };
  if (!merged.length || !merged.every((s) => s?.population)) return { population: null, populationAsOf: null, populationSource: null };
  const known = merged as HealthStation[];
  return {
    population: known.reduce((sum, s) => sum + (s.population ?? 0), 0),
    populationAsOf: known.map((s) => s.populationAsOf ?? '').sort()[0] || null,
    populationSource: `Sum over the ${known.length} merged units: ${[...new Set(known.map((s) => s.populationSource ?? 'unknown'))].join('; ')}`,
  };
}

@Resolver(() => Commune)
export class CommuneHealthResolver {
  @FieldResolver(() => HealthRecordStats, {
    nullable: true,
    description:
      'Public aggregate of the health records held for the commune and the units merged into it: how many, and coverage = records ÷ population. ' +
      'No personal data.',
  })
  @Directive(REQUIRES_LINEAGE)
  async healthRecordStats(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<HealthRecordStats> {
    cacheFor(info, CACHE_SECONDS.current);
    const scope = communeScope(commune);
    const [counts, stations] = await Promise.all([
      Promise.all(scope.map((id) => recordCountByCommune(context).load(id))),
      Promise.all(scope.map((id) => stationByCommune(context).load(id))),
    ]);
    const records = counts.reduce((sum, n) => sum + n, 0);
    const population = populationOf(stations);
    return Object.assign(new HealthRecordStats(), { records, ...population, coverage: coverageOf(records, population.population) });
  }

  @FieldResolver(() => HealthRecordConnection, {
    nullable: true,
    description:
      'The residents\' health records held by the commune health station, by record number. Health staff of this commune only ' +
      '(FORBIDDEN otherwise); every record returned is written to the audit log (healthRecordReads). A merged commune\'s list includes ' +
      'the records of the units merged into it, whose stations it took over.',
  })
  @Directive(REQUIRES_LINEAGE)
  async healthRecords(
    @Root() commune: Commune,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, { nullable: true, description: 'Part of the full name; ignores diacritics and case ("bui van" finds "Bùi Văn").' }) search: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<HealthRecord>> {
    return listHealthRecords(context, commune.id, communeScope(commune), page, search);
  }

  @FieldResolver(() => RefusedReadConnection, {
    nullable: true,
    description:
      'Refused reads of this commune\'s restricted society data (health records and their read log, reporters\' contact), newest first: ' +
      'who tried, with which roles, which field and target, when, under which request. The commune\'s chairperson (or of the unit it merged into) and admins only.',
  })
  @Directive(REQUIRES_LINEAGE)
  async refusedReads(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listRefusedReads(context, 'Commune.refusedReads', commune.id, communeScope(commune), page);
  }

  @FieldResolver(() => HealthRecordReadConnection, {
    nullable: true,
    description: 'The station\'s audit log of health-record reads (of its records and those of the units merged into it), newest first. Health staff of this commune only.',
  })
  @Directive(REQUIRES_LINEAGE)
  async healthRecordReads(
    @Root() commune: Commune,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('recordId', () => ID, { nullable: true, description: 'Only the reads of this record.' }) recordId: string | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<HealthRecordReadNode>> {
    const { rows, totalCount, limit } = await listHealthRecordReads(context, commune.id, communeScope(commune), page, recordId);
    const nodes = rows.map((r) => Object.assign(new HealthRecordReadNode(), { ...r, readerRoles: r.readerRoles ? r.readerRoles.split(',') : [] }));
    return toConnection(nodes, limit, totalCount, (r) => [r.readAt.getTime(), r.id]);
  }
}

@Resolver(() => HealthRecordNode)
export class HealthRecordResolver {
  @Query(() => HealthRecordNode, {
    nullable: true,
    description: 'One health record by id; null when none has that id. Health staff of the record\'s commune only; the read is audited.',
  })
  async healthRecord(@Arg('id', () => ID, { description: 'HealthRecord.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<HealthRecord | null> {
    return readHealthRecord(context, id);
  }

  @FieldResolver(() => Commune, { description: 'The commune whose health station holds the record.' })
  commune(@Root() record: HealthRecord): Commune {
    return resolveCommuneReference({ id: record.communeId });
  }

  @FieldResolver(() => HealthAdministrativeData, { description: 'Part 1: administrative data (hành chính).' })
  administrative(@Root() record: HealthRecord): HealthAdministrativeData {
    return Object.assign(new HealthAdministrativeData(), {
      fullName: record.fullName,
      sex: record.sex,
      birthDate: record.birthDate,
      ethnicity: record.ethnicity ?? null,
      village: record.village ?? null,
      citizenId: record.citizenId ?? null,
      healthInsuranceNumber: record.healthInsuranceNumber ?? null,
      phone: record.phone ?? null,
      bloodType: record.bloodType ?? null,
    });
  }

  @FieldResolver(() => [HealthHistoryItem], { description: 'Part 2: history (tiền sử) — risk factors, diseases, allergies, disabilities, surgeries, family history.' })
  async history(@Root() record: HealthRecord, @Ctx() context: SubgraphContext): Promise<HealthHistoryItem[]> {
    return (await historyByRecord(context).load(record.id)) as HealthHistoryItem[];
  }

  @FieldResolver(() => [VaccinationItem], { description: 'Part 3: vaccinations, oldest first.' })
  async vaccinations(@Root() record: HealthRecord, @Ctx() context: SubgraphContext): Promise<VaccinationItem[]> {
    return (await vaccinationsByRecord(context).load(record.id)) as VaccinationItem[];
  }

  @FieldResolver(() => [ExaminationItem], { description: 'Part 4: examinations, newest first.' })
  async examinations(@Root() record: HealthRecord, @Ctx() context: SubgraphContext): Promise<ExaminationItem[]> {
    return (await examinationsByRecord(context).load(record.id)) as ExaminationItem[];
  }
}
