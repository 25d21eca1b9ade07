import { z } from "zod";

/**
 * The profile fields the recruiter's create and edit forms and the candidate's
 * own profile share, with one set of rules (the API has the last word).
 */
export const candidateProfileFields = {
  full_name: z.string().trim().min(1, "A name is required.").max(200, "At most 200 characters."),
  email: z.string().trim(),
  phone: z.string().trim(),
  headline: z.string(),
  current_title: z.string(),
  current_company: z.string(),
  location: z.string(),
};
