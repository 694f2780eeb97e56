import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** Committee type of a village-level unit, read from digits 10–12 of its code (001–199 居委会, 200–399 村委会). */
export enum CommitteeType {
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
}
defineEnum(CommitteeType, 'CommitteeType', 'Committee type of a village-level unit. 村级组织类型', {
  VILLAGE: '村民委员会 (行政村, code 2xx)',
  COMMUNITY: '居民委员会 (社区, code 0xx–1xx)',
});

export const CommitteeTypeFilter = enumFilter(CommitteeType, 'CommitteeType', '村级组织类型');
