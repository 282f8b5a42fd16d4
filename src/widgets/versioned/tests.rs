//! Component tests of the versioned form in Chromium, over a document of one text field and
//! an XMS played by the test: what each save sends, and what the administrator then sees.

use std::{any::Any, cell::RefCell, collections::VecDeque, rc::Rc};

use leptos::mount::mount_to;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

use super::*;
use crate::i18n::{I18n, Locale, msg};

wasm_bindgen_test_configure!(run_in_browser);

/// A document with one edited field.
#[derive(Debug, Clone, PartialEq)]
struct Doc {
    etag: &'static str,
    text: &'static str,
}

impl Versioned for Doc {
    type Value = &'static str;

    fn etag(&self) -> &str {
        self.etag
    }

    fn value(&self) -> &Self::Value {
        &self.text
    }
}

fn doc(etag: &'static str, text: &'static str) -> Doc {
    Doc { etag, text }
}

/// XMS's answer to a save.
type Answer = Result<Change<Doc>, ApiError>;

/// XMS as the test plays it: the saves it was sent, and its answers to them.
#[derive(Clone, Default)]
struct Xms {
    sent: Rc<RefCell<Vec<(String, &'static str)>>>,
    answers: Rc<RefCell<VecDeque<Answer>>>,
}

impl Xms {
    fn answering(answers: impl IntoIterator<Item = Answer>) -> Self {
        let xms = Self::default();
        xms.answers.borrow_mut().extend(answers);
        xms
    }

    fn sent(&self) -> Vec<(String, &'static str)> {
        self.sent.borrow().clone()
    }
}

/// XMS's answer to a save: saved as `doc`.
fn saved(doc: Doc) -> Answer {
    Ok(Change::Saved(doc))
}

/// XMS's answer to a save made on an older version: `theirs` is the version now.
fn changed_meanwhile(theirs: Doc) -> Answer {
    Ok(Change::Stale(theirs))
}

/// What the test keeps of a rendered form: its page, the form, and the view (dropped to close).
struct Rendered {
    host: HtmlElement,
    form: VersionedForm<Doc>,
    view: Box<dyn Any>,
}

/// The form over `loaded`, its status shown as the Edit panel words it, theirs beside mine in
/// a conflict.
fn render(loaded: Doc, drafts: Drafts<Doc>, xms: &Xms) -> Rendered {
    crate::i18n::learn_panel_words();
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let formed = Rc::new(RefCell::new(None));
    let view = mount_to(host.clone(), {
        let (formed, xms) = (formed.clone(), xms.clone());
        move || {
            provide_context(I18n::new(Locale::En));
            provide_context(drafts);
            let (sent, answers) = (xms.sent, xms.answers);
            let form = VersionedForm::new(
                OrganizationId("42".to_owned()),
                loaded,
                move |etag, value| {
                    sent.borrow_mut().push((etag, value));
                    let answer = answers.borrow_mut().pop_front();
                    async move { answer.unwrap_or(Err(ApiError::Unreachable)) }
                },
            );
            *formed.borrow_mut() = Some(form);
            let words = FormWords {
                saved: msg!("edit-saved"),
                fields: msg!("edit-save-fields"),
                failed: msg!("edit-save-failed"),
                conflict_title: msg!("conflict-title"),
                conflict_text: msg!("conflict-text"),
            };
            view! {
                <SaveStatus
                    form
                    words
                    retry=Callback::new(move |()| form.submit())
                    rows=|mine, theirs: Doc| view! { <p>"Mine: " {mine} ", theirs: " {theirs.text}</p> }
                />
            }
        }
    });
    let form = formed.borrow_mut().take().expect("the form was made");
    Rendered {
        host,
        form,
        view: Box::new(view),
    }
}

/// Waits until the page says `text`, or fails saying what it says instead.
async fn says(host: &HtmlElement, text: &str) {
    for _ in 0..50 {
        if host.text_content().unwrap_or_default().contains(text) {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!(
        "the page never said {text:?}; it says {:?}",
        host.text_content()
    );
}

/// Lets the browser run what was scheduled (effects, answered requests).
async fn settled() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

/// Presses the button named `name`.
fn press(host: &HtmlElement, name: &str) {
    let buttons = host.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.get(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|button| button.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no button {name}"))
        .click();
}

#[wasm_bindgen_test]
async fn a_save_is_sent_against_the_version_read_and_then_is_what_xms_has() {
    let xms = Xms::answering([saved(doc("v2", "mine"))]);
    let drafts = Drafts::default();
    let page = render(doc("v1", "theirs"), drafts, &xms);
    page.form.values.set("mine");
    assert!(page.form.dirty.get_untracked());

    page.form.submit();
    says(&page.host, "Settings saved.").await;
    assert_eq!(xms.sent(), [("v1".to_owned(), "mine")]);
    assert_eq!(page.form.saved.get_untracked(), doc("v2", "mine"));
    assert!(!page.form.dirty.get_untracked());
    assert!(!drafts.has(&OrganizationId("42".to_owned())));
}

#[wasm_bindgen_test]
async fn a_version_saved_meanwhile_is_shown_and_keep_mine_saves_over_it() {
    let xms = Xms::answering([
        changed_meanwhile(doc("v2", "someone's")),
        saved(doc("v3", "mine")),
    ]);
    let page = render(doc("v1", "read"), Drafts::default(), &xms);
    page.form.values.set("mine");

    page.form.submit();
    says(
        &page.host,
        "Someone else changed these settings while you were editing them.",
    )
    .await;
    says(&page.host, "Mine: mine, theirs: someone's").await;
    assert!(untrack(|| page.form.busy()));

    press(&page.host, "Keep mine");
    says(&page.host, "Settings saved.").await;
    assert_eq!(
        xms.sent(),
        [("v1".to_owned(), "mine"), ("v2".to_owned(), "mine")]
    );
    assert_eq!(page.form.values.get_untracked(), "mine");
}

#[wasm_bindgen_test]
async fn take_theirs_drops_mine_and_sends_nothing() {
    let xms = Xms::answering([changed_meanwhile(doc("v2", "someone's"))]);
    let page = render(doc("v1", "read"), Drafts::default(), &xms);
    page.form.values.set("mine");
    page.form.submit();
    says(&page.host, "Take theirs").await;

    press(&page.host, "Take theirs");
    settled().await;
    assert_eq!(page.form.values.get_untracked(), "someone's");
    assert_eq!(page.form.saved.get_untracked(), doc("v2", "someone's"));
    assert!(!page.form.dirty.get_untracked());
    assert!(!untrack(|| page.form.busy()));
    assert!(page.host.text_content().unwrap_or_default().is_empty());
    assert_eq!(xms.sent().len(), 1);
}

#[wasm_bindgen_test]
async fn a_failed_save_says_why_keeps_the_edit_and_retries() {
    let xms = Xms::answering([Err(ApiError::Unreachable), saved(doc("v2", "mine"))]);
    let drafts = Drafts::default();
    let page = render(doc("v1", "read"), drafts, &xms);
    page.form.values.set("mine");
    page.form.submit();

    says(
        &page.host,
        "Your changes were not saved. XMS could not be reached.",
    )
    .await;
    assert_eq!(page.form.values.get_untracked(), "mine");
    assert!(drafts.has(&OrganizationId("42".to_owned())));

    press(&page.host, "Retry");
    says(&page.host, "Settings saved.").await;
    assert_eq!(
        xms.sent(),
        [("v1".to_owned(), "mine"), ("v1".to_owned(), "mine")]
    );
}

#[wasm_bindgen_test]
async fn the_edit_outlives_its_view_and_one_begun_on_an_older_version_is_a_conflict() {
    let drafts = Drafts::default();
    let first = render(doc("v1", "read"), drafts, &Xms::default());
    first.form.values.set("mine");
    settled().await;
    drop(first.view);

    let again = render(doc("v1", "read"), drafts, &Xms::default());
    assert!(again.form.restored);
    assert_eq!(again.form.values.get_untracked(), "mine");
    assert!(!untrack(|| again.form.busy()));
    drop(again.view);

    let xms = Xms::answering([saved(doc("v3", "mine"))]);
    let newer = render(doc("v2", "someone's"), drafts, &xms);
    says(&newer.host, "Mine: mine, theirs: someone's").await;
    press(&newer.host, "Keep mine");
    says(&newer.host, "Settings saved.").await;
    assert_eq!(xms.sent(), [("v2".to_owned(), "mine")]);
}
