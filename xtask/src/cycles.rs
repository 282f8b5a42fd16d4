//! `cargo xtask test`'s check that the reference server's modules import each other without
//! cycles, the development authority apart. It reads every `crate::` and `super::` path in
//! the server's sources outside test code (in `use` trees and in code): each is a dependency
//! of its file's module on the module it names.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

use crate::layers::sources;

/// Every import cycle among the modules of the crate in `src`, as `a -> b -> a`: among its
/// top-level modules, and among the parts of each (the stores of `store`, the routes of
/// `api`), each module standing for everything below it. And, as the server's layers
/// require, every use of the crate root (what it re-exports is for the binary and the tests)
/// and anything the development authority uses besides the ground (storage plumbing, the
/// clock, a stable hash, the certificate and client-assertion formats both ends of the
/// protocol speak), since it stands apart from XMS.
pub fn server_violations(src: &Path) -> Result<Vec<String>, String> {
    let sources = modules(src)?;
    let mut found = Vec::new();
    let top = dependencies(&sources, "", 1);
    if top.is_empty() {
        return Err(format!("no module of {} uses another", src.display()));
    }
    found.extend(cycle(&top).map(|cycle| cycle.join(" -> ")));
    let parents: BTreeSet<&str> = sources
        .keys()
        .filter_map(|module| module.split_once("::").map(|(parent, _)| parent))
        .collect();
    for parent in parents {
        found.extend(cycle(&dependencies(&sources, parent, 2)).map(|cycle| cycle.join(" -> ")));
    }
    for (user, used) in &top {
        if used.contains("") {
            found.push(format!("{user} uses the crate root"));
        }
    }
    let ground = ["certificate", "clock", "db", "hash"];
    for used in top.get("authority").into_iter().flatten() {
        if !ground.contains(&used.as_str()) {
            found.push(format!("authority uses {used}"));
        }
    }
    Ok(found)
}

/// Every module of the library in `src` (its binary's `main.rs` aside), by path (`""` for
/// the crate root, `store::jobs`), with its source outside test code and comments.
fn modules(src: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut modules = BTreeMap::new();
    for file in sources(src)? {
        if file.ends_with("main.rs") {
            continue;
        }
        let relative = file.strip_prefix(src).unwrap_or(&file).with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
            parts.pop();
        }
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        modules.insert(parts.join("::"), code_of(&text));
    }
    Ok(modules)
}

/// The source before its tests, without comments (doc links name modules too, but use none).
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths named after each `crate::` or `super::` in `code`, expanded from `use` trees,
/// as absolute module paths seen from module `module`.
fn paths_named(module: &str, code: &str) -> Vec<Vec<String>> {
    let parent: Vec<String> = module
        .split("::")
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect();
    let mut found = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut at = 0;
    while at < bytes.len() {
        let rest: String = bytes[at..bytes.len().min(at + 7)].iter().collect();
        let preceded_by_ident = at > 0 && (bytes[at - 1].is_alphanumeric() || bytes[at - 1] == '_');
        let base = if preceded_by_ident {
            None
        } else if rest.starts_with("crate::") {
            at += 7;
            Some(Vec::new())
        } else if rest.starts_with("super::") {
            let mut base = parent.clone();
            while bytes[at..]
                .iter()
                .collect::<String>()
                .starts_with("super::")
            {
                base.pop();
                at += 7;
            }
            Some(base)
        } else {
            None
        };
        match base {
            Some(base) => {
                let mut cursor = at;
                tree(&bytes, &mut cursor, base, &mut found);
                at = cursor.max(at + 1);
            }
            None => at += 1,
        }
    }
    found
}

/// Reads a path or a `{...}` group of them from `cursor`, each continuing `prefix`.
fn tree(text: &[char], cursor: &mut usize, prefix: Vec<String>, found: &mut Vec<Vec<String>>) {
    skip_space(text, cursor);
    if text.get(*cursor) == Some(&'{') {
        *cursor += 1;
        loop {
            skip_space(text, cursor);
            match text.get(*cursor) {
                Some('}') | None => {
                    *cursor += 1;
                    return;
                }
                Some(',') => *cursor += 1,
                Some(_) => tree(text, cursor, prefix.clone(), found),
            }
        }
    }
    let start = *cursor;
    skip_identifier(text, cursor);
    let ident: String = text[start..*cursor].iter().collect();
    let mut path = prefix;
    if !ident.is_empty() && ident != "self" {
        path.push(ident);
    }
    if text[*cursor..].starts_with(&[':', ':']) {
        *cursor += 2;
        tree(text, cursor, path, found);
    } else {
        found.push(path);
        // A rename (`x as y`) names nothing more.
        let mut after = *cursor;
        skip_space(text, &mut after);
        if text[after..].starts_with(&['a', 's', ' ']) {
            *cursor = after + 3;
            skip_space(text, cursor);
            skip_identifier(text, cursor);
        }
    }
}

fn skip_identifier(text: &[char], cursor: &mut usize) {
    while text
        .get(*cursor)
        .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    {
        *cursor += 1;
    }
}

fn skip_space(text: &[char], cursor: &mut usize) {
    while text.get(*cursor).is_some_and(|c| c.is_whitespace()) {
        *cursor += 1;
    }
}

/// The longest prefix of `path` that is a module, cut to `depth` parts.
fn module_of(path: &[String], modules: &BTreeSet<String>, depth: usize) -> Option<String> {
    (0..=path.len())
        .rev()
        .map(|len| path[..len].join("::"))
        .find(|candidate| modules.contains(candidate))
        .map(|module| {
            module
                .split("::")
                .take(depth)
                .collect::<Vec<_>>()
                .join("::")
        })
}

/// The dependencies between the modules of `depth` parts under `within` (`""` for the
/// top-level modules), each module standing for everything below it.
fn dependencies(
    sources: &BTreeMap<String, String>,
    within: &str,
    depth: usize,
) -> BTreeMap<String, BTreeSet<String>> {
    let names: BTreeSet<String> = sources.keys().cloned().collect();
    let inside = |module: &str| {
        within.is_empty() || module == within || module.starts_with(&format!("{within}::"))
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in sources {
        let Some(from) = module_of(
            &module.split("::").map(str::to_owned).collect::<Vec<_>>(),
            &names,
            depth,
        ) else {
            continue;
        };
        if from.split("::").count() < depth || !inside(&from) || from.is_empty() {
            continue;
        }
        for path in paths_named(module, code) {
            if let Some(to) = module_of(&path, &names, depth)
                && to != from
                && to.split("::").count() == depth
                && inside(&to)
            {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    graph
}

/// A cycle in `graph`, if it has one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|seen| seen == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_is_found_and_reported() {
        let graph = BTreeMap::from([
            ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
            ("b".to_owned(), BTreeSet::from(["a".to_owned()])),
        ]);
        assert_eq!(
            cycle(&graph),
            Some(vec!["a".into(), "b".into(), "a".into()])
        );
        let src = std::env::temp_dir().join(format!("xtask-cycles-{}", std::process::id()));
        std::fs::create_dir_all(src.join("store")).unwrap();
        let files = [
            ("lib.rs", "mod db; mod store; mod authority;"),
            (
                "db.rs",
                "use crate::store::jobs::Job;\n#[cfg(test)]\nuse crate::api::X;",
            ),
            ("store/mod.rs", "pub mod jobs; pub mod sql;"),
            (
                "store/jobs.rs",
                "use super::{sql::Sql, x};\nuse crate::{db::{Db, DbError}};",
            ),
            ("store/sql.rs", "// use super::jobs;\nuse super::jobs::Job;"),
            (
                "authority.rs",
                "use crate::{db::Db as Store, store::jobs as _};",
            ),
        ];
        for (file, text) in files {
            std::fs::write(src.join(file), text).unwrap();
        }
        let found = server_violations(&src);
        std::fs::remove_dir_all(&src).unwrap();
        assert_eq!(
            found.unwrap(),
            [
                "db -> store -> db",
                "store::jobs -> store::sql -> store::jobs",
                "authority uses store"
            ]
        );
    }

    #[test]
    fn paths_are_read_from_use_trees_from_both_roots() {
        let paths = paths_named(
            "store::jobs",
            "use super::{sql::Sql, x};\nuse crate::{clock::rfc3339, db::{Db, DbError}};",
        );
        assert_eq!(
            paths,
            [
                vec!["store", "sql", "Sql"],
                vec!["store", "x"],
                vec!["clock", "rfc3339"],
                vec!["db", "Db"],
                vec!["db", "DbError"],
            ]
            .map(|path| path.into_iter().map(str::to_owned).collect::<Vec<_>>())
        );
    }
}
