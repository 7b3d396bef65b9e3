import type { useLoaderData } from "@remix-run/react";
import type { loader } from "./route";

/** What the pilot page's loader gives its components. */
export type PilotPageData = ReturnType<typeof useLoaderData<typeof loader>>;
export type Pilot = PilotPageData["pilot"];
