use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::UserId;
use std::fmt;

/// Where an event is delivered: `user:{id}` (one user's notifications and,
/// later, messages) or `conversation:{id}` (a conversation's participants).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    User(UserId),
    Conversation(uuid::Uuid),
}

impl Channel {
    /// Parse the wire name; anything else is a 422 on `channel`.
    pub fn parse(s: &str) -> DomainResult<Self> {
        let invalid = || DomainError::Validation(vec![FieldError::new("channel", "invalid", "unknown channel")]);
        let (kind, id) = s.split_once(':').ok_or_else(invalid)?;
        let id = uuid::Uuid::parse_str(id).map_err(|_| invalid())?;
        match kind {
            "user" => Ok(Self::User(UserId(id))),
            "conversation" => Ok(Self::Conversation(id)),
            _ => Err(invalid()),
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::User(u) => write!(f, "user:{}", u.0),
            Self::Conversation(c) => write!(f, "conversation:{c}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let u = Channel::User(UserId(uuid::Uuid::now_v7()));
        assert_eq!(Channel::parse(&u.to_string()).unwrap(), u);
        let c = Channel::Conversation(uuid::Uuid::now_v7());
        assert_eq!(Channel::parse(&c.to_string()).unwrap(), c);
    }

    #[test]
    fn rejects_unknown_names() {
        for bad in ["", "user", "user:nope", "team:0190c7a2-0000-7000-8000-000000000000", "conversation:"] {
            assert!(matches!(Channel::parse(bad), Err(DomainError::Validation(_))), "{bad}");
        }
    }
}
