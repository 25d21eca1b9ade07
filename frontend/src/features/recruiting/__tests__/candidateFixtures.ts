import type { CandidateDocument, CandidateProfile, FileDetails, Note } from "../../../api/types";

export const candId = "01a1fd87-e263-76e9-8edb-314017d15ab7";
export const otherId = "01a1fd87-e263-76e9-8edb-00000000e815";

export function candidate(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  return {
    id: candId, owner: { id: "co1", name: "Northwind Talent" }, full_name: "Lena Dubois", email: "lena@example.com", phone: "+919801071271", headline: "Data Engineer",
    current_title: "Data Engineer", current_company: "N26", location: "Remote", total_experience_years: 2, notice_period_days: 30, current_salary: null, expected_salary: null,
    salary_currency: null, summary: null, source: "referral", links: { linkedin: null, github: "https://github.com/lena", portfolio: null, website: null }, tags: ["immediate-joiner"],
    skills: [{ id: "s1", name: "python", proficiency: "expert", years_experience: 2 }],
    experience: [{ id: "x1", company_name: "N26", job_title: "Data Engineer", description: null, start_date: "2024-10-01", end_date: null, is_current: true }],
    education: [{ id: "e1", institution: "TU Berlin", degree: "MSc", field_of_study: "Computer Science", start_date: null, end_date: null, grade: null }],
    documents: [], applications: [], editable: true, created_by: null, created_at: "2026-11-10T10:00:00Z", updated_at: "2026-11-10T10:00:00Z",
    ...overrides,
  };
}

export function note(id: string, body: string, created_at: string, author = "Sofia Mensah"): Note {
  return { id, body, author: { id: `u-${author}`, full_name: author }, created_at };
}

export function doc(file_id: string, file_name: string, virus_status: string, kind = "resume"): CandidateDocument {
  return { file_id, file_name, kind, virus_status, size: 2048, sniffed_type: null, added_at: "2026-11-20T10:00:00Z" };
}

export function fileDetails(id: string, virus_status: string, scan_detail: string | null = null): FileDetails {
  return { id, file_name: "file", content_type: "application/pdf", purpose: "candidate_document", virus_status, scan_detail, has_text: false, created_at: "2026-11-20T10:00:00Z" };
}

export const page = <T,>(items: T[], pageNo = 1, total = items.length) => ({ items, total, page: pageNo, per_page: 50 });
