// Sign-in, 2FA, reset request: public routes (no token, no refresh on 401).
import { api } from "../services/api";
import type { LoginRequest, TokenResponse, VerifyTwoFactorRequest } from "./types";

export function login(body: LoginRequest): Promise<TokenResponse> {
  return api.request<TokenResponse>("/api/auth/login", { method: "POST", body, auth: false });
}

export function verifyTwoFactor(body: VerifyTwoFactorRequest): Promise<TokenResponse> {
  return api.request<TokenResponse>("/api/auth/2fa/verify", { method: "POST", body, auth: false });
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return api.request("/api/auth/password-reset/request", { method: "POST", body: { email }, auth: false });
}
