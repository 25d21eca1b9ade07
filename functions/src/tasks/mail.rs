//! The mail worker: render the template (the company's override, if any) and
//! hand the mail to the transport.

use crate::state::AppState;
use anyhow::Context;
use hireops_adapters::mail::Branding;
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
    let settings = state.settings.effective(mail.company_id).await.map_err(|e| anyhow::anyhow!("loading tenant settings: {e:?}"))?;
    let branding = Branding {
        company_name: settings.display_name,
        sender_name: settings.email_sender_name,
        footer: settings.email_footer,
        color: settings.brand_color,
    };
    let rendered = state
        .mail_renderer
        .render_branded(&mail, custom.as_ref(), &branding)
        .with_context(|| format!("rendering {}", mail.message.template_name()))?;
    state.mail_transport.send(&rendered).await.with_context(|| format!("sending {}", mail.message.template_name()))?;
    state.processed.mark_done(CONSUMER, &key).await?;
    tracing::info!(mail_id = %key, template = mail.message.template_name(), "mail sent");
    Ok(())
}
