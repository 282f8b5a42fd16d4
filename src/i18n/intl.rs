//! Numbers, dates and relative times written by the browser's `Intl` for the active language,
//! and the same `Intl` writing the numbers inside Fluent messages.

use std::{cell::OnceCell, cmp::Ordering};

use fluent_bundle::{FluentValue, types::FluentNumberStyle};
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use js_sys::{Array, Function, Intl, Object, Reflect};
use unic_langid::LanguageIdentifier;
use wasm_bindgen::JsValue;

use super::Locale;

/// `Intl` options as an object: `[("style", "percent")]`.
fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

fn locales(tag: &str) -> Array {
    Array::of1(&tag.into())
}

/// Calls an `Intl` object's bound `format` with `value`.
fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A number formatter built once per language and style.
struct NumberFormat(Function);

impl NumberFormat {
    fn new(tag: &str, percent: bool) -> Self {
        let style = if percent { "percent" } else { "decimal" };
        let format = Intl::NumberFormat::new(&locales(tag), &options(&[("style", style)]));
        Self(format.format())
    }
}

/// Fluent keeps one per bundle language in its memoizer.
impl Memoizable for NumberFormat {
    type Args = (bool,);
    type Error = ();

    fn construct(lang: LanguageIdentifier, (percent,): Self::Args) -> Result<Self, ()> {
        Ok(Self::new(&lang.to_string(), percent))
    }
}

/// Fluent's formatter: numbers in messages (`{ $count }`, `{ NUMBER($share, style: "percent") }`)
/// are written by `Intl`, so `9370` reads `9,370` in English and `9 370` in Polish.
pub(super) fn fluent_number(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let percent = number.options.style == FluentNumberStyle::Percent;
    memoizer
        .with_try_get::<NumberFormat, _, _>((percent,), |format| {
            call(&format.0, &number.value.into())
        })
        .ok()
}

/// The formatters the views use directly, one per language, built on first use.
#[derive(Default)]
struct Formatters {
    number: OnceCell<NumberFormat>,
    date_time: OnceCell<Function>,
    relative: OnceCell<Intl::RelativeTimeFormat>,
}

thread_local! {
    static FORMATTERS: [Formatters; 3] = Default::default();
}

/// `n` as `locale` writes numbers.
pub(super) fn number(locale: Locale, n: f64) -> String {
    FORMATTERS.with(|all| {
        let format = all[locale.index()]
            .number
            .get_or_init(|| NumberFormat::new(locale.tag(), false));
        call(&format.0, &n.into())
    })
}

/// An RFC 3339 time as a medium date and short time in the reader's time zone; the text as
/// given when it is not a time.
pub(super) fn date_time(locale: Locale, rfc3339: &str) -> String {
    let ms = js_sys::Date::parse(rfc3339);
    if ms.is_nan() {
        return rfc3339.to_owned();
    }
    FORMATTERS.with(|all| {
        let format = all[locale.index()].date_time.get_or_init(|| {
            let options = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
            Intl::DateTimeFormat::new(&locales(locale.tag()), &options).format()
        });
        call(format, &js_sys::Date::new(&ms.into()).into())
    })
}

/// `offset_ms` from now (negative: in the past) in the largest unit that fits, in words:
/// "3 hours ago", "yesterday", "in 20 minutes", "now".
pub(super) fn relative(locale: Locale, offset_ms: f64) -> String {
    const MINUTE: f64 = 60_000.0;
    let minutes = offset_ms.abs() / MINUTE;
    // Past times round down ("59 minutes ago" until the hour is full); future minutes round up
    // ("in 1 minute" until it is due) and longer spans to the nearest ("in 7 hours" at 6½).
    let whole = |n: f64, future: fn(f64) -> f64| {
        if offset_ms < 0.0 {
            -n.floor()
        } else {
            future(n)
        }
    };
    let (value, unit) = if minutes < 1.0 && offset_ms <= 0.0 || offset_ms == 0.0 {
        (0.0, "second")
    } else if minutes < 60.0 {
        (whole(minutes, f64::ceil), "minute")
    } else if minutes < 24.0 * 60.0 {
        (whole(minutes / 60.0, f64::round), "hour")
    } else {
        (whole(minutes / (24.0 * 60.0), f64::round), "day")
    };
    FORMATTERS.with(|all| {
        let format = all[locale.index()].relative.get_or_init(|| {
            Intl::RelativeTimeFormat::new(&locales(locale.tag()), &options(&[("numeric", "auto")]))
        });
        format.format(value, unit).into()
    })
}

/// The order a language sorts names in (`Intl.Collator`): "Łódź" with L; in Polish "Ćma" after
/// "Czarny", where English puts it before; "Tenant 9" before "Tenant 10".
#[derive(Debug, Clone)]
pub struct Collator(Function);

impl Collator {
    /// How `a` sorts against `b`, both strings.
    pub fn compare(&self, a: &JsValue, b: &JsValue) -> Ordering {
        let order = self.0.call2(&JsValue::NULL, a, b).ok();
        // The collator answers a negative number, zero or a positive one.
        order
            .and_then(|order| order.as_f64())
            .map_or(Ordering::Equal, |order| (order > 0.0).cmp(&(order < 0.0)))
    }
}

/// `locale`'s collator. It is made for each sort, which is rare enough (the filter typed, the
/// order chosen) that keeping one would cost the first load more than it saves.
pub(super) fn collator(locale: Locale) -> Collator {
    let options = options(&[("numeric", "true")]);
    Collator(Intl::Collator::new(&locales(locale.tag()), &options).compare())
}

/// `items` as one phrase, "mail, calendars and OneDrive", as `locale` joins lists.
pub(super) fn list(locale: Locale, items: &[String]) -> String {
    let array = items
        .iter()
        .map(|item| JsValue::from(item.as_str()))
        .collect::<Array>();
    let format =
        Intl::ListFormat::new(&locales(locale.tag()), &options(&[("type", "conjunction")]));
    format.format(&array).into()
}

/// The name of the weekday `monday_first` days after Monday (0 is Monday), as a standalone word.
pub(super) fn weekday(locale: Locale, monday_first: u8) -> String {
    // 5 January 2026 was a Monday; noon UTC keeps it the same day in every time zone named.
    let ms = js_sys::Date::utc(2026.0, 0.0)
        + (4.0 + f64::from(monday_first)) * 86_400_000.0
        + 43_200_000.0;
    let format = Intl::DateTimeFormat::new(
        &locales(locale.tag()),
        &options(&[("weekday", "long"), ("timeZone", "UTC")]),
    )
    .format();
    call(&format, &js_sys::Date::new(&ms.into()).into())
}

/// A calendar date (`YYYY-MM-DD`) as a short day and month: "Dec 1", "1 gru", "1. Dez.".
pub(super) fn day_and_month(locale: Locale, date: &str) -> String {
    let ms = js_sys::Date::parse(&format!("{date}T12:00:00Z"));
    if ms.is_nan() {
        return date.to_owned();
    }
    let format = Intl::DateTimeFormat::new(
        &locales(locale.tag()),
        &options(&[("day", "numeric"), ("month", "short"), ("timeZone", "UTC")]),
    )
    .format();
    call(&format, &js_sys::Date::new(&ms.into()).into())
}

/// "today" or "tomorrow" (`days` 0 or 1 from today) in `locale`'s words.
pub(super) fn relative_day(locale: Locale, days: f64) -> String {
    FORMATTERS.with(|all| {
        let format = all[locale.index()].relative.get_or_init(|| {
            Intl::RelativeTimeFormat::new(&locales(locale.tag()), &options(&[("numeric", "auto")]))
        });
        format.format(days, "day").into()
    })
}
