import { ApiError } from "../../services/apiError";
import { errorMessage } from "../../lib/errorMessages";

// The codes the SSO callback puts in `/sign-in?sso_error=` (functions/src/handlers/auth/sso.rs).
const ssoMessages: Record<string, string> = {
  sso_account_not_found:
    "There is no HireOps account for this identity. Sign in with your password, or create an account first.",
  sso_cancelled: "Single sign-on was cancelled.",
  sso_state_expired: "Single sign-on took too long. Please try again.",
  sso_state_mismatch: "Single sign-on could not be completed in this browser. Please try again.",
  invalid_state: "Single sign-on could not be completed in this browser. Please try again.",
  sso_callback_incomplete: "Single sign-on did not complete. Please try again.",
  sso_verification_failed: "The provider's answer could not be verified. Please try again.",
};

/** Wording for an `sso_error` code; account refusals (disabled, on hold…) reuse the sign-in wording. */
export function ssoErrorMessage(code: string): string {
  const known = ssoMessages[code];
  if (known) return known;
  const general = errorMessage(new ApiError({ status: 400, code, detail: "" }));
  return general || "Single sign-on did not complete. Please try again.";
}
