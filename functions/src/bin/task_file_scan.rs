//! Lambda for the background task `task_file_scan` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::lambda::run_task("task_file_scan")
}
