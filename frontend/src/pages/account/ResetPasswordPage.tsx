import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { completePasswordReset } from "../../api/auth";
import { Alert } from "../../components/ui/Alert";
import { AuthCard } from "../auth/AuthCard";
import { SetPasswordForm } from "./SetPasswordForm";
import { SignInLink } from "./SignInLink";

/** `/reset-password?token=…`: the approved reset's emailed link (`POST /api/auth/password-reset/complete`). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [done, setDone] = useState(false);
  return (
    <AuthCard title="Choose a new password">
      {!token ? (
        <Alert title="This link is incomplete">Open the reset link from your email again.</Alert>
      ) : done ? (
        <>
          <Alert tone="info" title="Password changed">
            Every other session was signed out. Sign in with your new password.
          </Alert>
          <SignInLink />
        </>
      ) : (
        <SetPasswordForm
          submitLabel="Set new password"
          apiField="new_password"
          onSubmit={async (password) => {
            await completePasswordReset({ token, new_password: password });
            setDone(true);
          }}
        />
      )}
      {!done && (
        <p className="text-center text-sm">
          Link expired?{" "}
          <Link to="/forgot-password" className="text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
            Ask for a new one
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
