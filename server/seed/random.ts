import { idNumberCheckChar } from '../common/validation/id-number';

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same demo population. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) if ((r -= w) < 0) return value;
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗魏牛汪苏韩冯董薛曹袁邓许傅沈曾彭吕蒋蔡贾丁'.split(
  '',
);
const GIVEN_MALE = '建国军伟强磊洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林文武振兴亮成志'.split('');
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英华慧巧美娇兰红玉萍琴梅莉雪倩婷颖琳晶燕云凤桂珍'.split('');

export function surname(r: Random): string {
  return r.pick(SURNAMES);
}

/** A synthetic given name of one or two characters. */
export function givenName(r: Random, male: boolean): string {
  const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
  return r.chance(0.7) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
}

/**
 * Synthetic 18-character ID numbers with valid GB 11643-1999 check digits, unique within one run:
 * region 620402, the given birth date, a sequence whose parity carries the gender.
 */
export class IdNumberFactory {
  private readonly used = new Set<string>();
  constructor(private readonly r: Random) {}

  make(birthDate: string, male: boolean): string {
    const date = birthDate.replace(/-/g, '');
    let seq = this.r.int(0, 499) * 2 + (male ? 1 : 0);
    for (let tries = 0; tries < 500; tries++) {
      const first17 = `620402${date}${String(seq).padStart(3, '0')}`;
      const id = first17 + idNumberCheckChar(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
      seq = (seq + 2) % 1000;
    }
    throw new Error(`no free ID number sequence left for ${birthDate}`);
  }
}
