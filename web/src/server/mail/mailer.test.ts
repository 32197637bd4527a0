import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { createMailer } from "@/server/mail/mailer";
import { createInvitation } from "@/server/accounts/invitations";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys, uniqueEmail } from "@/test/factories";

/** The message as a reader sees it: quoted-printable soft breaks and escapes undone. */
function decodeQuotedPrintable(data: string): string {
  return data.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: decodeQuotedPrintable(Buffer.concat(chunks).toString("utf8")),
        };
        received.push(mail);
        callback();
      });
    },
  });
  return {
    received,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          resolve((server.server.address() as AddressInfo).port);
        }),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

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
