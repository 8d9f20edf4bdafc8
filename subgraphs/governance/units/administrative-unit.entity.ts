import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

/** What a commune-level unit is called: xã, phường, thị trấn, đặc khu. */
export enum CommuneKind {
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  TOWNSHIP = 'TOWNSHIP',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
}

/**
 * One administrative unit as it existed over one validity period. A GSO code can be reused by a
 * later unit (05068 was Nam Thượng, then Hợp Kim), so the key is `id` = "<code>/<n>", the n-th unit
 * to bear that code, which never changes once assigned.
 */
@Entity({ tableName: 'administrative_unit' })
@Index({ properties: ['level', 'code', 'validFrom'] })
@Index({ properties: ['provinceId', 'level', 'code'] })
export class AdministrativeUnit {
  @PrimaryKey({ type: 'string', length: 16 })
  id!: string;

  @Property({ type: 'string', length: 5 })
  code!: string;

  @Enum({ items: () => UnitLevel, type: 'string' })
  level!: UnitLevel;

  /** Commune-level units only. */
  @Enum({ items: () => CommuneKind, type: 'string', nullable: true })
  kind?: CommuneKind | null;

  /** The name without the "Xã"/"Tỉnh" prefix, NFC. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** `foldForSearch(name)`: what name search compares ("hoa binh" finds "Hòa Bình" and "Hoà Bình"). */
  @Property({ type: 'string', length: 200, nullable: true })
  nameSearch?: string | null;

  /** The unit kind as the source lists it, at any level: "Tỉnh", "Thành phố", "Huyện", "Quận", "Xã", "Đặc khu". */
  @Property({ type: 'string', length: 40, nullable: true })
  kindName?: string | null;

  /** Province the unit belonged to; null for provinces. */
  @Property({ type: 'string', length: 16, nullable: true })
  provinceId?: string | null;

  /** District the unit belonged to; null for provinces, districts and post-2025 communes. */
  @Property({ type: 'string', length: 16, nullable: true })
  districtId?: string | null;

  /** First day of validity; null when the unit predates the registry. */
  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  /** Last day of validity (inclusive); null while the unit exists. */
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  /** The act that created the unit or ended it, e.g. "Resolution 1676/NQ-UBTVQH15". */
  @Property({ type: 'string', length: 200, nullable: true })
  legalBasis?: string | null;
}
