// Where the server may send requests on a project's behalf (a judge's base URL today,
// alert webhooks next). The URL comes from whoever holds an admin session or the secret
// key, and the answer is kept and shown (judge calls), so an unchecked URL would let a
// leaked key read the cloud metadata service or internal admin pages (SSRF).
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export interface OutboundPolicy {
  /**
   * Whether loopback and private networks may be called: off by default; on for a judge
   * served on the same machine or network (Ollama, vLLM), with LIVELOOP_OUTBOUND_ALLOW_PRIVATE.
   */
  allowPrivate: boolean;
  /** The environment variable that sets allowPrivate, named in refusals (alert webhooks have their own). */
  allowPrivateVariable?: string | undefined;
  /** Every address a host name resolves to (tests give their own). */
  resolve?: ((hostname: string) => Promise<string[]>) | undefined;
}

function blockList(subnets: readonly (readonly [string, number, "ipv4" | "ipv6"])[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

/** Never called: link-local (where clouds serve instance credentials), "this network", multicast, reserved. */
const forbidden = blockList([
  ["0.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"],
  ["224.0.0.0", 3, "ipv4"],
  ["::", 128, "ipv6"],
  ["fe80::", 10, "ipv6"],
  ["ff00::", 8, "ipv6"],
  // AWS's IPv6 metadata address lives in the unique-local range, so it is named on its own.
  ["fd00:ec2::254", 128, "ipv6"],
]);

/** Loopback and private networks: reachable only where the operator allows it. */
const privateNetworks = blockList([
  ["127.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["100.64.0.0", 10, "ipv4"],
  ["::1", 128, "ipv6"],
  ["fc00::", 7, "ipv6"],
]);

export type AddressKind = "public" | "private" | "forbidden";

/** What an IP address is for the policy; IPv4-mapped IPv6 addresses count as their IPv4 address. */
export function addressKind(address: string): AddressKind {
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (forbidden.check(address, family)) return "forbidden";
  if (privateNetworks.check(address, family)) return "private";
  return "public";
}

function addressProblem(host: string, address: string, policy: OutboundPolicy): string | null {
  const kind = addressKind(address);
  const named = host === address ? address : `${host} (${address})`;
  if (kind === "forbidden") return `${named} is a link-local or reserved address, which Liveloop never calls`;
  if (kind === "private" && !policy.allowPrivate)
    return `${named} is a loopback or private address; set ${policy.allowPrivateVariable ?? "LIVELOOP_OUTBOUND_ALLOW_PRIVATE"}=1 to let this server call loopback and private networks`;
  return null;
}

/** URL.hostname keeps IPv6 literals in brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

function urlProblem(url: URL): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return `${url.protocol} URLs are not called; use http or https`;
  if (url.username || url.password) return "the URL must not carry a user name or password; give an API key instead";
  return null;
}

/**
 * Why a URL may not be saved, judged without DNS (names are checked again when called,
 * as they can resolve differently later): a literal address or `localhost` is checked now.
 */
export function outboundUrlProblemNow(raw: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a URL";
  }
  const host = bareHost(url);
  const problem = urlProblem(url);
  if (problem) return problem;
  if (isIP(host)) return addressProblem(host, host, policy);
  if (host === "localhost" || host.endsWith(".localhost")) return addressProblem(host, "127.0.0.1", policy);
  return null;
}

const systemResolve = async (hostname: string): Promise<string[]> =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address }) => address);

/**
 * Why a URL may not be called right now: its scheme, or any address its host resolves to
 * (every one is checked, so a name with one public and one private address is refused).
 */
export async function outboundUrlProblem(raw: string, policy: OutboundPolicy): Promise<string | null> {
  const early = outboundUrlProblemNow(raw, policy);
  if (early) return early;
  const url = new URL(raw);
  const host = bareHost(url);
  if (isIP(host)) return null;
  let addresses: string[];
  try {
    addresses = await (policy.resolve ?? systemResolve)(host);
  } catch (error) {
    return `${host} could not be resolved (${error instanceof Error ? error.message : String(error)})`;
  }
  for (const address of addresses) {
    const problem = addressProblem(host, address, policy);
    if (problem) return problem;
  }
  return null;
}

export class OutboundUrlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundUrlRefusedError";
  }
}

/**
 * `fetch` that checks the URL against the policy before each request and never follows
 * redirects (an allowed host could otherwise send us on to a refused one): they fail, or
 * with `redirect: "manual"` come back as the 3xx answer for the caller to report. The check
 * resolves names just before connecting, which leaves a window of milliseconds for DNS
 * rebinding; a network egress policy is the complete answer, documented in the README.
 */
export function guardedFetch(policy: OutboundPolicy | (() => OutboundPolicy), underlying: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    // A function is read at call time: the process's policy comes from the environment, parsed on first use.
    const problem = await outboundUrlProblem(url, typeof policy === "function" ? policy() : policy);
    if (problem) throw new OutboundUrlRefusedError(problem);
    return underlying(input, { ...init, redirect: init?.redirect === "manual" ? "manual" : "error" });
  };
}
