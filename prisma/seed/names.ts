// Chinese names: surnames weighted by their frequency in northern Anhui,
// given names that follow the fashion of the birth decade (a woman born in
// 1945 is more likely 桂英 than 梓涵), and the pieces village names are made of.
import type { Random } from './random.ts';

// Approximate shares (‰) of the commonest surnames; the long tail is flattened.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 80], ['张', 76], ['李', 74], ['刘', 60], ['陈', 40], ['杨', 32], ['赵', 28], ['黄', 20],
  ['周', 20], ['吴', 19], ['徐', 18], ['孙', 17], ['胡', 15], ['朱', 15], ['高', 13], ['林', 8],
  ['何', 10], ['郭', 12], ['马', 12], ['罗', 6], ['梁', 7], ['宋', 9], ['郑', 7], ['谢', 5],
  ['韩', 7], ['唐', 6], ['冯', 6], ['于', 5], ['董', 6], ['萧', 3], ['程', 6], ['曹', 7],
  ['袁', 5], ['邓', 4], ['许', 7], ['傅', 2], ['沈', 3], ['曾', 2], ['彭', 4], ['吕', 5],
  ['苏', 4], ['卢', 4], ['蒋', 4], ['蔡', 4], ['贾', 4], ['丁', 6], ['魏', 5], ['薛', 4],
  ['叶', 3], ['阎', 3], ['余', 3], ['潘', 3], ['杜', 4], ['戴', 3], ['夏', 3], ['钟', 2],
  ['汪', 3], ['田', 4], ['任', 4], ['姜', 3], ['范', 3], ['方', 3], ['石', 4], ['姚', 3],
  ['谭', 2], ['廖', 1], ['邹', 2], ['熊', 2], ['金', 3], ['陆', 3], ['郝', 3], ['孔', 3],
  ['白', 3], ['崔', 3], ['康', 2], ['毛', 2], ['邱', 2], ['秦', 2], ['江', 2], ['史', 3],
  ['顾', 2], ['侯', 3], ['邵', 2], ['孟', 3], ['龙', 1], ['万', 2], ['段', 2], ['雷', 2],
  ['钱', 2], ['汤', 2], ['尹', 2], ['黎', 1], ['易', 1], ['常', 3], ['武', 3], ['乔', 2],
  ['贺', 2], ['赖', 1], ['龚', 1], ['文', 1], ['鲍', 2], ['葛', 2], ['屠', 1], ['殷', 1],
];

const MALE = {
  // born before 1960
  old: ['建国', '国庆', '德华', '永福', '长发', '广才', '守信', '振华', '志刚', '桂林', '玉山', '金山', '保国', '福生', '守田', '家富', '春生', '秋生', '文礼', '树林', '庆余', '如意', '登科', '连城'],
  // 1960–1989
  mid: ['伟', '强', '军', '勇', '磊', '涛', '斌', '明', '超', '刚', '辉', '杰', '建华', '建军', '卫东', '海峰', '永强', '春雷', '志勇', '红兵', '立新', '国平', '小龙', '德胜', '学文', '金宝', '乃兵', '昌盛'],
  // 1990 and later
  young: ['浩然', '子轩', '宇航', '俊杰', '鹏', '浩', '博文', '天佑', '梓豪', '一鸣', '嘉乐', '思远', '明轩', '晨阳', '家豪', '子墨', '沐宸', '奕辰', '宇轩', '锦程', '皓轩', '铭泽'],
};
const FEMALE = {
  old: ['桂英', '秀兰', '玉兰', '秀英', '凤英', '桂兰', '兰英', '素珍', '淑珍', '玉珍', '翠花', '秀珍', '凤兰', '金凤', '巧云', '月英', '玉梅', '春兰', '秀云', '桂芝', '德芳', '玉芝'],
  mid: ['丽', '芳', '敏', '静', '燕', '霞', '艳', '娟', '红梅', '海燕', '秀梅', '小红', '玉华', '丽娟', '春艳', '晓梅', '梅', '莉', '慧', '美玲', '彩霞', '雪梅', '红霞', '文静'],
  young: ['梓涵', '欣怡', '子涵', '诗涵', '雨涵', '可馨', '佳怡', '思琪', '一诺', '雨桐', '语嫣', '若曦', '梦瑶', '紫萱', '欣然', '佳琪', '婉清', '依诺', '梓萱', '芷若', '诗雨', '沐晴'],
};

export class NameMaker {
  private readonly surnameTable: readonly (readonly [string, number])[] = SURNAMES;
  constructor(private readonly rnd: Random) {}

  surname(): string {
    return this.rnd.weighted(this.surnameTable);
  }

  given(gender: 'MALE' | 'FEMALE', birthYear: number): string {
    const pool = gender === 'MALE' ? MALE : FEMALE;
    const era = birthYear < 1960 ? pool.old : birthYear < 1990 ? pool.mid : pool.young;
    // One time in six, borrow from the neighbouring era (older names linger, newer ones
    // do not travel back): old ↔ mid, young ← mid.
    const list = this.rnd.chance(1 / 6) ? (era === pool.mid ? pool.old : pool.mid) : era;
    return this.rnd.pick(list);
  }

  full(gender: 'MALE' | 'FEMALE', birthYear: number, surname = this.surname()): string {
    return surname + this.given(gender, birthYear);
  }

  /** An adult name for staff rows (doctors, cadres, legal representatives), born in [from, to]. */
  adult(from = 1960, to = 1995): string {
    const gender = this.rnd.chance(0.72) ? 'MALE' : 'FEMALE';
    return this.full(gender, this.rnd.int(from, to));
  }
}

// ───────────── place names ─────────────

/** First parts of village names: surnames (clan villages) and landscape words. */
export const PLACE_HEADS: readonly string[] = [
  '王', '张', '李', '刘', '陈', '杨', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '郭', '马', '宋', '韩',
  '冯', '董', '程', '曹', '许', '丁', '魏', '田', '任', '石', '孔', '崔', '史', '侯', '孟', '常', '武', '葛',
  '大', '小', '东', '西', '南', '北', '前', '后', '新', '老', '上', '下', '中', '双', '三', '四', '五', '八',
  '柳', '桃', '杏', '梨', '槐', '枣', '柏', '松', '芦', '荷', '麦', '稻', '黄', '白', '青', '红', '金', '银',
  '龙', '凤', '鹿', '马', '牛', '羊', '鸭', '鹅', '永', '太', '和', '安', '康', '丰', '富', '兴', '胜', '利',
];
/** Second parts: the landscape words that end northern Anhui place names. */
export const PLACE_TAILS: readonly string[] = [
  '庄', '圩', '集', '湖', '楼', '营', '岗', '店', '桥', '沟', '郢', '园', '塘', '洼', '口', '庙', '寨', '林',
  '湾', '井', '坊', '台', '坝', '山', '河', '滩', '店子', '家', '场', '铺',
];
/** Names for communities (社区) in town seats. */
export const COMMUNITY_HEADS: readonly string[] = [
  '城关', '运河', '新华', '文昌', '虹桥', '泗州', '汴河', '朝阳', '建设', '解放', '人民', '东关', '西关',
  '南关', '北关', '和平', '幸福', '民主', '团结', '繁荣', '光明', '育才', '新城', '府前', '隋堤', '丰收',
];

/** A unique place name made of a head and a tail, not yet in `used`. */
export function placeName(rnd: Random, used: Set<string>, suffix: string): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = rnd.pick(PLACE_HEADS) + rnd.pick(PLACE_TAILS);
    if (!used.has(name)) {
      used.add(name);
      return name + suffix;
    }
  }
  // Practically unreachable (90 × 30 combinations for ~200 villages): add a third character.
  for (let attempt = 0; ; attempt++) {
    const name = rnd.pick(PLACE_HEADS) + rnd.pick(PLACE_HEADS) + rnd.pick(PLACE_TAILS);
    if (!used.has(name)) {
      used.add(name);
      return name + suffix;
    }
  }
}

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '180', '181', '182', '183', '185', '186', '187', '188', '189'];

/** A mobile number: 11 digits starting 13x / 15x / 18x. */
export function mobile(rnd: Random): string {
  return rnd.pick(PHONE_PREFIXES) + String(rnd.int(0, 99_999_999)).padStart(8, '0');
}
