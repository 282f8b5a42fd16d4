//! The chart of the runs shown: one bar per run for how long it took and a line through the
//! items it backed up, oldest on the left, failures marked with ✕ (a shape, not only a
//! colour). An SVG the module draws, named and summed up for screen readers, whose numbers
//! are the runs table's.

use leptos::prelude::*;
use xms_m365_contract::BackupRun;

use super::words::{Outcome, duration_words, result_words};
use crate::i18n::{I18n, t, use_i18n};

/// The drawing's size in its own units; it scales to the width it is given.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
const VIEW_BOX: &str = "0 0 600 180";
/// Room above the bars for the failure marks, and below for nothing but the baseline.
const TOP: f64 = 18.0;
const BOTTOM: f64 = 4.0;

/// The chart of `runs` (newest first, as XMS pages them).
#[component]
pub fn RunsChart(runs: Vec<BackupRun>, table_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let runs: Vec<BackupRun> = runs.into_iter().rev().collect();
    let count = u32::try_from(runs.len()).unwrap_or(u32::MAX);
    let failed = runs
        .iter()
        .filter(|run| Outcome::of(run) == Outcome::Failed)
        .count();
    let failed = u32::try_from(failed).unwrap_or(u32::MAX);
    let longest = runs
        .iter()
        .filter_map(|run| run.duration_seconds)
        .max()
        .unwrap_or(0);
    let most = runs.iter().map(|run| run.items).max().unwrap_or(0);
    let slot = WIDTH / f64::from(count.max(1));
    let scale = |value: f64, max: f64| {
        if max > 0.0 {
            (HEIGHT - TOP - BOTTOM) * value / max
        } else {
            0.0
        }
    };
    let baseline = HEIGHT - BOTTOM;
    let items_line = runs
        .iter()
        .enumerate()
        .map(|(n, run)| {
            let x = slot * (n as f64 + 0.5);
            let y = baseline - scale(run.items as f64, most as f64);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let marks = runs
        .iter()
        .enumerate()
        .map(|(n, run)| {
            let bar = scale(run.duration_seconds.unwrap_or(0) as f64, longest as f64);
            let items = scale(run.items as f64, most as f64);
            mark(i18n, run, (slot * n as f64, slot, baseline), (bar, items))
        })
        .collect_view();
    let summary = move || {
        t!(
            i18n,
            "history-chart-summary",
            runs = count,
            failed = failed,
            longest = duration_words(i18n, longest),
            most = most
        )
    };
    view! {
        <figure class="m365-chart">
            <svg
                class="m365-chart__drawing"
                viewBox=VIEW_BOX
                role="img"
                aria-labelledby="m365-chart-title m365-chart-desc"
                aria-describedby=table_id
            >
                <title id="m365-chart-title">{move || t!(i18n, "history-chart-title")}</title>
                <desc id="m365-chart-desc">{summary}</desc>
                <line class="m365-chart__axis" x1="0" x2=WIDTH y1=baseline y2=baseline/>
                {marks}
                <polyline class="m365-chart__items" points=items_line/>
            </svg>
            <figcaption class="m365-chart__legend">
                <span><span class="m365-chart__key m365-chart__key--duration" aria-hidden="true"></span>
                    {move || t!(i18n, "history-chart-duration", longest = duration_words(i18n, longest))}</span>
                <span><span class="m365-chart__key m365-chart__key--items" aria-hidden="true"></span>
                    {move || t!(i18n, "history-chart-items", most = most)}</span>
                <span><span aria-hidden="true">"✕ "</span>{move || t!(i18n, "history-chart-failed")}</span>
            </figcaption>
        </figure>
    }
}

/// Run `run`'s bar and item point in the slot at `x` of width `slot` above `baseline`, the
/// bar and the point as high as `heights` say, with its facts as a tooltip.
fn mark(
    i18n: I18n,
    run: &BackupRun,
    (x, slot, baseline): (f64, f64, f64),
    (bar, items): (f64, f64),
) -> impl IntoView + use<> {
    let outcome = Outcome::of(run);
    let height = bar.max(1.0);
    let centre = x + slot / 2.0;
    let point = baseline - items;
    let tooltip = format!(
        "{}: {}",
        i18n.date_time(&run.created_at),
        result_words(i18n, run)
    );
    let (left, top, width) = (x + slot * 0.15, baseline - height, slot * 0.7);
    let above = TOP - 4.0;
    let failed = (outcome == Outcome::Failed).then(|| {
        view! {
            <text class="m365-chart__failed" x=centre y=above text-anchor="middle">"✕"</text>
        }
    });
    let class = format!("m365-chart__run {}", outcome.class());
    view! {
        <g class=class>
            <title>{tooltip}</title>
            <rect class="m365-chart__bar" x=left y=top width=width height=height/>
            <circle class="m365-chart__point" cx=centre cy=point r="2.5"/>
            {failed}
        </g>
    }
}
