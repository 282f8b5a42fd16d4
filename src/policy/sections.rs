//! The policy editor's sections, in the order an administrator decides them: what to back up,
//! when, for how long, how securely, and by which worker to which storage.

use leptos::prelude::*;
use xms_m365_contract::{
    BackupScope, EncryptionAlgorithm, Frequency, Group, MAX_RETENTION_DAYS, Policy, Recurrence,
    Retention, SchedulePlan, Storage, UserScope, Weekday, Worker,
};

use super::words::{FREQUENCIES, WEEKDAYS, frequency, weekday, weekday_name};
use crate::{
    i18n::{MessageId, msg, t, use_i18n},
    widgets::ButtonStyle,
};

/// Time zones offered for the schedule; the policy's own is added when it is not one of them.
const TIME_ZONES: [&str; 9] = [
    "UTC",
    "Europe/Warsaw",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
];

/// The errors of the fields whose names start with `prefix`, for a section.
pub type Errors = Signal<Vec<String>>;

/// A section's errors, announced as they appear.
#[component]
fn SectionErrors(id: &'static str, errors: Errors) -> impl IntoView {
    view! {
        <div id=id class="m365-field-error" aria-live="polite">
            {move || errors.get().into_iter().map(|message| view! {
                <p><span aria-hidden="true">"✕ "</span>{message}</p>
            }).collect_view()}
        </div>
    }
}

/// A checkbox bound to one boolean of the policy.
fn check(
    policy: RwSignal<Policy>,
    label: MessageId,
    hint: MessageId,
    field: fn(&mut BackupScope) -> &mut bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="m365-choice">
            <input
                type="checkbox"
                prop:checked=move || policy.with(|p| *field(&mut p.scope.clone()))
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    policy.update(|p| *field(&mut p.scope) = on);
                }
            />
            <span>
                <span class="m365-choice__label">{move || i18n.say(label)}</span>
                <span class="m365-choice__hint">{move || i18n.say(hint)}</span>
            </span>
        </label>
    }
}

/// What to back up, and whose.
#[component]
pub fn ScopeSection(policy: RwSignal<Policy>, groups: Vec<Group>, errors: Errors) -> impl IntoView {
    let i18n = use_i18n();
    let all = Memo::new(move |_| policy.with(|p| p.scope.users == UserScope::AllProtected));
    let chosen = move |id: &str| {
        policy.with(|p| match &p.scope.users {
            UserScope::Groups { group_ids } => group_ids.iter().any(|g| g == id),
            UserScope::AllProtected => false,
        })
    };
    let groups_view = groups
        .into_iter()
        .map(|group| {
            let id = group.id.clone();
            let checked = {
                let id = id.clone();
                move || chosen(&id)
            };
            view! {
                <label class="m365-choice">
                    <input
                        type="checkbox"
                        prop:checked=checked
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            policy.update(|p| {
                                if let UserScope::Groups { group_ids } = &mut p.scope.users {
                                    group_ids.retain(|g| *g != id);
                                    if on {
                                        group_ids.push(id.clone());
                                    }
                                }
                            });
                        }
                    />
                    <span class="m365-choice__label">
                        {move || t!(i18n, "scope-group", name = group.name.clone(), members = group.members)}
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="m365-settings__section" aria-describedby="m365-scope-errors">
            <legend class="m365-settings__heading">{move || t!(i18n, "scope-heading")}</legend>
            {check(policy, msg!("scope-mail"), msg!("scope-mail-hint"), |s| &mut s.mail)}
            {check(policy, msg!("scope-calendars"), msg!("scope-calendars-hint"), |s| &mut s.calendars)}
            {check(policy, msg!("scope-contacts"), msg!("scope-contacts-hint"), |s| &mut s.contacts)}
            {check(policy, msg!("scope-shared"), msg!("scope-shared-hint"), |s| &mut s.shared_mailboxes)}
            {check(policy, msg!("scope-onedrive"), msg!("scope-onedrive-hint"), |s| &mut s.onedrive)}
            {check(policy, msg!("scope-sharepoint"), msg!("scope-sharepoint-hint"), |s| &mut s.sharepoint)}
            {check(policy, msg!("scope-groups"), msg!("scope-groups-hint"), |s| &mut s.groups)}
            <fieldset class="m365-settings__subsection">
                <legend class="m365-choice__label">{move || t!(i18n, "scope-whose")}</legend>
                <label class="m365-choice">
                    <input
                        type="radio"
                        name="m365-users"
                        prop:checked=move || all.get()
                        on:change=move |_| policy.update(|p| p.scope.users = UserScope::AllProtected)
                    />
                    <span class="m365-choice__label">{move || t!(i18n, "scope-all-users")}</span>
                </label>
                <label class="m365-choice">
                    <input
                        type="radio"
                        name="m365-users"
                        prop:checked=move || !all.get()
                        on:change=move |_| policy.update(|p| {
                            p.scope.users = UserScope::Groups { group_ids: Vec::new() };
                        })
                    />
                    <span class="m365-choice__label">{move || t!(i18n, "scope-chosen-groups")}</span>
                </label>
                <Show when=move || !all.get()>
                    <div class="m365-settings__indent">{groups_view.clone()}</div>
                </Show>
            </fieldset>
            <SectionErrors id="m365-scope-errors" errors/>
        </fieldset>
    }
}

/// An `HH:MM` time field.
fn time_input(
    label: MessageId,
    value: Signal<String>,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="m365-field">
            <span class="m365-field__label">{move || i18n.say(label)}</span>
            <input
                type="time"
                class="m365-input"
                prop:value=move || value.get()
                on:input=move |event| set(event_target_value(&event))
            />
        </label>
    }
}

fn weekday_select(
    label: MessageId,
    value: Signal<Weekday>,
    set: impl Fn(Weekday) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="m365-field">
            <span class="m365-field__label">{move || i18n.say(label)}</span>
            <select
                class="m365-input"
                on:change=move |event| {
                    let chosen = event_target_value(&event);
                    if let Some(day) = WEEKDAYS.into_iter().find(|d| weekday(*d) == chosen) {
                        set(day);
                    }
                }
            >
                {WEEKDAYS.into_iter().map(|day| view! {
                    <option value=weekday(day) prop:selected=move || value.get() == day>
                        {move || weekday_name(i18n, day)}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

fn day_input(label: MessageId, value: Signal<u8>, set: impl Fn(u8) + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="m365-field">
            <span class="m365-field__label">{move || i18n.say(label)}</span>
            <input
                type="number"
                class="m365-input"
                min="1"
                max="31"
                prop:value=move || value.get().to_string()
                on:input=move |event| {
                    if let Ok(day) = event_target_value(&event).parse() {
                        set(day);
                    }
                }
            />
        </label>
    }
}

/// The fields of one recurrence (`which` is `full` or `incremental`) of the plan.
fn recurrence_fields(
    policy: RwSignal<Policy>,
    title: MessageId,
    pick: fn(&mut SchedulePlan) -> Option<&mut Recurrence>,
) -> impl IntoView {
    let i18n = use_i18n();
    let read = move |f: fn(&Recurrence) -> String| {
        Signal::derive(move || {
            policy.with(|p| {
                pick(&mut p.schedule.plan.clone())
                    .map(|r| f(r))
                    .unwrap_or_default()
            })
        })
    };
    let edit = move |change: Box<dyn Fn(&mut Recurrence)>| {
        policy.update(|p| {
            if let Some(r) = pick(&mut p.schedule.plan) {
                change(r);
            }
        });
    };
    let freq = Signal::derive(move || {
        policy
            .with(|p| pick(&mut p.schedule.plan.clone()).map_or(Frequency::Daily, |r| r.frequency))
    });
    let day = Signal::derive(move || {
        policy.with(|p| pick(&mut p.schedule.plan.clone()).map_or(1, |r| r.day_of_month))
    });
    let weekday_value = Signal::derive(move || {
        policy.with(|p| pick(&mut p.schedule.plan.clone()).map_or(Weekday::Monday, |r| r.weekday))
    });
    view! {
        <fieldset class="m365-settings__subsection m365-settings__inline">
            <legend class="m365-choice__label">{move || i18n.say(title)}</legend>
            <label class="m365-field">
                <span class="m365-field__label">{move || t!(i18n, "schedule-how-often")}</span>
                <select
                    class="m365-input"
                    on:change=move |event| {
                        let chosen = event_target_value(&event);
                        if let Some(f) = FREQUENCIES.into_iter().find(|f| frequency(*f).1 == chosen) {
                            edit(Box::new(move |r| r.frequency = f));
                        }
                    }
                >
                    {FREQUENCIES.into_iter().map(|f| view! {
                        <option value=frequency(f).1 prop:selected=move || freq.get() == f>
                            {move || i18n.say(frequency(f).0)}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            {time_input(msg!("schedule-at"), read(|r| r.time.clone()), move |t| edit(Box::new(move |r| r.time = t.clone())))}
            <Show when=move || freq.get() == Frequency::Weekly>
                {weekday_select(msg!("schedule-on"), weekday_value, move |d| edit(Box::new(move |r| r.weekday = d)))}
            </Show>
            <Show when=move || freq.get() == Frequency::Monthly>
                {day_input(msg!("schedule-on-day"), day, move |d| edit(Box::new(move |r| r.day_of_month = d)))}
            </Show>
        </fieldset>
    }
}

/// The plan types, their names, hints and values in the form.
const PLANS: [(&str, MessageId, MessageId); 4] = [
    ("basic", msg!("plan-basic"), msg!("plan-basic-hint")),
    ("custom", msg!("plan-custom"), msg!("plan-custom-hint")),
    (
        "forever_incremental",
        msg!("plan-forever-incremental"),
        msg!("plan-forever-incremental-hint"),
    ),
    ("gfs", msg!("plan-gfs"), msg!("plan-gfs-hint")),
];

fn plan_type(plan: &SchedulePlan) -> &'static str {
    match plan {
        SchedulePlan::Basic { .. } => "basic",
        SchedulePlan::Custom { .. } => "custom",
        SchedulePlan::ForeverIncremental { .. } => "forever_incremental",
        SchedulePlan::Gfs { .. } => "gfs",
    }
}

/// The time the plan runs at, to carry over when the type changes.
fn plan_time(plan: &SchedulePlan) -> String {
    match plan {
        SchedulePlan::Basic { time } | SchedulePlan::Gfs { time, .. } => time.clone(),
        SchedulePlan::Custom { incremental, .. }
        | SchedulePlan::ForeverIncremental { incremental } => incremental.time.clone(),
    }
}

/// Differential copies exist only with GFS: their retention comes and goes with the plan.
fn differential_follows_plan(policy: &mut Policy) {
    let gfs = matches!(policy.schedule.plan, SchedulePlan::Gfs { .. });
    if let Retention::ByTime {
        differential_days, ..
    } = &mut policy.retention
    {
        match (gfs, &differential_days) {
            (true, None) => *differential_days = Some(30),
            (false, Some(_)) => *differential_days = None,
            _ => {}
        }
    }
}

fn new_plan(kind: &str, time: String) -> Option<SchedulePlan> {
    let daily = |frequency: Frequency| Recurrence {
        frequency,
        time: time.clone(),
        weekday: Weekday::Sunday,
        day_of_month: 1,
    };
    Some(match kind {
        "basic" => SchedulePlan::Basic { time },
        "custom" => SchedulePlan::Custom {
            full: daily(Frequency::Weekly),
            incremental: daily(Frequency::Daily),
        },
        "forever_incremental" => SchedulePlan::ForeverIncremental {
            incremental: daily(Frequency::Daily),
        },
        "gfs" => SchedulePlan::Gfs {
            time,
            full_day_of_month: 1,
            differential_weekday: Weekday::Sunday,
        },
        _ => return None,
    })
}

/// When backups run.
#[component]
pub fn ScheduleSection(policy: RwSignal<Policy>, errors: Errors) -> impl IntoView {
    let i18n = use_i18n();
    let kind = Memo::new(move |_| policy.with(|p| plan_type(&p.schedule.plan)));
    let zone = Memo::new(move |_| policy.with(|p| p.schedule.time_zone.clone()));
    let zones = move || {
        let current = zone.get();
        let mut zones: Vec<String> = TIME_ZONES.iter().map(|z| (*z).to_owned()).collect();
        if !zones.contains(&current) {
            zones.insert(0, current);
        }
        zones
    };
    let shared_time = Signal::derive(move || policy.with(|p| plan_time(&p.schedule.plan)));
    let set_shared_time = move |time: String| {
        policy.update(|p| match &mut p.schedule.plan {
            SchedulePlan::Basic { time: t } | SchedulePlan::Gfs { time: t, .. } => *t = time,
            _ => {}
        });
    };
    let gfs_day = Signal::derive(move || {
        policy.with(|p| match &p.schedule.plan {
            SchedulePlan::Gfs {
                full_day_of_month, ..
            } => *full_day_of_month,
            _ => 1,
        })
    });
    let gfs_weekday = Signal::derive(move || {
        policy.with(|p| match &p.schedule.plan {
            SchedulePlan::Gfs {
                differential_weekday,
                ..
            } => *differential_weekday,
            _ => Weekday::Sunday,
        })
    });
    view! {
        <fieldset class="m365-settings__section" aria-describedby="m365-schedule-errors">
            <legend class="m365-settings__heading">{move || t!(i18n, "schedule-heading")}</legend>
            {PLANS.into_iter().map(|(value, label, hint)| view! {
                <label class="m365-choice">
                    <input
                        type="radio"
                        name="m365-plan"
                        prop:checked=move || kind.get() == value
                        on:change=move |_| policy.update(|p| {
                            if let Some(plan) = new_plan(value, plan_time(&p.schedule.plan)) {
                                p.schedule.plan = plan;
                                differential_follows_plan(p);
                            }
                        })
                    />
                    <span>
                        <span class="m365-choice__label">{move || i18n.say(label)}</span>
                        <span class="m365-choice__hint">{move || i18n.say(hint)}</span>
                    </span>
                </label>
            }).collect_view()}
            <div class="m365-settings__indent m365-settings__inline">
                {move || match kind.get() {
                    "basic" => time_input(msg!("schedule-time"), shared_time, set_shared_time).into_any(),
                    "custom" => view! {
                        {recurrence_fields(policy, msg!("schedule-full"), |plan| match plan {
                            SchedulePlan::Custom { full, .. } => Some(full),
                            _ => None,
                        })}
                        {recurrence_fields(policy, msg!("schedule-incremental"), |plan| match plan {
                            SchedulePlan::Custom { incremental, .. } => Some(incremental),
                            _ => None,
                        })}
                    }.into_any(),
                    "forever_incremental" => recurrence_fields(policy, msg!("schedule-incremental"), |plan| match plan {
                        SchedulePlan::ForeverIncremental { incremental } => Some(incremental),
                        _ => None,
                    }).into_any(),
                    _ => view! {
                        {time_input(msg!("schedule-time"), shared_time, set_shared_time)}
                        {day_input(msg!("schedule-gfs-full-day"), gfs_day, move |d| policy.update(|p| {
                            if let SchedulePlan::Gfs { full_day_of_month, .. } = &mut p.schedule.plan {
                                *full_day_of_month = d;
                            }
                        }))}
                        {weekday_select(msg!("schedule-gfs-differential-day"), gfs_weekday, move |w| policy.update(|p| {
                            if let SchedulePlan::Gfs { differential_weekday, .. } = &mut p.schedule.plan {
                                *differential_weekday = w;
                            }
                        }))}
                    }.into_any(),
                }}
            </div>
            <label class="m365-field">
                <span class="m365-field__label">{move || t!(i18n, "schedule-time-zone")}</span>
                <select
                    class="m365-input"
                    on:change=move |event| {
                        let chosen = event_target_value(&event);
                        policy.update(|p| p.schedule.time_zone = chosen);
                    }
                >
                    {move || zones().into_iter().map(|z| {
                        let selected = z == zone.get_untracked();
                        view! { <option value=z.clone() selected=selected>{z.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <SectionErrors id="m365-schedule-errors" errors/>
        </fieldset>
    }
}

/// How long copies are kept.
#[component]
pub fn RetentionSection(policy: RwSignal<Policy>, errors: Errors) -> impl IntoView {
    let i18n = use_i18n();
    let forever = Memo::new(move |_| policy.with(|p| p.retention == Retention::Forever));
    let gfs =
        Memo::new(move |_| policy.with(|p| matches!(p.schedule.plan, SchedulePlan::Gfs { .. })));
    let days = move |read: fn(&Retention) -> Option<u32>| {
        Signal::derive(move || policy.with(|p| read(&p.retention).unwrap_or(0).to_string()))
    };
    let set = move |write: fn(&mut Retention, u32)| {
        move |event: web_sys::Event| {
            if let Ok(n) = event_target_value(&event).parse() {
                policy.update(|p| write(&mut p.retention, n));
            }
        }
    };
    view! {
        <fieldset class="m365-settings__section" aria-describedby="m365-retention-errors">
            <legend class="m365-settings__heading">{move || t!(i18n, "retention-heading")}</legend>
            <label class="m365-choice">
                <input
                    type="radio"
                    name="m365-retention"
                    prop:checked=move || !forever.get()
                    on:change=move |_| policy.update(|p| {
                        let gfs = matches!(p.schedule.plan, SchedulePlan::Gfs { .. });
                        p.retention = Retention::ByTime {
                            full_days: 90,
                            differential_days: gfs.then_some(30),
                            incremental_days: 30,
                        };
                    })
                />
                <span class="m365-choice__label">{move || t!(i18n, "retention-by-time")}</span>
            </label>
            <Show when=move || !forever.get()>
                <div class="m365-settings__indent m365-settings__inline">
                    <label class="m365-field">
                        <span class="m365-field__label">{move || t!(i18n, "retention-full-days")}</span>
                        <input type="number" class="m365-input" min="1" max=MAX_RETENTION_DAYS
                            prop:value=days(|r| match r { Retention::ByTime { full_days, .. } => Some(*full_days), Retention::Forever => None })
                            on:input=set(|r, n| if let Retention::ByTime { full_days, .. } = r { *full_days = n })
                        />
                    </label>
                    <Show when=move || gfs.get()>
                        <label class="m365-field">
                            <span class="m365-field__label">{move || t!(i18n, "retention-differential-days")}</span>
                            <input type="number" class="m365-input" min="1" max=MAX_RETENTION_DAYS
                                prop:value=days(|r| match r { Retention::ByTime { differential_days, .. } => *differential_days, Retention::Forever => None })
                                on:input=set(|r, n| if let Retention::ByTime { differential_days, .. } = r { *differential_days = Some(n) })
                            />
                        </label>
                    </Show>
                    <label class="m365-field">
                        <span class="m365-field__label">{move || t!(i18n, "retention-incremental-days")}</span>
                        <input type="number" class="m365-input" min="1" max=MAX_RETENTION_DAYS
                            prop:value=days(|r| match r { Retention::ByTime { incremental_days, .. } => Some(*incremental_days), Retention::Forever => None })
                            on:input=set(|r, n| if let Retention::ByTime { incremental_days, .. } = r { *incremental_days = n })
                        />
                    </label>
                </div>
            </Show>
            <label class="m365-choice">
                <input
                    type="radio"
                    name="m365-retention"
                    prop:checked=move || forever.get()
                    on:change=move |_| policy.update(|p| p.retention = Retention::Forever)
                />
                <span class="m365-choice__label">{move || t!(i18n, "retention-forever")}</span>
            </label>
            <SectionErrors id="m365-retention-errors" errors/>
        </fieldset>
    }
}

/// How copies are encrypted, and the password.
#[component]
pub fn EncryptionSection(
    policy: RwSignal<Policy>,
    /// Whether XMS has a password for the saved algorithm.
    password_set: Signal<bool>,
    /// Whether a new password must be entered.
    needs_password: Signal<bool>,
    /// The administrator asked to change the password.
    changing: RwSignal<bool>,
    password: RwSignal<String>,
    again: RwSignal<String>,
    errors: Errors,
) -> impl IntoView {
    let i18n = use_i18n();
    let algorithm = Memo::new(move |_| policy.with(|p| p.encryption));
    let choice = move |value: EncryptionAlgorithm, label: MessageId| {
        view! {
            <label class="m365-choice">
                <input
                    type="radio"
                    name="m365-encryption"
                    prop:checked=move || algorithm.get() == value
                    on:change=move |_| policy.update(|p| p.encryption = value)
                />
                <span class="m365-choice__label">{move || i18n.say(label)}</span>
            </label>
        }
    };
    let password_field = move |label: MessageId, value: RwSignal<String>| {
        view! {
            <label class="m365-field">
                <span class="m365-field__label">{move || i18n.say(label)}</span>
                <input
                    type="password"
                    class="m365-input"
                    autocomplete="new-password"
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
            </label>
        }
    };
    view! {
        <fieldset class="m365-settings__section" aria-describedby="m365-encryption-errors">
            <legend class="m365-settings__heading">{move || t!(i18n, "encryption-heading")}</legend>
            {choice(EncryptionAlgorithm::Off, msg!("encryption-off"))}
            {choice(EncryptionAlgorithm::AesCbc, msg!("encryption-aes-cbc"))}
            {choice(EncryptionAlgorithm::AesGcm, msg!("encryption-aes-gcm"))}
            <Show when=move || needs_password.get()>
                <p class="m365-warning">
                    <strong>{move || t!(i18n, "encryption-warning-label")}</strong>
                    " "
                    {move || t!(i18n, "encryption-warning")}
                </p>
                <div class="m365-settings__inline">
                    {password_field(msg!("encryption-password"), password)}
                    {password_field(msg!("encryption-password-again"), again)}
                </div>
            </Show>
            <Show when=move || !needs_password.get() && algorithm.get() != EncryptionAlgorithm::Off && password_set.get()>
                <div class="m365-settings__inline">
                    <span>{move || t!(i18n, "encryption-password-set")}</span>
                    <button type="button" class=ButtonStyle::Secondary.class() on:click=move |_| changing.set(true)>
                        {move || t!(i18n, "encryption-change-password")}
                    </button>
                </div>
            </Show>
            <SectionErrors id="m365-encryption-errors" errors/>
        </fieldset>
    }
}

/// Which worker runs the backups and where they are stored.
#[component]
pub fn PlacementSection(
    policy: RwSignal<Policy>,
    workers: Vec<Worker>,
    storages: Vec<Storage>,
    /// The organization's default worker's name.
    default_worker: String,
    errors: Errors,
) -> impl IntoView {
    let i18n = use_i18n();
    let worker = Memo::new(move |_| {
        policy.with(|p| {
            p.worker_id
                .as_ref()
                .map(|w| w.0.clone())
                .unwrap_or_default()
        })
    });
    let storage = Memo::new(move |_| policy.with(|p| p.storage_id.0.clone()));
    let worker_options = workers
        .into_iter()
        .map(|w| {
            let id = w.id.0.clone();
            let selected = {
                let id = id.clone();
                move || worker.get() == id
            };
            let label = move || {
                if w.online {
                    w.name.clone()
                } else {
                    t!(i18n, "placement-worker-offline", name = w.name.clone())
                }
            };
            view! { <option value=id prop:selected=selected>{label}</option> }
        })
        .collect_view();
    let storage_options = storages
        .into_iter()
        .map(|s| {
            let id = s.id.0.clone();
            let selected = {
                let id = id.clone();
                move || storage.get() == id
            };
            view! { <option value=id prop:selected=selected>{format!("{} ({})", s.name, s.kind)}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="m365-settings__section" aria-describedby="m365-placement-errors">
            <legend class="m365-settings__heading">{move || t!(i18n, "placement-heading")}</legend>
            <div class="m365-settings__inline">
                <label class="m365-field">
                    <span class="m365-field__label">{move || t!(i18n, "placement-worker")}</span>
                    <select
                        class="m365-input"
                        on:change=move |event| {
                            let chosen = event_target_value(&event);
                            policy.update(|p| {
                                p.worker_id = (!chosen.is_empty()).then_some(xms_m365_contract::WorkerId(chosen));
                            });
                        }
                    >
                        <option value="" prop:selected=move || worker.get().is_empty()>
                            {move || t!(i18n, "placement-default-worker", name = default_worker.clone())}
                        </option>
                        {worker_options}
                    </select>
                </label>
                <label class="m365-field">
                    <span class="m365-field__label">{move || t!(i18n, "placement-storage")}</span>
                    <select
                        class="m365-input"
                        on:change=move |event| {
                            let chosen = event_target_value(&event);
                            policy.update(|p| p.storage_id = xms_m365_contract::StorageId(chosen));
                        }
                    >
                        {storage_options}
                    </select>
                </label>
            </div>
            <SectionErrors id="m365-placement-errors" errors/>
        </fieldset>
    }
}
