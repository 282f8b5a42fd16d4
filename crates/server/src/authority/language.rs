//! The language of the device-login pages: chosen from the browser's `Accept-Language`, as
//! Microsoft's own pages do, and their words from the Fluent catalogues in `locales/`.

use std::{convert::Infallible, sync::LazyLock};

use axum::{extract::FromRequestParts, http::header::ACCEPT_LANGUAGE, http::request::Parts};
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};
use unic_langid::langid;

/// The languages the pages speak, English first (the fallback), with their catalogues.
const CATALOGUES: [(&str, &str); 3] = [
    ("en", include_str!("../../locales/en/authority.ftl")),
    ("pl", include_str!("../../locales/pl/authority.ftl")),
    ("de", include_str!("../../locales/de/authority.ftl")),
];

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(tag, source)| {
            let language = match *tag {
                "pl" => langid!("pl"),
                "de" => langid!("de"),
                _ => langid!("en"),
            };
            let mut bundle = FluentBundle::new_concurrent(vec![language]);
            // No bidi isolation marks: every language here runs left to right.
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
    /// the highest-weighted one they have, by primary subtag (`pl-PL` is Polish), else English.
    pub fn negotiate(accept_language: &str) -> Self {
        let mut wanted: Vec<(f32, &str)> = accept_language
            .split(',')
            .filter_map(|entry| {
                let mut parts = entry.split(';');
                let tag = parts.next()?.trim();
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                Some((weight, tag))
            })
            .filter(|(weight, tag)| *weight > 0.0 && !tag.is_empty())
            .collect();
        // Stable: equal weights keep the browser's order.
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        let index = wanted
            .iter()
            .find_map(|(_, tag)| {
                let language = tag.split(['-', '_']).next()?;
                CATALOGUES
                    .iter()
                    .position(|(code, _)| code.eq_ignore_ascii_case(language))
            })
            .unwrap_or(0);
        Self { index }
    }

    /// The language's tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        CATALOGUES[self.index].0
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
        assert_eq!(Words::negotiate("pl;q=0, de").tag(), "de");
        assert_eq!(Words::negotiate("fr, es").tag(), "en");
        assert_eq!(Words::negotiate("").tag(), "en");
        assert_eq!(Words::negotiate("garbage;q=x").tag(), "en");
    }
}
