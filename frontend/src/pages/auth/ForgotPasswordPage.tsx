import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { z } from "zod";
import { requestPasswordReset } from "../../api/auth";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { AuthCard } from "./AuthCard";

const schema = z.object({ email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address.") });
type Values = z.infer<typeof schema>;

/** Resets are approved by an administrator (docs/auth.md), so the answer says exactly that. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema) });

  const submit = handleSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await requestPasswordReset(email);
      setSent(true);
    } catch (error) {
      if (!applyFieldErrors(error, ["email"], setError)) setFormError(errorMessage(error));
    }
  });

  return (
    <AuthCard title="Reset your password">
      {sent ? (
        <Alert tone="info" title="Request sent">
          If an active account uses this address, an administrator has been asked to approve the reset. You will get an email
          with a link once they do.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField label="Email" type="email" autoComplete="email" autoFocus error={formState.errors.email?.message} {...register("email")} />
          <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
            Request a reset
          </Button>
        </form>
      )}
      <p className="text-center text-sm">
        <Link to="/sign-in" className="text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400">
          Back to sign-in
        </Link>
      </p>
    </AuthCard>
  );
}
