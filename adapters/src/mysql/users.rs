use super::{infra, is_duplicate_key};
use chrono::{DateTime, Utc};
use hireops_domain::auth::ApproverScope;
use hireops_domain::identity::{Company, CompanyType, Email, Permission, User, UserStatus};
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::ports::{NewUser, PortResult, UserRepository};
use hireops_domain::DomainError;
use sqlx::{MySqlPool, Row};
use std::collections::BTreeSet;
use uuid::Uuid;

enum Key<'a> {
    Id(Uuid),
    Email(&'a str),
}

pub struct MySqlUsers {
    pool: MySqlPool,
}

impl MySqlUsers {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }

    async fn load(&self, key: Key<'_>) -> PortResult<Option<User>> {
        let filter = match key {
            Key::Id(_) => "u.id = ?",
            Key::Email(_) => "u.email = ?",
        };
        let sql = format!(
            "SELECT u.id, u.email, u.full_name, u.password_hash, u.status, u.failed_login_count, u.locked_until,
                    u.login_hold_reason, c.id AS company_id, c.name AS company_name, c.company_type
             FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE {filter}"
        );
        let query = sqlx::query(&sql);
        let query = match key {
            Key::Id(id) => query.bind(id),
            Key::Email(email) => query.bind(email),
        };
        let Some(row) = query.fetch_optional(&self.pool).await.map_err(infra)? else {
            return Ok(None);
        };
        let id: Uuid = row.get("id");
        let (roles, permissions) = self.roles_of(id).await?;
        let company_id: Option<Uuid> = row.get("company_id");
        let company = match company_id {
            Some(cid) => Some(Company {
                id: CompanyId(cid),
                name: row.get("company_name"),
                kind: CompanyType::parse(row.get::<String, _>("company_type").as_str())
                    .ok_or_else(|| DomainError::infra("unknown company type"))?,
            }),
            None => None,
        };
        let email: String = row.get("email");
        let status: String = row.get("status");
        Ok(Some(User {
            id: UserId(id),
            email: Email::parse(&email)?,
            full_name: row.get("full_name"),
            status: UserStatus::parse(&status).ok_or_else(|| DomainError::infra(format!("unknown user status {status}")))?,
            company,
            roles,
            permissions,
            password_hash: row.get("password_hash"),
            failed_login_count: row.get::<u32, _>("failed_login_count"),
            locked_until: row.get("locked_until"),
            login_hold_reason: row.get("login_hold_reason"),
        }))
    }

    async fn roles_of(&self, user: Uuid) -> PortResult<(Vec<String>, BTreeSet<Permission>)> {
        let rows = sqlx::query(
            "SELECT r.name, rp.permission FROM user_roles ur JOIN roles r ON r.id = ur.role_id
             LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE ur.user_id = ? ORDER BY r.name",
        )
        .bind(user)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        let mut roles: Vec<String> = Vec::new();
        let mut permissions = BTreeSet::new();
        for row in rows {
            let name: String = row.get("name");
            if roles.last() != Some(&name) {
                roles.push(name);
            }
            // Permissions the code no longer knows are ignored, never granted.
            if let Some(p) = row.get::<Option<String>, _>("permission").as_deref().and_then(Permission::parse) {
                permissions.insert(p);
            }
        }
        Ok((roles, permissions))
    }

    async fn insert(&self, tx: &mut sqlx::Transaction<'_, sqlx::MySql>, user: &NewUser) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO users (id, email, full_name, password_hash, status, company_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
        )
        .bind(user.id.0)
        .bind(user.email.as_str())
        .bind(&user.full_name)
        .bind(&user.password_hash)
        .bind(user.status.as_str())
        .bind(user.company_id.map(|c| c.0))
        .execute(&mut **tx)
        .await?;
        for role in &user.roles {
            // A company's own role of that name wins over a system role.
            let done = sqlx::query(
                "INSERT INTO user_roles (user_id, role_id)
                 SELECT ?, id FROM roles WHERE name = ? AND (company_id = ? OR company_id IS NULL)
                 ORDER BY company_id IS NULL LIMIT 1",
            )
            .bind(user.id.0)
            .bind(role)
            .bind(user.company_id.map(|c| c.0))
            .execute(&mut **tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(sqlx::Error::RowNotFound);
            }
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl UserRepository for MySqlUsers {
    async fn find_by_email(&self, email: &Email) -> PortResult<Option<User>> {
        self.load(Key::Email(email.as_str())).await
    }

    async fn find_by_id(&self, id: UserId) -> PortResult<Option<User>> {
        self.load(Key::Id(id.0)).await
    }

    async fn create(&self, user: NewUser) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        match self.insert(&mut tx, &user).await {
            Ok(()) => tx.commit().await.map_err(infra),
            Err(e) if is_duplicate_key(&e) => Err(DomainError::Conflict("email_taken")),
            Err(sqlx::Error::RowNotFound) => Err(DomainError::field("roles", "unknown_role", "names a role that does not exist")),
            Err(e) => Err(infra(e)),
        }
    }

    async fn record_failed_login(&self, id: UserId, now: DateTime<Utc>) -> PortResult<u32> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query(
            "UPDATE users SET
                failed_login_count = IF(locked_until IS NOT NULL AND locked_until <= ?, 1, failed_login_count + 1),
                locked_until = IF(locked_until IS NOT NULL AND locked_until <= ?, NULL, locked_until),
                updated_at = ?
             WHERE id = ?",
        )
        .bind(now)
        .bind(now)
        .bind(now)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(infra)?;
        let (count,): (u32,) =
            sqlx::query_as("SELECT failed_login_count FROM users WHERE id = ?").bind(id.0).fetch_one(&mut *tx).await.map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        Ok(count)
    }

    async fn lock_until(&self, id: UserId, until: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE users SET locked_until = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?")
            .bind(until)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn record_successful_login(&self, id: UserId, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = ?, updated_at = ? WHERE id = ?")
            .bind(at)
            .bind(at)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn transition_status(&self, id: UserId, from: UserStatus, to: UserStatus) -> PortResult<bool> {
        let done = sqlx::query("UPDATE users SET status = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND status = ?")
            .bind(to.as_str())
            .bind(id.0)
            .bind(from.as_str())
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }

    async fn approvers(&self, scope: ApproverScope) -> PortResult<Vec<User>> {
        let ids: Vec<(Uuid,)> = match scope {
            ApproverScope::Company(company) => sqlx::query_as(
                "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
                 JOIN role_permissions rp ON rp.role_id = ur.role_id
                 WHERE u.company_id = ? AND u.status = 'active' AND rp.permission = ?",
            )
            .bind(company.0)
            .bind(Permission::PasswordResetsApprove.code())
            .fetch_all(&self.pool)
            .await,
            ApproverScope::Platform => sqlx::query_as(
                "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
                 WHERE r.company_id IS NULL AND r.name = 'super_admin' AND u.status = 'active'",
            )
            .fetch_all(&self.pool)
            .await,
        }
        .map_err(infra)?;
        let mut users = Vec::with_capacity(ids.len());
        for (id,) in ids {
            if let Some(u) = self.find_by_id(UserId(id)).await? {
                users.push(u);
            }
        }
        Ok(users)
    }

    async fn ensure_super_admin(&self, user: NewUser) -> PortResult<bool> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        // Lock the role row so two starting processes cannot both create one.
        let (role_id,): (Uuid,) = sqlx::query_as("SELECT id FROM roles WHERE company_id IS NULL AND name = 'super_admin' FOR UPDATE")
            .fetch_one(&mut *tx)
            .await
            .map_err(infra)?;
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM user_roles WHERE role_id = ?").bind(role_id).fetch_one(&mut *tx).await.map_err(infra)?;
        if count > 0 {
            return Ok(false);
        }
        match self.insert(&mut tx, &user).await {
            Ok(()) => {}
            Err(e) if is_duplicate_key(&e) => return Err(DomainError::Conflict("email_taken")),
            Err(e) => return Err(infra(e)),
        }
        tx.commit().await.map_err(infra)?;
        Ok(true)
    }
}
