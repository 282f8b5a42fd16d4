//! Writes the catalogues (`locales/{language}/*.ftl`) the module embeds into `OUT_DIR`, without
//! their comments: those are for translators, and every byte of a catalogue is in the first
//! load and parsed by the browser.

use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales");
    println!("cargo::rerun-if-changed=locales");
    for language in fs::read_dir("locales")
        .expect("locales/ is readable")
        .flatten()
    {
        let target = out.join(language.file_name());
        fs::create_dir_all(&target).expect("OUT_DIR is writable");
        for file in fs::read_dir(language.path())
            .expect("a language folder is readable")
            .flatten()
        {
            let path = file.path();
            if path.extension().is_none_or(|ext| ext != "ftl") {
                continue;
            }
            println!("cargo::rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("a catalogue is UTF-8");
            fs::write(target.join(file.file_name()), without_comments(&text))
                .expect("OUT_DIR is writable");
        }
    }
}

/// `ftl` without its comment lines. A line starting with `#` is always a comment in Fluent (a
/// pattern's continuation lines are indented), and what follows a message needs no blank line
/// but the one that ends it.
fn without_comments(ftl: &str) -> String {
    let mut kept = String::with_capacity(ftl.len());
    for line in ftl.lines().filter(|line| !line.starts_with('#')) {
        if line.trim().is_empty() && (kept.is_empty() || kept.ends_with("\n\n")) {
            continue;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}
