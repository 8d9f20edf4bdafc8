/**
 * Stable ids (Commune.id, owned by governance) of the pilot's communes. Every subgraph's pilot seed
 * hangs its records off these, so they live in one place. See ../shared/DOMAIN.md sections 1 and 2.
 */
export const PILOT_COMMUNES = {
  /** Xã Nam Thượng, Kim Bôi, Hòa Bình (05068), until 2025-06-30. */
  namThuong: { id: '05068/1', code: '05068', name: 'Nam Thượng' },
  /** Xã Liên Sơn, Lương Sơn, Hòa Bình (04969), until 2025-06-30. */
  lienSon: { id: '04969/1', code: '04969', name: 'Liên Sơn' },
  /** Xã Hợp Kim, Phú Thọ (05068, reusing Nam Thượng's code), from 2025-07-01. */
  hopKim: { id: '05068/2', code: '05068', name: 'Hợp Kim' },
  /** The new xã Liên Sơn, Phú Thọ (04960, reusing Cư Yên's code), from 2025-07-01. */
  lienSon2025: { id: '04960/2', code: '04960', name: 'Liên Sơn' },
} as const;
