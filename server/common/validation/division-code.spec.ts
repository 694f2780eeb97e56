import { committeeTypeOf, townshipKindOf } from './division-code';

describe('division codes', () => {
  it('reads the kind of a township-level unit from digits 7–9', () => {
    expect(townshipKindOf('620402001000')).toEqual({ kind: 'STREET' });
    expect(townshipKindOf('620402100000')).toEqual({ kind: 'TOWN' });
    expect(townshipKindOf('620402201000')).toEqual({ kind: 'TOWNSHIP' });
    expect(townshipKindOf('620402000000')).toMatchObject({ reason: 'DIVISION_CODE_KIND' });
  });

  it('checks a village code against its township and reads its committee type', () => {
    expect(committeeTypeOf('620402100211', '620402100000')).toEqual({ committeeType: 'VILLAGE' });
    expect(committeeTypeOf('620402001001', '620402001000')).toEqual({ committeeType: 'COMMUNITY' });
    expect(committeeTypeOf('620402101211', '620402100000')).toMatchObject({ reason: 'DIVISION_CODE_PARENT' });
    expect(committeeTypeOf('620402100000', '620402100000')).toMatchObject({ reason: 'DIVISION_CODE_KIND' });
    expect(committeeTypeOf('62040210021', '620402100000')).toMatchObject({ reason: 'DIVISION_CODE_FORMAT' });
  });
});
