//! Serves every route, runs every queue consumer and the API docs on one port.

use hireops_functions::{config::Config, runtime, state::AppState};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    runtime::telemetry::init(false);
    let config = Config::from_env()?;
    let bind = config.bind_addr.clone();
    if config.run_migrations_on_start {
        hireops_adapters::mysql::ensure_database(&config.database_url).await?;
    }
    let migrate = config.run_migrations_on_start;
    let state = AppState::build(config).await?;
    if migrate {
        state.prepare_database().await?;
    }
    // `local --seed-demo` loads the demo dataset and exits (scripts/seed-demo).
    if std::env::args().any(|a| a == "--seed-demo") {
        state.prepare_database().await?;
        hireops_functions::demo::seed(&state).await?;
        println!("{}", hireops_functions::demo::summary());
        return Ok(());
    }
    let _workers = runtime::local::spawn_workers(state.clone()).await?;
    let listener = tokio::net::TcpListener::bind(&bind).await?;
    tracing::info!("HireOps API on http://{bind} (docs at /api/docs)");
    runtime::local::serve(listener, state).await?;
    Ok(())
}
