/**
 * 12-digit statistical division codes (统计用区划代码, NBS): 6 digits county, 3 township, 3 village.
 * Baiyin District is 620402 (NBS statistical division codes).
 */
export const DISTRICT_CODE = '620402';

export type TownshipKindCode = 'STREET' | 'TOWN' | 'TOWNSHIP';
export type CommitteeTypeCode = 'VILLAGE' | 'COMMUNITY';

/**
 * Checks a township-level code: 620402 + 3 digits + 000. Returns the kind its digits 7–9 imply
 * (001–099 street 街道, 100–199 town 镇, 200–399 township 乡) or a reason: DIVISION_CODE_FORMAT,
 * DIVISION_CODE_PARENT (not in this district), DIVISION_CODE_KIND (digits 7–9 outside 001–399).
 */
export function townshipKindOf(
  code: string,
): { kind: TownshipKindCode } | { reason: string; message: string } {
  if (!/^\d{12}$/.test(code) || !code.endsWith('000')) {
    return { reason: 'DIVISION_CODE_FORMAT', message: 'must be 12 digits ending in 000' };
  }
  if (!code.startsWith(DISTRICT_CODE)) {
    return { reason: 'DIVISION_CODE_PARENT', message: `must start with the district code ${DISTRICT_CODE}` };
  }
  const n = Number(code.slice(6, 9));
  if (n >= 1 && n <= 99) return { kind: 'STREET' };
  if (n >= 100 && n <= 199) return { kind: 'TOWN' };
  if (n >= 200 && n <= 399) return { kind: 'TOWNSHIP' };
  return { reason: 'DIVISION_CODE_KIND', message: 'digits 7–9 must be 001–399' };
}

/**
 * Checks a village-level code against its township's: the first 9 digits are the township's, the last 3
 * are 001–199 (居委会, COMMUNITY) or 200–399 (村委会, VILLAGE). Reasons as for townships.
 */
export function committeeTypeOf(
  code: string,
  townshipCode: string,
): { committeeType: CommitteeTypeCode } | { reason: string; message: string } {
  if (!/^\d{12}$/.test(code)) return { reason: 'DIVISION_CODE_FORMAT', message: 'must be 12 digits' };
  if (code.slice(0, 9) !== townshipCode.slice(0, 9)) {
    return {
      reason: 'DIVISION_CODE_PARENT',
      message: `must start with its township's ${townshipCode.slice(0, 9)}`,
    };
  }
  const n = Number(code.slice(9));
  if (n >= 1 && n <= 199) return { committeeType: 'COMMUNITY' };
  if (n >= 200 && n <= 399) return { committeeType: 'VILLAGE' };
  return { reason: 'DIVISION_CODE_KIND', message: 'digits 10–12 must be 001–399' };
}
