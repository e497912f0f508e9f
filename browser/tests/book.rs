//! The built book in headless Chromium: every page of `book/`, served from
//! 127.0.0.1 by the test itself, read by one browser session.
//!
//! Without Chromium or chromedriver the suite says so in one line and passes;
//! with both it never skips. It prints one line per check, then fails with
//! every problem any check found.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;
use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, TimeoutConfiguration};

use support::{Driver, StaticServer};

/// Everything the suite does must be over by then, whatever hangs.
const SUITE_LIMIT: Duration = Duration::from_secs(150);

/// Run before any script of each page: records errors, uncaught exceptions,
/// resources that fail to load, and what the copy buttons copy (mdBook copies
/// with clipboard.js, which uses `document.execCommand('copy')`; newer code
/// uses `navigator.clipboard.writeText`: both are recorded, neither touches
/// the real clipboard).
const BEFORE_LOAD: &str = r#"(() => {
  window.__errors = [];
  const push = m => window.__errors.push(String(m));
  const show = a => (a && a.stack) ? a.stack : String(a);
  const original = console.error;
  console.error = function (...args) {
    push('console.error: ' + args.map(show).join(' '));
    return original.apply(this, args);
  };
  window.addEventListener('error', e => {
    const t = e.target;
    if (t && t !== window && (t.src || t.href)) push('failed to load ' + (t.src || t.href));
    else push('uncaught ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  window.addEventListener('unhandledrejection', e => push('unhandled rejection: ' + show(e.reason)));
  window.__copied = [];
  const record = t => { window.__copied.push(String(t)); return Promise.resolve(); };
  try {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: record, write: () => Promise.resolve(),
                    readText: () => Promise.resolve(window.__copied[window.__copied.length - 1] || '') }),
    });
  } catch (e) { push('cannot stub the clipboard: ' + e); }
  const exec = Document.prototype.execCommand;
  Document.prototype.execCommand = function (command, ...rest) {
    if (String(command).toLowerCase() === 'copy') {
      const a = document.activeElement;
      const field = a && (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT');
      window.__copied.push(field ? a.value.substring(a.selectionStart, a.selectionEnd)
                                 : String(document.getSelection()));
      return true;
    }
    return exec.call(this, command, ...rest);
  };
  // The Rust playground, mocked: mdBook asks it for its crate list on every
  // page with a runnable block, and sends it a listing when Run is clicked.
  // Every request is recorded and answered here; nothing leaves the machine.
  window.__playground = [];
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    const url = String((input && input.url) || input);
    if (!/^https?:\/\/play\.rust-lang\.org\//.test(url)) return fetch.apply(this, arguments);
    window.__playground.push({ url, method: (init && init.method) || 'GET',
                               body: init && init.body != null ? String(init.body) : null });
    const path = new URL(url).pathname;
    const answer = path === '/meta/crates'
      ? { crates: ['tokio', 'tokio-util', 'futures', 'rand', 'serde', 'serde_json', 'reqwest']
            .map(name => ({ name, version: '1.0.0', id: name.replace(/-/g, '_') })) }
      : path === '/evaluate.json' ? { result: 'mock output', error: null } : null;
    if (!answer) return Promise.reject(new TypeError('the mock playground has no ' + path));
    return Promise.resolve(new Response(JSON.stringify(answer),
      { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };
})();"#;

/// What a loaded page shows, gathered in one script.
const PAGE_FACTS: &str = r#"
const figures = Array.from(document.querySelectorAll('figure.timeline'));
return {
  ready: document.readyState,
  errors: window.__errors || ['the error recorder was not injected'],
  resources: performance.getEntriesByType('resource')
    .map(e => ({ url: e.name, status: e.responseStatus || 0 })),
  text: document.body.innerText,
  ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id)
    .concat(Array.from(document.querySelectorAll('a[name]')).map(e => e.getAttribute('name'))),
  links: Array.from(document.querySelectorAll('a[href]'))
    .map(a => ({ raw: a.getAttribute('href'), url: a.href })),
  admonitions: Array.from(document.querySelectorAll('.admonition')).map(e => {
    const s = getComputedStyle(e);
    return { id: e.id, tag: e.tagName.toLowerCase(), display: s.display,
             border: parseFloat(s.borderLeftWidth) > 0 && s.borderLeftStyle !== 'none',
             title: !!e.querySelector('.admonition-title'),
             open: e.tagName === 'DETAILS' ? e.open : null };
  }),
  timelines: figures.map(f => {
    const box = f.getBoundingClientRect();
    const svg = f.querySelector('svg');
    const labelled = svg ? (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean) : [];
    const rows = svg ? Array.from(svg.querySelectorAll(':scope > text[x="0"]'))
      .map(t => ({ label: t.textContent, y: parseFloat(t.getAttribute('y')) })) : [];
    const bars = svg ? Array.from(svg.querySelectorAll('rect'))
      .filter(r => r.querySelector(':scope > title'))
      .map(r => ({ title: r.querySelector(':scope > title').textContent, y: parseFloat(r.getAttribute('y')),
                   x: parseFloat(r.getAttribute('x')), width: parseFloat(r.getAttribute('width')) })) : [];
    return {
      visible: box.width > 0 && box.height > 0 && getComputedStyle(f).visibility !== 'hidden'
        && !!svg && svg.getBoundingClientRect().height > 0,
      role: svg ? svg.getAttribute('role') : null,
      labelled,
      targets: labelled.map(id => {
        const t = document.getElementById(id);
        return t && svg.contains(t) ? t.tagName.toLowerCase() : null;
      }),
      caption: (f.querySelector('figcaption') || {}).textContent || '',
      name: svg ? (svg.querySelector(':scope > title') || {}).textContent || '' : '',
      rows, bars,
    };
  }),
  code: Array.from(document.querySelectorAll('pre > code')).map(c => ({
    lang: c.className, text: c.textContent,
    copyable: !!c.parentNode.querySelector('.clip-button'),
  })),
  quizzes: document.querySelectorAll('.quiz-placeholder').length,
};
"#;

#[derive(Default)]
struct Report {
    /// Each check, by number and name, with the problems it found.
    checks: BTreeMap<&'static str, Vec<String>>,
    /// What each check looked at, for its line in the report.
    counts: BTreeMap<&'static str, usize>,
    /// Observations that fail no check.
    notes: Vec<String>,
    /// The time axe-core took, over every page.
    axe_time: Duration,
    /// The time the Run buttons' check took, over every page.
    run_time: Duration,
}

impl Report {
    /// Adds what another browser found.
    fn absorb(&mut self, other: Report) {
        for (check, problems) in other.checks {
            self.checks.entry(check).or_default().extend(problems);
        }
        for (check, n) in other.counts {
            *self.counts.entry(check).or_default() += n;
        }
        self.notes.extend(other.notes);
        self.axe_time += other.axe_time;
        self.run_time += other.run_time;
    }
    fn fail(&mut self, check: &'static str, problem: impl Into<String>) {
        self.checks.entry(check).or_default().push(problem.into());
    }
    fn note(&mut self, note: String) {
        self.notes.push(note);
    }
    fn saw(&mut self, check: &'static str, n: usize) {
        self.checks.entry(check).or_default();
        *self.counts.entry(check).or_default() += n;
    }
}

const LOAD: &str = "1 pages load, no errors, no foreign request";
const ADMONITIONS: &str = "2 admonitions styled, hints open";
const QUIZZES: &str = "3 quizzes render and answer";
const TIMELINES: &str =
    "4 timelines visible, labelled, bars where the captured run puts them";
const LISTINGS: &str = "5 listings shown and copied";
const SEARCH: &str = "6 search";
const LINKS: &str = "7 links and anchors";
const SCREENSHOTS: &str = "8 screenshots";
const RUN: &str = "9 run buttons send the listing to a mock playground";
const ACCESSIBILITY: &str =
    "10 accessibility (axe-core: no serious or critical violation)";

#[test]
fn the_book_in_chromium() {
    let Some((chromium, chromedriver)) = support::find_browser() else {
        // Straight to stderr, past the test harness's capture, so that the
        // skip shows in `cargo test`'s output.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "browser: skipped the browser suite: no chromium or chromedriver on PATH (get them with `apt-get install chromium chromium-driver`)"
        );
        return;
    };
    let root = support::workspace_root();
    // Set-up, done by `cargo xtask tools` and `cargo xtask test`: the suite
    // never downloads anything.
    let axe_file = xtask::cache::axe_file();
    let Ok(axe) = std::fs::read_to_string(&axe_file) else {
        panic!(
            "browser: axe-core {} is not in {}: fetch it with `cargo xtask tools` (`cargo xtask test` does), then rerun",
            xtask::cache::AXE_VERSION,
            axe_file.display()
        );
    };
    let listings = support::listings(&root).unwrap_or_else(|e| panic!("browser: {e}"));
    let book = support::built_book(&root).unwrap_or_else(|e| panic!("browser: {e}"));
    let artifacts = root.join("target").join("browser-artifacts");
    let _ = std::fs::remove_dir_all(&artifacts);
    std::fs::create_dir_all(&artifacts)
        .expect("cannot create target/browser-artifacts");

    let server = StaticServer::start(book.clone());
    let driver =
        Driver::start(&chromedriver).unwrap_or_else(|e| panic!("browser: {e}"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let started = std::time::Instant::now();
    let outcome = runtime.block_on(async {
        tokio::time::timeout(
            SUITE_LIMIT,
            suite(&chromium, &driver, &server.base, &book, &artifacts, &axe, &listings),
        )
        .await
    });
    let missing = server.missing.lock().unwrap().clone();
    drop(driver);
    drop(server);
    let mut report = match outcome {
        Ok(Ok(report)) => report,
        Ok(Err(error)) => panic!("browser: the suite stopped: {error}"),
        Err(_) => {
            panic!("browser: the suite took more than {SUITE_LIMIT:?} and was stopped")
        }
    };
    for target in missing.into_iter().filter(|t| t != "/favicon.ico") {
        report.fail(
            LOAD,
            format!("the browser asked for {target}, which book/ does not have"),
        );
    }
    println!(
        "browser: {} pages in {:.1} s, screenshots in {}",
        report.counts.get(LOAD).copied().unwrap_or(0),
        started.elapsed().as_secs_f64(),
        artifacts.display()
    );
    println!(
        "browser: axe-core {} took {:.1} s of it, the Run buttons {:.1} s",
        xtask::cache::AXE_VERSION,
        report.axe_time.as_secs_f64(),
        report.run_time.as_secs_f64()
    );
    for note in &report.notes {
        println!("browser: note: {note}");
    }
    let mut failures = Vec::new();
    let mut checks: Vec<_> = report.checks.iter().collect();
    checks.sort_by_key(|(check, _)| {
        check.split(' ').next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(0)
    });
    for (check, problems) in checks {
        let seen = report.counts.get(check).copied().unwrap_or(0);
        if problems.is_empty() {
            println!("browser: check {check}: ok ({seen} checked)");
        } else {
            println!("browser: check {check}: {} problems", problems.len());
            for problem in problems {
                println!("  - {problem}");
                failures.push(format!("{check}: {problem}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the browser suite found {} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

async fn start_session(
    chromium: &Path,
    driver: &Driver,
    axe: &str,
    n: usize,
) -> WebDriverResult<WebDriver> {
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(&chromium.to_string_lossy())?;
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1280,900",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ] {
        caps.add_arg(arg)?;
    }
    // One profile per browser: two cannot share one.
    let profile = driver.profile.join(format!("browser-{n}"));
    caps.add_arg(&format!("--user-data-dir={}", profile.display()))?;
    let session = WebDriver::builder(driver.url.as_str(), caps)
        .request_timeout(Duration::from_secs(30))
        .await?;
    session
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(10)),
            Some(Duration::from_secs(20)),
            Some(Duration::ZERO),
        ))
        .await?;
    session.cdp().page().add_script_to_evaluate_on_new_document(BEFORE_LOAD).await?;
    // axe-core in every page, sent once: it only adds `window.axe`.
    session.cdp().page().add_script_to_evaluate_on_new_document(axe).await?;
    Ok(session)
}

/// How many browsers read the book at once. The suite mostly waits on
/// Chromium (page loads, pauses between a reader's clicks), so two browsers
/// on two cores take little more than half the time of one.
const SESSIONS: usize = 2;

async fn suite(
    chromium: &Path,
    driver: &Driver,
    base: &str,
    book: &Path,
    artifacts: &Path,
    axe: &str,
    listings: &[support::ListingSource],
) -> WebDriverResult<Report> {
    let mut sessions = Vec::new();
    for n in 0..SESSIONS {
        match start_session(chromium, driver, axe, n).await {
            Ok(session) => sessions.push(session),
            Err(error) => {
                for session in sessions {
                    let _ = session.quit().await;
                }
                return Err(error);
            }
        }
    }
    // One queue of pages, the largest first: each browser takes the next
    // page when it is done with one, so that neither waits on the other.
    let queue = std::sync::Mutex::new(html_pages(book));
    let shares = sessions
        .iter()
        .map(|session| read_pages(session, base, artifacts, listings, &queue));
    let results = futures::future::join_all(shares).await;
    let mut report = Report::default();
    let mut ids = BTreeMap::new();
    let mut links = Vec::new();
    let mut failed = None;
    for result in results {
        match result {
            Ok(read) => {
                report.absorb(read.report);
                ids.extend(read.ids);
                links.extend(read.links);
            }
            Err(error) => failed = Some(error),
        }
    }
    let searched = match failed {
        Some(error) => Err(error),
        None => {
            check_links(&mut report, base, book, &ids, &links);
            search(&mut report, &sessions[0], base).await
        }
    };
    for session in sessions {
        let _ = session.quit().await;
    }
    searched.map(|()| report)
}

/// What one browser found on its share of the pages.
struct Read {
    report: Report,
    /// The ids of each page, for the anchors.
    ids: BTreeMap<String, BTreeSet<String>>,
    /// Every link: page, as written, as resolved.
    links: Vec<(String, String, String)>,
}

/// The book's pages, the smallest first (the queue is taken from its end).
fn html_pages(book: &Path) -> Vec<String> {
    let mut pages: Vec<(u64, String)> = std::fs::read_dir(book)
        .expect("book/ is readable")
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let size = entry.metadata().ok()?.len();
            name.ends_with(".html").then_some((size, name))
        })
        .collect();
    pages.sort();
    pages.into_iter().map(|(_, name)| name).collect()
}

async fn read_pages(
    session: &WebDriver,
    base: &str,
    artifacts: &Path,
    listings: &[support::ListingSource],
    queue: &std::sync::Mutex<Vec<String>>,
) -> WebDriverResult<Read> {
    let mut report = Report::default();
    // The ids of each page, for the anchors; the links of each, to check once
    // every page has been read.
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut links: Vec<(String, String, String)> = Vec::new();
    loop {
        let next =
            queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let Some(page) = next else { break };
        let page = &page;
        session.goto(format!("{base}/{page}")).await?;
        let facts = page_facts(session).await?;
        // print.html holds every chapter again: its loading, text, timelines
        // and links are checked (its links are rewritten to anchors within
        // it), but not its quizzes, hints or copy buttons a second time.
        let chapter = !matches!(page.as_str(), "print.html" | "toc.html" | "404.html");
        check_load(&mut report, page, &facts, base);
        check_admonitions(&mut report, page, &facts);
        check_timelines(&mut report, page, &facts);
        check_listing_text(&mut report, page, &facts);
        // print.html is every chapter again, each checked on its own page,
        // in the same frame: axe-core would take as long again on it.
        if page != "print.html" {
            let axe_started = std::time::Instant::now();
            accessibility(&mut report, session, page).await?;
            report.axe_time += axe_started.elapsed();
        }
        ids.insert(page.clone(), strings(&facts["ids"]).into_iter().collect());
        for link in facts["links"].as_array().into_iter().flatten() {
            links.push((
                page.clone(),
                link["raw"].as_str().unwrap_or_default().to_string(),
                link["url"].as_str().unwrap_or_default().to_string(),
            ));
        }
        if chapter {
            let stem = page.trim_end_matches(".html");
            session.screenshot(&artifacts.join(format!("{stem}.png"))).await?;
            report.saw(SCREENSHOTS, 1);
            let figures = session.find_all(By::Css("figure.timeline")).await?;
            for (n, figure) in figures.iter().enumerate() {
                figure.scroll_into_view().await?;
                figure
                    .screenshot(
                        &artifacts.join(format!("{stem}-timeline-{}.png", n + 1)),
                    )
                    .await?;
                report.saw(SCREENSHOTS, 1);
            }
            open_hints(&mut report, session, page).await?;
            copy_listings(&mut report, session, page).await?;
            let run_started = std::time::Instant::now();
            run_buttons(&mut report, session, page, listings).await?;
            report.run_time += run_started.elapsed();
            if facts["quizzes"].as_u64().unwrap_or(0) > 0 {
                answer_quizzes(&mut report, session, page, artifacts).await?;
            }
            // Clicking must not have raised anything either.
            let after: Value = session
                .execute("return window.__errors || []", vec![])
                .await?
                .json()
                .clone();
            for error in strings(&after).iter().skip(strings(&facts["errors"]).len()) {
                report.fail(LOAD, format!("{page}: while clicking: {error}"));
            }
        }
    }
    Ok(Read { report, ids, links })
}

async fn page_facts(session: &WebDriver) -> WebDriverResult<Value> {
    // The load event has fired when goto returns; wait for the quizzes, which
    // mount after it, for a short while.
    for _ in 0..50 {
        let pending: bool = session
            .execute(
                "return document.readyState !== 'complete' || Array.from(document.querySelectorAll('.quiz-placeholder')).some(p => p.children.length === 0)",
                vec![],
            )
            .await?
            .convert()?;
        if !pending {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(session.execute(PAGE_FACTS, vec![]).await?.json().clone())
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn check_load(report: &mut Report, page: &str, facts: &Value, base: &str) {
    report.saw(LOAD, 1);
    if facts["ready"] != "complete" {
        report.fail(LOAD, format!("{page}: still {} after loading", facts["ready"]));
    }
    for error in strings(&facts["errors"]) {
        report.fail(LOAD, format!("{page}: {error}"));
    }
    for resource in facts["resources"].as_array().into_iter().flatten() {
        let url = resource["url"].as_str().unwrap_or_default();
        if !url.starts_with(&format!("{base}/")) {
            report.fail(LOAD, format!("{page}: requested {url}, not on 127.0.0.1"));
        }
        let status = resource["status"].as_u64().unwrap_or(0);
        // toc.html (the sidebar for readers without JavaScript, shown in a
        // frame) names no icon, so Chromium asks for /favicon.ico on its own.
        if status >= 400 && !url.ends_with("/favicon.ico") {
            report.fail(LOAD, format!("{page}: {url} answered {status}"));
        }
    }
}

fn check_admonitions(report: &mut Report, page: &str, facts: &Value) {
    let text = facts["text"].as_str().unwrap_or_default();
    if text.contains("```admonish")
        || text.contains("```asyncio")
        || text.contains("```python")
    {
        report.fail(
            ADMONITIONS,
            format!("{page}: an admonition is left as a raw fenced block"),
        );
    }
    for (n, admonition) in
        facts["admonitions"].as_array().into_iter().flatten().enumerate()
    {
        report.saw(ADMONITIONS, 1);
        let name = match admonition["id"].as_str() {
            Some(id) if !id.is_empty() => format!("#{id}"),
            _ => format!("admonition {}", n + 1),
        };
        if admonition["display"] == "none" || admonition["display"] == "inline" {
            report.fail(
                ADMONITIONS,
                format!("{page}: {name} is displayed {}", admonition["display"]),
            );
        }
        if admonition["border"] != true {
            report.fail(
                ADMONITIONS,
                format!("{page}: {name} has no styled border: its CSS is missing"),
            );
        }
        if admonition["title"] != true {
            report.fail(ADMONITIONS, format!("{page}: {name} has no title"));
        }
    }
}

/// Clicks every collapsed admonition (the exercises' hints) open: the first
/// of a page as a reader would, the others by script, all in one round trip.
async fn open_hints(
    report: &mut Report,
    session: &WebDriver,
    page: &str,
) -> WebDriverResult<()> {
    let closed =
        session.find_all(By::Css("details.admonition:not([open]) > summary")).await?;
    let Some(first) = closed.first() else {
        return Ok(());
    };
    if let Err(error) = click(session, first).await {
        report.fail(
            ADMONITIONS,
            format!("{page}: cannot click a hint: {}", first_line(&error)),
        );
    }
    let shown: Value = session
        .execute(
            r#"const opened = [arguments[0].parentNode];
               for (const summary of document.querySelectorAll('details.admonition:not([open]) > summary')) {
                 summary.click();
                 opened.push(summary.parentNode);
               }
               return opened.map(d => {
                 const body = d.querySelector(':scope > div');
                 return { open: d.open, id: d.id, visible: !!body && body.getBoundingClientRect().height > 0 };
               });"#,
            vec![first.to_json()?],
        )
        .await?
        .json()
        .clone();
    for hint in shown.as_array().into_iter().flatten() {
        report.saw(ADMONITIONS, 0);
        if hint["open"] != true || hint["visible"] != true {
            report.fail(
                ADMONITIONS,
                format!(
                    "{page}: #{} did not open on click",
                    hint["id"].as_str().unwrap_or("?")
                ),
            );
        }
    }
    Ok(())
}

fn check_timelines(report: &mut Report, page: &str, facts: &Value) {
    for (n, figure) in facts["timelines"].as_array().into_iter().flatten().enumerate() {
        report.saw(TIMELINES, 1);
        let name = format!(
            "{page}: timeline {} ({})",
            n + 1,
            figure["caption"].as_str().unwrap_or("")
        );
        if figure["visible"] != true {
            report.fail(TIMELINES, format!("{name} is not visible"));
        }
        if figure["role"] != "img" {
            report.fail(
                TIMELINES,
                format!("{name}: its svg has role {}, not \"img\"", figure["role"]),
            );
        }
        let labelled = strings(&figure["labelled"]);
        let targets: Vec<Option<String>> = figure["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| t.as_str().map(str::to_string))
            .collect();
        for (id, target) in labelled.iter().zip(&targets) {
            if target.is_none() {
                report.fail(
                    TIMELINES,
                    format!(
                        "{name}: aria-labelledby names #{id}, which is not in the svg"
                    ),
                );
            }
        }
        for wanted in ["title", "desc"] {
            if !targets.iter().any(|t| t.as_deref() == Some(wanted)) {
                report.fail(
                    TIMELINES,
                    format!("{name}: aria-labelledby names no <{wanted}>"),
                );
            }
        }
        // Rows are labelled by a text at x=0 above their bars: each bar must
        // belong, by its tooltip, to the row it is drawn in, and the bars must
        // come in the order of the rows.
        let rows: Vec<(String, f64)> = figure["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                (
                    r["label"].as_str().unwrap_or("").to_string(),
                    r["y"].as_f64().unwrap_or(0.0),
                )
            })
            .collect();
        let bars = figure["bars"].as_array().cloned().unwrap_or_default();
        if bars.is_empty() {
            report.fail(TIMELINES, format!("{name} has no bars"));
        }
        let mut last_row = 0;
        let mut rows_with_bars = BTreeSet::new();
        for bar in &bars {
            let title = bar["title"].as_str().unwrap_or("");
            let y = bar["y"].as_f64().unwrap_or(0.0);
            let Some(row) = rows.iter().rposition(|(_, row_y)| *row_y <= y) else {
                report.fail(
                    TIMELINES,
                    format!("{name}: bar \"{title}\" is above every row"),
                );
                continue;
            };
            rows_with_bars.insert(row);
            let label = &rows[row].0;
            if !(title.starts_with(&format!("{label}:"))
                || title.starts_with(&format!("{label} (")))
            {
                report.fail(
                    TIMELINES,
                    format!("{name}: bar \"{title}\" is drawn in row \"{label}\""),
                );
            }
            if row < last_row {
                report.fail(
                    TIMELINES,
                    format!("{name}: bar \"{title}\" comes after a bar of a later row"),
                );
            }
            last_row = row;
        }
        for (n, (label, _)) in rows.iter().enumerate() {
            if !rows_with_bars.contains(&n) {
                report.fail(TIMELINES, format!("{name}: row \"{label}\" has no bar"));
            }
        }
        // Each bar where the listing's captured run puts it.
        let listing =
            figure["name"].as_str().unwrap_or("").trim_start_matches("Timeline of ");
        match expected_bars(listing) {
            Err(error) => report.fail(TIMELINES, format!("{name}: {error}")),
            Ok(expected) => {
                let drawn: Vec<Bar> = bars
                    .iter()
                    .map(|b| Bar {
                        title: b["title"].as_str().unwrap_or("").to_string(),
                        x: b["x"].as_f64().unwrap_or(f64::NAN),
                        y: b["y"].as_f64().unwrap_or(f64::NAN),
                        width: b["width"].as_f64().unwrap_or(f64::NAN),
                    })
                    .collect();
                if drawn.len() != expected.len() {
                    report.fail(
                        TIMELINES,
                        format!(
                            "{name}: {} bars, where the captured output of `{listing}` has {}",
                            drawn.len(),
                            expected.len()
                        ),
                    );
                }
                for (bar, want) in drawn.iter().zip(&expected) {
                    if !bar.same_place(want) {
                        report.fail(
                            TIMELINES,
                            format!(
                                "{name}: bar \"{}\" is at x {} y {} width {}, where the captured output puts \"{}\" at x {} y {} width {}",
                                bar.title, bar.x, bar.y, bar.width, want.title, want.x, want.y, want.width
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// A timeline bar: its tooltip and where it is drawn, in SVG units.
#[derive(Debug, Clone)]
struct Bar {
    title: String,
    x: f64,
    y: f64,
    width: f64,
}

impl Bar {
    fn same_place(&self, other: &Bar) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() < 0.05;
        self.title == other.title
            && near(self.x, other.x)
            && near(self.y, other.y)
            && near(self.width, other.width)
    }
}

/// The bars of listing `name`'s timeline as its captured output gives them,
/// drawn by the book's own renderer (`xtask::timeline`).
fn expected_bars(name: &str) -> Result<Vec<Bar>, String> {
    static ALL: std::sync::OnceLock<Result<xtask::manifest::Manifest, String>> =
        std::sync::OnceLock::new();
    let root = support::workspace_root();
    let manifest = ALL
        .get_or_init(|| {
            xtask::manifest::Manifest::load(&root).map_err(|e| format!("{e:#}"))
        })
        .as_ref()?;
    let listing = manifest.listing(name).map_err(|e| format!("{e:#}"))?;
    let drawn =
        xtask::timeline::of_listing(&root, listing).map_err(|e| format!("{e:#}"))?;
    let svg = xtask::timeline::svg(name, &drawn, "");
    let attribute = |tag: &str, key: &str| -> f64 {
        tag.split(&format!(" {key}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let unescape = |text: &str| {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    Ok(svg
        .split("<rect ")
        .skip(1)
        .filter_map(|rest| {
            let tag = rest.split('>').next()?;
            let title = rest
                .split("</rect>")
                .next()?
                .split("<title>")
                .nth(1)?
                .split("</title>")
                .next()?;
            Some(Bar {
                title: unescape(title),
                x: attribute(&format!(" {tag}"), "x"),
                y: attribute(&format!(" {tag}"), "y"),
                width: attribute(&format!(" {tag}"), "width"),
            })
        })
        .collect())
}

fn check_listing_text(report: &mut Report, page: &str, facts: &Value) {
    let text = facts["text"].as_str().unwrap_or_default();
    for directive in ["{{#include", "{{#rustdoc_include", "{{#timeline", "{{#"] {
        if text.contains(directive) {
            report.fail(LISTINGS, format!("{page}: `{directive}` is left in the text"));
            break;
        }
    }
    for (n, code) in facts["code"].as_array().into_iter().flatten().enumerate() {
        if code["text"].as_str().is_none_or(|t| t.trim().is_empty()) {
            report.fail(LISTINGS, format!("{page}: code block {} is empty", n + 1));
        }
    }
}

/// Clicks every copy button and compares what it copied with the code shown.
/// The first of each page is clicked as a reader does (the buttons show when
/// the pointer is over the code); the others by script, which is much faster
/// and runs the same handler.
async fn copy_listings(
    report: &mut Report,
    session: &WebDriver,
    page: &str,
) -> WebDriverResult<()> {
    let buttons = session.find_all(By::Css("pre .clip-button")).await?;
    let Some(first) = buttons.first() else {
        return Ok(());
    };
    // A reader opens an output folded in a <details> before copying it.
    session
        .execute(
            "for (const d of document.querySelectorAll('details:not([open])')) d.open = true; window.__copied = [];",
            vec![],
        )
        .await?;
    centre(session, first).await?;
    let pre = first.find(By::XPath("./ancestor::pre[1]")).await?;
    let clicked = session
        .action_chain_with_delay(None, Some(POINTER_PAUSE))
        .move_to_element_center(&pre)
        .click_element(first)
        .perform()
        .await;
    if let Err(error) = clicked {
        report.fail(
            LISTINGS,
            format!("{page}: cannot click copy button 1: {}", first_line(&error)),
        );
    }
    let first_copy: Value = session
        .execute(
            "const code = arguments[0].closest('pre').querySelector('code'); return [{ shown: code.innerText, copied: window.__copied }];",
            vec![first.to_json()?],
        )
        .await?
        .json()
        .clone();
    let others: Value = session
        .execute(
            r#"const copies = Array.from(document.querySelectorAll('pre .clip-button')).slice(1).map(b => {
                 window.__copied = [];
                 b.click();
                 return { shown: b.closest('pre').querySelector('code').innerText, copied: window.__copied };
               });
               // clipboard.js leaves the focus on the last button it copied
               // with; the next WebDriver click would scroll back to it and
               // land elsewhere. A reader's next click moves the focus on.
               if (document.activeElement) document.activeElement.blur();
               return copies;"#,
            vec![],
        )
        .await?
        .json()
        .clone();
    let copies = first_copy.as_array().into_iter().chain(others.as_array()).flatten();
    for (n, copied) in copies.enumerate() {
        report.saw(LISTINGS, 1);
        let shown = copied["shown"].as_str().unwrap_or_default();
        let got = strings(&copied["copied"]);
        match got.as_slice() {
            [one] if !shown.trim().is_empty() && one.trim_end() == shown.trim_end() => {
            }
            [] => report.fail(
                LISTINGS,
                format!("{page}: copy button {} copied nothing", n + 1),
            ),
            _ => report.fail(
                LISTINGS,
                format!(
                    "{page}: copy button {} copied {:?}, not the code shown ({:?})",
                    n + 1,
                    got,
                    shown.chars().take(80).collect::<String>()
                ),
            ),
        }
    }
    Ok(())
}

/// The pause before each pointer action of a reader-like click: longer than
/// the 0.1 s transition that shows a block's buttons under the pointer
/// (mdBook's chrome.css), shorter than thirtyfour's default of 250 ms.
const POINTER_PAUSE: Duration = Duration::from_millis(150);

/// Scrolls an element to the middle of the window, clear of the menu bar.
async fn centre(session: &WebDriver, element: &WebElement) -> WebDriverResult<()> {
    session
        .execute(
            "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });",
            vec![element.to_json()?],
        )
        .await?;
    Ok(())
}

/// Clicks an element as a reader would, once it is in the middle of the window.
async fn click(session: &WebDriver, element: &WebElement) -> WebDriverResult<()> {
    centre(session, element).await?;
    element.click().await
}

async fn answer_quizzes(
    report: &mut Report,
    session: &WebDriver,
    page: &str,
    artifacts: &Path,
) -> WebDriverResult<()> {
    let counter = || async {
        let text: String = session
            .execute("return document.querySelector('.quiz-placeholder .counter').textContent", vec![])
            .await?
            .convert()?;
        WebDriverResult::Ok(text)
    };
    let questions: Value = session
        .execute("return JSON.parse(document.querySelector('.quiz-placeholder').dataset.quizQuestions).questions", vec![])
        .await?
        .json()
        .clone();
    let questions = questions.as_array().cloned().unwrap_or_default();
    let start = session.find(By::Css(".quiz-placeholder .start")).await?;
    click(session, &start).await?;
    // mdbook-quiz (React, state in MobX) shows the first question on its next
    // render: wait up to 2 s for it rather than a fixed 100 ms. A second click
    // used to be needed on every quiz: the copy buttons left the focus on a
    // button at the top of the page, and the WebDriver click on Start scrolled
    // back to it and hit a paragraph there (see `copy_listings`).
    let mut started = false;
    for _ in 0..80 {
        if counter().await?.starts_with("Question 1") {
            started = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    if !started {
        report.note(format!(
            "{page}: the quiz's Start button needed a second click in headless Chromium"
        ));
        click(session, &start).await?;
    }
    for (n, question) in questions.iter().enumerate() {
        // Right on even questions, wrong on odd ones.
        let right = n % 2 == 0;
        let answer = &question["answer"]["answer"];
        let Some(answer) = answer.as_str() else {
            report.fail(QUIZZES, format!("{page}: question {} has an answer of a kind this test does not give: {answer}", n + 1));
            return Ok(());
        };
        match question["type"].as_str() {
            Some("MultipleChoice") => {
                let wanted = if right {
                    answer.to_string()
                } else {
                    question["prompt"]["distractors"][0]
                        .as_str()
                        .unwrap_or_default()
                        .to_string()
                };
                // One round trip: pick the choice and submit, as clicks.
                let chosen: bool = session
                    .execute(
                        r#"const quiz = document.querySelector('.quiz-placeholder');
                           const input = Array.from(quiz.querySelectorAll('.choice input'))
                             .find(i => i.value === arguments[0]);
                           if (!input) return false;
                           input.closest('.choice').querySelector('label').click();
                           return true;"#,
                        vec![serde_json::json!(wanted)],
                    )
                    .await?
                    .convert()?;
                if !chosen {
                    report.fail(
                        QUIZZES,
                        format!(
                            "{page}: question {} shows no choice \"{wanted}\"",
                            n + 1
                        ),
                    );
                    return Ok(());
                }
                session
                    .execute(
                        "document.querySelector('.quiz-placeholder form input[type=submit]').click();",
                        vec![],
                    )
                    .await?;
                tokio::time::sleep(Duration::from_millis(30)).await;
                continue;
            }
            Some("ShortAnswer") => {
                let input = session.find(By::Css(".quiz-placeholder form input:not([type=submit]), .quiz-placeholder form textarea")).await?;
                click(session, &input).await?;
                input.send_keys(if right { answer } else { "not the answer" }).await?;
            }
            other => {
                report.fail(QUIZZES, format!("{page}: question {} is of a kind this test does not answer: {other:?}", n + 1));
                return Ok(());
            }
        }
        click(
            session,
            &session.find(By::Css(".quiz-placeholder form input[type=submit]")).await?,
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let html: String = session
        .execute(
            "return document.querySelector('.quiz-placeholder .mdbook-quiz').outerHTML",
            vec![],
        )
        .await?
        .convert()?;
    std::fs::write(
        artifacts.join(format!("{}-quiz-review.html", page.trim_end_matches(".html"))),
        html,
    )
    .ok();
    // The review says how many were right, and marks each answer.
    let review: Value = session
        .execute(
            r#"const quiz = document.querySelector('.quiz-placeholder .mdbook-quiz');
               const score = quiz.querySelector('section > p strong');
               return {
                 score: score ? score.textContent : null,
                 marks: Array.from(quiz.querySelectorAll('.answer-wrapper')).map(a =>
                   a.querySelector('.answer-row .correct') ? 'correct'
                     : a.querySelector('.answer-row .incorrect') ? 'incorrect' : 'unmarked'),
               };"#,
            vec![],
        )
        .await?
        .json()
        .clone();
    report.saw(QUIZZES, questions.len());
    let total = questions.len();
    let right = total.div_ceil(2);
    if review["score"].as_str() != Some(format!("{right}/{total}").as_str()) {
        report.fail(
            QUIZZES,
            format!(
                "{page}: answered {right} of {total} right, the quiz says {}",
                review["score"]
            ),
        );
    }
    let marks = strings(&review["marks"]);
    if marks.len() != total {
        report.fail(
            QUIZZES,
            format!("{page}: the review shows {} answers, not {total}", marks.len()),
        );
    }
    for (n, mark) in marks.iter().enumerate() {
        let wanted = if n % 2 == 0 { "correct" } else { "incorrect" };
        if mark != wanted {
            report.fail(
                QUIZZES,
                format!(
                    "{page}: question {} answered {wanted}ly is marked {mark}",
                    n + 1
                ),
            );
        }
    }
    Ok(())
}

fn check_links(
    report: &mut Report,
    base: &str,
    book: &Path,
    ids: &BTreeMap<String, BTreeSet<String>>,
    links: &[(String, String, String)],
) {
    let origin = format!("{base}/");
    let mut seen = BTreeSet::new();
    for (page, raw, url) in links {
        let Some(rest) = url.strip_prefix(&origin) else {
            continue; // Another host: not the book's to check here.
        };
        if !seen.insert((page.clone(), url.clone())) {
            continue;
        }
        report.saw(LINKS, 1);
        let (path, fragment) = match rest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (rest, None),
        };
        let path = path.split('?').next().unwrap_or("");
        let mut file: PathBuf = book.join(path);
        let mut target = path.to_string();
        if path.is_empty() || file.is_dir() {
            file = file.join("index.html");
            target = format!("{path}index.html").trim_start_matches('/').to_string();
        }
        if !file.is_file() {
            report.fail(
                LINKS,
                format!(
                    "{page}: link \"{raw}\" leads to {path}, which book/ does not have"
                ),
            );
            continue;
        }
        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
            let fragment = support_decode(fragment);
            match ids.get(&target) {
                Some(known) if known.contains(&fragment) => {}
                Some(_) => report.fail(
                    LINKS,
                    format!("{page}: link \"{raw}\": {target} has no element with id \"{fragment}\""),
                ),
                None => report.fail(
                    LINKS,
                    format!("{page}: link \"{raw}\" has an anchor into {target}, which is not a page"),
                ),
            }
        }
    }
}

fn support_decode(fragment: &str) -> String {
    let mut out = Vec::new();
    let bytes = fragment.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&fragment[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Each term, and the page where the book teaches it.
const SEARCHES: [(&str, &str); 3] = [
    ("JoinSet", "tasks.html"),
    ("timeout", "timeouts.html"),
    ("spawn_blocking", "runtime.html"),
];

async fn search(
    report: &mut Report,
    session: &WebDriver,
    base: &str,
) -> WebDriverResult<()> {
    for (term, page) in SEARCHES {
        report.saw(SEARCH, 1);
        session.goto(format!("{base}/index.html")).await?;
        // The `s` key opens the search, as the help popup says.
        session.action_chain().send_keys("s").perform().await?;
        let bar = session.find(By::Id("searchbar")).await?;
        if !bar.is_displayed().await? {
            report.fail(SEARCH, "the `s` key does not open the search bar");
            click(session, &session.find(By::Id("search-toggle")).await?).await?;
        }
        bar.send_keys(term).await?;
        let mut hrefs = Vec::new();
        for _ in 0..30 {
            let found: Value = session
                .execute("return Array.from(document.querySelectorAll('#searchresults a')).map(a => a.href)", vec![])
                .await?
                .json()
                .clone();
            hrefs = strings(&found);
            if !hrefs.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let pages: Vec<String> = hrefs
            .iter()
            .map(|h| {
                let rest = h.strip_prefix(&format!("{base}/")).unwrap_or(h);
                rest.split(['?', '#']).next().unwrap_or("").to_string()
            })
            .collect();
        let Some(at) = pages.iter().position(|p| p == page) else {
            report.fail(
                SEARCH,
                format!("\"{term}\" does not find {page}: it finds {pages:?}"),
            );
            continue;
        };
        // Follow the result as a reader would: it must land on the page, on
        // text that has the term.
        let links = session.find_all(By::Css("#searchresults a")).await?;
        click(session, &links[at]).await?;
        let landed: Value = session
            .execute("return { path: location.pathname, text: document.querySelector('main').innerText }", vec![])
            .await?
            .json()
            .clone();
        if landed["path"].as_str() != Some(format!("/{page}").as_str()) {
            report.fail(
                SEARCH,
                format!(
                    "\"{term}\": the result for {page} leads to {}",
                    landed["path"]
                ),
            );
        } else if !landed["text"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains(&term.to_lowercase())
        {
            report.fail(SEARCH, format!("\"{term}\": {page} does not show the term"));
        }
    }
    Ok(())
}

/// The first lines of a WebDriver error, without its stack trace.
fn first_line(error: &WebDriverError) -> String {
    let text = error.to_string();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && *l != "Stacktrace:")
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The accessibility rules axe-core runs: WCAG 2.0 and 2.1, levels A and AA,
/// and its best practices (all its rules but the experimental ones and AAA).
const AXE_RUN: &str = r#"
if (!window.axe) return { error: 'axe-core was not injected into the page' };
return window.axe.run(document, {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
}).then(r => ({
  version: window.axe.version,
  violations: r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                 targets: v.nodes.map(n => n.target.join(' ')) })),
}), e => ({ error: String(e && e.stack || e) }));
"#;

/// Violations axe-core reports that are not ours to fix: (rule, the start of
/// the offending node's selector, why). Each is listed in the README too.
const ACCEPTED: &[(&str, &str, &str)] = &[
    (
        "aria-allowed-attr",
        "#sidebar-toggle",
        "mdBook 0.4.52's own theme (index.hbs): the sidebar toggle is a <label> with aria-controls",
    ),
    (
        "aria-prohibited-attr",
        "#sidebar-toggle",
        "mdBook 0.4.52's own theme (index.hbs): the sidebar toggle is a <label> with aria-label",
    ),
    (
        "document-title",
        "html",
        "mdBook 0.4.52's toc.html, the table of contents framed for readers without JavaScript, has no <title>",
    ),
];

/// Runs axe-core on the page as it loaded, and fails on every violation of
/// "serious" or "critical" impact, naming the rule and the first node.
async fn accessibility(
    report: &mut Report,
    session: &WebDriver,
    page: &str,
) -> WebDriverResult<()> {
    let found: Value = session.execute(AXE_RUN, vec![]).await?.json().clone();
    if let Some(error) = found["error"].as_str() {
        report.fail(ACCESSIBILITY, format!("{page}: axe-core did not run: {error}"));
        return Ok(());
    }
    report.saw(ACCESSIBILITY, 1);
    if found["version"].as_str() != Some(xtask::cache::AXE_VERSION) {
        report.fail(
            ACCESSIBILITY,
            format!(
                "{page}: axe-core {} ran, not the pinned {}",
                found["version"],
                xtask::cache::AXE_VERSION
            ),
        );
    }
    for violation in found["violations"].as_array().into_iter().flatten() {
        let rule = violation["id"].as_str().unwrap_or("?");
        let targets: Vec<String> = strings(&violation["targets"])
            .into_iter()
            .filter(|target| {
                !ACCEPTED
                    .iter()
                    .any(|(r, selector, _)| *r == rule && target.starts_with(selector))
            })
            .collect();
        let Some(first) = targets.first() else {
            continue;
        };
        report.fail(
            ACCESSIBILITY,
            format!(
                "{page}: {rule} ({}, {}): {first}{}",
                violation["impact"].as_str().unwrap_or("?"),
                violation["help"].as_str().unwrap_or(""),
                match targets.len() {
                    1 => String::new(),
                    n => format!(" and {} more", n - 1),
                }
            ),
        );
    }
    Ok(())
}

/// Every Rust block of the page, as the Run buttons see it, and how many
/// times the page asked the playground for its crate list.
const RUST_BLOCKS: &str = r#"
return {
  blocks: Array.from(document.querySelectorAll('pre > code.language-rust')).map(code => {
    const pre = code.parentNode;
    const button = pre.querySelector('.play-button');
    return {
      text: code.textContent,
      playground: pre.classList.contains('playground'),
      run: !!button && !button.classList.contains('hidden') && getComputedStyle(button).display !== 'none',
    };
  }),
  crateLists: window.__playground
    .filter(r => r.url === 'https://play.rust-lang.org/meta/crates').length,
};
"#;

/// The block of the given index and its Run button, scrolled to the middle of
/// the window, with the record of requests emptied.
const RUN_BUTTON: &str = r#"
const pre = document.querySelectorAll('pre > code.language-rust')[arguments[0]].parentNode;
pre.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
window.__playground = [];
return [pre, pre.querySelector('.play-button')];
"#;

/// Clicks the Run buttons given by block index (all but the first, which the
/// test has clicked as a reader), then waits for every result to show, and
/// returns what each sent to the (mock) playground and shows.
const CLICK_RUN: &str = r#"
const [indices, alreadyClicked] = arguments;
const pres = Array.from(document.querySelectorAll('pre > code.language-rust')).map(c => c.parentNode);
const sent = {};
const evaluations = () => window.__playground.filter(r => r.url.endsWith('/evaluate.json'));
if (alreadyClicked) sent[indices[0]] = evaluations().map(r => r.body);
for (const i of indices.slice(alreadyClicked ? 1 : 0)) {
  const before = evaluations().length;
  pres[i].querySelector('.play-button').click();
  sent[i] = evaluations().slice(before).map(r => r.body);
}
const shown = () => indices.map(i => {
  const result = pres[i].querySelector('.result');
  return result ? result.innerText : null;
});
return new Promise(resolve => {
  const deadline = Date.now() + 3000;
  const poll = () => {
    const now = shown();
    if (now.every(t => t === 'mock output') || Date.now() > deadline)
      resolve(indices.map((i, n) => ({ index: i, sent: sent[i] || [], shown: now[n] })));
    else setTimeout(poll, 20);
  };
  poll();
});
"#;

/// What mdBook shows in a block's result area: the mock's `result`.
const MOCK_OUTPUT: &str = "mock output";

/// Each listing's block has mdBook's Run button if it runs on the playground,
/// and none if not; clicking it sends exactly the listing's file, in edition
/// 2024, to the mock, and shows the mock's answer. Other Rust blocks (compiler
/// messages, fragments) have no Run button.
async fn run_buttons(
    report: &mut Report,
    session: &WebDriver,
    page: &str,
    listings: &[support::ListingSource],
) -> WebDriverResult<()> {
    let found: Value = session.execute(RUST_BLOCKS, vec![]).await?.json().clone();
    let blocks = found["blocks"].as_array().cloned().unwrap_or_default();
    let crate_lists = found["crateLists"].as_u64().unwrap_or(0);
    let mut runnable = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        let text = block["text"].as_str().unwrap_or_default().trim_end();
        let has_run = block["run"] == true;
        let Some(listing) = listings.iter().find(|l| l.text.trim_end() == text) else {
            if has_run {
                report.fail(
                    RUN,
                    format!(
                        "{page}: Rust block {} is no listing's whole file, but has a Run button",
                        n + 1
                    ),
                );
            }
            continue;
        };
        report.saw(RUN, 1);
        match (&listing.no_playground, has_run) {
            (None, false) => report.fail(
                RUN,
                format!("{page}: {} runs on the playground, but shows no Run button", listing.name),
            ),
            (Some(why), true) => report.fail(
                RUN,
                format!("{page}: {} cannot run on the playground ({why}), but shows a Run button", listing.name),
            ),
            (None, true) => runnable.push((n, listing)),
            (Some(_), false) => {}
        }
    }
    for listing in listings.iter().filter(|l| l.page == page && l.included) {
        if !blocks.iter().any(|b| {
            b["text"].as_str().unwrap_or_default().trim_end() == listing.text.trim_end()
        }) {
            report.fail(
                RUN,
                format!(
                    "{page}: no Rust block holds the whole of {} (anchor lines aside)",
                    listing.file
                ),
            );
        }
    }
    let wanted_lists = u64::from(blocks.iter().any(|b| b["playground"] == true));
    if crate_lists != wanted_lists {
        report.fail(
            RUN,
            format!("{page}: asked the playground for its crate list {crate_lists} times, not {wanted_lists}"),
        );
    }
    let Some(&(first, _)) = runnable.first() else {
        return Ok(());
    };
    // The first as a reader does: the buttons show when the pointer is over
    // the code. The others by script, which runs the same handler.
    let elements = session.execute(RUN_BUTTON, vec![serde_json::json!(first)]).await?;
    let [pre, button]: [WebElement; 2] = elements
        .elements()?
        .try_into()
        .map_err(|_| WebDriverError::ParseError("not a block and its button".into()))?;
    let clicked = session
        .action_chain_with_delay(None, Some(POINTER_PAUSE))
        .move_to_element_center(&pre)
        .click_element(&button)
        .perform()
        .await;
    if let Err(error) = clicked {
        report.fail(
            RUN,
            format!("{page}: cannot click a Run button: {}", first_line(&error)),
        );
    }
    let indices: Vec<usize> = runnable.iter().map(|(n, _)| *n).collect();
    let results: Value = session
        .execute(CLICK_RUN, vec![serde_json::json!(indices), serde_json::json!(true)])
        .await?
        .json()
        .clone();
    for (result, (_, listing)) in
        results.as_array().into_iter().flatten().zip(&runnable)
    {
        let name = &listing.name;
        let sent = strings(&result["sent"]);
        let [body] = sent.as_slice() else {
            report.fail(
                RUN,
                format!("{page}: Run on {name} sent {} requests, not 1", sent.len()),
            );
            continue;
        };
        let body: Value = serde_json::from_str(body).unwrap_or_default();
        let code = body["code"].as_str().unwrap_or_default();
        if code.trim_end() != listing.text.trim_end() {
            let line = code
                .lines()
                .zip(listing.text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| {
                    code.lines().count().min(listing.text.lines().count())
                });
            report.fail(
                RUN,
                format!(
                    "{page}: Run on {name} sent code that differs from {} at line {}",
                    listing.file,
                    line + 1
                ),
            );
        }
        if body["edition"] != "2024" {
            report.fail(
                RUN,
                format!(
                    "{page}: Run on {name} asked for edition {}, not 2024",
                    body["edition"]
                ),
            );
        }
        if result["shown"].as_str() != Some(MOCK_OUTPUT) {
            report.fail(
                RUN,
                format!(
                    "{page}: after Run on {name}, the block shows {}, not the playground's answer",
                    result["shown"]
                ),
            );
        }
    }
    Ok(())
}
