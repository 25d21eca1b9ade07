//! The mail worker: render the template (the company's override, if any) and
//! hand the mail to the transport.

use crate::state::AppState;
use anyhow::Context;
use hireops_domain::mail::OutgoingMail;

const CONSUMER: &str = "mail_sender";

pub async fn handle(state: &AppState, message_id: &str, body: &str) -> anyhow::Result<()> {
    let mail: OutgoingMail = match serde_json::from_str(body) {
        Ok(m) => m,
        Err(e) => {
            // Retrying cannot fix it; let it reach the DLQ for a human to see.
            anyhow::bail!("message {message_id} is not an OutgoingMail: {e}");
        }
    };
    let key = mail.id.to_string();
    if state.processed.is_done(CONSUMER, &key).await? {
        tracing::info!(mail_id = %key, "already sent; skipping redelivery");
        return Ok(());
    }
    // The recipient's company's template, else the platform's, else the shipped one.
    let name = mail.message.template_name();
    let custom = state.settings.template_for(mail.company_id, name).await.map_err(|e| anyhow::anyhow!("loading template {name}: {e:?}"))?;
    let rendered = state.mail_renderer.render_with(&mail, custom.as_ref()).with_context(|| format!("rendering {}", mail.message.template_name()))?;
    state.mail_transport.send(&rendered).await.with_context(|| format!("sending {}", mail.message.template_name()))?;
    state.processed.mark_done(CONSUMER, &key).await?;
    tracing::info!(mail_id = %key, template = mail.message.template_name(), "mail sent");
    Ok(())
}
