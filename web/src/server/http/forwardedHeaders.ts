import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

/** The header the web server sets to the client's address; any value a client sends is replaced. */
export const clientAddressHeader = "x-liveloop-client-address";

export interface RequestOrigin {
  clientAddress: string;
  proto: "http" | "https";
  host: string;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;
}

/** The value the nearest proxy added: a proxy that appends leaves the client's own claim in front. */
function lastValue(value: string | string[] | undefined): string | undefined {
  return [value]
    .flat()
    .join(",")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
}

/**
 * Who is on the other end of a request and which URL they used. Behind `trustedProxyHops`
 * proxies, the client is the entry that many hops from the right of X-Forwarded-For (the
 * left part is whatever the client itself claimed) and the proxy's X-Forwarded-Proto/Host
 * are believed; with none, only the socket and the Host header count.
 */
export function requestOrigin(incoming: IncomingMessage, trustedProxyHops: number): RequestOrigin {
  const socketAddress = incoming.socket.remoteAddress ?? "unknown";
  const socketProto = (incoming.socket as Partial<TLSSocket>).encrypted ? "https" : "http";
  const host = firstValue(incoming.headers.host) ?? "localhost";
  if (trustedProxyHops === 0) return { clientAddress: socketAddress, proto: socketProto, host };
  const forwardedFor = [incoming.headers["x-forwarded-for"]]
    .flat()
    .flatMap((value) => (value ?? "").split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  const chain = [...forwardedFor, socketAddress];
  const clientAddress = chain[Math.max(0, chain.length - 1 - trustedProxyHops)] ?? socketAddress;
  const forwardedProto = lastValue(incoming.headers["x-forwarded-proto"])?.toLowerCase();
  return {
    clientAddress,
    proto: forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : socketProto,
    host: lastValue(incoming.headers["x-forwarded-host"]) ?? host,
  };
}

/**
 * Rewrites the forwarding headers to what `requestOrigin` established, before anything
 * reads them: Next and next-auth derive the public URL (redirects, Secure cookies) from
 * X-Forwarded-Proto/Host, and rate limits key on the client address. A client can
 * therefore never choose these values unless a trusted proxy vouches for them.
 */
export function applyRequestOrigin(incoming: IncomingMessage, origin: RequestOrigin): void {
  incoming.headers[clientAddressHeader] = origin.clientAddress;
  incoming.headers["x-forwarded-for"] = origin.clientAddress;
  incoming.headers["x-forwarded-proto"] = origin.proto;
  incoming.headers["x-forwarded-host"] = origin.host;
}

/** The client address the web server established (see applyRequestOrigin); "unknown" outside it. */
export function clientAddressOf(headers: Headers): string {
  return headers.get(clientAddressHeader) ?? "unknown";
}

/** Whether the request reached the console over HTTPS (directly or through a trusted proxy). */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get("x-forwarded-proto") === "https";
}

/**
 * The client a limit counts: IPv4 as it is, IPv6 by its /64 (one subscriber gets a
 * whole /64, so counting single IPv6 addresses would give an attacker 2^64 fresh keys).
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
