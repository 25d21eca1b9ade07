import { useState } from "react";
import { useSearchParams } from "react-router";
import { activateAccount } from "../../api/auth";
import { Alert } from "../../components/ui/Alert";
import { AuthCard } from "../auth/AuthCard";
import { SetPasswordForm } from "./SetPasswordForm";
import { SignInLink } from "./SignInLink";

/** `/activate?token=…`: the first password of an account an administrator created (`POST /api/auth/activate`). */
export function ActivatePage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [done, setDone] = useState(false);
  return (
    <AuthCard title="Activate your account">
      {!token ? (
        <Alert title="This link is incomplete">Open the activation link from your email again.</Alert>
      ) : done ? (
        <>
          <Alert tone="info" title="Account activated">
            Your password is set. You can sign in now.
          </Alert>
          <SignInLink />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">Choose the password you will sign in with.</p>
          <SetPasswordForm
            submitLabel="Activate account"
            apiField="password"
            onSubmit={async (password) => {
              await activateAccount({ token, password });
              setDone(true);
            }}
          />
        </>
      )}
    </AuthCard>
  );
}
