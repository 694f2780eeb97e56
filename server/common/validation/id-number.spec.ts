import { idNumberCheckChar, parseIdNumber } from './id-number';

describe('GB 11643-1999 ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character (the standard’s worked example)', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002x')).toEqual({
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      regionCode: '110105',
    });
  });

  it('derives birth date and gender', () => {
    const first17 = '62040219800229123';
    expect(parseIdNumber(first17 + idNumberCheckChar(first17))).toEqual({
      birthDate: '1980-02-29',
      gender: 'MALE',
      regionCode: '620402',
    });
  });

  it.each([
    ['62040219800229123', 'ID_NUMBER_FORMAT'],
    ['6204021981022912X3', 'ID_NUMBER_FORMAT'],
    ['620402198102291230', 'ID_NUMBER_BIRTH_DATE'],
    ['620402189912311230', 'ID_NUMBER_BIRTH_DATE'],
    ['620402209912311230', 'ID_NUMBER_BIRTH_DATE'],
  ])('rejects %s with %s', (id, reason) => {
    expect(parseIdNumber(id, new Date('2026-11-29'))).toMatchObject({ reason });
  });

  it('rejects every wrong check character', () => {
    const first17 = '62040219750615456';
    const right = idNumberCheckChar(first17);
    for (const c of '0123456789X'.split('').filter((x) => x !== right)) {
      expect(parseIdNumber(first17 + c)).toMatchObject({ reason: 'ID_NUMBER_CHECK_DIGIT' });
    }
  });
});
