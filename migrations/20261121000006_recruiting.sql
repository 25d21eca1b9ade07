-- Recruiting core: jobs and client requirements, pipelines, candidates,
-- applications with their stage history, feedback, stored files.
-- Conventions as before: UUIDv7 in BINARY(16), UTC DATETIME(6), MariaDB 10.11 and MySQL 8.

-- A job belongs to one company. An employer's opening, or an agency's own
-- opening, or an agency's requirement for a client that is not on the
-- platform (kind = 'requirement', with the client fields of spec 003).
CREATE TABLE jobs (
    id BINARY(16) NOT NULL PRIMARY KEY,
    company_id BINARY(16) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    -- Human reference, unique per company (e.g. REQ-0042).
    reference VARCHAR(40) NOT NULL,
    title VARCHAR(200) NOT NULL,
    description MEDIUMTEXT NOT NULL,
    department VARCHAR(120) NULL,
    location VARCHAR(200) NULL,
    -- onsite | remote | hybrid
    work_mode VARCHAR(16) NULL,
    -- full_time | part_time | contract | contract_to_hire | internship | freelance
    employment_type VARCHAR(32) NULL,
    tags JSON NOT NULL,
    -- Requirement (client order) fields; NULL for plain openings.
    client_name VARCHAR(200) NULL,
    client_spoc VARCHAR(200) NULL,
    end_customer VARCHAR(200) NULL,
    account VARCHAR(200) NULL,
    positions INT UNSIGNED NOT NULL DEFAULT 1,
    budget_min DECIMAL(14,2) NULL,
    budget_max DECIMAL(14,2) NULL,
    budget_currency CHAR(3) NULL,
    -- year | month | day | hour
    budget_period VARCHAR(8) NULL,
    experience_min DECIMAL(4,1) NULL,
    experience_max DECIMAL(4,1) NULL,
    -- low | medium | high | critical
    priority VARCHAR(16) NOT NULL DEFAULT 'medium',
    manager_id BINARY(16) NULL,
    notes MEDIUMTEXT NULL,
    -- draft | open | on_hold | closed
    status VARCHAR(16) NOT NULL,
    -- filled | cancelled | other (only when closed)
    close_reason VARCHAR(16) NULL,
    -- Ageing counts from opened_at to closed_at (or now).
    opened_at DATETIME(6) NULL,
    closed_at DATETIME(6) NULL,
    -- Set while visible on the public job board.
    published_at DATETIME(6) NULL,
    created_by BINARY(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    deleted_at DATETIME(6) NULL,
    -- Maintained by the adapters (title, description, client, location, tags).
    search_text MEDIUMTEXT NOT NULL,
    UNIQUE KEY jobs_company_reference_uq (company_id, reference),
    KEY jobs_company_status_idx (company_id, status, opened_at),
    KEY jobs_published_idx (published_at),
    KEY jobs_manager_idx (manager_id),
    FULLTEXT KEY jobs_search_ft (search_text),
    CONSTRAINT jobs_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT jobs_manager_fk FOREIGN KEY (manager_id) REFERENCES users (id),
    CONSTRAINT jobs_creator_fk FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT jobs_kind_chk CHECK (kind IN ('opening', 'requirement')),
    CONSTRAINT jobs_status_chk CHECK (status IN ('draft', 'open', 'on_hold', 'closed')),
    CONSTRAINT jobs_priority_chk CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT jobs_positions_chk CHECK (positions BETWEEN 1 AND 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per-company counter behind jobs.reference.
CREATE TABLE job_reference_counters (
    company_id BINARY(16) NOT NULL PRIMARY KEY,
    next_value INT UNSIGNED NOT NULL,
    CONSTRAINT job_reference_counters_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB;

-- The people working a job: recruiters (agency) or the hiring team (employer).
CREATE TABLE job_team (
    job_id BINARY(16) NOT NULL,
    user_id BINARY(16) NOT NULL,
    -- recruiter | hiring_manager | interviewer
    team_role VARCHAR(32) NOT NULL,
    assigned_by BINARY(16) NOT NULL,
    assigned_at DATETIME(6) NOT NULL,
    PRIMARY KEY (job_id, user_id),
    KEY job_team_user_idx (user_id),
    CONSTRAINT job_team_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT job_team_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

-- Agencies an employer shares a job with; their members then see and work it.
CREATE TABLE job_agencies (
    job_id BINARY(16) NOT NULL,
    agency_id BINARY(16) NOT NULL,
    shared_by BINARY(16) NOT NULL,
    shared_at DATETIME(6) NOT NULL,
    PRIMARY KEY (job_id, agency_id),
    KEY job_agencies_agency_idx (agency_id),
    CONSTRAINT job_agencies_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT job_agencies_agency_fk FOREIGN KEY (agency_id) REFERENCES companies (id)
) ENGINE=InnoDB;

-- A company's pipeline template; absent rows mean the default for its type.
CREATE TABLE pipeline_template_stages (
    company_id BINARY(16) NOT NULL,
    position INT UNSIGNED NOT NULL,
    name VARCHAR(80) NOT NULL,
    -- active | hired | rejected
    kind VARCHAR(16) NOT NULL,
    PRIMARY KEY (company_id, position),
    CONSTRAINT pipeline_template_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT pipeline_template_kind_chk CHECK (kind IN ('active', 'hired', 'rejected'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A job's own stages, copied from the template when the job is created.
CREATE TABLE job_stages (
    id BINARY(16) NOT NULL PRIMARY KEY,
    job_id BINARY(16) NOT NULL,
    position INT UNSIGNED NOT NULL,
    name VARCHAR(80) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    UNIQUE KEY job_stages_job_name_uq (job_id, name),
    KEY job_stages_job_position_idx (job_id, position),
    CONSTRAINT job_stages_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT job_stages_kind_chk CHECK (kind IN ('active', 'hired', 'rejected'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A candidate profile. Company-owned profiles are managed by that company's
-- recruiters (company_id set); a candidate user's own profile has company_id
-- NULL and user_id set. Public applications create or reuse a profile in the
-- job's company, linked to the applying user when signed in.
CREATE TABLE candidates (
    id BINARY(16) NOT NULL PRIMARY KEY,
    company_id BINARY(16) NULL,
    user_id BINARY(16) NULL,
    full_name VARCHAR(200) NOT NULL,
    email VARCHAR(320) NULL,
    -- Lower-cased, trimmed; the dedupe key.
    email_normalized VARCHAR(320) NULL,
    phone VARCHAR(40) NULL,
    -- Digits only with a leading + kept (e.g. +919876543210); the second dedupe key.
    phone_normalized VARCHAR(20) NULL,
    headline VARCHAR(200) NULL,
    current_title VARCHAR(200) NULL,
    current_company VARCHAR(200) NULL,
    location VARCHAR(200) NULL,
    total_experience_years DECIMAL(4,1) NULL,
    notice_period_days INT UNSIGNED NULL,
    current_salary DECIMAL(14,2) NULL,
    expected_salary DECIMAL(14,2) NULL,
    salary_currency CHAR(3) NULL,
    summary MEDIUMTEXT NULL,
    -- referral | career_site | job_board | linkedin | agency | sourced | imported | other
    source VARCHAR(32) NULL,
    -- {"linkedin": "...", "github": "...", "portfolio": "...", "other": [...]}
    links JSON NOT NULL,
    tags JSON NOT NULL,
    -- Text extracted from the latest clean resume file.
    resume_text MEDIUMTEXT NULL,
    -- Maintained by the adapters: name, email, titles, skills, tags, experience, resume text.
    search_text MEDIUMTEXT NOT NULL,
    -- When merged into another profile, this row is kept for history and hidden.
    merged_into_id BINARY(16) NULL,
    created_by BINARY(16) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    deleted_at DATETIME(6) NULL,
    -- Dedupe keys count only for live profiles, so merged or deleted rows free them.
    email_key VARCHAR(320) AS (IF(merged_into_id IS NULL AND deleted_at IS NULL, email_normalized, NULL)) STORED,
    phone_key VARCHAR(20) AS (IF(merged_into_id IS NULL AND deleted_at IS NULL, phone_normalized, NULL)) STORED,
    UNIQUE KEY candidates_company_email_uq (company_id, email_key),
    UNIQUE KEY candidates_company_phone_uq (company_id, phone_key),
    -- One personal profile per candidate user, and one linked profile per company.
    personal_key BINARY(16) AS (IF(company_id IS NULL, user_id, NULL)) STORED,
    UNIQUE KEY candidates_personal_uq (personal_key),
    UNIQUE KEY candidates_company_user_uq (company_id, user_id),
    KEY candidates_company_created_idx (company_id, created_at),
    FULLTEXT KEY candidates_search_ft (search_text),
    CONSTRAINT candidates_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT candidates_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT candidates_merged_fk FOREIGN KEY (merged_into_id) REFERENCES candidates (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE candidate_skills (
    id BINARY(16) NOT NULL PRIMARY KEY,
    candidate_id BINARY(16) NOT NULL,
    name VARCHAR(100) NOT NULL,
    -- beginner | intermediate | advanced | expert
    proficiency VARCHAR(16) NULL,
    years_experience DECIMAL(4,1) NULL,
    is_verified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    KEY candidate_skills_candidate_idx (candidate_id),
    CONSTRAINT candidate_skills_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE candidate_experience (
    id BINARY(16) NOT NULL PRIMARY KEY,
    candidate_id BINARY(16) NOT NULL,
    company_name VARCHAR(200) NOT NULL,
    job_title VARCHAR(200) NOT NULL,
    description MEDIUMTEXT NULL,
    start_date DATE NOT NULL,
    end_date DATE NULL,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    KEY candidate_experience_candidate_idx (candidate_id),
    CONSTRAINT candidate_experience_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE candidate_education (
    id BINARY(16) NOT NULL PRIMARY KEY,
    candidate_id BINARY(16) NOT NULL,
    institution VARCHAR(200) NOT NULL,
    degree VARCHAR(120) NOT NULL,
    field_of_study VARCHAR(120) NULL,
    start_date DATE NULL,
    end_date DATE NULL,
    grade VARCHAR(40) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    KEY candidate_education_candidate_idx (candidate_id),
    CONSTRAINT candidate_education_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Internal notes of the owning company about a candidate.
CREATE TABLE candidate_notes (
    id BINARY(16) NOT NULL PRIMARY KEY,
    candidate_id BINARY(16) NOT NULL,
    author_id BINARY(16) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    KEY candidate_notes_candidate_idx (candidate_id, created_at),
    CONSTRAINT candidate_notes_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates (id),
    CONSTRAINT candidate_notes_author_fk FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Jobs a candidate user bookmarked from the public board.
CREATE TABLE saved_jobs (
    user_id BINARY(16) NOT NULL,
    job_id BINARY(16) NOT NULL,
    saved_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, job_id),
    CONSTRAINT saved_jobs_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT saved_jobs_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE=InnoDB;

-- An uploaded file. Unusable until clamd says clean: virus_status starts
-- 'pending' and only the scan consumer moves it.
CREATE TABLE stored_files (
    id BINARY(16) NOT NULL PRIMARY KEY,
    -- The company whose members may see it; NULL for a candidate user's own files.
    company_id BINARY(16) NULL,
    uploaded_by BINARY(16) NULL,
    -- resume | candidate_document | message_attachment
    purpose VARCHAR(32) NOT NULL,
    object_key VARCHAR(512) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    declared_type VARCHAR(127) NOT NULL,
    max_size BIGINT UNSIGNED NOT NULL,
    -- Known after the scan.
    size BIGINT UNSIGNED NULL,
    sha256 CHAR(64) NULL,
    sniffed_type VARCHAR(127) NULL,
    -- awaiting_upload | pending | clean | infected | error | rejected
    virus_status VARCHAR(16) NOT NULL,
    scan_detail VARCHAR(255) NULL,
    scanned_at DATETIME(6) NULL,
    extracted_text MEDIUMTEXT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    UNIQUE KEY stored_files_object_key_uq (object_key),
    KEY stored_files_company_idx (company_id, created_at),
    CONSTRAINT stored_files_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT stored_files_uploader_fk FOREIGN KEY (uploaded_by) REFERENCES users (id),
    CONSTRAINT stored_files_status_chk CHECK (virus_status IN ('awaiting_upload', 'pending', 'clean', 'infected', 'error', 'rejected'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Documents on a candidate profile (resumes and others).
CREATE TABLE candidate_documents (
    candidate_id BINARY(16) NOT NULL,
    file_id BINARY(16) NOT NULL,
    -- resume | cover_letter | other
    kind VARCHAR(16) NOT NULL,
    added_at DATETIME(6) NOT NULL,
    PRIMARY KEY (candidate_id, file_id),
    KEY candidate_documents_file_idx (file_id),
    CONSTRAINT candidate_documents_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates (id),
    CONSTRAINT candidate_documents_file_fk FOREIGN KEY (file_id) REFERENCES stored_files (id)
) ENGINE=InnoDB;

-- A candidate in a job's pipeline. The job's company and the candidate's
-- company are copied in so visibility checks need no joins: both see it.
CREATE TABLE applications (
    id BINARY(16) NOT NULL PRIMARY KEY,
    job_id BINARY(16) NOT NULL,
    job_company_id BINARY(16) NOT NULL,
    candidate_id BINARY(16) NOT NULL,
    candidate_company_id BINARY(16) NULL,
    stage_id BINARY(16) NOT NULL,
    -- The kind of the current stage: active | hired | rejected.
    state VARCHAR(16) NOT NULL,
    stage_entered_at DATETIME(6) NOT NULL,
    -- Rank inside the stage column (kanban order), ascending.
    rank_in_stage DOUBLE NOT NULL,
    -- referral | career_site | job_board | linkedin | agency | sourced | imported | other
    source VARCHAR(32) NOT NULL,
    -- The recruiter who submitted it and owns it.
    recruiter_id BINARY(16) NULL,
    verified_by_manager_at DATETIME(6) NULL,
    verified_by BINARY(16) NULL,
    rejection_reason VARCHAR(500) NULL,
    cover_letter MEDIUMTEXT NULL,
    resume_file_id BINARY(16) NULL,
    submitted_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- Optimistic concurrency: every move bumps it.
    version INT UNSIGNED NOT NULL DEFAULT 1,
    UNIQUE KEY applications_job_candidate_uq (job_id, candidate_id),
    KEY applications_job_stage_idx (job_id, stage_id, rank_in_stage),
    KEY applications_candidate_idx (candidate_id),
    KEY applications_job_company_idx (job_company_id, submitted_at),
    KEY applications_candidate_company_idx (candidate_company_id, submitted_at),
    KEY applications_recruiter_idx (recruiter_id, submitted_at),
    CONSTRAINT applications_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT applications_candidate_fk FOREIGN KEY (candidate_id) REFERENCES candidates (id),
    CONSTRAINT applications_stage_fk FOREIGN KEY (stage_id) REFERENCES job_stages (id),
    CONSTRAINT applications_recruiter_fk FOREIGN KEY (recruiter_id) REFERENCES users (id),
    CONSTRAINT applications_resume_fk FOREIGN KEY (resume_file_id) REFERENCES stored_files (id),
    CONSTRAINT applications_state_chk CHECK (state IN ('active', 'hired', 'rejected'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The P1 status history: append-only, one row per move (and one for the
-- submission). Stage names are copied so renaming a stage later does not
-- rewrite what happened.
CREATE TABLE application_history (
    id BINARY(16) NOT NULL PRIMARY KEY,
    application_id BINARY(16) NOT NULL,
    from_stage_id BINARY(16) NULL,
    from_stage_name VARCHAR(80) NULL,
    to_stage_id BINARY(16) NOT NULL,
    to_stage_name VARCHAR(80) NOT NULL,
    changed_by BINARY(16) NULL,
    changed_at DATETIME(6) NOT NULL,
    remarks VARCHAR(2000) NULL,
    rejection_reason VARCHAR(500) NULL,
    KEY application_history_application_idx (application_id, changed_at, id),
    KEY application_history_changed_at_idx (changed_at),
    CONSTRAINT application_history_application_fk FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT application_history_user_fk FOREIGN KEY (changed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE application_feedback (
    id BINARY(16) NOT NULL PRIMARY KEY,
    application_id BINARY(16) NOT NULL,
    author_id BINARY(16) NOT NULL,
    -- screening | interview | client | general
    feedback_type VARCHAR(32) NOT NULL,
    rating TINYINT UNSIGNED NOT NULL,
    comments MEDIUMTEXT NULL,
    created_at DATETIME(6) NOT NULL,
    KEY application_feedback_application_idx (application_id, created_at),
    CONSTRAINT application_feedback_application_fk FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT application_feedback_author_fk FOREIGN KEY (author_id) REFERENCES users (id),
    CONSTRAINT application_feedback_rating_chk CHECK (rating BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
