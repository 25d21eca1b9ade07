//! Lambda for the API route `candidate_saved_jobs_get` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_route("candidate_saved_jobs_get")
}
