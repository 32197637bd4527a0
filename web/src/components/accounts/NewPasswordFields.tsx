import { formText } from "@/components/ui/formData";
import { TextInput } from "@/components/accounts/TextInput";

/** A new password typed twice, so a typo does not lock the person out. */
export function NewPasswordFields() {
  return (
    <>
      <TextInput
        label="New password"
        name="newPassword"
        type="password"
        required
        minLength={8}
        maxLength={200}
        autoComplete="new-password"
        placeholder="At least 8 characters"
      />
      <TextInput
        label="New password again"
        name="confirmPassword"
        type="password"
        required
        minLength={8}
        maxLength={200}
        autoComplete="new-password"
      />
    </>
  );
}

export function newPasswordOf(form: FormData): string | { error: string } {
  const password = formText(form, "newPassword");
  return password === formText(form, "confirmPassword") ? password : { error: "The two new passwords differ" };
}
