//! Lambda for the API route `candidates_notes_create` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_route("candidates_notes_create")
}
