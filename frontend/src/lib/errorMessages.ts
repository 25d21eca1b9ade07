// Human wording for the API's stable error codes; anything else shows the API's own detail.
import { ApiError } from "../services/apiError";

const messages: Record<string, string> = {
  invalid_credentials: "Wrong email or password.",
  email_not_verified: "Please confirm your email address first: follow the link we emailed you.",
  account_not_activated: "This account is not activated yet: use the activation link from your email.",
  account_disabled: "This account is disabled. Contact your administrator.",
  login_on_hold: "Sign-in is on hold for this account. Contact your administrator.",
  company_suspended: "Your company's access is suspended.",
  invalid_code: "That code is not right. Check the latest email and try again.",
  challenge_expired: "This sign-in code has expired or was used too many times. Please sign in again.",
  invalid_challenge: "This sign-in code is no longer valid. Please sign in again.",
  rate_limited: "Too many attempts. Please wait a moment and try again.",
  network_error: "The server could not be reached. Check your connection and try again.",
  messaging_pair_blocked:
    "Candidates and employer staff can't message each other directly on HireOps. Talk to the recruiter handling the application instead.",
  no_shared_context:
    "You can only message people you share a job or an application with (or colleagues from your own company).",
  file_not_clean: "This file is still being scanned or failed the scan.",
  file_blocked: "This file was blocked by the virus scan.",
  already_applied: "You have already applied to this job with these details. The hiring team has your application.",
  upload_missing: "The file did not reach the storage. Please choose it again.",
  invalid_or_expired_token: "This link is invalid, was already used or has expired.",
  // Admin refusals (docs/admin-guide.md).
  forbidden: "Your role does not allow this.",
  not_found: "It no longer exists, or it belongs to another company.",
  cannot_change_own_role: "You can't change your own role. Ask another admin to do it.",
  cannot_deactivate_self: "You can't deactivate your own account.",
  cannot_hold_self: "You can't hold your own login.",
  user_not_manageable: "This user has permissions you don't hold, so you can't manage them.",
  email_taken: "A user with this email address already exists.",
  not_pending_activation: "This user has already activated their account.",
  system_role_immutable: "System roles can't be edited or deleted.",
  role_in_use: "Somebody holds this role: move its holders to another role first.",
  role_name_taken: "Your company already has a role with this name.",
  company_name_taken: "A company with this name already exists.",
  file_too_large: "The file is larger than 5 MB.",
  missing_file: "Choose a CSV file to upload.",
  malformed_upload: "The upload did not arrive as a file. Please choose it again.",
  application_changed: "Someone else changed this application in the meantime. The board now shows the latest state; try again.",
  already_in_stage: "The application is already in that stage.",
  reopen_permission_required: "Moving an application out of Hired or Rejected needs the permission to reopen applications.",
  job_closed: "This job is closed.",
  job_not_open: "This job is not open.",
  job_not_closed: "This job is not closed.",
  not_job_owner: "Only the company that owns this job can change it.",
  employers_only: "Only employers can browse the agencies: your company can't share jobs with them.",
  reference_taken: "Another job of your company already uses this reference.",
  duplicate_candidate: "A candidate with this email or phone already exists in your company.",
  not_candidate_owner: "Only the company that owns this profile can change it.",
  candidate_changed: "The profile was merged or deleted meanwhile. Reload and try again.",
  missing_permission: "Your role does not allow this.",
  stage_in_use: "A stage you removed still holds applications: move them to another stage first, then remove it.",
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "account_locked") {
      const wait = error.retryAfter ? ` Try again in ${Math.ceil(error.retryAfter / 60)} minutes.` : "";
      return `Too many wrong passwords: the account is locked for a while.${wait}`;
    }
    if (error.status === 429 && error.code !== "account_locked") {
      const wait = error.retryAfter ? ` Try again in ${waitWording(error.retryAfter)}.` : " Please try again later.";
      return `Too many attempts from your network.${wait}`;
    }
    return messages[error.code] ?? error.detail ?? error.message;
  }
  return "Something went wrong. Please try again.";
}

/** "45 seconds", "1 minute", "12 minutes", "2 hours". */
export function waitWording(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
