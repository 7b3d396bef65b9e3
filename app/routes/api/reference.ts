import { REFERENCE_LISTS, referenceList, type ReferenceList } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import {
  apiAction,
  apiLoader,
  cacheable,
  etagFor,
  notFoundProblem,
  rejectUnknown,
} from "~/utils/open-data/http.server";
import { loc } from "~/utils/open-data/map.server";
import type { ReferenceListOut } from "~/utils/open-data/schemas.server";

/** A reference list: official codes and both languages' names. */
export const loader = apiLoader(async ({ request, url, params }) => {
  rejectUnknown(url, []);
  const list = params.list as ReferenceList;
  if (!(REFERENCE_LISTS as readonly string[]).includes(list)) notFoundProblem();
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), async (): Promise<ReferenceListOut> => {
    const rows = await referenceList(ctx.db, list, ctx.generation);
    return {
      list,
      data: rows.map(({ name, phases, ...rest }) => ({
        ...rest,
        name: loc(name),
        ...(phases ? { phases: phases.map((p) => ({ ...p, name: loc(p.name) })) } : {}),
      })),
    };
  });
});
export const action = apiAction;
