use hireops_domain::identity::ALL_SYSTEM_ROLES;
use sqlx::MySqlPool;
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
