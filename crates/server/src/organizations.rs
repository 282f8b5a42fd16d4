//! Removing an organization from XMS: its running backup is cancelled and its worker
//! stopped, its jobs are deleted with it, its licences are free again, and every open console
//! is told.

use xms_m365_contract::{OrganizationId, ServerEvent};

use crate::{db::DbError, state::AppState, store::organizations};

/// Removes organization `id`; false when there is no such organization.
pub fn remove(state: &AppState, id: &str) -> Result<bool, DbError> {
    let now = state.clock.now_ms();
    let Some(cancelled) = state.db.write(|tx| organizations::remove(tx, id, now))? else {
        return Ok(false);
    };
    for job in cancelled {
        state.jobs.stop_worker(&job.id.0);
        // Whoever follows the job learns that it ended; its tile goes with the next event.
        state.events.publish(ServerEvent::JobFinished { job });
    }
    state.events.publish(ServerEvent::OrganizationRemoved {
        organization_id: OrganizationId(id.to_owned()),
    });
    Ok(true)
}
