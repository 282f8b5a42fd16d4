//! `cargo xtask`: the project's two entry points, each installing what it needs first.
//!
//! - `cargo xtask dev [--port N] [--data-dir DIR] [server options…]` builds the module and runs
//!   the reference server with it.
//! - `cargo xtask test` runs every check and prints one summary.
//! - `cargo xtask dist` builds the module into its npm package, as a folder and packed.
//! - `cargo xtask bench [--check]` measures the module's performance against its budgets.
//! - `cargo xtask openapi` writes the server's OpenAPI document to `docs/openapi.json`.
//! - `cargo xtask module` is trunk's build hook, which builds the module split into chunks.

mod bench;
mod cycles;
mod layers;
mod module;
mod package;
mod tools;

use std::{
    path::{Path, PathBuf},
    process::{Command, ExitCode},
    time::Instant,
};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let task = args.next();
    let rest: Vec<String> = args.collect();
    let result = match task.as_deref() {
        Some("dev") => dev(&rest),
        Some("test") if rest.is_empty() => test(),
        Some("dist") if rest.is_empty() => dist(),
        Some("bench") => bench::bench(&rest),
        Some("openapi") if rest.is_empty() => openapi(),
        Some("module") if rest.is_empty() => module::module(),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage:
  cargo xtask dev [--port N] [--data-dir DIR] [reference-server options, e.g. --api-token T]
  cargo xtask test
  cargo xtask dist
  cargo xtask bench [--check]
  cargo xtask openapi
  cargo xtask module (trunk's build hook)";

/// The workspace root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_owned()
}

/// Cargo's target directory.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Runs `command` in the workspace root with the project's tools on PATH; Ok when it succeeds.
fn run(command: &mut Command) -> Result<(), String> {
    let status = prepared(command)
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

/// `command` set to run in the workspace root with the project's tools on PATH.
fn prepared(command: &mut Command) -> &mut Command {
    command.current_dir(root()).env("PATH", tools::path());
    // `cargo run` describes xtask itself in these; build scripts (ring's) rerun when they
    // change, so passing them on would rebuild half the tree whenever a build alternates
    // between `cargo xtask` and plain cargo.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_PKG_")
            || matches!(
                name.as_ref(),
                "CARGO_MANIFEST_DIR"
                    | "CARGO_MANIFEST_PATH"
                    | "CARGO_MANIFEST_LINKS"
                    | "CARGO_CRATE_NAME"
                    | "CARGO_BIN_NAME"
                    | "CARGO_PRIMARY_PACKAGE"
            )
        {
            command.env_remove(name.as_ref());
        }
    }
    command
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds the module (release, wasm-opt) into `dist/`.
fn build_module() -> Result<(), String> {
    run(Command::new("trunk").args(["build", "--release"]))
}

fn dev(args: &[String]) -> Result<ExitCode, String> {
    let mut port = "8080".to_owned();
    let mut data_dir = target_dir().join("xms-dev-data").display().to_string();
    let mut passed = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let slot = match name {
            "--port" => &mut port,
            "--data-dir" => &mut data_dir,
            _ => {
                passed.push(arg.clone());
                continue;
            }
        };
        *slot = match inline {
            Some(value) => value,
            None => args
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))?,
        };
    }

    tools::ensure_build_tools()?;
    build_module()?;
    run(cargo().args(["build", "--package", "xms-server"]))?;
    println!("xtask: starting the reference XMS server; open the URL it prints below.");
    let status = Command::new(target_dir().join("debug/xms-server"))
        .current_dir(root())
        .args([
            "--port",
            &port,
            "--data-dir",
            &data_dir,
            "--static-dir",
            "dist",
        ])
        .args(passed)
        .status()
        .map_err(|e| format!("cannot start xms-server: {e}"))?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Regenerates `docs/openapi.json` from the server, which the server's tests compare with
/// what it serves.
fn openapi() -> Result<ExitCode, String> {
    let output = cargo()
        .current_dir(root())
        .args(["run", "--quiet", "--package", "xms-server", "--", "openapi"])
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "xms-server openapi failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let path = root().join("docs/openapi.json");
    std::fs::write(&path, output.stdout)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("xtask: wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// The module's version, from its Cargo.toml.
fn module_version() -> Result<String, String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let package = manifest
        .split("[package]")
        .nth(1)
        .ok_or("Cargo.toml has no [package]")?;
    package
        .lines()
        .find_map(|line| line.trim().strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml's [package] has no version".to_owned())
}

/// Builds the module and puts what a host serves into `target/dist/xms-m365-<version>/`: the
/// JavaScript, the wasm and its chunks, the snippets they import, each with its brotli and gzip
/// copy, and an example page that mounts it.
fn dist() -> Result<ExitCode, String> {
    tools::ensure_build_tools()?;
    build_module()?;
    let version = module_version()?;
    let out = target_dir()
        .join("dist")
        .join(format!("xms-m365-{version}"));
    package::assemble(&root().join("dist"), &root().join("embed"), &out, &version)?;
    let tarball = package::pack(&out, &target_dir().join("dist"))?;
    println!(
        "xtask: the package {} {version} is in {} and packed as {}",
        package::NAME,
        out.display(),
        tarball.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Copies the directory `from` into `to`, recursively.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The most brotli bytes the module's first load may weigh: lowered by whoever makes it lighter,
/// raised only with the reason in the commit message.
const WEIGHT_BUDGET: &str = "bench/weight-budget";

/// One named check of `cargo xtask test`.
struct Stage {
    name: &'static str,
    outcome: Result<(), String>,
    seconds: u64,
}

fn test() -> Result<ExitCode, String> {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    let mut stages = Vec::new();
    let mut stage = |name: &'static str, check: &mut dyn FnMut() -> Result<(), String>| {
        println!("\n=== {name} ===");
        let started = Instant::now();
        let outcome = check();
        let seconds = started.elapsed().as_secs();
        if let Err(message) = &outcome {
            eprintln!("xtask: {name} failed: {message}");
        }
        let passed = outcome.is_ok();
        stages.push(Stage {
            name,
            outcome,
            seconds,
        });
        passed
    };

    stage("format", &mut || {
        run(cargo().args(["fmt", "--all", "--check"]))
    });
    stage(
        "layers (no feature uses another)",
        &mut || match layers::violations(&root().join("src"))?.as_slice() {
            [] => Ok(()),
            found => Err(format!(
                "the module's layers point one way (xtask/src/layers.rs):\n  {}",
                found.join("\n  ")
            )),
        },
    );
    stage(
        "server modules (no import cycle)",
        &mut || match cycles::server_violations(&root().join("crates/server/src"))?.as_slice() {
            [] => Ok(()),
            found => Err(format!(
                "the server's modules import each other in circles (xtask/src/cycles.rs):\n  {}",
                found.join("\n  ")
            )),
        },
    );
    // The module is linted for the target it runs on; the rest of the workspace natively.
    stage("lint (native crates)", &mut || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--exclude",
            "xms-m365",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    stage("lint (module, wasm)", &mut || {
        run(cargo().args([
            "clippy",
            "--package",
            "xms-m365",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    // Also builds the xms-server binary the end-to-end tests start.
    stage("native tests", &mut || {
        run(cargo().args(["test", "--workspace", "--exclude", "xms-m365"]))
    });
    stage("component tests (headless Chromium)", &mut || {
        run(cargo()
            .args([
                "test",
                "--package",
                "xms-m365",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            // Chromium's time zone, so dates read the same on every machine (its language
            // is pinned in webdriver.json).
            .env("TZ", "UTC"))
    });
    // The host program compiles against the package's declarations, as an integrator's does.
    stage("TypeScript host (tsc --strict)", &mut || {
        run(Command::new("npx").args(["tsc", "--noEmit", "-p", "tests/host"]))
    });
    let built = stage("module build (release)", &mut || {
        build_module()?;
        run(cargo().args(["build", "--package", "xms-server"]))
    });
    // The package the end-to-end tests install into a host page of their own.
    let mut tarball = None;
    stage("npm package (npm pack)", &mut || {
        if !built {
            return Err("not run: the module did not build".to_owned());
        }
        let out = target_dir().join("package").join("xms-m365");
        package::assemble(
            &root().join("dist"),
            &root().join("embed"),
            &out,
            &module_version()?,
        )?;
        tarball = Some(package::pack(&out, &target_dir().join("package"))?);
        Ok(())
    });
    let tarball = tarball.unwrap_or_default();
    // Both start the server the native tests built with the module just built.
    let with_module = |command: &mut Command| {
        run(command
            .env("XMS_SERVER_BIN", target_dir().join("debug/xms-server"))
            .env("XMS_STATIC_DIR", root().join("dist"))
            .env("XMS_PACKAGE", &tarball))
    };
    for (name, command) in [
        (
            "weight ratchet (first load, brotli)",
            ["node", "tests/bench/weight.mjs", WEIGHT_BUDGET].as_slice(),
        ),
        (
            "end-to-end tests (Playwright)",
            &["npx", "playwright", "test"],
        ),
    ] {
        stage(name, &mut || {
            if built {
                with_module(Command::new(command[0]).args(&command[1..]))
            } else {
                Err("not run: the module did not build".to_owned())
            }
        });
    }

    println!("\n=== summary ===");
    for stage in &stages {
        let verdict = if stage.outcome.is_ok() {
            "ok"
        } else {
            "FAILED"
        };
        println!("{verdict:>6}  {:<40} {:>4}s", stage.name, stage.seconds);
    }
    if built {
        println!("{}", tools::wasm_size_report(&root().join("dist"))?);
    }
    let failed = stages.iter().filter(|s| s.outcome.is_err()).count();
    println!("stages: {} passed, {failed} failed", stages.len() - failed);
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
