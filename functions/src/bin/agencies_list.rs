//! Lambda for the API route `agencies_list` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_route("agencies_list")
}
