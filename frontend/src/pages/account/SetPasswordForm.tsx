import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";

export const PASSWORD_MIN = 12;
export const passwordHint = `At least ${PASSWORD_MIN} characters, and not easy to guess.`;

const schema = z
  .object({
    password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });
type Values = z.infer<typeof schema>;

/**
 * New password + confirmation for the emailed links (activation, reset).
 * `apiField` is the name the API uses for the password in its 422s
 * (`password` for activation, `new_password` for the reset).
 */
export function SetPasswordForm({
  submitLabel,
  apiField,
  onSubmit,
}: {
  submitLabel: string;
  apiField: string;
  onSubmit: (password: string) => Promise<void>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { password: "", confirm: "" } });

  const submit = handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await onSubmit(password);
    } catch (error) {
      const fieldMessage = error instanceof ApiError ? error.fields[apiField] : undefined;
      if (fieldMessage) setError("password", { type: "server", message: `The password ${fieldMessage}.` });
      else setFormError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {formError && <Alert>{formError}</Alert>}
      <TextField label="New password" type="password" autoComplete="new-password" autoFocus hint={passwordHint} error={formState.errors.password?.message} {...register("password")} />
      <TextField label="Repeat the password" type="password" autoComplete="new-password" error={formState.errors.confirm?.message} {...register("confirm")} />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
