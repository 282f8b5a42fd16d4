//! The catalogue check: every language's Fluent catalogue has exactly the messages English has,
//! each with the same variables and with every plural form its language needs, and every
//! English message is named by the code that shows it.
//!
//! Catalogues live as `LOCALES/<language>/<part>.ftl`; English (`en`) is the reference. Code
//! names a message by its id as a string literal (`"tile-users"`), which is how the check
//! finds the ones nothing uses.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey,
};

/// The reference language every other catalogue is compared with.
const REFERENCE: &str = "en";

/// The CLDR plural categories a language's whole and fractional numbers fall into, which a
/// plural selector must all offer (`other` as its default).
fn plural_categories(language: &str) -> &'static [&'static str] {
    match language {
        "pl" => &["one", "few", "many", "other"],
        _ => &["one", "other"],
    }
}

const CLDR_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One message as the check sees it.
#[derive(Debug, Default)]
struct MessageFacts {
    /// The `$variables` it puts in.
    variables: BTreeSet<String>,
    /// For each plural selector: the categories it offers, and whether `other` is the default.
    plurals: Vec<(BTreeSet<String>, bool)>,
}

/// A language's messages by id, with the file each came from.
type Catalogue = BTreeMap<String, (PathBuf, MessageFacts)>;

/// Checks the catalogues under `locales` against the code under `sources` (`.rs` files,
/// searched recursively). Returns every problem found, worded for whoever fixes it.
pub fn check(locales: &Path, sources: &[&Path]) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut catalogues = BTreeMap::new();
    let languages = match fs::read_dir(locales) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect::<BTreeSet<_>>(),
        Err(error) => return Err(vec![format!("cannot read {}: {error}", locales.display())]),
    };
    for language in &languages {
        catalogues.insert(
            language.clone(),
            read_catalogue(&locales.join(language), &mut problems),
        );
    }
    let Some(reference) = catalogues.get(REFERENCE) else {
        return Err(vec![format!(
            "{} has no {REFERENCE}/ catalogue to compare with",
            locales.display()
        )]);
    };

    for (language, catalogue) in &catalogues {
        compare(language, catalogue, reference, &mut problems);
        for (id, (file, facts)) in catalogue {
            for (categories, other_is_default) in &facts.plurals {
                let missing: Vec<_> = plural_categories(language)
                    .iter()
                    .filter(|category| !categories.contains(**category))
                    .collect();
                if !missing.is_empty() {
                    problems.push(format!(
                        "{}: `{id}` lacks the plural form(s) {missing:?} that {language} needs",
                        file.display()
                    ));
                }
                if !other_is_default {
                    problems.push(format!(
                        "{}: `{id}` must make `*[other]` its default plural form",
                        file.display()
                    ));
                }
            }
        }
    }

    let code = sources
        .iter()
        .flat_map(|dir| rust_files(dir))
        .filter_map(|file| fs::read_to_string(file).ok())
        .collect::<Vec<_>>();
    for id in reference.keys() {
        let literal = format!("\"{id}\"");
        if !code.iter().any(|text| text.contains(&literal)) {
            problems.push(format!(
                "`{id}` is in the catalogues but no source file names it (\"{id}\"): remove it, or use it"
            ));
        }
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Reports what `catalogue` lacks or has beyond `reference`, and messages whose variables
/// differ from English's (a translation that drops `$name` loses what it says).
fn compare(
    language: &str,
    catalogue: &Catalogue,
    reference: &Catalogue,
    problems: &mut Vec<String>,
) {
    for (id, (file, facts)) in reference {
        match catalogue.get(id) {
            None => problems.push(format!(
                "{language}: lacks `{id}` (English has it in {})",
                file.display()
            )),
            Some((file, translated)) if translated.variables != facts.variables => {
                problems.push(format!(
                    "{}: `{id}` uses {:?} where English uses {:?}",
                    file.display(),
                    translated.variables,
                    facts.variables
                ));
            }
            Some(_) => {}
        }
    }
    for (id, (file, _)) in catalogue {
        if !reference.contains_key(id) {
            problems.push(format!(
                "{}: has `{id}`, which English does not",
                file.display()
            ));
        }
    }
}

/// Parses every `.ftl` file of one language.
fn read_catalogue(dir: &Path, problems: &mut Vec<String>) -> Catalogue {
    let mut catalogue = Catalogue::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let Ok(source) = fs::read_to_string(&file) else {
            problems.push(format!("{}: cannot be read", file.display()));
            continue;
        };
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(format!("{}: syntax error {error:?}", file.display()));
                }
                resource
            }
        };
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    let mut facts = MessageFacts::default();
                    if !message.attributes.is_empty() {
                        problems.push(format!(
                            "{}: `{}` has attributes; the module reads message values only",
                            file.display(),
                            message.id.name
                        ));
                    }
                    if let Some(value) = &message.value {
                        pattern_facts(value, &mut facts);
                    }
                    let id = message.id.name.to_owned();
                    if catalogue.contains_key(&id) {
                        problems.push(format!("{}: `{id}` is defined twice", file.display()));
                    }
                    catalogue.insert(id, (file.clone(), facts));
                }
                Entry::Junk { content } => problems.push(format!(
                    "{}: cannot parse `{}`",
                    file.display(),
                    content.trim()
                )),
                Entry::Term(_)
                | Entry::Comment(_)
                | Entry::GroupComment(_)
                | Entry::ResourceComment(_) => {}
            }
        }
    }
    catalogue
}

fn pattern_facts(pattern: &Pattern<&str>, facts: &mut MessageFacts) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_facts(expression, facts);
        }
    }
}

fn expression_facts(expression: &Expression<&str>, facts: &mut MessageFacts) {
    match expression {
        Expression::Inline(inline) => inline_facts(inline, facts),
        Expression::Select { selector, variants } => {
            inline_facts(selector, facts);
            if is_plural(variants) {
                let categories = variants
                    .iter()
                    .filter_map(|variant| match &variant.key {
                        VariantKey::Identifier { name } => Some((*name).to_owned()),
                        VariantKey::NumberLiteral { .. } => None,
                    })
                    .collect();
                let other_is_default = variants.iter().any(|variant| {
                    variant.default
                        && matches!(variant.key, VariantKey::Identifier { name } if name == "other")
                });
                facts.plurals.push((categories, other_is_default));
            }
            for variant in variants {
                pattern_facts(&variant.value, facts);
            }
        }
    }
}

/// A selector is a plural one when its variants are CLDR plural categories. One that picks
/// exact numbers (`[31]`) and says everything else with `*[other]` is not: the number is a
/// name there (a day of the month), whose words do not follow plural rules.
fn is_plural(variants: &[Variant<&str>]) -> bool {
    let category = |variant: &Variant<&str>, other: bool| {
        matches!(variant.key, VariantKey::Identifier { name }
            if CLDR_CATEGORIES.contains(&name) && (other || name != "other"))
    };
    let exact = variants
        .iter()
        .any(|variant| matches!(variant.key, VariantKey::NumberLiteral { .. }));
    variants.iter().any(|variant| category(variant, !exact))
}

fn inline_facts(inline: &InlineExpression<&str>, facts: &mut MessageFacts) {
    match inline {
        InlineExpression::VariableReference { id } => {
            facts.variables.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_facts(argument, facts);
            }
        }
        InlineExpression::Placeable { expression } => expression_facts(expression, facts),
        InlineExpression::StringLiteral { .. }
        | InlineExpression::NumberLiteral { .. }
        | InlineExpression::MessageReference { .. }
        | InlineExpression::TermReference { .. } => {}
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files
}
