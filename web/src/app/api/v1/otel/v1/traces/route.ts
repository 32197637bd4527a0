import { apiRoute } from "@/server/api/route";
import { otlpTraceExportRoute } from "@/server/otel/otlpRoute";

export const POST = apiRoute(otlpTraceExportRoute);
