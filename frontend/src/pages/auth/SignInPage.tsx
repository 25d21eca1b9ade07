import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { TokenResponse } from "../../api/types";
import { api } from "../../services/api";
import { AuthCard } from "./AuthCard";
import { CodeStep } from "./CodeStep";
import { PasswordStep } from "./PasswordStep";
import { safeNext } from "./safeNext";
import { SsoButtons } from "./SsoButtons";
import { ssoErrorMessage } from "./ssoErrors";

/** `/sign-in`, and `/sign-in/2fa?challenge_id=…` where SSO sends admins for their code. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [challengeId, setChallengeId] = useState<string | null>(params.get("challenge_id"));
  const [notice, setNotice] = useState<string | null>(null);
  // A failed SSO callback comes back as /sign-in?sso_error=<code>.
  const ssoError = params.get("sso_error");

  const signedIn = (tokens: TokenResponse) => {
    api.acceptTokens(tokens);
    // Whatever was cached belonged to no one (or someone else): start clean.
    queryClient.clear();
    navigate(safeNext(params.get("next")), { replace: true });
  };

  return (
    <AuthCard title={challengeId ? "Enter your sign-in code" : "Sign in"}>
      {challengeId ? (
        <CodeStep
          challengeId={challengeId}
          onSignedIn={signedIn}
          onRestart={(reason) => {
            setNotice(reason || null);
            setChallengeId(null);
          }}
        />
      ) : (
        <>
          <PasswordStep
            onSignedIn={signedIn}
            onCodeRequired={setChallengeId}
            notice={notice}
            error={ssoError ? ssoErrorMessage(ssoError) : null}
          />
          <SsoButtons />
          <p className="text-center text-sm text-slate-600 dark:text-slate-400">
            New to HireOps?{" "}
            <Link to="/sign-up" className="font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400">
              Create an account
            </Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}
