import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** How a relocation site places households (安置方式). */
export enum Placement {
  CENTRALIZED_URBAN = 'CENTRALIZED_URBAN',
  CENTRALIZED_TOWN = 'CENTRALIZED_TOWN',
  CENTRALIZED_VILLAGE = 'CENTRALIZED_VILLAGE',
  SCATTERED = 'SCATTERED',
}
defineEnum(Placement, 'Placement', 'Placement of a relocation site. 安置方式', {
  CENTRALIZED_URBAN: '城镇集中安置',
  CENTRALIZED_TOWN: '集镇集中安置',
  CENTRALIZED_VILLAGE: '中心村集中安置',
  SCATTERED: '分散安置',
});

export const PlacementFilter = enumFilter(Placement, 'Placement', '安置方式');
