import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** 资产类别: operating, public-welfare or household-level project assets. */
export enum AssetClass {
  OPERATING = 'OPERATING',
  PUBLIC_WELFARE = 'PUBLIC_WELFARE',
  HOUSEHOLD = 'HOUSEHOLD',
}
defineEnum(AssetClass, 'AssetClass', 'Class of a poverty-alleviation project asset. 资产类别', {
  OPERATING: '经营性资产',
  PUBLIC_WELFARE: '公益性资产',
  HOUSEHOLD: '到户类资产',
});

export enum AssetCategory {
  ROAD = 'ROAD',
  WATER_SUPPLY = 'WATER_SUPPLY',
  IRRIGATION = 'IRRIGATION',
  SCHOOL = 'SCHOOL',
  CLINIC = 'CLINIC',
  SANITATION = 'SANITATION',
  CULTURAL_FACILITY = 'CULTURAL_FACILITY',
  GREENHOUSE = 'GREENHOUSE',
  PROCESSING_PLANT = 'PROCESSING_PLANT',
  WORKSHOP = 'WORKSHOP',
  PHOTOVOLTAIC = 'PHOTOVOLTAIC',
  TOURISM_FACILITY = 'TOURISM_FACILITY',
  LIVESTOCK = 'LIVESTOCK',
  ORCHARD = 'ORCHARD',
  MACHINERY = 'MACHINERY',
  EQUITY = 'EQUITY',
  OTHER = 'OTHER',
}
defineEnum(AssetCategory, 'AssetCategory', 'Category of asset. 资产类型', {
  ROAD: '道路交通',
  WATER_SUPPLY: '供水饮水',
  IRRIGATION: '农田水利',
  SCHOOL: '教育设施',
  CLINIC: '卫生室/医疗设施',
  SANITATION: '环境卫生',
  CULTURAL_FACILITY: '文化体育设施',
  GREENHOUSE: '日光温室/大棚',
  PROCESSING_PLANT: '加工厂房',
  WORKSHOP: '扶贫车间',
  PHOTOVOLTAIC: '光伏电站',
  TOURISM_FACILITY: '乡村旅游设施',
  LIVESTOCK: '养殖圈舍/牲畜',
  ORCHARD: '林果园',
  MACHINERY: '农机设备',
  EQUITY: '股权/资金入股',
  OTHER: '其他',
});

/** 资金来源: where project money came from (funding rows of assets; funding of measures). */
export enum FundingSource {
  CENTRAL_FISCAL = 'CENTRAL_FISCAL',
  PROVINCIAL_FISCAL = 'PROVINCIAL_FISCAL',
  CITY_FISCAL = 'CITY_FISCAL',
  DISTRICT_FISCAL = 'DISTRICT_FISCAL',
  GOVERNMENT_BOND = 'GOVERNMENT_BOND',
  EAST_WEST_COOPERATION = 'EAST_WEST_COOPERATION',
  PAIRED_ASSISTANCE = 'PAIRED_ASSISTANCE',
  SOCIAL_DONATION = 'SOCIAL_DONATION',
  SELF_RAISED = 'SELF_RAISED',
  OTHER = 'OTHER',
}
defineEnum(FundingSource, 'FundingSource', 'Source of funds. 资金来源', {
  CENTRAL_FISCAL: '中央财政衔接资金',
  PROVINCIAL_FISCAL: '省级财政资金',
  CITY_FISCAL: '市级财政资金',
  DISTRICT_FISCAL: '区级财政资金',
  GOVERNMENT_BOND: '政府债券资金',
  EAST_WEST_COOPERATION: '东西部协作资金',
  PAIRED_ASSISTANCE: '定点帮扶资金',
  SOCIAL_DONATION: '社会捐赠',
  SELF_RAISED: '自筹资金',
  OTHER: '其他资金',
});

export enum OwnershipLevel {
  DISTRICT = 'DISTRICT',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  HOUSEHOLD = 'HOUSEHOLD',
}
defineEnum(OwnershipLevel, 'OwnershipLevel', 'Level that owns the asset. 产权归属层级', {
  DISTRICT: '区级',
  TOWNSHIP: '乡镇级',
  VILLAGE: '村集体',
  HOUSEHOLD: '农户',
});

export enum AssetStatus {
  IN_USE = 'IN_USE',
  IDLE = 'IDLE',
  SOLD = 'SOLD',
  DONATED = 'DONATED',
  SCRAPPED = 'SCRAPPED',
  DISPOSED = 'DISPOSED',
}
defineEnum(AssetStatus, 'AssetStatus', 'Status of an asset. 资产状态', {
  IN_USE: '在用',
  IDLE: '闲置',
  SOLD: '已出售',
  DONATED: '已捐赠',
  SCRAPPED: '已报废',
  DISPOSED: '已处置',
});

export const AssetClassFilter = enumFilter(AssetClass, 'AssetClass', '资产类别');
export const AssetCategoryFilter = enumFilter(AssetCategory, 'AssetCategory', '资产类型');
export const AssetStatusFilter = enumFilter(AssetStatus, 'AssetStatus', '资产状态');
export const OwnershipLevelFilter = enumFilter(OwnershipLevel, 'OwnershipLevel', '产权归属层级');
export const FundingSourceFilter = enumFilter(FundingSource, 'FundingSource', '资金来源');

/** 收益分配用途 (国办函〔2021〕51号: revenue for upkeep, consolidation, village public welfare). */
export enum RevenuePurpose {
  MAINTENANCE = 'MAINTENANCE',
  CONSOLIDATION = 'CONSOLIDATION',
  VILLAGE_PUBLIC_WELFARE = 'VILLAGE_PUBLIC_WELFARE',
  HOUSEHOLD_DIVIDEND = 'HOUSEHOLD_DIVIDEND',
  PUBLIC_WELFARE_JOB_WAGES = 'PUBLIC_WELFARE_JOB_WAGES',
  OTHER = 'OTHER',
}
defineEnum(RevenuePurpose, 'RevenuePurpose', 'Purpose a share of asset revenue goes to. 收益分配用途', {
  MAINTENANCE: '资产管护',
  CONSOLIDATION: '巩固拓展脱贫攻坚成果',
  VILLAGE_PUBLIC_WELFARE: '村级公益事业',
  HOUSEHOLD_DIVIDEND: '农户分红',
  PUBLIC_WELFARE_JOB_WAGES: '公益岗位工资',
  OTHER: '其他',
});

/** 处置原因. */
export enum DisposalReason {
  DISASTER = 'DISASTER',
  ACCIDENT = 'ACCIDENT',
  PLANNING = 'PLANNING',
  END_OF_LIFE = 'END_OF_LIFE',
  OTHER = 'OTHER',
}
defineEnum(DisposalReason, 'DisposalReason', 'Why an asset is disposed of. 处置原因', {
  DISASTER: '自然灾害损毁',
  ACCIDENT: '意外事故损毁',
  PLANNING: '规划调整',
  END_OF_LIFE: '达到使用年限',
  OTHER: '其他',
});

/** 处置方式. */
export enum DisposalMethod {
  SALE = 'SALE',
  TRANSFER = 'TRANSFER',
  DONATION = 'DONATION',
  SCRAP = 'SCRAP',
  OTHER = 'OTHER',
}
defineEnum(DisposalMethod, 'DisposalMethod', 'How an asset is disposed of. 处置方式', {
  SALE: '拍卖/出售',
  TRANSFER: '无偿划转',
  DONATION: '捐赠',
  SCRAP: '报废',
  OTHER: '其他',
});

/** Step of a disposal (never a plain delete: 处置须经审批). */
export enum DisposalStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
defineEnum(DisposalStatus, 'DisposalStatus', 'Step of a disposal request. 处置审批状态', {
  REQUESTED: '待审批',
  APPROVED: '已批准',
  REJECTED: '已驳回',
});

export const RevenuePurposeFilter = enumFilter(RevenuePurpose, 'RevenuePurpose', '收益分配用途');
export const DisposalReasonFilter = enumFilter(DisposalReason, 'DisposalReason', '处置原因');
export const DisposalMethodFilter = enumFilter(DisposalMethod, 'DisposalMethod', '处置方式');
export const DisposalStatusFilter = enumFilter(DisposalStatus, 'DisposalStatus', '处置审批状态');
