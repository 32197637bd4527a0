import { apiRoute } from "@/server/api/route";
import { otlpLogExportRoute } from "@/server/otel/otlpRoute";

export const POST = apiRoute(otlpLogExportRoute);
