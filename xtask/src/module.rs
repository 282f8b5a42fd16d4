//! `cargo xtask module`: trunk's build hook that builds the module's wasm split into chunks
//! (trunk cannot split a wasm, trunk-rs/trunk#1022), so that the views a first load does not
//! show (the Edit panel, the policy editor) are fetched when used.
//!
//! The steps are the ones wasm-split needs: cargo's raw wasm (linked with `--emit-relocs`, so
//! the splitter can move functions between modules) is split *before* wasm-bindgen, then
//! wasm-bindgen keeps the exports the chunks link against, then wasm-opt shrinks every piece.
//! Trunk runs this at its `build` stage and copies what it writes into its staging folder to
//! `dist/`, so `trunk build --release`, `cargo xtask dev`, `dist`, `bench` and `test` all ship
//! the same split module.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use crate::{cargo, root, run, target_dir};

/// The name the module's files have (`xms-m365.js`, `xms-m365_bg.wasm`): the shell and hosts
/// import them by it.
pub const OUT_NAME: &str = "xms-m365";

/// wasm-opt's features: the ones rustc 1.95 enables for wasm32-unknown-unknown.
const WASM_FEATURES: [&str; 4] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];

/// Builds the split module into trunk's staging folder, for trunk's profile.
pub fn module() -> Result<std::process::ExitCode, String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("`cargo xtask module` is trunk's build hook (see Trunk.toml): run `trunk build`")?;
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    crate::tools::ensure_wasm_split()?;

    let mut build = cargo();
    build.args([
        "build",
        "--lib",
        "--package",
        "xms-m365",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "split",
    ]);
    if release {
        build.arg("--release");
    }
    // The splitter needs the linker's relocations; the target's other flags stay as they are.
    run(build.env("CARGO_ENCODED_RUSTFLAGS", rustflags().join("\x1f")))?;
    let raw = target_dir()
        .join("wasm32-unknown-unknown")
        .join(if release { "release" } else { "debug" })
        .join("xms_m365.wasm");

    let split = target_dir().join("wasm-split");
    if split.exists() {
        std::fs::remove_dir_all(&split)
            .map_err(|e| format!("cannot clear {}: {e}", split.display()))?;
    }
    split_wasm(Command::new("wasm-split-cli").arg(&raw).arg(&split).args([
        "--out-name",
        OUT_NAME,
        "--target",
        "web",
    ]))?;

    run(Command::new("wasm-bindgen")
        .arg(split.join(format!("{OUT_NAME}.wasm")))
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
            "--out-name",
            OUT_NAME,
            "--out-dir",
        ])
        .arg(&staging))?;
    mark_fetches_handled(&split.join("__wasm_split.js"))?;
    let mut wasm = vec![staging.join(format!("{OUT_NAME}_bg.wasm"))];
    for entry in read_dir(&split)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        // `split_*` per lazy view, `chunk_*` for code that several of them share.
        if name.ends_with(".wasm") && name != format!("{OUT_NAME}.wasm")
            || name == "__wasm_split.js"
        {
            let target = staging.join(&name);
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
            if name.ends_with(".wasm") {
                wasm.push(target);
            }
        }
    }
    if release {
        for piece in &wasm {
            // Names and producers are debugging aids no browser needs.
            run(Command::new("wasm-opt")
                .args(["-Oz", "--converge", "--strip-debug", "--strip-producers"])
                .args(WASM_FEATURES)
                .arg(piece)
                .arg("-o")
                .arg(piece))?;
        }
    }
    let mut scripts = vec![
        staging.join(format!("{OUT_NAME}.js")),
        staging.join("__wasm_split.js"),
    ];
    scripts.extend(files_under(&staging.join("snippets"))?);
    if release {
        for script in &scripts {
            // wasm-bindgen's glue and the loaders are written to be read: minified (exports
            // and property names kept), the first load is ~2.5 KB lighter.
            run(Command::new("esbuild")
                .arg(script)
                .args(["--minify", "--log-level=warning", "--allow-overwrite"])
                // The glue imports the loader under two names, which esbuild reports.
                .arg("--log-override:duplicate-object-key=silent")
                .arg(format!("--outfile={}", script.display())))?;
        }
    }
    for file in wasm.iter().chain(&scripts) {
        compress(file)?;
    }
    println!(
        "xtask: built the module in {} piece(s) into {}",
        wasm.len(),
        staging.display()
    );
    Ok(std::process::ExitCode::SUCCESS)
}

/// The fetch each chunk loader of wasm-split-cli 0.2.3 starts, which it awaits only once the
/// chunks it depends on are in.
const CHUNK_FETCH: &str = ", import.meta.url));\n";

/// wasm-split's loader starts a chunk's fetch before it awaits it (after the chunk's
/// dependencies), so a fetch that fails meanwhile (offline, or the page navigating away) is
/// also an unhandled rejection, reported as a page error although the loader handles it where
/// it awaits the fetch. Marking each fetch as handled leaves that handling as it is.
fn mark_fetches_handled(loader: &Path) -> Result<(), String> {
    let script = std::fs::read_to_string(loader)
        .map_err(|e| format!("cannot read {}: {e}", loader.display()))?;
    let fetches = script.matches("const src = fetch(").count();
    let marked = script.replace(
        CHUNK_FETCH,
        ", import.meta.url));\n    src.catch(() => {});\n",
    );
    if fetches == 0 || marked.matches("src.catch(").count() != fetches {
        return Err(format!(
            "{} does not fetch its chunks as wasm-split-cli 0.2.3 does: check that its fetches \
             are still awaited late, and update mark_fetches_handled",
            loader.display()
        ));
    }
    std::fs::write(loader, marked).map_err(|e| format!("cannot write {}: {e}", loader.display()))
}

/// Writes `file.br` and `file.gz` beside `file`, which the reference server sends to browsers
/// that accept them (hosts can serve them the same way).
fn compress(file: &Path) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params)
        .map_err(|e| format!("cannot compress {}: {e}", file.display()))?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gzip, &bytes)
        .and_then(|()| gzip.finish())
        .and_then(|gzip| std::fs::write(with_suffix(file, "gz"), gzip))
        .and_then(|()| std::fs::write(with_suffix(file, "br"), brotli))
        .map_err(|e| format!("cannot write {}'s compressed copies: {e}", file.display()))
}

/// `file` with `.suffix` appended to its name.
fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in read_dir(dir)? {
        if entry.path().is_dir() {
            files.extend(files_under(&entry.path())?);
        } else {
            files.push(entry.path());
        }
    }
    Ok(files)
}

fn read_dir(dir: &Path) -> Result<Vec<std::fs::DirEntry>, String> {
    std::fs::read_dir(dir)
        .and_then(Iterator::collect)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))
}

/// The compiler's flags for the split build: the linker's relocations, and source paths
/// remapped. Panic messages name their source files; remapped, they are short and the same
/// from any checkout and any cargo home (`/xms-m365/src/…`, `/crates/tachys-0.2.19/src/…`), so
/// the module weighs the same wherever it is built.
fn rustflags() -> Vec<String> {
    let mut flags = vec!["-Clink-args=--emit-relocs".to_owned()];
    let mut remap = |from: &Path, to: &str| {
        flags.push(format!("--remap-path-prefix={}={to}", from.display()));
    };
    remap(&root(), "/xms-m365");
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    // One folder per registry index, such as `index.crates.io-1949cf8c6b5b557f`.
    if let Some(indexes) = cargo_home.map(|home| home.join("registry").join("src"))
        && let Ok(entries) = std::fs::read_dir(indexes)
    {
        for entry in entries.flatten() {
            remap(&entry.path(), "/crates");
        }
    }
    flags
}

/// Runs the splitter, failing when it kept all data in the main module: it then says that a
/// data segment grew too long once each chunk's part was padded, and the first load carries
/// every chunk's words and strings (22 KB more). `SPLIT_SLACK` in `src/lib.rs` is the room
/// it needs; make it larger.
fn split_wasm(command: &mut Command) -> Result<(), String> {
    let output = crate::prepared(command)
        .stderr(std::process::Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    print!("{}", String::from_utf8_lossy(&output.stdout));
    let said = String::from_utf8_lossy(&output.stderr);
    eprint!("{said}");
    if !output.status.success() {
        return Err(format!("{command:?} failed ({})", output.status));
    }
    if said.contains("Overlong segment") {
        return Err(
            "wasm-split kept the chunks' data in the first load (\"Overlong segment\"): make \
             SPLIT_SLACK in src/lib.rs larger"
                .to_owned(),
        );
    }
    Ok(())
}
