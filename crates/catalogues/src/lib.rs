//! The catalogue check: every language's Fluent catalogue has exactly the messages English has,
//! each with the same variables and with every plural form its language needs; every English
//! message is named by the code that shows it, and every message the code names exists, with
//! exactly the arguments its English text uses.
//!
//! Catalogues live as `LOCALES/<language>/<part>.ftl`; English (`en`) is the reference. Code
//! names a message by a literal id where it says or chooses it: `t!(i18n, "id", name = …)`,
//! `i18n.t("id")`, `words.t_with("id", &[("name", …)])`, or `msg!("id")` for a message chosen
//! before it is said. A call that names its message by anything but a literal is refused, since
//! no check could see which message it means.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
    str::FromStr,
};

use proc_macro2::{Delimiter, TokenStream, TokenTree};

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
    /// The `$variables` it puts in, its own and those of the messages it refers to: Fluent
    /// resolves `{ other-message }` with the arguments of the message that names it.
    variables: BTreeSet<String>,
    /// The messages it refers to.
    references: BTreeSet<String>,
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

    let mut named = BTreeSet::new();
    for file in sources.iter().flat_map(|dir| rust_files(dir)) {
        let Ok(text) = fs::read_to_string(&file) else {
            problems.push(format!("{}: cannot be read", file.display()));
            continue;
        };
        let Ok(tokens) = TokenStream::from_str(&text) else {
            problems.push(format!("{}: cannot be tokenized", file.display()));
            continue;
        };
        let mut uses = Vec::new();
        message_uses(tokens, &mut uses);
        for found in uses {
            let (id, arguments) = match found {
                Use::Named { id, arguments } => (id, arguments),
                Use::Unnamed(what) => {
                    problems.push(format!(
                        "{}: a message is named by `{what}`, not a literal id: write the id where \
                         the message is chosen (`msg!(\"…\")`)",
                        file.display()
                    ));
                    continue;
                }
            };
            match reference.get(&id) {
                None => problems.push(format!(
                    "{}: names `{id}`, which no catalogue has",
                    file.display()
                )),
                Some((_, facts)) => {
                    if let Some(arguments) = arguments
                        && arguments != facts.variables
                    {
                        problems.push(format!(
                            "{}: gives `{id}` the arguments {arguments:?}, but its English \
                             text uses {:?}",
                            file.display(),
                            facts.variables
                        ));
                    }
                }
            }
            named.insert(id);
        }
    }
    for id in reference.keys() {
        if !named.contains(id) {
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

/// Checks that the messages of each catalogue part the module loads with a chunk rather than
/// in the first load (`<part>.ftl`) are named only by the code that chunk runs: `parts` pairs
/// each such part with the paths under `src` (files, or folders and all they hold) allowed to
/// name its messages; elsewhere they could be asked for before they are loaded. Test modules
/// (`tests.rs`) load them themselves and may name them.
pub fn check_chunk_words(
    locales: &Path,
    src: &Path,
    parts: &[(&str, &[&str])],
) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let reference = read_catalogue(&locales.join(REFERENCE), &mut problems);
    for (part, places) in parts {
        let own = locales.join(REFERENCE).join(format!("{part}.ftl"));
        let ids: BTreeSet<&String> = reference
            .iter()
            .filter(|(_, (file, _))| *file == own)
            .map(|(id, _)| id)
            .collect();
        let allowed = |file: &Path| {
            places.iter().any(|place| file.starts_with(src.join(place)))
                || file.file_name().is_some_and(|name| name == "tests.rs")
        };
        for file in rust_files(src).into_iter().filter(|file| !allowed(file)) {
            let Some(tokens) = fs::read_to_string(&file)
                .ok()
                .and_then(|text| TokenStream::from_str(&text).ok())
            else {
                problems.push(format!("{}: cannot be read", file.display()));
                continue;
            };
            let mut uses = Vec::new();
            message_uses(tokens, &mut uses);
            for found in uses {
                if let Use::Named { id, .. } = found
                    && ids.contains(&id)
                {
                    problems.push(format!(
                        "{}: names `{id}`, a message of {part}.ftl, which is loaded with a chunk \
                         and may be named only in {places:?}: move the message to a catalogue \
                         of the first load, or the code into those",
                        file.display()
                    ));
                }
            }
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
    inherit_variables(&mut catalogue, problems);
    catalogue
}

/// Gives each message the variables of the messages it refers to, and theirs in turn; a
/// reference to a message the language lacks is a problem.
fn inherit_variables(catalogue: &mut Catalogue, problems: &mut Vec<String>) {
    let ids: Vec<String> = catalogue.keys().cloned().collect();
    for id in ids {
        let (file, facts) = &catalogue[&id];
        let mut pending: Vec<String> = facts.references.iter().cloned().collect();
        let (file, mut seen, mut inherited) = (file.clone(), BTreeSet::new(), BTreeSet::new());
        while let Some(referenced) = pending.pop() {
            if !seen.insert(referenced.clone()) {
                continue;
            }
            match catalogue.get(&referenced) {
                Some((_, facts)) => {
                    inherited.extend(facts.variables.iter().cloned());
                    pending.extend(facts.references.iter().cloned());
                }
                None => problems.push(format!(
                    "{}: `{id}` refers to `{referenced}`, which this language does not have",
                    file.display()
                )),
            }
        }
        if let Some((_, facts)) = catalogue.get_mut(&id) {
            facts.variables.extend(inherited);
        }
    }
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
        | InlineExpression::TermReference { .. } => {}
        InlineExpression::MessageReference { id, .. } => {
            facts.references.insert(id.name.to_owned());
        }
    }
}

/// How the code names a message.
#[derive(Debug, PartialEq, Eq)]
enum Use {
    /// By a literal id; with the arguments it gives, where the call gives them.
    Named {
        id: String,
        arguments: Option<BTreeSet<String>>,
    },
    /// By an expression (shown as written): which message it is, only the run knows.
    Unnamed(String),
}

/// Every message `tokens` name, in `t!(…)`, `msg!(…)`, `.t(…)` and `.t_with(…)`, also
/// inside other macros' bodies. Macro definitions' own `$id`s are not uses.
fn message_uses(tokens: TokenStream, uses: &mut Vec<Use>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (at, tree) in trees.iter().enumerate() {
        let TokenTree::Group(group) = tree else {
            continue;
        };
        let before = |back: usize| at.checked_sub(back).map(|i| &trees[i]);
        let ident = |tree: Option<&TokenTree>, names: &[&str]| matches!(tree, Some(TokenTree::Ident(ident)) if names.iter().any(|n| ident == n));
        let punct = |tree: Option<&TokenTree>, c: char| matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == c);
        let parenthesized = group.delimiter() == Delimiter::Parenthesis;
        if parenthesized && punct(before(1), '!') && ident(before(2), &["t"]) {
            uses.push(translation_macro(group.stream()));
        } else if parenthesized && punct(before(1), '!') && ident(before(2), &["msg"]) {
            uses.push(first_literal(group.stream(), None));
        } else if parenthesized && ident(before(1), &["t", "t_with"]) && punct(before(2), '.') {
            let with = ident(before(1), &["t_with"]);
            let use_ = first_literal(group.stream(), with.then(|| tuple_keys(group.stream())));
            // `$i18n.t($id)` inside a macro definition: its uses are the macro's.
            if !matches!(&use_, Use::Unnamed(what) if what.starts_with('$')) {
                uses.push(use_);
            }
        }
        message_uses(group.stream(), uses);
    }
}

/// `tokens` split at their top-level commas.
fn arguments(tokens: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut parts = vec![Vec::new()];
    for tree in tokens {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
            _ => parts.last_mut().expect("never empty").push(tree),
        }
    }
    parts.retain(|part| !part.is_empty());
    parts
}

/// A string literal's text, if `tree` is one.
fn string_literal(tree: &TokenTree) -> Option<String> {
    let TokenTree::Literal(literal) = tree else {
        return None;
    };
    let text = literal.to_string();
    text.strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
}

fn written(part: &[TokenTree]) -> String {
    part.iter().cloned().collect::<TokenStream>().to_string()
}

/// `t!([@now] i18n, "id", name = value, …)`.
fn translation_macro(tokens: TokenStream) -> Use {
    let parts = arguments(tokens);
    let Some(id) = parts.get(1) else {
        return Use::Unnamed(
            parts
                .iter()
                .map(|p| written(p))
                .collect::<Vec<_>>()
                .join(", "),
        );
    };
    match id.as_slice() {
        [tree] if string_literal(tree).is_some() => Use::Named {
            id: string_literal(tree).expect("checked"),
            arguments: Some(
                parts[2..]
                    .iter()
                    .filter_map(|part| match part.first() {
                        Some(TokenTree::Ident(name)) => Some(name.to_string()),
                        _ => None,
                    })
                    .collect(),
            ),
        },
        _ => Use::Unnamed(written(id)),
    }
}

/// The call's first argument as a literal id (with `arguments`), or what names it instead.
fn first_literal(tokens: TokenStream, arguments: Option<BTreeSet<String>>) -> Use {
    let parts = self::arguments(tokens);
    match parts.first().map(Vec::as_slice) {
        Some([tree]) if string_literal(tree).is_some() => Use::Named {
            id: string_literal(tree).expect("checked"),
            arguments,
        },
        Some(part) => Use::Unnamed(written(part)),
        None => Use::Unnamed(String::new()),
    }
}

/// The names of `&[("name", value), …]`: the first literal of each parenthesized pair.
fn tuple_keys(tokens: TokenStream) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for part in arguments(tokens).into_iter().skip(1) {
        for tree in part {
            collect_tuple_keys(&tree, &mut keys);
        }
    }
    keys
}

fn collect_tuple_keys(tree: &TokenTree, keys: &mut BTreeSet<String>) {
    if let TokenTree::Group(group) = tree {
        let parts = arguments(group.stream());
        match (group.delimiter(), parts.first().map(Vec::as_slice)) {
            (Delimiter::Parenthesis, Some([first])) if parts.len() == 2 => {
                if let Some(key) = string_literal(first) {
                    keys.insert(key);
                }
            }
            _ => {
                for tree in group.stream() {
                    collect_tuple_keys(&tree, keys);
                }
            }
        }
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
