import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { z } from "zod";
import { login } from "../../api/auth";
import type { TokenResponse } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
});
type Values = z.infer<typeof schema>;

export function PasswordStep({ onSignedIn, onCodeRequired, notice, error }: {
  onSignedIn: (tokens: TokenResponse) => void;
  onCodeRequired: (challengeId: string) => void;
  notice?: string | null;
  /** An error from before this form (a failed single sign-on). */
  error?: string | null;
}) {
  const [formError, setFormError] = useState<string | null>(error ?? null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema) });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const answer = await login(values);
      if (answer.require_2fa && answer.challenge_id) onCodeRequired(answer.challenge_id);
      else onSignedIn(answer);
    } catch (error) {
      if (!applyFieldErrors(error, ["email", "password"], setError)) setFormError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {notice && <Alert tone="info">{notice}</Alert>}
      {formError && <Alert>{formError}</Alert>}
      <TextField label="Email" type="email" autoComplete="username" autoFocus error={formState.errors.email?.message} {...register("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register("password")} />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link to="/forgot-password" className="text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
