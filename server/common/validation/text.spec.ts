import { findInvalidText, isStorableText, textProblem } from './text';

describe('the text check', () => {
  it('refuses NUL and lone surrogates, accepts astral characters', () => {
    expect(textProblem('张\u0000三')).toBe('NUL');
    expect(textProblem('张\uD800三')).toBe('LONE_SURROGATE');
    expect(textProblem('\uDC00')).toBe('LONE_SURROGATE');
    expect(textProblem('张\uDBFF')).toBe('LONE_SURROGATE');
    expect(textProblem('𠮷野家')).toBeNull();
    expect(isStorableText('😀 ok')).toBe(true);
    expect(findInvalidText({ a: [{ b: 'x' }, { c: '\uD83D' }] }, 'input')).toEqual({
      path: 'input.a.1.c',
      problem: 'LONE_SURROGATE',
    });
  });
});
