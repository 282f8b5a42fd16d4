//! The language of the device-login pages: chosen from the browser's `Accept-Language`, as
//! Microsoft's own pages do, and their words from the Fluent catalogues in `locales/`.

use std::{convert::Infallible, sync::LazyLock};

use axum::{extract::FromRequestParts, http::header::ACCEPT_LANGUAGE, http::request::Parts};
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::{LanguageIdentifier, langid};

/// The languages the pages speak, English first (the fallback), with their catalogues.
static CATALOGUES: [(LanguageIdentifier, &str); 3] = [
    (
        langid!("en"),
        include_str!("../../locales/en/authority.ftl"),
    ),
    (
        langid!("pl"),
        include_str!("../../locales/pl/authority.ftl"),
    ),
    (
        langid!("de"),
        include_str!("../../locales/de/authority.ftl"),
    ),
];

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(language, source)| {
            let mut bundle = FluentBundle::new_concurrent(vec![language.clone()]);
            // No bidi isolation marks: every language here runs left to right, and the tests
            // (and Playwright's) match the text as written.
            bundle.set_use_isolating(false);
            // The catalogues are checked by the tests; a broken entry falls back to English.
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
            bundle
        })
        .collect()
});

/// The words of one request's pages, in the language its browser prefers.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    index: usize,
}

impl Words {
    /// The language of `accept_language` (an `Accept-Language` value) the pages speak best:
    /// the most wanted one they have (`pl-PL` is Polish), else English.
    pub fn negotiate(accept_language: &str) -> Self {
        // Most wanted first (a stable sort, so equal weights keep the browser's order);
        // `q=0` means "not this one", so it is no request at all.
        let requested: Vec<LanguageIdentifier> =
            accept_language::parse_with_quality(accept_language)
                .into_iter()
                .filter(|(_, quality)| *quality > 0.0)
                .filter_map(|(tag, _)| tag.parse().ok())
                .collect();
        let available: Vec<&LanguageIdentifier> =
            CATALOGUES.iter().map(|(language, _)| language).collect();
        // Lookup: the one best language, matching `pl-PL` to `pl` and `en-GB` to `en`.
        let chosen = negotiate_languages(
            &requested,
            &available,
            Some(&available[0]),
            NegotiationStrategy::Lookup,
        );
        let index = chosen
            .first()
            .and_then(|chosen| available.iter().position(|language| language == *chosen))
            .unwrap_or(0);
        Self { index }
    }

    /// The language's tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        CATALOGUES[self.index].0.language.as_str()
    }

    /// The message `id`.
    pub fn t(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with `args` put in.
    pub fn t_with(self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        let found = [self.index, 0].into_iter().find_map(|index| {
            let bundle = &BUNDLES[index];
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned(),
            )
        });
        // Every id the pages use is in English, which the catalogue check ensures.
        found.unwrap_or_else(|| id.to_owned())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Words {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        Ok(Self::negotiate(header))
    }
}

#[cfg(test)]
mod tests {
    use super::Words;

    #[test]
    fn the_browser_s_most_wanted_spoken_language_wins() {
        assert_eq!(Words::negotiate("pl-PL,pl;q=0.9,en;q=0.8").tag(), "pl");
        assert_eq!(Words::negotiate("fr-FR, de;q=0.5, en;q=0.3").tag(), "de");
        assert_eq!(Words::negotiate("en;q=0.2, de-AT;q=0.7").tag(), "de");
        assert_eq!(Words::negotiate("en-GB,en;q=0.9,pl;q=0.8").tag(), "en");
        assert_eq!(Words::negotiate("de, pl").tag(), "de");
        assert_eq!(Words::negotiate("pl;q=0, de").tag(), "de");
        assert_eq!(Words::negotiate("fr, es").tag(), "en");
        assert_eq!(Words::negotiate("*").tag(), "en");
        assert_eq!(Words::negotiate("").tag(), "en");
        assert_eq!(Words::negotiate("garbage;q=x").tag(), "en");
    }
}
