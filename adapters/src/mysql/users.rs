use super::{infra, is_duplicate_key, like};
use super::one_time::consume_in;
use chrono::{DateTime, Utc};
use hireops_domain::auth::ApproverScope;
use hireops_domain::admin::{ManagedUser, UserQuery};
use hireops_domain::identity::{Company, CompanyFilter, CompanyStatus, CompanyType, Email, Permission, User, UserStatus};
use hireops_domain::ids::{CompanyId, RoleId, UserId};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{NewUser, OneTimePurpose, PortResult, UserRepository};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};
use std::collections::BTreeSet;
use uuid::Uuid;

enum Key<'a> {
    Id(Uuid),
    Email(&'a str),
}

const SELECT_USER: &str = "SELECT u.id, u.email, u.full_name, u.password_hash, u.status, u.failed_login_count, u.locked_until,
        u.login_hold_reason, u.last_login_at, u.created_at, c.id AS company_id, c.name AS company_name, c.company_type,
        c.status AS company_status
    FROM users u LEFT JOIN companies c ON c.id = u.company_id";

fn managed_from_row(row: &MySqlRow, roles: Vec<String>, permissions: BTreeSet<Permission>) -> PortResult<ManagedUser> {
    let company_id: Option<Uuid> = row.get("company_id");
    let company = match company_id {
        Some(cid) => Some(Company {
            id: CompanyId(cid),
            name: row.get("company_name"),
            kind: CompanyType::parse(row.get::<String, _>("company_type").as_str()).ok_or_else(|| DomainError::infra("unknown company type"))?,
            status: CompanyStatus::parse(row.get::<String, _>("company_status").as_str())
                .ok_or_else(|| DomainError::infra("unknown company status"))?,
        }),
        None => None,
    };
    let email: String = row.get("email");
    let status: String = row.get("status");
    Ok(ManagedUser {
        user: User {
            id: UserId(row.get("id")),
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
        },
        last_login_at: row.get("last_login_at"),
        created_at: row.get("created_at"),
    })
}

/// Appends ` WHERE …` for an admin user list; false when it can match nothing.
fn push_user_where(qb: &mut QueryBuilder<'_, MySql>, q: &UserQuery) -> bool {
    qb.push(" WHERE 1 = 1");
    match q.companies {
        CompanyFilter::Any => {}
        CompanyFilter::Only(id) => {
            qb.push(" AND u.company_id = ").push_bind(id.0);
        }
        CompanyFilter::Nothing => return false,
    }
    if let Some(role) = &q.role {
        qb.push(" AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = ")
            .push_bind(role.clone())
            .push(")");
    }
    if let Some(status) = q.status {
        qb.push(" AND u.status = ").push_bind(status.as_str());
    }
    if let Some(text) = &q.text {
        let pattern = like::contains(text);
        qb.push(" AND (u.full_name LIKE ").push_bind(pattern.clone()).push(" OR u.email LIKE ").push_bind(pattern).push(")");
    }
    true
}

pub struct MySqlUsers {
    pool: MySqlPool,
}

impl MySqlUsers {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }

    async fn load(&self, key: Key<'_>) -> PortResult<Option<ManagedUser>> {
        let filter = match key {
            Key::Id(_) => "u.id = ?",
            Key::Email(_) => "u.email = ?",
        };
        let sql = format!("{SELECT_USER} WHERE {filter}");
        let query = sqlx::query(&sql);
        let query = match key {
            Key::Id(id) => query.bind(id),
            Key::Email(email) => query.bind(email),
        };
        let Some(row) = query.fetch_optional(&self.pool).await.map_err(infra)? else {
            return Ok(None);
        };
        let (roles, permissions) = self.roles_of(row.get("id")).await?;
        managed_from_row(&row, roles, permissions).map(Some)
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
        Ok(self.load(Key::Email(email.as_str())).await?.map(|m| m.user))
    }

    async fn find_by_id(&self, id: UserId) -> PortResult<Option<User>> {
        Ok(self.load(Key::Id(id.0)).await?.map(|m| m.user))
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

    async fn find_managed(&self, id: UserId) -> PortResult<Option<ManagedUser>> {
        self.load(Key::Id(id.0)).await
    }

    async fn list_managed(&self, q: &UserQuery, page: PageRequest) -> PortResult<Page<ManagedUser>> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM users u");
        if !push_user_where(&mut count, q) {
            return Ok(Page::new(vec![], 0, page));
        }
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::new(SELECT_USER);
        push_user_where(&mut qb, q);
        qb.push(" ORDER BY u.created_at DESC, u.id DESC LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let mut items = Vec::with_capacity(rows.len());
        for row in &rows {
            // At most one page (≤ 100) of users, each with a handful of roles.
            let (roles, permissions) = self.roles_of(row.get("id")).await?;
            items.push(managed_from_row(row, roles, permissions)?);
        }
        Ok(Page::new(items, total as u64, page))
    }

    async fn update_full_name(&self, id: UserId, full_name: &str) -> PortResult<()> {
        sqlx::query("UPDATE users SET full_name = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?")
            .bind(full_name)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn replace_roles(&self, id: UserId, role: RoleId) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = ?").bind(id.0).execute(&mut *tx).await.map_err(infra)?;
        sqlx::query("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)").bind(id.0).bind(role.0).execute(&mut *tx).await.map_err(infra)?;
        sqlx::query("UPDATE users SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?").bind(id.0).execute(&mut *tx).await.map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn set_status(&self, id: UserId, status: UserStatus) -> PortResult<()> {
        sqlx::query("UPDATE users SET status = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?")
            .bind(status.as_str())
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn set_login_hold(&self, id: UserId, reason: Option<&str>) -> PortResult<()> {
        sqlx::query("UPDATE users SET login_hold_reason = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?")
            .bind(reason)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn clear_lockout(&self, id: UserId) -> PortResult<()> {
        sqlx::query("UPDATE users SET failed_login_count = 0, locked_until = NULL, updated_at = UTC_TIMESTAMP(6) WHERE id = ?")
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn activate(&self, token_digest: &str, password_hash: &str, now: DateTime<Utc>) -> PortResult<Option<UserId>> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let Some((user, _)) = consume_in(&mut tx, OneTimePurpose::Activation, token_digest, now).await.map_err(infra)? else {
            return Ok(None);
        };
        let done = sqlx::query("UPDATE users SET password_hash = ?, status = 'active', updated_at = ? WHERE id = ? AND status = 'pending_activation'")
            .bind(password_hash)
            .bind(now)
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        if done.rows_affected() != 1 {
            // Deactivated (or already active) meanwhile: the link is dead, and stays unconsumed.
            tx.rollback().await.map_err(infra)?;
            return Ok(None);
        }
        tx.commit().await.map_err(infra)?;
        Ok(Some(user))
    }
}
