/**
 * The incumbent Terraform resource's read (tencentcloud_organization_org_member): every resource
 * pages through ALL members, 50 at a time, and then picks its own — run with the real SDK against
 * the emulator, with Terraform's default parallelism (10 resources at a time) and a 20 calls/s
 * per-action limit like the Terraform provider's own rate limiter.
 */
import { Client as OrganizationClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/organization/v20210331/organization_client";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../../test/emulator/index";

/** Reads `memberUins`, each by a full listing; returns calls made and seconds taken. */
export async function incumbentRefresh(
  endpointUrl: string,
  memberUins: number[],
  parallelism = 10,
): Promise<{ calls: number; throttled: number; seconds: number }> {
  const url = new URL(endpointUrl);
  const client = new OrganizationClient({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    region: "",
    profile: { httpProfile: { endpoint: url.host, protocol: "http://", reqTimeout: 60 } },
  });
  let calls = 0;
  let throttled = 0;
  let nextSend = 0;
  const limit = async () => {
    // 20 calls/s, evenly spaced (a token bucket of rate 20, burst 1).
    const now = performance.now();
    const at = Math.max(now, nextSend);
    nextSend = at + 50;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };
  const readOne = async (memberUin: number) => {
    const all: { MemberUin?: number }[] = [];
    for (let offset = 0; ; offset += 50) {
      let page: Awaited<ReturnType<typeof client.DescribeOrganizationMembers>>;
      for (;;) {
        await limit();
        calls++;
        try {
          page = await client.DescribeOrganizationMembers({ Offset: offset, Limit: 50 });
          break;
        } catch (error) {
          // Terraform's provider retries throttling (resource.Retry); so does this replay of it.
          if (!String((error as { code?: string }).code).startsWith("RequestLimitExceeded")) throw error;
          throttled++;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      all.push(...(page.Items ?? []));
      if ((page.Items ?? []).length < 50) break;
    }
    return all.find((m) => m.MemberUin === memberUin);
  };
  const started = performance.now();
  const queue = [...memberUins];
  await Promise.all(
    Array.from({ length: Math.min(parallelism, queue.length) }, async () => {
      for (let uin = queue.shift(); uin !== undefined; uin = queue.shift()) await readOne(uin);
    }),
  );
  return { calls, throttled, seconds: (performance.now() - started) / 1000 };
}
