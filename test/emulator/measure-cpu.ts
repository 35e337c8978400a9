/**
 * Measures the CPU one emulator call costs at a given organization size (issue 9.4: ≤ 5 ms per call
 * at 5,000 members). It measures and prints; it asserts nothing, so no test depends on timing.
 *
 *   npx tsx test/emulator/measure-cpu.ts [members=5000] [callsPerAction=200]
 *
 * CPU is process.cpuUsage() (user + system) around each batch of calls, in one process: it includes
 * the SDK client's signing and parsing (measured alone as the empty-organization row).
 */
import { aMember, orgClient, tagClient } from "./clients";
import { FIRST_MEMBER_UIN, startEmulator } from "./index";

async function cpuPerCall(calls: number, call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await call(i); // warm-up
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

async function measure(members: number, calls: number): Promise<Record<string, number>> {
  const emulator = await startEmulator({
    rateLimitPerSecond: 0,
    seedMembers: members,
    memberLimit: members + 10 * calls + 100,
    tagValueQuota: 100_000,
  });
  try {
    const org = orgClient(emulator);
    const tags = tagClient(emulator);
    const created: number[] = [];
    const middle = FIRST_MEMBER_UIN + Math.floor(members / 2);
    const results: Record<string, number> = {};
    results.CreateOrganizationMember = await cpuPerCall(calls, async () =>
      created.push((await org.CreateOrganizationMember(aMember({ Tags: [{ TagKey: "owner", TagValue: `m-${created.length}` }] }))).Uin!),
    );
    results["DescribeOrganizationMembers (first page)"] = await cpuPerCall(calls, () =>
      org.DescribeOrganizationMembers({ Offset: 0, Limit: 50 }),
    );
    results["DescribeOrganizationMembers (SearchKey UIN)"] = await cpuPerCall(calls, () =>
      org.DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: String(members > 0 ? middle : created[0]) }),
    );
    results["DescribeOrganizationMembers (Tags key)"] = await cpuPerCall(calls, () =>
      org.DescribeOrganizationMembers({ Offset: 0, Limit: 50, Tags: [{ TagKey: "owner", TagValue: "m-1" }] }),
    );
    results.UpdateOrganizationMember = await cpuPerCall(calls, (i) =>
      org.UpdateOrganizationMember({ MemberUin: created[i % created.length], Remark: `r${i}` }),
    );
    results.MoveOrganizationNodeMembers = await cpuPerCall(calls, (i) =>
      org.MoveOrganizationNodeMembers({ NodeId: 100001 + (i % 3), MemberUin: [created[i % created.length]] }),
    );
    results.ModifyResourceTags = await cpuPerCall(calls, (i) =>
      tags.ModifyResourceTags({
        Resource: `qcs::organization::uin/:member/${created[i % created.length]}`,
        ReplaceTags: [{ TagKey: "team", TagValue: `t${i % 7}` }],
      }),
    );
    results.DescribeOrganizationNodes = await cpuPerCall(calls, () => org.DescribeOrganizationNodes({ Offset: 0, Limit: 50 }));
    results.DescribeOrganizationMemberAuthIdentities = await cpuPerCall(calls, (i) =>
      org.DescribeOrganizationMemberAuthIdentities({ Offset: 0, Limit: 50, MemberUin: created[i % created.length] }),
    );
    let deleted = 0;
    results.DeleteAccount = await cpuPerCall(Math.min(calls, created.length - 5), () =>
      org.DeleteAccount({ MemberUin: created[deleted++] }),
    );
    return results;
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  delete process.env.http_proxy;
  const members = Number(process.argv[2] ?? 5000);
  const calls = Number(process.argv[3] ?? 200);
  const empty = await measure(0, calls);
  const full = await measure(members, calls);
  console.log(`CPU per call, ms (${calls} calls per action; includes the SDK client's own work)`);
  console.log(`| action | empty organization | ${members} members |`);
  console.log("|---|---:|---:|");
  for (const action of Object.keys(full)) console.log(`| ${action} | ${empty[action].toFixed(2)} | ${full[action].toFixed(2)} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
