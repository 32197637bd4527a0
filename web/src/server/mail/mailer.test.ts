import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "@/server/mail/mailer";
import { createInvitation } from "@/server/accounts/invitations";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys, uniqueEmail } from "@/test/factories";
import { startSmtpServer } from "@/test/smtpServer";

describe.each(await testDatabaseKinds())("invitation e-mail on %s", (kind) => {
  const test = useTestDatabase(kind);
  const smtp = startSmtpServer();
  let port = 0;
  beforeAll(async () => {
    port = await smtp.listen();
  });
  afterAll(() => smtp.close());

  it("sends the invitation link to the invitee when SMTP_URL is set, and says so", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const email = uniqueEmail("invitee");
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, "Liveloop <noreply@liveloop.test>");
    const result = await createInvitation(
      test.database,
      project.id,
      { userId: owner.id, role: "owner" },
      { email, role: "viewer" },
      { baseUrl: "https://liveloop.test", mailer },
      new Date(),
    );
    // Delivered to the invitee, so the inviter is not handed a working link.
    expect(result).toMatchObject({ emailed: true, link: null });
    const mail = smtp.received.find((message) => message.to.includes(email));
    expect(mail?.data).toMatch(/https:\/\/liveloop\.test\/invite\/[A-Za-z0-9_-]{43}/);
    expect(mail?.data).toContain(`Subject: You are invited to ${project.name} on Liveloop`);
  });

  it("reports a failed send instead of failing the invitation", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const closedPort = createMailer("smtp://127.0.0.1:1", undefined);
    const result = await createInvitation(
      test.database,
      project.id,
      { userId: owner.id, role: "owner" },
      { email: uniqueEmail(), role: "viewer" },
      { baseUrl: "https://liveloop.test", mailer: closedPort },
      new Date(),
    );
    expect(result).toMatchObject({ emailed: false, link: expect.stringContaining("https://liveloop.test/invite/") as unknown });
  });
});
