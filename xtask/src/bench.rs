//! `cargo xtask bench [--check]`: builds what the performance benchmark measures (the release
//! module, in a folder of its own, and a release reference server) and runs it
//! (`tests/bench/bench.mjs`), which prints its report and writes it to `bench/RESULTS.md`.

use std::process::{Command, ExitCode};

use crate::{USAGE, cargo, root, run, target_dir, tools};

/// How `tests/bench/bench.mjs` says, under `--check`, that a budget was missed (rather than
/// that the benchmark itself failed).
const BUDGET_MISSED: i32 = 2;

/// Builds and runs the benchmark; with `--check`, fails when a budget is missed.
pub fn bench(args: &[String]) -> Result<ExitCode, String> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err(USAGE.to_owned()),
    };
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;

    // Not `dist/`: that is `cargo xtask dev`'s and `test`'s, which may run meanwhile, and the
    // benchmark adds its baseline page to the folder it serves.
    let dist = target_dir().join("bench/dist");
    run(Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&dist))?;
    // Release, unlike the tests' server: a debug build takes about 80 ms to list 1,000
    // organizations (release: 20), time both the module and the baseline wait for, which would
    // hide the difference between them that the start-up ratio is about.
    run(cargo().args(["build", "--release", "--package", "xms-server"]))?;

    let mut node = Command::new("node");
    node.arg(root().join("tests/bench/bench.mjs"))
        .current_dir(root())
        .env("PATH", tools::path())
        .env("XMS_SERVER_BIN", target_dir().join("release/xms-server"))
        .env("XMS_STATIC_DIR", &dist)
        .env("CHROMIUM", tools::CHROMIUM);
    if check {
        node.arg("--check");
    }
    let status = node.status().map_err(|e| format!("cannot run node: {e}"))?;
    match status.code() {
        Some(0) => Ok(ExitCode::SUCCESS),
        Some(BUDGET_MISSED) if check => {
            eprintln!("xtask: budgets missed (listed above; see bench/RESULTS.md)");
            Ok(ExitCode::FAILURE)
        }
        _ => Err(format!("the benchmark failed ({status})")),
    }
}
