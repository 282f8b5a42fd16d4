//! `cargo xtask test`'s check that the module's layers point one way: each of `src/`'s
//! top-level modules may use the modules of the layers below its own, and of its own layer
//! except a feature another feature. It reads every `crate::` path in the module's sources
//! (in `use crate::{…}` trees and in code), which is how Rust code names another module.

use std::path::Path;

/// The layers, lowest first, with the top-level modules of `src/` in each.
const LAYERS: [(&str, &[&str]); 4] = [
    ("transport and words", &["api", "events", "host", "i18n"]),
    (
        "module-wide state, routes and shared widgets",
        &["chunks", "routes", "state", "widgets"],
    ),
    (
        "features",
        &[
            "connect",
            "edit",
            "history",
            "organizations",
            "policy",
            "users",
        ],
    ),
    ("the app", &["app"]),
];

/// The layer of `FEATURES` in [`LAYERS`], whose modules may not use each other.
const FEATURES: usize = 2;

/// Every use of a module that its user's layer may not use, as `file: uses module`; an
/// error when a top-level module is in no layer (so a new one must be placed).
pub fn violations(src: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for file in sources(src)? {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let Some(user) = top_module(relative) else {
            continue; // lib.rs, the crate's root, mounts everything
        };
        let user_layer = layer_of(&user)
            .ok_or_else(|| format!("src/{user} is in none of xtask's layers (layers.rs)"))?;
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for used in crate_paths(&text) {
            let Some(used_layer) = layer_of(&used) else {
                continue; // an item of the crate's root, such as `crate::MountOptions`
            };
            let sideways = used_layer == user_layer && user_layer == FEATURES && used != user;
            if used_layer > user_layer || sideways {
                found.push(format!("src/{}: uses {used}", relative.display()));
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The top-level module a file under `src/` belongs to (`organizations/tile.rs` and
/// `organizations.rs` to `organizations`); `None` for `lib.rs`.
fn top_module(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let module = first.strip_suffix(".rs").unwrap_or(&first);
    (module != "lib").then(|| module.to_owned())
}

pub fn sources(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(sources(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    Ok(files)
}

/// The first segment of every path after `crate::` in `text`, also inside `crate::{…}` trees.
fn crate_paths(text: &str) -> Vec<String> {
    let mut modules = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(tree) = rest.strip_prefix('{') {
            let end = closing_brace(tree);
            modules.extend(tree_heads(&tree[..end]));
            rest = &tree[end..];
        } else {
            modules.push(identifier(rest).to_owned());
        }
    }
    modules
}

/// Where the brace that closes a `{…}` tree starting at `tree` is.
fn closing_brace(tree: &str) -> usize {
    let mut depth = 0;
    for (at, c) in tree.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return at,
            '}' => depth -= 1,
            _ => {}
        }
    }
    tree.len()
}

/// The first segment of each comma-separated path of a use tree's top level.
fn tree_heads(tree: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (at, c) in tree.char_indices().chain([(tree.len(), ',')]) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                let head = identifier(tree[start..at].trim_start());
                if !head.is_empty() {
                    heads.push(head.to_owned());
                }
                start = at + 1;
            }
            _ => {}
        }
    }
    heads
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_from_use_trees_and_from_code() {
        let text = "use crate::{\n    api::{ApiClient, ApiError},\n    state::Dashboard,\n};\n\
                    fn f() { crate::chunks::when_idle(|| {}); }";
        assert_eq!(crate_paths(text), ["api", "state", "chunks"]);
    }

    #[test]
    fn a_feature_using_another_is_found() {
        let src = std::env::temp_dir().join(format!("xtask-layers-{}", std::process::id()));
        std::fs::create_dir_all(src.join("edit")).unwrap();
        std::fs::write(src.join("lib.rs"), "mod edit;").unwrap();
        std::fs::write(
            src.join("edit/form.rs"),
            "use crate::{organizations::Tile, api::A};",
        )
        .unwrap();
        std::fs::write(src.join("api.rs"), "use crate::state::Dashboard;").unwrap();
        let found = violations(&src);
        std::fs::remove_dir_all(&src).unwrap();
        assert_eq!(
            found.unwrap(),
            [
                "src/api.rs: uses state",
                "src/edit/form.rs: uses organizations"
            ]
        );
    }
}
