//! The module's words in the reader's language: Fluent catalogues for English, Polish and
//! German under `locales/`, the active locale as a signal every view reads, and the browser's
//! `Intl` for numbers, dates, relative times (told by the module's one clock) and the order of
//! names.
//!
//! Views write `t!(i18n, "message-id")` or `t!(i18n, "message-id", name = value)`, always with
//! a literal id: `cargo xtask test` checks that every catalogue has every id English has and no
//! id that no source file names.

mod clock;
mod intl;

pub use clock::Clock;
pub use intl::Collator;

use std::cell::{OnceCell, RefCell};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use unic_langid::{LanguageIdentifier, langid};

/// A language's catalogue files of the first load (`app.ftl`, `organizations.ftl`,
/// `errors.ftl`), without their comments (build.rs).
macro_rules! catalogue {
    ($tag:literal) => {
        [
            include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/app.ftl")),
            include_str!(concat!(
                env!("OUT_DIR"),
                "/locales/",
                $tag,
                "/organizations.ftl"
            )),
            include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/errors.ftl")),
        ]
    };
}

/// A language the module speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English, the fallback.
    #[default]
    En,
    /// Polish.
    Pl,
    /// German.
    De,
}

impl Locale {
    /// Every language the module speaks.
    pub const ALL: [Self; 3] = [Self::En, Self::Pl, Self::De];

    /// Its BCP 47 tag, as `Intl` and the `lang` attribute take it.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Pl => "pl",
            Self::De => "de",
        }
    }

    /// The language a BCP 47 tag asks for, by its primary subtag (`pl-PL` is Polish), if the
    /// module speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let language = tag.split(['-', '_']).next()?.trim();
        Self::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(language))
    }

    /// The language to speak: the one the host asked for if the module speaks it, else the
    /// first of the browser's languages it speaks, else English.
    pub fn negotiate(requested: Option<&str>) -> Self {
        Self::negotiate_among(requested, &browser_languages())
    }

    /// [`Self::negotiate`] with the browser's languages (`navigator.languages`, most preferred
    /// first) given.
    pub fn negotiate_among(requested: Option<&str>, browser: &[String]) -> Self {
        requested
            .and_then(Self::from_tag)
            .or_else(|| browser.iter().find_map(|tag| Self::from_tag(tag)))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        self as usize
    }

    fn language(self) -> LanguageIdentifier {
        match self {
            Self::En => langid!("en"),
            Self::Pl => langid!("pl"),
            Self::De => langid!("de"),
        }
    }

    /// The catalogue files of the first load, one per part of the module (without their
    /// comments: build.rs), once they are here: English's always, another language's once
    /// [`learn_language`] has fetched its chunk (in the one-wasm build, always).
    fn sources(self) -> Option<&'static [&'static str]> {
        match self {
            Self::En => Some(&catalogue!("en")),
            #[cfg(feature = "split")]
            Self::Pl | Self::De => LEARNED.with(|learned| learned[self.index()].get().copied()),
            #[cfg(not(feature = "split"))]
            Self::Pl => polish_words().ok(),
            #[cfg(not(feature = "split"))]
            Self::De => german_words().ok(),
        }
    }
}

/// A language's words could not be fetched: the module says them in English meanwhile.
#[derive(Debug)]
struct Unfetched;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unfetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

// Polish and German come in chunks of their own, fetched before the module first speaks them:
// a reader downloads the words of their language and of English (the fallback), not of all
// three.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(polish, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn polish_words() -> Result<&'static [&'static str], Unfetched> {
    Ok(&catalogue!("pl"))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(german, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn german_words() -> Result<&'static [&'static str], Unfetched> {
    Ok(&catalogue!("de"))
}

/// Whether the words `locale` has in the first load are here.
pub fn speaks(locale: Locale) -> bool {
    locale.sources().is_some()
}

/// Fetches the words `locale` has in the first load, unless they are here. Where they cannot
/// be fetched, they are asked for again when the language is next chosen.
pub async fn learn_language(locale: Locale) {
    #[cfg(feature = "split")]
    if !speaks(locale) {
        let fetched = match locale {
            Locale::Pl => polish_words().await,
            Locale::De => german_words().await,
            Locale::En => return,
        };
        if let Ok(sources) = fetched {
            LEARNED.with(|learned| {
                let _ = learned[locale.index()].set(sources);
            });
        }
    }
    // The one-wasm build has every language's words.
    #[cfg(not(feature = "split"))]
    debug_assert!(speaks(locale));
}

/// The catalogue files of the Edit panel, the policy editor, the users list and the backup
/// history (and of the fields' errors and the widgets they show, `forms.ftl`). Only
/// [`learn_panel_words`] names them, which only those views call, so their text travels in
/// the panels' chunk.
fn panel_sources(locale: Locale) -> &'static [&'static str] {
    macro_rules! catalogue {
        ($tag:literal) => {
            &[
                include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/edit.ftl")),
                include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/policy.ftl")),
                include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/users.ftl")),
                include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/history.ftl")),
                include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/summary.ftl")),
                include_str!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/forms.ftl")),
            ]
        };
    }
    match locale {
        Locale::En => catalogue!("en"),
        Locale::Pl => catalogue!("pl"),
        Locale::De => catalogue!("de"),
    }
}

/// The Connect dialog's catalogue file, in the dialog's chunk like [`panel_sources`].
fn connect_sources(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::En => &[include_str!(concat!(
            env!("OUT_DIR"),
            "/locales/en/connect.ftl"
        ))],
        Locale::Pl => &[include_str!(concat!(
            env!("OUT_DIR"),
            "/locales/pl/connect.ftl"
        ))],
        Locale::De => &[include_str!(concat!(
            env!("OUT_DIR"),
            "/locales/de/connect.ftl"
        ))],
    }
}

/// Makes the words of the Edit panel, the policy editor and the users list sayable; those
/// views call it as they open. (Their catalogues are a feature's own: `cargo test -p
/// xms-catalogues` checks that no other code names their messages.)
pub fn learn_panel_words() {
    learn(panel_sources);
}

/// Makes the Connect dialog's words sayable; the dialog calls it as it opens.
pub fn learn_connect_words() {
    learn(connect_sources);
}

/// Adds a chunk's catalogue files to what the module can say, once.
fn learn(sources: LaterSources) {
    LATER.with(|later| {
        let mut later = later.borrow_mut();
        if !later
            .iter()
            .any(|(known, _)| std::ptr::fn_addr_eq(*known, sources))
        {
            later.push((sources, Default::default()));
        }
    });
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Each language's catalogue files of a chunk.
type LaterSources = fn(Locale) -> &'static [&'static str];

/// A chunk's catalogue files and each language's bundle of them, built when first spoken.
type Later = (LaterSources, [OnceCell<FluentBundle<FluentResource>>; 3]);

thread_local! {
    /// The first load's catalogue files of the languages fetched in chunks, once fetched.
    #[cfg(feature = "split")]
    static LEARNED: [OnceCell<&'static [&'static str]>; 3] =
        const { [OnceCell::new(), OnceCell::new(), OnceCell::new()] };
    /// Each language's parsed catalogue, built the first time that language is spoken.
    static BUNDLES: [OnceCell<FluentBundle<FluentResource>>; 3] =
        const { [OnceCell::new(), OnceCell::new(), OnceCell::new()] };
    /// The same for the chunks' words, once a view of the chunk has opened.
    static LATER: RefCell<Vec<Later>> = const { RefCell::new(Vec::new()) };
}

fn build_bundle(locale: Locale, sources: &[&'static str]) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![locale.language()]);
    // Placeables are not wrapped in bidi isolation marks: all three languages run left to
    // right, and the marks would end up in copied text and accessible names.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(intl::fluent_number));
    // NUMBER(), for percentages; its output is written by `Intl` through the formatter.
    let _ = bundle.add_builtins();
    for source in sources {
        // The catalogues are part of the build and checked by the tests: a syntax error there
        // loses only the entries it spoils, which then fall back to English.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` in `locale`, with `args` put in; English when `locale` lacks it.
pub fn message(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    let say = |bundle: &FluentBundle<FluentResource>| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    };
    let found = BUNDLES
        .with(|bundles| {
            let sources = locale.sources()?;
            say(bundles[locale.index()].get_or_init(|| build_bundle(locale, sources)))
        })
        .or_else(|| {
            LATER.with(|later| {
                later.borrow().iter().find_map(|(sources, bundles)| {
                    say(bundles[locale.index()]
                        .get_or_init(|| build_bundle(locale, sources(locale))))
                })
            })
        });
    match found {
        Some(text) => text,
        None if locale != Locale::En => message(Locale::En, id, args),
        // Cannot happen for the ids in the source, which the catalogue check covers.
        None => id.to_owned(),
    }
}

/// The active language, shared by every view of one mounted module. Reading it in a reactive
/// closure re-renders that closure when the host switches the language.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    /// What the views read: the module's language, or a view's own copy of it.
    locale: Signal<Locale>,
    /// The module's language itself, which the host switches.
    module: RwSignal<Locale>,
    /// The time relative times are told from.
    clock: Clock,
}

impl I18n {
    /// Speaks `locale` until told otherwise.
    pub fn new(locale: Locale) -> Self {
        let module = RwSignal::new(locale);
        Self {
            locale: module.into(),
            module,
            clock: Clock::start(),
        }
    }

    /// The same language, followed through one memo owned by the current view, for views that
    /// open and close (dialogs, panels). A signal keeps a (weak) entry for every closure that
    /// ever read it until it next changes, which the module's language rarely does: the many
    /// words of a dialog read this memo instead, which goes, entries and all, with the dialog.
    pub fn scoped(self) -> Self {
        let module = self.module;
        Self {
            locale: Memo::new(move |_| module.get()).into(),
            module,
            clock: self.clock,
        }
    }

    /// The clock that the words of "3 minutes ago" are told by.
    pub fn clock(self) -> Clock {
        self.clock
    }

    /// The active language (tracked).
    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// The active language, without re-running the caller when it changes.
    pub fn locale_untracked(self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switches the language, once its words are here ([`learn_language`]); every view that
    /// shows words re-renders them.
    pub fn set(self, locale: Locale) {
        leptos::task::spawn_local(self.switch(locale));
    }

    /// [`Self::set`], done once the views say `locale`'s words; where they cannot be
    /// fetched, the language stays as it was.
    pub async fn switch(self, locale: Locale) {
        learn_language(locale).await;
        if speaks(locale) {
            self.module.set(locale);
        }
    }

    /// The message `id` in the active language (tracked).
    pub fn t(self, id: &str) -> String {
        message(self.locale(), id, None)
    }

    /// The message chosen before it is said (a choice's label handed to a component), in the
    /// active language (tracked).
    pub fn say(self, id: MessageId) -> String {
        message(self.locale(), id.0, None)
    }

    /// The message chosen before it is said, with its one argument `name` put in (tracked); a
    /// number chooses the plural form.
    pub fn say_with(
        self,
        id: MessageId,
        name: &'static str,
        value: FluentValue<'static>,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value);
        message(self.locale(), id.0, Some(&args))
    }

    /// The message `id` in the active language with `args` put in (tracked).
    pub fn t_with(self, id: &str, args: &FluentArgs) -> String {
        message(self.locale(), id, Some(args))
    }

    /// `n` as the active language writes numbers (`9,370`, `9 370`, `9.370`).
    pub fn number(self, n: f64) -> String {
        intl::number(self.locale(), n)
    }

    /// An RFC 3339 time from XMS as the reader's date and time in their time zone.
    pub fn date_time(self, rfc3339: &str) -> String {
        intl::date_time(self.locale(), rfc3339)
    }

    /// How long ago something happened, `elapsed_ms` ago ("3 hours ago", "yesterday").
    pub fn time_ago(self, elapsed_ms: f64) -> String {
        intl::relative(self.locale(), -elapsed_ms.max(0.0))
    }

    /// `items` joined as the active language joins a list ("a, b and c").
    pub fn list(self, items: &[String]) -> String {
        intl::list(self.locale(), items)
    }

    /// The order the active language sorts names in (tracked).
    pub fn collator(self) -> Collator {
        intl::collator(self.locale())
    }

    /// A weekday's name, 0 being Monday.
    pub fn weekday(self, monday_first: u8) -> String {
        intl::weekday(self.locale(), monday_first)
    }

    /// A calendar date (`YYYY-MM-DD`) as a short day and month ("Dec 1").
    pub fn day_and_month(self, date: &str) -> String {
        intl::day_and_month(self.locale(), date)
    }

    /// "today" (0) or "tomorrow" (1).
    pub fn relative_day(self, days: f64) -> String {
        intl::relative_day(self.locale(), days)
    }

    /// How long until something happens, in `remaining_ms` ("in 2 hours").
    pub fn time_until(self, remaining_ms: f64) -> String {
        intl::relative(self.locale(), remaining_ms.max(0.0))
    }
}

/// The active language of the module these views belong to.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A value for a message argument.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// `t!(i18n, "id")` or `t!(i18n, "id", name = value, …)`: the message in the active language.
/// Numbers given as arguments choose the plural form and are written by `Intl`. `t!(@now …)`
/// reads the language without tracking it, for words said once (an announcement) rather than
/// shown.
macro_rules! t {
    (@now $i18n:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )*
        $crate::i18n::message($i18n.locale_untracked(), $id, Some(&args))
    }};
    ($i18n:expr, $id:literal) => {
        $i18n.t($id)
    };
    ($i18n:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $i18n.t_with($id, &args)
    }};
}
pub(crate) use t;

/// The id of a message chosen before it is said, such as a choice's label handed to the
/// component that shows it. Made by [`msg!`] from a literal, so that the catalogue check
/// reads every message the code can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageId(&'static str);

impl MessageId {
    /// Use [`msg!`], which the catalogue check reads.
    #[doc(hidden)]
    pub const fn new(id: &'static str) -> Self {
        Self(id)
    }
}

/// `msg!("id")`: the [`MessageId`] of a message of the catalogues.
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::MessageId::new($id)
    };
}
pub(crate) use msg;
