// Wording for the job board's closed lists; the values are the API's (openapi: GET /api/public/jobs).
export const employmentTypes: Record<string, string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  contract: "Contract",
  contract_to_hire: "Contract to hire",
  internship: "Internship",
  freelance: "Freelance",
};

export const workModes: Record<string, string> = {
  onsite: "On-site",
  remote: "Remote",
  hybrid: "Hybrid",
};

export const labelOf = (labels: Record<string, string>, value: string | null | undefined) =>
  value ? (labels[value] ?? value) : null;

/** "3–6 years", "4+ years", or null. */
export function experienceLabel(min: number | null | undefined, max: number | null | undefined): string | null {
  const has = (n: number | null | undefined): n is number => typeof n === "number";
  if (has(min) && has(max)) return min === max ? `${min} years` : `${min}–${max} years`;
  if (has(min)) return `${min}+ years`;
  if (has(max)) return `up to ${max} years`;
  return null;
}
