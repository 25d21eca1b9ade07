//! Which uploaded files a message may carry.

use super::Attachment;
use crate::error::FieldError;
use crate::files::VirusStatus;
use crate::ids::{ConversationId, FileId, UserId};

pub const ATTACHMENTS_PER_MESSAGE: usize = 10;

/// The distinct attachments named by a send, in order, if each was uploaded
/// by the sender into this conversation, is not on another message yet, and
/// is uploaded and not blocked. A pending file may be sent (it shows as
/// pending until the scan ends); an infected, rejected or failed one may not.
/// Errors name the index as sent (`attachment_ids[i]`).
pub fn check_attachable(sender: UserId, conversation: ConversationId, ids: &[FileId], found: &[Attachment]) -> Result<Vec<Attachment>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut picked: Vec<Attachment> = Vec::new();
    if ids.len() > ATTACHMENTS_PER_MESSAGE {
        return Err(vec![FieldError::new("attachment_ids", "invalid_count", "at most 10 attachments per message")]);
    }
    for (i, id) in ids.iter().enumerate() {
        if picked.iter().any(|a| a.file.id == *id) {
            continue;
        }
        let field = format!("attachment_ids[{i}]");
        let Some(a) = found.iter().find(|a| a.file.id == *id && a.conversation_id == conversation && a.file.uploaded_by == Some(sender)) else {
            errors.push(FieldError::new(field, "unknown_attachment", "no attachment you uploaded to this conversation has this id"));
            continue;
        };
        if a.message_id.is_some() {
            errors.push(FieldError::new(field, "attachment_already_sent", "this attachment is already on a message"));
            continue;
        }
        match a.file.virus_status {
            VirusStatus::Pending | VirusStatus::Clean => picked.push(a.clone()),
            VirusStatus::AwaitingUpload => errors.push(FieldError::new(field, "attachment_not_uploaded", "upload the file and confirm it first")),
            VirusStatus::Infected | VirusStatus::Rejected | VirusStatus::Error => {
                errors.push(FieldError::new(field, "attachment_blocked", "this file failed its scan and cannot be sent"))
            }
        }
    }
    if errors.is_empty() { Ok(picked) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::{FilePurpose, StoredFile};
    use crate::ids::MessageId;
    use chrono::Utc;

    fn attachment(by: UserId, conversation: ConversationId, status: VirusStatus) -> Attachment {
        let now = Utc::now();
        Attachment {
            file: StoredFile {
                id: FileId::new(),
                company_id: None,
                uploaded_by: Some(by),
                purpose: FilePurpose::MessageAttachment,
                object_key: "k".into(),
                file_name: "a.pdf".into(),
                declared_type: "application/pdf".into(),
                max_size: 10,
                size: None,
                sha256: None,
                sniffed_type: None,
                virus_status: status,
                scan_detail: None,
                scanned_at: None,
                has_text: false,
                created_at: now,
                updated_at: now,
            },
            conversation_id: conversation,
            message_id: None,
        }
    }

    #[test]
    fn only_own_unsent_unblocked_files_of_this_conversation() {
        let (me, other) = (UserId::new(), UserId::new());
        let here = ConversationId::new();
        let ok = attachment(me, here, VirusStatus::Pending);
        let clean = attachment(me, here, VirusStatus::Clean);
        let theirs = attachment(other, here, VirusStatus::Clean);
        let elsewhere = attachment(me, ConversationId::new(), VirusStatus::Clean);
        let mut sent = attachment(me, here, VirusStatus::Clean);
        sent.message_id = Some(MessageId::new());
        let infected = attachment(me, here, VirusStatus::Infected);
        let waiting = attachment(me, here, VirusStatus::AwaitingUpload);
        let found = vec![ok.clone(), clean.clone(), theirs.clone(), elsewhere.clone(), sent.clone(), infected.clone(), waiting.clone()];

        let picked = check_attachable(me, here, &[ok.file.id, clean.file.id, ok.file.id], &found).unwrap();
        assert_eq!(picked.iter().map(|a| a.file.id).collect::<Vec<_>>(), [ok.file.id, clean.file.id]);

        let ids = [theirs.file.id, elsewhere.file.id, sent.file.id, infected.file.id, waiting.file.id, FileId::new()];
        let errors = check_attachable(me, here, &ids, &found).unwrap_err();
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(
            got,
            [
                ("attachment_ids[0]", "unknown_attachment"),
                ("attachment_ids[1]", "unknown_attachment"),
                ("attachment_ids[2]", "attachment_already_sent"),
                ("attachment_ids[3]", "attachment_blocked"),
                ("attachment_ids[4]", "attachment_not_uploaded"),
                ("attachment_ids[5]", "unknown_attachment"),
            ]
        );
        let many: Vec<FileId> = (0..11).map(|_| FileId::new()).collect();
        assert_eq!(check_attachable(me, here, &many, &found).unwrap_err()[0].code, "invalid_count");
    }
}
