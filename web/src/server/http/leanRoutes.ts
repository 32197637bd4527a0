import { leanRouteMatcher } from "@/server/api/endpoints";

/** The ingest endpoints the web server answers itself (the registry's `lean` entries). */
export const leanRoutes = leanRouteMatcher();
