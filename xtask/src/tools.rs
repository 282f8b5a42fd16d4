//! Installs the tools the build and the tests need, from the package registries only, and only
//! when the right version is not already there, so that running it again costs nothing.

use std::{
    ffi::OsString,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use crate::{root, run};

/// The trunk release the build is verified with (0.22 needs a newer rustc than these machines).
const TRUNK_VERSION: &str = "0.21.14";
/// Where Debian's packages put the browser and its driver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// ChromeDriver, for the component tests.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// PATH with the project's npm tools (wasm-opt for trunk) and cargo's installed binaries first.
pub fn path() -> OsString {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries never contain the separator")
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// The first line a tool prints for `--version`, if it runs at all.
fn version_of(tool: &str) -> Option<String> {
    let output = Command::new(tool)
        .arg("--version")
        .env("PATH", path())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    })
}

/// Everything `trunk build` needs: the wasm target, trunk, the wasm-bindgen CLI matching
/// Cargo.lock exactly, and the npm packages (wasm-opt, Playwright).
pub fn ensure_build_tools() -> Result<(), String> {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if !String::from_utf8_lossy(&targets.stdout).contains("wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    if version_of("trunk").as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        println!("xtask: installing trunk {TRUNK_VERSION} (takes a while, once)");
        run(crate::cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }

    let bindgen = locked_version("wasm-bindgen")?;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {bindgen}")) {
        println!("xtask: installing wasm-bindgen-cli {bindgen} (takes a while, once)");
        // Not --locked: the CLI's own lock file names crate versions the registry may lack.
        run(crate::cargo().args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={bindgen}"),
        ]))?;
    }

    ensure_wasm_split()?;
    ensure_npm_packages()
}

/// The wasm splitter the module's build uses (see `module.rs`).
const WASM_SPLIT_VERSION: &str = "0.2.3";

/// Installs `wasm-split-cli` from the crates.io crate `wasm_split_cli_support`, unless the right
/// version is there.
pub fn ensure_wasm_split() -> Result<(), String> {
    // It has no `--version`: cargo's list of installed crates says which one is there.
    let installed = crate::cargo()
        .args(["install", "--list"])
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line == wanted)
    {
        return Ok(());
    }
    println!("xtask: installing wasm-split-cli {WASM_SPLIT_VERSION} (takes a while, once)");
    run(crate::cargo().args([
        "install",
        "--locked",
        "wasm_split_cli_support",
        "--version",
        WASM_SPLIT_VERSION,
        "--features",
        "build-binary",
    ]))
}

/// The version of `package` that Cargo.lock pins.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err(format!("Cargo.lock does not pin {package}"))
}

/// `npm ci` from the committed lock file, unless node_modules already matches it.
fn ensure_npm_packages() -> Result<(), String> {
    let lock = std::fs::read(root().join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = root().join("node_modules/.xtask-installed-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// Chromium and ChromeDriver from Debian's packages, for the browser tests.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0");
    if !root_user {
        return Err(format!(
            "{CHROMIUM} and {CHROMEDRIVER} are needed for the browser tests: install them with \
             `sudo apt-get install chromium chromium-driver`"
        ));
    }
    println!("xtask: installing Chromium and ChromeDriver");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The size of the first load's WebAssembly, raw and gzipped (the copy the build wrote beside
/// it), for the summary; the chunks fetched later are not part of it.
pub fn wasm_size_report(dist: &Path) -> Result<String, String> {
    let wasm = dist.join(format!("{}_bg.wasm", crate::module::OUT_NAME));
    let size = |path: &Path| {
        std::fs::metadata(path)
            .map(|m| m.len() / 1024)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let mut gzipped = wasm.clone().into_os_string();
    gzipped.push(".gz");
    Ok(format!(
        "module size (first load): {} KiB of wasm, {} KiB gzipped",
        size(&wasm)?,
        size(Path::new(&gzipped))?
    ))
}
