//! Component tests of the module's languages: which one it speaks, and numbers and times
//! written by the browser's `Intl` for it.
#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use xms_m365::{I18n, Locale};

wasm_bindgen_test_configure!(run_in_browser);

const MINUTE: f64 = 60_000.0;
const HOUR: f64 = 60.0 * MINUTE;

#[wasm_bindgen_test]
fn a_tag_names_its_language_by_its_primary_subtag() {
    assert_eq!(Locale::from_tag("pl-PL"), Some(Locale::Pl));
    assert_eq!(Locale::from_tag("DE"), Some(Locale::De));
    assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
    assert_eq!(Locale::from_tag("fr-FR"), None);
    assert_eq!(Locale::from_tag(""), None);
}

#[wasm_bindgen_test]
fn the_host_s_language_wins_then_the_browser_s_then_english() {
    let browser = |tags: &[&str]| tags.iter().map(|tag| (*tag).to_owned()).collect::<Vec<_>>();
    let polish_first = browser(&["fr-FR", "pl-PL", "de-DE"]);
    assert_eq!(
        Locale::negotiate_among(Some("de-AT"), &polish_first),
        Locale::De,
        "the host's language first"
    );
    assert_eq!(
        Locale::negotiate_among(Some("fr"), &polish_first),
        Locale::Pl,
        "then the first of the browser's the module speaks"
    );
    assert_eq!(Locale::negotiate_among(None, &polish_first), Locale::Pl);
    assert_eq!(
        Locale::negotiate_among(None, &browser(&["de", "pl"])),
        Locale::De
    );
    assert_eq!(
        Locale::negotiate_among(Some("fr"), &browser(&["fr", "it"])),
        Locale::En,
        "then English"
    );
    assert_eq!(Locale::negotiate_among(None, &[]), Locale::En);
    // The test browser is started speaking English only (webdriver.json's --lang).
    assert_eq!(Locale::negotiate(None), Locale::En);
}

#[wasm_bindgen_test]
fn numbers_are_written_as_each_language_writes_them() {
    assert_eq!(I18n::new(Locale::En).number(9370.0), "9,370");
    // Polish groups from five digits on, with a no-break space.
    assert_eq!(I18n::new(Locale::Pl).number(9370.0), "9370");
    assert_eq!(I18n::new(Locale::Pl).number(12345.0), "12\u{a0}345");
    assert_eq!(I18n::new(Locale::De).number(9370.0), "9.370");
}

#[wasm_bindgen_test]
fn relative_times_read_naturally_in_each_language() {
    let (en, pl, de) = (
        I18n::new(Locale::En),
        I18n::new(Locale::Pl),
        I18n::new(Locale::De),
    );
    assert_eq!(en.time_ago(3.0 * HOUR + 5.0 * MINUTE), "3 hours ago");
    assert_eq!(pl.time_ago(3.0 * HOUR + 5.0 * MINUTE), "3 godziny temu");
    assert_eq!(de.time_ago(3.0 * HOUR + 5.0 * MINUTE), "vor 3 Stunden");
    assert_eq!(en.time_ago(30.0 * HOUR), "yesterday");
    assert_eq!(pl.time_ago(30.0 * HOUR), "wczoraj");
    assert_eq!(de.time_ago(30.0 * HOUR), "gestern");
    assert_eq!(en.time_ago(10_000.0), "now");
    assert_eq!(en.time_until(90.0 * MINUTE), "in 2 hours");
    assert_eq!(pl.time_until(90.0 * MINUTE), "za 2 godziny");
    assert_eq!(de.time_until(90.0 * MINUTE), "in 2 Stunden");
    assert_eq!(pl.time_until(5.0 * MINUTE), "za 5 minut");
}

#[wasm_bindgen_test]
fn exact_times_are_the_reader_s_in_their_language() {
    let en = I18n::new(Locale::En).date_time("2026-11-26T14:03:00Z");
    let de = I18n::new(Locale::De).date_time("2026-11-26T14:03:00Z");
    assert!(en.contains("Nov 26, 2026"), "{en}");
    assert!(de.contains("26.11.2026"), "{de}");
    // Not a time: shown as XMS sent it rather than as an invalid date.
    assert_eq!(I18n::new(Locale::En).date_time("soon"), "soon");
}

fn options(locale: Option<&str>) -> JsValue {
    let object = Object::new();
    let mut pairs = vec![
        ("apiBaseUrl", "/api/v1"),
        ("token", "t0ken-for-tests"),
        ("basePath", "/"),
    ];
    if let Some(locale) = locale {
        pairs.push(("locale", locale));
    }
    for (key, value) in pairs {
        Reflect::set(&object, &key.into(), &value.into()).unwrap();
    }
    object.into()
}

/// The words of the module's Connect button.
fn connect_words(element: &web_sys::HtmlElement) -> String {
    let root = element.shadow_root().unwrap();
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.get(i)?.text_content())
        .map(|text| text.trim().to_owned())
        .find(|text| ["Connect", "Połącz", "Verbinden"].contains(&text.as_str()))
        .unwrap_or_default()
}

/// The language the module's container says its words are in.
fn spoken(element: &web_sys::HtmlElement) -> Option<String> {
    let root = element.shadow_root().unwrap();
    let container = root.query_selector(".m365").unwrap().unwrap();
    container.get_attribute("lang")
}

#[wasm_bindgen_test]
async fn the_host_chooses_the_language_and_switches_it_without_remounting() {
    let element = common::host();
    let module = xms_m365::mount(element.clone(), options(Some("pl-PL"))).unwrap();
    common::next_tick().await;
    assert_eq!(spoken(&element).as_deref(), Some("pl"));
    assert_eq!(connect_words(&element), "Połącz");
    let heading = element.shadow_root().unwrap().query_selector("h1").unwrap();

    module.set_locale(Some("de".into()));
    common::next_tick().await;
    assert_eq!(spoken(&element).as_deref(), Some("de"));
    assert_eq!(connect_words(&element), "Verbinden");
    // The same page, not a new one.
    assert_eq!(
        element.shadow_root().unwrap().query_selector("h1").unwrap(),
        heading
    );

    // A language the module does not speak: the browser's, then English.
    module.set_locale(Some("fr".into()));
    common::next_tick().await;
    assert_eq!(spoken(&element).as_deref(), Some("en"));
    assert_eq!(connect_words(&element), "Connect");
    module.unmount();
}

#[wasm_bindgen_test]
async fn without_a_host_language_the_browser_s_is_spoken() {
    let element = common::host();
    let module = xms_m365::mount(element.clone(), options(None)).unwrap();
    common::next_tick().await;
    assert_eq!(spoken(&element).as_deref(), Some("en"));
    module.unmount();
}
