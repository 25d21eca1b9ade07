//! Lambda for the API route `me_notification_preferences` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_route("me_notification_preferences")
}
