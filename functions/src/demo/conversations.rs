//! Demo conversations, through the messaging use cases (so the rules apply):
//! a recruiter and the employer's hiring manager about a shared job, and an
//! agency team thread.

use super::people::Cast;
use crate::state::AppState;
use anyhow::{anyhow, Result};
use hireops_domain::audit::RequestMeta;
use hireops_domain::messaging::{NewConversationInput, NewMessageInput};

pub async fn create(state: &AppState, cast: &Cast) -> Result<usize> {
    let meta = RequestMeta::default();
    let (northwind, acme) = (&cast.agencies[0], &cast.employers[0]);
    let recruiter = &northwind.members[0];
    let threads = [
        (
            recruiter,
            vec![acme.lead.id],
            "Shortlist for the open roles",
            vec![
                (recruiter, "Hi! Three strong profiles for your senior role; I've moved them to screening."),
                (&acme.lead, "Thanks. Can we do first interviews on Thursday?"),
                (recruiter, "Thursday works. I'll send the slots to the candidates today."),
            ],
        ),
        (
            &northwind.lead,
            vec![northwind.members[0].id, northwind.members[1].id],
            "Weekly pipeline review",
            vec![
                (&northwind.lead, "Two requirements are past 30 days: let's look at sourcing for both."),
                (&northwind.members[1], "I'll take the Globex one; I have referrals to call."),
            ],
        ),
    ];
    for (starter, others, subject, lines) in &threads {
        let input = NewConversationInput { participant_ids: others.clone(), subject: Some((*subject).into()), application_id: None };
        let id = state.messaging.create(&starter.as_caller, input, &meta).await.map_err(|e| anyhow!("demo conversation: {e:?}"))?;
        let mut last = None;
        for (who, body) in lines {
            let input = NewMessageInput { body: (*body).into(), attachment_ids: Vec::new() };
            last = Some(state.messaging.send(&who.as_caller, id, input, &meta).await.map_err(|e| anyhow!("demo message: {e:?}"))?);
        }
        // The starter has read the whole thread; the others have unread messages waiting.
        if let Some(message) = last {
            state.messaging.mark_read(&starter.as_caller, id, message.id).await.map_err(|e| anyhow!("demo receipt: {e:?}"))?;
        }
    }
    Ok(threads.len())
}
