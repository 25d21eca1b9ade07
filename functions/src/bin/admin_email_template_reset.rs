//! Lambda for the API route `admin_email_template_reset` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_route("admin_email_template_reset")
}
