//! The demo dataset (`./scripts/seed-demo`): two agencies, two employers,
//! their people, jobs and requirements, candidates and applications spread
//! across the pipeline with a real stage history, made through the same use
//! cases the API calls, so every rule and side table is honoured.

mod conversations;
mod jobs;
mod people;
mod talent;
mod timeline;

use crate::state::AppState;
use anyhow::Result;

/// The password of every demo account (admins also get an email code, read in MailDev).
pub const DEMO_PASSWORD: &str = "Demo-Passw0rd-2026";

/// Seed once: a second run finds the demo companies and changes nothing.
pub async fn seed(state: &AppState) -> Result<()> {
    // Known passwords: never in a real deployment.
    anyhow::ensure!(state.config.app_env != "production", "the demo data is for local use; APP_ENV is production");
    let Some(cast) = people::create(state).await? else {
        tracing::info!("the demo data is already there; nothing to do");
        return Ok(());
    };
    let jobs = jobs::create(state, &cast).await?;
    let jobs = jobs::reload(state, &cast, jobs).await?;
    let talent = talent::create(state, &cast, &jobs).await?;
    timeline::spread(&state.pool, &cast, &talent).await?;
    let conversations = conversations::create(state, &cast).await?;
    tracing::info!(jobs = jobs.len(), applications = talent.applications.len(), conversations, "demo data loaded");
    Ok(())
}

/// What to tell the person who ran the seed.
pub fn summary() -> String {
    format!(
        "Demo accounts (password {DEMO_PASSWORD}; admins also get a sign-in code in the mail catcher):\n\
         \x20 agencies   admin@northwind.demo, manager@northwind.demo, recruiter1@northwind.demo, recruiter2@northwind.demo, sales@northwind.demo\n\
         \x20            admin@bluepeak.demo, manager@bluepeak.demo, recruiter1@bluepeak.demo, recruiter2@bluepeak.demo, sales@bluepeak.demo\n\
         \x20 employers  admin@acme.demo, hiring@acme.demo, interviewer@acme.demo, admin@globex.demo, hiring@globex.demo, interviewer@globex.demo\n\
         \x20 candidates maya.candidate@example.com, leo.candidate@example.com"
    )
}
