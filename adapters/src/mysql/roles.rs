use super::{infra, is_duplicate_key, is_foreign_key_violation};
use chrono::{DateTime, Utc};
use hireops_domain::admin::{NewRole, Role};
use hireops_domain::identity::{CompanyFilter, Permission, ALL_SYSTEM_ROLES};
use hireops_domain::ids::{CompanyId, RoleId};
use hireops_domain::ports::{PortResult, RoleRepository};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// Make the database's system roles match the domain's definition: the
/// permission matrix lives in code, once.
pub async fn sync_system_roles(pool: &MySqlPool) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    for role in ALL_SYSTEM_ROLES {
        sqlx::query(
            "INSERT INTO roles (id, company_id, name, is_system, created_at) VALUES (?, NULL, ?, 1, UTC_TIMESTAMP(6))
             ON DUPLICATE KEY UPDATE is_system = 1",
        )
        .bind(Uuid::now_v7())
        .bind(role.name())
        .execute(&mut *tx)
        .await?;
        let (id,): (Uuid,) = sqlx::query_as("SELECT id FROM roles WHERE company_id IS NULL AND name = ?")
            .bind(role.name())
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM role_permissions WHERE role_id = ?").bind(id).execute(&mut *tx).await?;
        for p in role.permissions() {
            sqlx::query("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)")
                .bind(id)
                .bind(p.code())
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// System and custom roles for the admin screens.
pub struct MySqlRoles {
    pool: MySqlPool,
}

impl MySqlRoles {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }

    /// Roles of the query's rows, each with its permissions.
    async fn with_permissions(&self, rows: Vec<MySqlRow>) -> PortResult<Vec<Role>> {
        let mut roles = Vec::with_capacity(rows.len());
        for row in &rows {
            roles.push(Role {
                id: RoleId(row.try_get("id").map_err(infra)?),
                company_id: row.try_get::<Option<Uuid>, _>("company_id").map_err(infra)?.map(CompanyId),
                name: row.try_get("name").map_err(infra)?,
                description: row.try_get("description").map_err(infra)?,
                is_system: row.try_get::<bool, _>("is_system").map_err(infra)?,
                permissions: BTreeSet::new(),
                user_count: row.try_get::<i64, _>("user_count").map_err(infra)? as u64,
            });
        }
        if roles.is_empty() {
            return Ok(roles);
        }
        let mut qb = QueryBuilder::<MySql>::new("SELECT role_id, permission FROM role_permissions WHERE role_id IN (");
        let mut ids = qb.separated(", ");
        for r in &roles {
            ids.push_bind(r.id.0);
        }
        qb.push(")");
        let grants: Vec<(Uuid, String)> = qb.build_query_as().fetch_all(&self.pool).await.map_err(infra)?;
        let mut by_role: HashMap<Uuid, BTreeSet<Permission>> = HashMap::new();
        for (role, code) in grants {
            // Codes the domain no longer knows grant nothing.
            if let Some(p) = Permission::parse(&code) {
                by_role.entry(role).or_default().insert(p);
            }
        }
        for r in &mut roles {
            r.permissions = by_role.remove(&r.id.0).unwrap_or_default();
        }
        Ok(roles)
    }

    async fn insert_permissions(tx: &mut sqlx::Transaction<'_, MySql>, role: RoleId, permissions: &BTreeSet<Permission>) -> Result<(), sqlx::Error> {
        for p in permissions {
            sqlx::query("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)").bind(role.0).bind(p.code()).execute(&mut **tx).await?;
        }
        Ok(())
    }
}

const SELECT_ROLE: &str = "SELECT r.id, r.company_id, r.name, r.description, r.is_system,
        (SELECT COUNT(*) FROM user_roles ur WHERE ur.role_id = r.id) AS user_count
    FROM roles r";

fn name_conflict(e: sqlx::Error) -> DomainError {
    if is_duplicate_key(&e) { DomainError::Conflict("role_name_taken") } else { infra(e) }
}

#[async_trait::async_trait]
impl RoleRepository for MySqlRoles {
    async fn list(&self, custom: CompanyFilter) -> PortResult<Vec<Role>> {
        let mut qb = QueryBuilder::<MySql>::new(SELECT_ROLE);
        qb.push(" WHERE r.company_id IS NULL");
        match custom {
            CompanyFilter::Any => {
                qb.push(" OR r.company_id IS NOT NULL");
            }
            CompanyFilter::Only(id) => {
                qb.push(" OR r.company_id = ").push_bind(id.0);
            }
            CompanyFilter::Nothing => {}
        }
        qb.push(" ORDER BY r.is_system DESC, r.name");
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        self.with_permissions(rows).await
    }

    async fn find(&self, id: RoleId) -> PortResult<Option<Role>> {
        let row = sqlx::query(&format!("{SELECT_ROLE} WHERE r.id = ?")).bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        Ok(self.with_permissions(row.into_iter().collect()).await?.pop())
    }

    async fn find_by_name(&self, company: CompanyId, name: &str) -> PortResult<Option<Role>> {
        let row = sqlx::query(&format!(
            "{SELECT_ROLE} WHERE r.name = ? AND (r.company_id = ? OR r.company_id IS NULL) ORDER BY r.company_id IS NULL LIMIT 1"
        ))
        .bind(name)
        .bind(company.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(infra)?;
        Ok(self.with_permissions(row.into_iter().collect()).await?.pop())
    }

    async fn create(&self, role: &NewRole, at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("INSERT INTO roles (id, company_id, name, description, is_system, created_at) VALUES (?, ?, ?, ?, 0, ?)")
            .bind(role.id.0)
            .bind(role.company_id.0)
            .bind(&role.name)
            .bind(&role.description)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(name_conflict)?;
        Self::insert_permissions(&mut tx, role.id, &role.permissions).await.map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn update(&self, id: RoleId, name: &str, description: &str, permissions: &BTreeSet<Permission>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("UPDATE roles SET name = ?, description = ? WHERE id = ? AND is_system = 0")
            .bind(name)
            .bind(description)
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(name_conflict)?;
        sqlx::query("DELETE FROM role_permissions WHERE role_id = ?").bind(id.0).execute(&mut *tx).await.map_err(infra)?;
        Self::insert_permissions(&mut tx, id, permissions).await.map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn delete(&self, id: RoleId) -> PortResult<()> {
        // user_roles references roles without cascade: the database itself
        // refuses to delete a role someone holds, so there is no race.
        match sqlx::query("DELETE FROM roles WHERE id = ? AND is_system = 0").bind(id.0).execute(&self.pool).await {
            Ok(_) => Ok(()),
            Err(e) if is_foreign_key_violation(&e) => Err(DomainError::Conflict("role_in_use")),
            Err(e) => Err(infra(e)),
        }
    }
}
