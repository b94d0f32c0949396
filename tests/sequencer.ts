// Files that check the generated county's exact figures run first, while the
// data is as generated; files whose tests write (and may leave rows behind) come
// after. Within each group the order is vitest's usual one.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const PRISTINE = ['/tests/seed/', '/tests/analytics/'];
const rank = (file: string) => (PRISTINE.some((dir) => file.includes(dir)) ? 0 : 1);

export default class PristineFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted].sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
  }
}
