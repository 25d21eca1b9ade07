//! Kanban order inside a column: each card has a rank; a card dropped between
//! two others takes the midpoint, and when the gap gets too small the column
//! is renumbered 1, 2, 3…

use crate::error::{DomainError, DomainResult};
use crate::ids::ApplicationId;

/// Below this gap a midpoint is no longer trusted to sort strictly.
pub const MIN_GAP: f64 = 1e-6;

/// Where a card goes: before or after another card of the same column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Before(ApplicationId),
    After(ApplicationId),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reorder {
    /// Give the moved card this rank.
    Rank(f64),
    /// Rewrite the column's ranks in this order.
    Renumber(Vec<ApplicationId>),
    /// Already there.
    Unchanged,
}

/// The rank after the column's last card (1 for an empty column).
pub fn end_of_column(last: Option<f64>) -> f64 {
    last.map_or(1.0, |r| r.floor() + 1.0)
}

/// Plan moving `card` within `column` (ids in rank order with ranks).
/// `anchor` must be another card of the column (else `field` errors).
pub fn plan_reorder(column: &[(ApplicationId, f64)], card: ApplicationId, placement: Placement, anchor_field: &str) -> DomainResult<Reorder> {
    let anchor = match placement {
        Placement::Before(a) | Placement::After(a) => a,
    };
    if anchor == card || !column.iter().any(|(id, _)| *id == anchor) {
        return Err(DomainError::field(anchor_field, "not_in_stage", "must be another application in the same stage"));
    }
    let others: Vec<(ApplicationId, f64)> = column.iter().copied().filter(|(id, _)| *id != card).collect();
    let at = others.iter().position(|(id, _)| *id == anchor).expect("anchor is in the column");
    let insert_at = match placement {
        Placement::Before(_) => at,
        Placement::After(_) => at + 1,
    };
    let mut order: Vec<ApplicationId> = others.iter().map(|(id, _)| *id).collect();
    order.insert(insert_at, card);
    if order == column.iter().map(|(id, _)| *id).collect::<Vec<_>>() {
        return Ok(Reorder::Unchanged);
    }
    let prev = insert_at.checked_sub(1).map(|i| others[i].1);
    let next = others.get(insert_at).map(|(_, r)| *r);
    let rank = match (prev, next) {
        (Some(p), Some(n)) => {
            if n - p < MIN_GAP * 2.0 {
                return Ok(Reorder::Renumber(order));
            }
            (p + n) / 2.0
        }
        (None, Some(n)) => n - 1.0,
        (Some(p), None) => p + 1.0,
        (None, None) => 1.0,
    };
    Ok(Reorder::Rank(rank))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<ApplicationId> {
        (0..n).map(|_| ApplicationId::new()).collect()
    }

    #[test]
    fn a_card_between_two_takes_the_midpoint() {
        let a = ids(3);
        let col = [(a[0], 1.0), (a[1], 2.0), (a[2], 3.0)];
        assert_eq!(plan_reorder(&col, a[2], Placement::Before(a[1]), "before_id").unwrap(), Reorder::Rank(1.5));
        assert_eq!(plan_reorder(&col, a[0], Placement::After(a[1]), "after_id").unwrap(), Reorder::Rank(2.5));
    }

    #[test]
    fn the_ends_step_by_one() {
        let a = ids(3);
        let col = [(a[0], 1.0), (a[1], 2.0), (a[2], 3.0)];
        assert_eq!(plan_reorder(&col, a[2], Placement::Before(a[0]), "before_id").unwrap(), Reorder::Rank(0.0));
        assert_eq!(plan_reorder(&col, a[0], Placement::After(a[2]), "after_id").unwrap(), Reorder::Rank(4.0));
        assert_eq!(end_of_column(None), 1.0);
        assert_eq!(end_of_column(Some(4.5)), 5.0);
    }

    #[test]
    fn staying_put_changes_nothing() {
        let a = ids(3);
        let col = [(a[0], 1.0), (a[1], 2.0), (a[2], 3.0)];
        assert_eq!(plan_reorder(&col, a[1], Placement::After(a[0]), "after_id").unwrap(), Reorder::Unchanged);
        assert_eq!(plan_reorder(&col, a[1], Placement::Before(a[2]), "before_id").unwrap(), Reorder::Unchanged);
    }

    #[test]
    fn tiny_gaps_renumber_the_column() {
        let a = ids(3);
        let col = [(a[0], 1.0), (a[1], 1.0 + 1e-7), (a[2], 3.0)];
        assert_eq!(plan_reorder(&col, a[2], Placement::Before(a[1]), "before_id").unwrap(), Reorder::Renumber(vec![a[0], a[2], a[1]]));
    }

    #[test]
    fn repeated_midpoints_eventually_renumber_rather_than_collide() {
        let a = ids(3);
        let mut col = vec![(a[0], 1.0), (a[1], 2.0), (a[2], 3.0)];
        let mut renumbered = false;
        for i in 0..80 {
            // Alternately drop the last card just after the first one.
            let (mover, anchor) = (col[2].0, col[0].0);
            match plan_reorder(&col, mover, Placement::After(anchor), "after_id").unwrap() {
                Reorder::Rank(r) => {
                    assert!(r > col[0].1 && r < col[1].1, "step {i}");
                    col[2].1 = r;
                    col.sort_by(|x, y| x.1.total_cmp(&y.1));
                }
                Reorder::Renumber(order) => {
                    assert_eq!(order.len(), 3);
                    renumbered = true;
                    break;
                }
                Reorder::Unchanged => panic!("moved"),
            }
        }
        assert!(renumbered);
    }

    #[test]
    fn anchors_outside_the_column_or_the_card_itself_are_refused() {
        let a = ids(2);
        let col = [(a[0], 1.0), (a[1], 2.0)];
        for bad in [Placement::Before(ApplicationId::new()), Placement::After(a[0])] {
            let card = if bad == Placement::After(a[0]) { a[0] } else { a[1] };
            match plan_reorder(&col, card, bad, "x") {
                Err(DomainError::Validation(e)) => assert_eq!((e[0].field.as_str(), e[0].code.as_str()), ("x", "not_in_stage")),
                other => panic!("{other:?}"),
            }
        }
    }
}
