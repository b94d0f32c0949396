// Region scope by construction: every statement a viewer's request runs goes
// through PostgreSQL row-level security (prisma/migrations/*_row_level_security).
// The client handed to resolvers runs each query in a short transaction that
// first switches to the role `fanpin_viewer` and sets the viewer's region, role,
// department, cadre and user id; the policies do the rest, in the same SQL that
// Prisma builds for nested relations. An interactive transaction
// (`$transaction(async (tx) => …)`) gets the settings once, at its start.
//
// Why row-level security and not a scoped layer in TypeScript: a layer above
// Prisma sees only the top of a query. It can add a where-clause to a list but
// not to a to-one join (`contract { household { members } }`), and every new
// relation has to remember the rule. The database applies the policy to every
// table a statement touches, Prisma's lateral joins included.
//
// Measured on the household page (50 households with members, incomes and
// contracts with their entity; 2 data statements either way), on a machine
// loaded by other work (load average 20, so absolute numbers are high): the
// page's SQL executes in 89 ms under the policies against 85 ms as the owner
// (+5%); end to end through Prisma 538 ms against 292 ms, because each data
// statement becomes three round trips (BEGIN with the settings, the statement,
// COMMIT), each waiting for a busy CPU. A scoped layer in TypeScript would
// have saved those round trips and not closed the to-one leak; fewer round
// trips per request (one transaction per request) is issue 12's to weigh.
import { Prisma, type PrismaClient } from './db.ts';

/** What the policies read: the viewer's scope. `null` (anonymous) sees nothing. */
export interface ViewerScope {
  id: number;
  role: string;
  regionCode: string;
  department: string | null;
  cadreId: number | null;
}

const SET_SCOPE =
  "SELECT set_config('role', 'fanpin_viewer', true), set_config('fanpin.region', $1, true), set_config('fanpin.role', $2, true), " +
  "set_config('fanpin.department', $3, true), set_config('fanpin.cadre_id', $4, true), set_config('fanpin.user_id', $5, true)";

function scopeParams(scope: ViewerScope | null): string[] {
  if (!scope) return ['', '', '', '', ''];
  return [scope.regionCode, scope.role, scope.department ?? '', scope.cadreId == null ? '' : String(scope.cadreId), String(scope.id)];
}

type Settable = Pick<PrismaClient, '$queryRawUnsafe'>;

/** A client whose every statement runs under the viewer's row-level security. */
export function scopedPrisma(base: PrismaClient, scope: ViewerScope | null): PrismaClient {
  const params = scopeParams(scope);
  const setScope = (client: Settable) => client.$queryRawUnsafe(SET_SCOPE, ...params);
  const lookups = uniqueLookups(base, setScope);
  const extended = base.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (model && (operation === 'findUnique' || operation === 'findUniqueOrThrow')) {
          return lookups.load(model, args, operation === 'findUniqueOrThrow');
        }
        const [, result] = await base.$transaction([setScope(base), query(args)]);
        return result;
      },
    },
  });
  // Interactive transactions run on the unextended client: one connection,
  // the settings applied once (SET LOCAL lasts until the transaction ends).
  const transaction = (work: unknown, options?: unknown) => {
    if (typeof work !== 'function')
      throw new Error('scopedPrisma: only interactive transactions ($transaction(async (tx) => …)) are supported');
    return base.$transaction(
      async (tx) => {
        await setScope(tx);
        return (work as (tx: unknown) => Promise<unknown>)(tx);
      },
      options as Parameters<PrismaClient['$transaction']>[1],
    );
  };
  return new Proxy(extended, {
    get: (target, property, receiver) => (property === '$transaction' ? transaction : Reflect.get(target, property, receiver)),
  }) as unknown as PrismaClient;
}

/**
 * Unique lookups of one tick, in one scoped transaction on one connection.
 * Pothos loads a relation it could not join as one findUniqueOrThrow per
 * parent; outside a transaction Prisma merges those into one statement, but a
 * transaction per call took a pooled connection each and exhausted the pool
 * (50 lookups: 150 statements in 50 transactions, now 52 in one).
 */
function uniqueLookups(base: PrismaClient, setScope: (client: Settable) => unknown) {
  type Pending = { model: string; args: unknown; orThrow: boolean; resolve: (row: unknown) => void; reject: (error: unknown) => void };
  let pending: Pending[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    const delegate = (model: string) =>
      (base as unknown as Record<string, { findUnique(args: unknown): unknown }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    base
      .$transaction([
        setScope(base),
        ...batch.map((p) => delegate(p.model).findUnique(p.args)),
      ] as unknown as Prisma.PrismaPromise<unknown>[])
      .then((results) => {
        const rows = results.slice(1);
        batch.forEach((p, i) => {
          if (rows[i] == null && p.orThrow)
            p.reject(
              new Prisma.PrismaClientKnownRequestError(`No ${p.model} found`, {
                code: 'P2025',
                clientVersion: Prisma.prismaVersion.client,
                meta: { modelName: p.model },
              }),
            );
          else p.resolve(rows[i] ?? null);
        });
      })
      .catch((error: unknown) => batch.forEach((p) => p.reject(error)));
  };
  return {
    load: (model: string, args: unknown, orThrow: boolean) =>
      new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ model, args, orThrow, resolve, reject });
      }),
  };
}
