import polyglotI18nProvider from 'ra-i18n-polyglot';
import english from 'ra-language-english';
import enums from '../generated/enums.json';
import { resources } from '../resources/config';
import { merge, raChinese } from './ra-zh';

type Messages = { [key: string]: string | Messages };

/** Reasons the API gives (extensions.reason), in the user's language. */
const errorsZh: Record<string, string> = {
  STALE_VERSION: '该记录已被他人修改，请刷新后重试',
  DUPLICATE: '已存在相同的值',
  REFERENCE_NOT_FOUND: '引用的记录不存在',
  IN_USE: '仍有其他记录引用，无法删除',
  REQUIRED: '必填',
  INVALID_FORMAT: '格式不正确',
  INVALID_LENGTH: '长度不符合要求',
  INVALID_MONEY: '金额须为不小于0的数，最多两位小数',
  ID_NUMBER_FORMAT: '身份证号须为17位数字加一位数字或X',
  ID_NUMBER_CHECK_DIGIT: '身份证号校验位不正确（GB 11643-1999）',
  ID_NUMBER_BIRTH_DATE: '身份证号中的出生日期无效',
  HEAD_COUNT: '家庭成员中必须有且只有一位户主',
  HEAD_ALREADY_EXISTS: '该户已有户主',
  HEAD_REQUIRED: '该户需要一位户主',
  DIVISION_CODE_FORMAT: '区划代码格式不正确',
  DIVISION_CODE_PARENT: '区划代码与上级不一致',
  ORIGINAL_VALUE_MISMATCH: '资产原值须等于资金构成合计',
  END_BEFORE_START: '结束日期早于开始日期',
  TARGET_COUNT: '须且只能指定一个帮扶对象（户、村或安置点）',
  OUT_OF_RANGE: '超出允许范围',
  INVALID_VALUE: '值无效',
  INTERNAL: '服务器内部错误',
};
const errorsEn: Record<string, string> = {
  STALE_VERSION: 'Someone else changed this record: reload and try again',
  DUPLICATE: 'This value already exists',
  REFERENCE_NOT_FOUND: 'The referenced record does not exist',
  IN_USE: 'Other records still refer to it',
  REQUIRED: 'Required',
  INVALID_FORMAT: 'Invalid format',
  INVALID_LENGTH: 'Invalid length',
  INVALID_MONEY: 'Yuan ≥ 0 with at most 2 decimals',
  ID_NUMBER_FORMAT: 'ID number: 17 digits and a digit or X',
  ID_NUMBER_CHECK_DIGIT: 'ID number check digit is wrong (GB 11643-1999)',
  ID_NUMBER_BIRTH_DATE: 'The birth date in the ID number is not valid',
  HEAD_COUNT: 'Exactly one member must be the head',
  HEAD_ALREADY_EXISTS: 'The household already has a head',
  HEAD_REQUIRED: 'The household needs a head',
  DIVISION_CODE_FORMAT: 'Invalid division code',
  DIVISION_CODE_PARENT: 'The code does not match its parent',
  ORIGINAL_VALUE_MISMATCH: 'The original value must equal the funding total',
  END_BEFORE_START: 'The end is before the start',
  TARGET_COUNT: 'Give exactly one of household, village or site',
  OUT_OF_RANGE: 'Out of range',
  INVALID_VALUE: 'Invalid value',
  INTERNAL: 'Internal server error',
};

const humanize = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ');

function appMessages(lang: 'zh' | 'en'): Messages {
  const res: Messages = {};
  for (const r of resources) {
    const fields: Messages = {
      id: 'ID',
      fundings: lang === 'zh' ? '资金构成' : 'Funding',
      township: lang === 'zh' ? '乡镇' : 'Township',
    };
    for (const f of r.fields) fields[f.source] = f[lang];
    res[r.name] = { name: `${r[lang]} |||| ${r[lang]}`, fields };
  }
  const enumMessages: Messages = {};
  for (const [name, values] of Object.entries(enums as Record<string, Record<string, string>>)) {
    enumMessages[name] = Object.fromEntries(
      Object.entries(values).map(([k, zh]) => [k, lang === 'zh' ? zh.replace(/ \(.*\)$/, '') : humanize(k)]),
    );
  }
  return {
    resources: res,
    enums: enumMessages,
    errors: lang === 'zh' ? errorsZh : errorsEn,
    app: {
      title:
        lang === 'zh'
          ? '白银区巩固拓展脱贫攻坚成果同乡村振兴有效衔接'
          : 'Baiyin rural revitalisation registry',
      language: lang === 'zh' ? '语言' : 'Language',
      dashboard: {
        title: lang === 'zh' ? '概览' : 'Overview',
        households: lang === 'zh' ? '农户' : 'Households',
        people: lang === 'zh' ? '家庭成员' : 'People',
        relocated: lang === 'zh' ? '易地搬迁（户 / 人）' : 'Relocated (households / people)',
        assetValue: lang === 'zh' ? '扶贫项目资产原值' : 'Asset original value',
        householdsUnit: lang === 'zh' ? '户' : 'households',
        peopleUnit: lang === 'zh' ? '人' : 'people',
        measuresByType: lang === 'zh' ? '帮扶措施（按类型）' : 'Measures by type',
        assetsByClass: lang === 'zh' ? '资产原值（按类别）' : 'Asset value by class',
        count: lang === 'zh' ? '数量' : 'Count',
      },
      export: {
        xlsx: lang === 'zh' ? '导出Excel' : 'Export XLSX',
        csv: lang === 'zh' ? '导出CSV' : 'Export CSV',
        done: lang === 'zh' ? '已导出%{smart_count}条记录' : 'Exported %{smart_count} rows',
        yes: lang === 'zh' ? '是' : 'yes',
        no: lang === 'zh' ? '否' : 'no',
      },
      range: { gte: lang === 'zh' ? '起' : 'from', lte: lang === 'zh' ? '止' : 'to' },
      reload: lang === 'zh' ? '重新加载' : 'Reload',
      related: Object.fromEntries(resources.map((r) => [r.name, r[lang]])),
      tabs: {
        household: lang === 'zh' ? '基本信息' : 'Household',
        relocation: lang === 'zh' ? '易地搬迁' : 'Relocation',
        members: lang === 'zh' ? '家庭成员' : 'Members',
        measures: lang === 'zh' ? '帮扶措施' : 'Measures',
      },
    },
  };
}

export const messages = {
  zh: merge(raChinese, appMessages('zh')),
  en: merge(english as unknown as Messages, appMessages('en')),
};

/** zh-CN by default; English switchable (react-admin keeps the choice in its store). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? messages.en : messages.zh) as any,
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);
