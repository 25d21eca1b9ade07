// Sign-in, 2FA, reset, sign-up, verification, activation: public routes (no token, no refresh on 401).
import { api } from "../services/api";
import type {
  Accepted,
  ActivateRequest,
  CompleteResetRequest,
  LoginRequest,
  RegisterRequest,
  TokenResponse,
  VerifyTwoFactorRequest,
} from "./types";

export function login(body: LoginRequest): Promise<TokenResponse> {
  return api.request<TokenResponse>("/api/auth/login", { method: "POST", body, auth: false });
}

export function verifyTwoFactor(body: VerifyTwoFactorRequest): Promise<TokenResponse> {
  return api.request<TokenResponse>("/api/auth/2fa/verify", { method: "POST", body, auth: false });
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return api.request("/api/auth/password-reset/request", { method: "POST", body: { email }, auth: false });
}

/** Candidate sign-up: always 202 (the API never says whether the address exists). */
export function registerCandidate(body: RegisterRequest): Promise<Accepted> {
  return api.request<Accepted>("/api/auth/register", { method: "POST", body, auth: false });
}

export function verifyEmail(token: string): Promise<void> {
  return api.request<void>("/api/auth/verify-email", { method: "POST", body: { token }, auth: false });
}

/** First password of an admin-created account (the emailed activation link). */
export function activateAccount(body: ActivateRequest): Promise<void> {
  return api.request<void>("/api/auth/activate", { method: "POST", body, auth: false });
}

/** New password from the emailed, approved reset link. */
export function completePasswordReset(body: CompleteResetRequest): Promise<void> {
  return api.request<void>("/api/auth/password-reset/complete", { method: "POST", body, auth: false });
}
