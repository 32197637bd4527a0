/** What a person is told for each next-auth error code: never which part was wrong. */
export function signInErrorMessage(code: string): string {
  if (code === "TooManyAttempts") return "Too many failed attempts. Wait a few minutes and try again.";
  if (code === "AccessDenied") return "This account has no access to Liveloop. Ask a project owner to add you.";
  return "Email or password is incorrect.";
}
