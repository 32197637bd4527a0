import { formText } from "@/components/ui/formData";

/** A new password typed twice, so a typo does not lock the person out. */
export function NewPasswordFields() {
  return (
    <>
      <label>
        New password
        <input name="newPassword" type="password" required minLength={8} maxLength={200} autoComplete="new-password" />
      </label>
      <label>
        New password again
        <input name="confirmPassword" type="password" required minLength={8} maxLength={200} autoComplete="new-password" />
      </label>
    </>
  );
}

export function newPasswordOf(form: FormData): string | { error: string } {
  const password = formText(form, "newPassword");
  return password === formText(form, "confirmPassword") ? password : { error: "The two new passwords differ" };
}
