import { apiAction, apiLoader, notFoundProblem } from "~/utils/open-data/http.server";

/** Any other address under /api/v1: a 404 in problem details, not a page. */
export const loader = apiLoader(async () => notFoundProblem());
export const action = apiAction;
