import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { verifyTwoFactor } from "../../api/auth";
import type { TokenResponse } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

const schema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from the email.") });
type Values = z.infer<typeof schema>;

/** The admins' second step: the 6-digit code emailed after the password. */
export function CodeStep({ challengeId, onSignedIn, onRestart }: {
  challengeId: string;
  onSignedIn: (tokens: TokenResponse) => void;
  /** The challenge is spent (expired, used, out of tries): back to the password. */
  onRestart: (reason: string) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema) });

  const submit = handleSubmit(async ({ code }) => {
    setFormError(null);
    try {
      onSignedIn(await verifyTwoFactor({ challenge_id: challengeId, code }));
    } catch (error) {
      if (isApiError(error, "challenge_expired") || isApiError(error, "invalid_challenge")) return onRestart(errorMessage(error));
      if (isApiError(error, "invalid_code")) return setError("code", { type: "server", message: errorMessage(error) });
      if (!applyFieldErrors(error, ["code"], setError)) setFormError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        We emailed you a 6-digit sign-in code. It is valid for 10 minutes.
      </p>
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Sign-in code"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        maxLength={6}
        error={formState.errors.code?.message}
        {...register("code")}
      />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Checking…" : "Verify and sign in"}
      </Button>
      <Button variant="ghost" className="w-full" onClick={() => onRestart("")}>
        Use a different account
      </Button>
    </form>
  );
}
