//! The module as the npm package XMS's front-end teams install: the module's files and chunks
//! (each with its brotli and gzip copy), the hand-written TypeScript declarations, the
//! integrators' README and CHANGELOG, an example host page, `package.json`, and
//! `integrity.json`, which lists every file with its size and SRI hash for the host's tags.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::Command,
};

use base64::{Engine, engine::general_purpose::STANDARD};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha384};

/// The package's name on the registry.
pub const NAME: &str = "@xopero/xms-m365";

/// The files of the package that are written by hand, in `embed/package/`.
const DOCUMENTS: [&str; 3] = ["README.md", "CHANGELOG.md", "xms-m365.d.ts"];

/// The example host page, in `embed/`.
const EXAMPLE: [&str; 2] = ["embed-example.html", "embed-example.js"];

/// Writes the package into `out` (emptied first) from the module built into `built` and the
/// hand-written files under `embed` at version `version`.
pub fn assemble(built: &Path, embed: &Path, out: &Path, version: &str) -> Result<(), String> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    super::copy_tree(&built.join("snippets"), &out.join("snippets"))?;
    for entry in read_dir(built)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        // What the build hook writes (see module.rs); the rest is the reference shell's.
        if ["xms-m365", "__wasm_split", "split_", "chunk_"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
        {
            copy(&entry.path(), &out.join(&name))?;
        }
    }
    for name in DOCUMENTS {
        copy(&embed.join("package").join(name), &out.join(name))?;
    }
    for name in EXAMPLE {
        copy(&embed.join(name), &out.join(name))?;
    }
    write(&out.join("package.json"), &manifest(version))?;
    let files = hashes(out, out)?;
    write(&out.join("integrity.json"), &integrity(version, &files))
}

/// Packs the package in `out` with `npm pack` into `into`; the tarball's path.
pub fn pack(out: &Path, into: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(into).map_err(|e| format!("cannot create {}: {e}", into.display()))?;
    let printed = Command::new("npm")
        .args(["pack", "--silent", "--pack-destination"])
        .arg(into)
        .current_dir(out)
        .output()
        .map_err(|e| format!("cannot run npm pack: {e}"))?;
    if !printed.status.success() {
        return Err(format!(
            "npm pack failed: {}",
            String::from_utf8_lossy(&printed.stderr)
        ));
    }
    let name = String::from_utf8_lossy(&printed.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let tarball = into.join(&name);
    if name.ends_with(".tgz") && tarball.is_file() {
        Ok(tarball)
    } else {
        Err(format!("npm pack wrote no tarball (it said {name:?})"))
    }
}

/// `package.json`: an ES module whose types are the hand-written declarations. Nothing runs
/// on import (`init` starts the module), so bundlers may drop an unused import.
fn manifest(version: &str) -> String {
    let manifest = json!({
        "name": NAME,
        "version": version,
        "description": "The Microsoft 365 module of Xopero ONE Management Service (XMS): mount it in XMS's console to connect Microsoft 365 organizations and manage their backup",
        "license": "MIT OR Apache-2.0",
        "type": "module",
        "main": "./xms-m365.js",
        "types": "./xms-m365.d.ts",
        "exports": {
            ".": { "types": "./xms-m365.d.ts", "default": "./xms-m365.js" },
            "./integrity.json": "./integrity.json",
            "./package.json": "./package.json",
            // The wasm, the chunks and the compressed copies, for hosts that serve them.
            "./*": "./*",
        },
        "files": [
            "*.js", "*.wasm", "*.br", "*.gz", "*.d.ts", "*.html", "snippets/",
            "integrity.json", "README.md", "CHANGELOG.md",
        ],
        "sideEffects": false,
    });
    format!("{manifest:#}\n")
}

/// `integrity.json`: every file of the package but itself, with its size and SRI hash.
fn integrity(version: &str, files: &BTreeMap<String, (u64, String)>) -> String {
    let listed: Map<String, Value> = files
        .iter()
        .map(|(path, (size, hash))| (path.clone(), json!({ "size": size, "integrity": hash })))
        .collect();
    let manifest = json!({ "name": NAME, "version": version, "files": listed });
    format!("{manifest:#}\n")
}

/// Each file under `dir` by its path from `base`, with its size and `sha384-` SRI hash.
fn hashes(base: &Path, dir: &Path) -> Result<BTreeMap<String, (u64, String)>, String> {
    let mut found = BTreeMap::new();
    for entry in read_dir(dir)? {
        let path = entry.path();
        if path.is_dir() {
            found.extend(hashes(base, &path)?);
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(base)
            .map_err(|_| format!("{} is outside the package", path.display()))?
            .to_string_lossy()
            .replace('\\', "/");
        let hash = format!("sha384-{}", STANDARD.encode(Sha384::digest(&bytes)));
        found.insert(name, (bytes.len() as u64, hash));
    }
    Ok(found)
}

fn read_dir(dir: &Path) -> Result<Vec<std::fs::DirEntry>, String> {
    std::fs::read_dir(dir)
        .and_then(Iterator::collect)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
