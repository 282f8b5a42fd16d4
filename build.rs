//! Writes the catalogues (`locales/{language}/*.ftl`) and the styles (`style/*.css`) the module
//! embeds into `OUT_DIR`, without their comments: those are for translators and maintainers,
//! and every byte the module embeds is in a load and parsed by the browser.

use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).to_owned();
    println!("cargo::rerun-if-changed=style");
    write_stripped(
        Path::new("style"),
        &out.join("style"),
        "css",
        css_without_comments,
    );
    println!("cargo::rerun-if-changed=locales");
    for language in fs::read_dir("locales")
        .expect("locales/ is readable")
        .flatten()
    {
        let target = out.join("locales").join(language.file_name());
        write_stripped(&language.path(), &target, "ftl", without_comments);
    }
}

/// Writes each `*.{extension}` file of `dir` into `out`, as `strip` leaves it.
fn write_stripped(dir: &Path, out: &Path, extension: &str, strip: fn(&str) -> String) {
    fs::create_dir_all(out).expect("OUT_DIR is writable");
    for file in fs::read_dir(dir).expect("the folder is readable").flatten() {
        let path = file.path();
        if path.extension().is_none_or(|ext| ext != extension) {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("a catalogue or stylesheet is UTF-8");
        fs::write(out.join(file.file_name()), strip(&text)).expect("OUT_DIR is writable");
    }
}

/// `css` without its comments, each line without its indentation and blank lines left out. A
/// line break is whitespace to CSS, so the rules stay as they are; the module's styles hold no
/// string with `/*` in it, where this would cut the string.
fn css_without_comments(css: &str) -> String {
    let mut code = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        let comment = &rest[start + 2..];
        rest = comment.find("*/").map_or("", |end| &comment[end + 2..]);
    }
    code.push_str(rest);
    let mut kept = String::with_capacity(code.len());
    for line in code.lines().map(str::trim).filter(|line| !line.is_empty()) {
        kept.push_str(line);
        kept.push('\n');
    }
    kept
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
