import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** Kind of a township-level unit, read from digits 7–9 of its code (NBS division code rules). */
export enum TownshipKind {
  STREET = 'STREET',
  TOWN = 'TOWN',
  TOWNSHIP = 'TOWNSHIP',
}
defineEnum(TownshipKind, 'TownshipKind', 'Kind of township-level unit. 乡级区划类型', {
  STREET: '街道 (code 0xx)',
  TOWN: '镇 (code 1xx)',
  TOWNSHIP: '乡 (code 2xx–3xx)',
});

export const TownshipKindFilter = enumFilter(TownshipKind, 'TownshipKind', '乡级区划类型');
