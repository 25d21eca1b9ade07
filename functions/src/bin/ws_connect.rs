//! Lambda for the WebSocket route `ws_connect` (generated from the route table; see docs/development.md).

fn main() -> Result<(), lambda_runtime::Error> {
    hireops_functions::runtime::socket_lambda::run_socket("ws_connect")
}
