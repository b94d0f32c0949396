// Row-level security holds only if every data path uses the viewer's client
// (services/scopedDb.ts). The unscoped one exists for authentication alone:
// these checks keep it there.
import { describe, expect, it } from 'vitest';
import { offenders, sources } from '../support/sources.ts';

const services = sources('services');

describe('the unscoped database client', () => {
  it('is read from the context only by authentication (services/auth)', () => {
    const outside = services.filter((f) => !f.startsWith('services/auth/'));
    expect(offenders(outside, /\bctx\.system\b/)).toEqual([]);
    // The check sees what it must: login uses it.
    expect(offenders(['services/auth/login.ts'], /\bctx\.system\b/).length).toBeGreaterThan(0);
  });

  it('is made once, by the entry point, and wrapped per viewer in the context and the upload route only', () => {
    expect(offenders(services, /\bcreatePrisma\(/).map((line) => line.split(':')[0])).toEqual(['services/db.ts', 'services/main.ts']);
    expect([...new Set(offenders(services, /\bscopedPrisma\(/).map((line) => line.split(':')[0]))].sort()).toEqual([
      'services/crosscheck/routes.ts',
      'services/graphql/context.ts',
      'services/scopedDb.ts',
    ]);
  });
});
