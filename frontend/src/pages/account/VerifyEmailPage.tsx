import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { verifyEmail } from "../../api/auth";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { AuthCard } from "../auth/AuthCard";
import { SignInLink } from "./SignInLink";

/**
 * `/verify-email?token=…` (the sign-up email's link): confirms the address once.
 * A query, not an effect, so StrictMode's double mount still posts the single-use token once.
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const verification = useQuery({
    queryKey: ["verify-email", token],
    queryFn: async () => {
      await verifyEmail(token);
      return true;
    },
    enabled: token !== "",
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });

  return (
    <AuthCard title="Confirm your email">
      {!token ? (
        <Alert title="This link is incomplete">Open the link from the email again, or copy all of it into the address bar.</Alert>
      ) : verification.isPending ? (
        <Spinner label="Confirming your address" />
      ) : verification.isError ? (
        <>
          <Alert title="Could not confirm your address">{errorMessage(verification.error)}</Alert>
          <p className="text-sm">
            If you already confirmed it, just <SignInLink>sign in</SignInLink>. Otherwise{" "}
            <Link to="/sign-up" className="font-medium text-indigo-600 underline dark:text-indigo-400">
              sign up again
            </Link>{" "}
            to get a fresh link.
          </p>
        </>
      ) : (
        <>
          <Alert tone="info" title="Email confirmed">
            Your account is active.
          </Alert>
          <p className="text-sm">
            <SignInLink>Sign in now</SignInLink>
          </p>
        </>
      )}
    </AuthCard>
  );
}
