//! Lambda for the API route `public_jobs_resume_upload` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_route("public_jobs_resume_upload")
}
