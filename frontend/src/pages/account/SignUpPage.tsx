import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { z } from "zod";
import { registerCandidate } from "../../api/auth";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { AuthCard } from "../auth/AuthCard";
import { PASSWORD_MIN, passwordHint } from "./SetPasswordForm";
import { SignInLink } from "./SignInLink";

const schema = z.object({
  full_name: z.string().trim().min(1, "Enter your full name."),
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`),
});
type Values = z.infer<typeof schema>;

/** `/sign-up`: candidates create their own account (`POST /api/auth/register`), then confirm the emailed link. */
export function SignUpPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { full_name: "", email: "", password: "" },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await registerCandidate(values);
      setSentTo(values.email);
    } catch (error) {
      if (!applyFieldErrors(error, ["full_name", "email", "password"], setError)) setFormError(errorMessage(error));
    }
  });

  return (
    <AuthCard title={sentTo ? "Check your email" : "Create your candidate account"}>
      {sentTo ? (
        <Alert tone="info" title="One more step">
          We sent a message to {sentTo}. Follow its link within 48 hours to confirm your address, then sign in. (If you already
          have an account, the email tells you how to get back in.)
        </Alert>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">Free for candidates: follow your applications and talk to recruiters.</p>
          <form onSubmit={submit} noValidate className="space-y-4">
            {formError && <Alert>{formError}</Alert>}
            <TextField label="Full name" autoComplete="name" autoFocus error={formState.errors.full_name?.message} {...register("full_name")} />
            <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register("email")} />
            <TextField label="Password" type="password" autoComplete="new-password" hint={passwordHint} error={formState.errors.password?.message} {...register("password")} />
            <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
              Sign up
            </Button>
          </form>
        </>
      )}
      <p className="text-center text-sm">
        Already have an account? <SignInLink>Sign in</SignInLink> ·{" "}
        <Link to="/jobs" className="text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
          Browse jobs
        </Link>
      </p>
    </AuthCard>
  );
}
