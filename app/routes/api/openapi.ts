import { publicUrl } from "~/utils/email.server";
import { apiAction, apiLoader, cacheable } from "~/utils/open-data/http.server";
import { openApiDocument } from "~/utils/open-data/openapi.server";

/** The OpenAPI 3.1 document of /api/v1, generated from the response schemas. */
export const loader = apiLoader(async ({ request }) => {
  const { doc, version } = openApiDocument(publicUrl());
  return cacheable(request, `"${version}"`, async () => doc);
});
export const action = apiAction;
