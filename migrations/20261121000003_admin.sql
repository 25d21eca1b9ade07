-- Identity administration: unique company names, company status values, and
-- indexes for the admin user list (newest first, per company).

-- The column's collation is case-insensitive, so "Acme" and "ACME" collide.
ALTER TABLE companies ADD CONSTRAINT companies_name_uq UNIQUE (name);
ALTER TABLE companies ADD CONSTRAINT companies_status_chk CHECK (status IN ('active', 'suspended'));

CREATE INDEX users_company_created_idx ON users (company_id, created_at);
CREATE INDEX users_created_idx ON users (created_at);
