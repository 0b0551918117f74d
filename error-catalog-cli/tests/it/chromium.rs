//! The HTML page in a real browser: headless Chromium (Debian's `chromium`) loads the page
//! of the seed catalog and a hostile one, and their rendered text is checked; screenshots
//! at a phone's and a desktop's width are written to
//! `$CARGO_TARGET_TMPDIR/html-screenshots/` to look at. Without Chromium the test says so and
//! passes, unless `ERROR_CATALOG_REQUIRE_CHROMIUM=1` (as `.ci/run` sets it), where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{required, run, seed_codes, temp_dir};

const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_CHROMIUM";

/// The browser: `$CHROMIUM`, or `chromium` on the `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium on `url` with `args`, with a fresh profile and no network of its
/// own (no background requests, no updates, no sync); returns stdout.
fn headless(browser: &Path, profile: &Path, args: &[&str], url: &str) -> String {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the DOM is UTF-8")
}

/// The text of a serialized DOM: the tags removed, the entities it uses decoded.
fn text_of(dom: &str) -> String {
    let body = dom.split_once("<body").map_or(dom, |(_, body)| body);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Whether `file` is a PNG image of some substance: a blank page makes a PNG of a few
/// kilobytes, a page of text one of tens of kilobytes and more.
fn assert_png_with_content(file: &Path) {
    let bytes = std::fs::read(file).expect("the screenshot is written");
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is no PNG",
        file.display()
    );
    assert!(
        bytes.len() > 20_000,
        "{} is {} bytes: a blank page?",
        file.display(),
        bytes.len()
    );
}

#[test]
fn the_html_page_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            !required(REQUIRE),
            "{REQUIRE}=1 but there is no chromium on the PATH: apt-get install -y chromium"
        );
        eprintln!("skipped: no chromium on the PATH");
        return;
    };
    let dir = temp_dir("chromium");
    let profile = dir.join("profile");

    // The seed catalog's page: every code is in the rendered text.
    let seed = html_page(
        "catalog/backup-restore.toml",
        &dir.join("backup-restore.html"),
    );
    let url = format!("file://{}", seed.display());
    let dom = headless(&browser, &profile, &["--dump-dom"], &url);
    assert!(dom.contains("<article id=\"127\">"), "{dom}");
    let text = text_of(&dom);
    for code in seed_codes() {
        assert!(text.contains(&code), "code {code} is not on the page");
    }
    assert!(text.contains("Backup Policy already exists with orgId: {org_id}"));
    assert!(text.contains(
        r#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-17"}"#
    ));

    // A catalog text holding a script shows as text: no script element is created.
    let hostile = html_page(
        "error-catalog-cli/tests/catalogs/hostile.toml",
        &dir.join("hostile.html"),
    );
    let dom = headless(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("file://{}", hostile.display()),
    );
    assert!(!dom.to_lowercase().contains("<script"), "{dom}");
    assert!(!dom.to_lowercase().contains("<img"), "{dom}");
    let text = text_of(&dom);
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("Hostile <b>API</b> | `ticks` & co"), "{text}");
    assert!(
        text.contains("A | pipe and <img src=x onerror=alert(2)>"),
        "{text}"
    );

    // Retries and problem types, as a reader sees them.
    let retries = html_page(
        "error-catalog-cli/tests/catalogs/retries.toml",
        &dir.join("retries.html"),
    );
    let text = text_of(&headless(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("file://{}", retries.display()),
    ));
    assert!(
        text.contains("In RFC 9457 problem details, an error's type is https://api.example.com/problems/ followed by its code."),
        "{text}"
    );
    assert!(
        text.contains("Retryableyes; the delay is the field seconds in seconds, sent as the Retry-After header"),
        "{text}"
    );
    assert!(text.contains("Retryableno"), "{text}");

    // Screenshots, at a phone's width and a desktop's.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-screenshots");
    std::fs::create_dir_all(&shots).expect("a directory for the screenshots");
    for (name, size) in [("phone", "390,844"), ("desktop", "1280,900")] {
        let file = shots.join(format!("backup-restore-{name}.png"));
        let _ = std::fs::remove_file(&file);
        headless(
            &browser,
            &profile,
            &[
                &format!("--window-size={size}"),
                &format!("--screenshot={}", file.display()),
            ],
            &url,
        );
        assert_png_with_content(&file);
        eprintln!("screenshot: {}", file.display());
    }
}

/// Writes the HTML page of `catalog` to `page` with the real binary, and returns its path.
fn html_page(catalog: &str, page: &Path) -> PathBuf {
    let generated = run(&[
        "docs",
        catalog,
        "--format",
        "html",
        "-o",
        &page.display().to_string(),
    ]);
    assert_eq!(generated.code, 0, "{catalog}: {}", generated.stderr);
    page.to_owned()
}
