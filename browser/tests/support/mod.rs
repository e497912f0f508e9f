//! What the browser tests stand on: the book served from `book/` by a tiny
//! static file server on 127.0.0.1, and chromedriver with one headless
//! Chromium, both killed when the guard that started them is dropped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The workspace root: the book is in `book/`, the screenshots go to `target/`.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("browser/ is in the workspace")
        .to_path_buf()
}

/// The first file named `name` in a folder of `PATH`.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|file| file.is_file())
}

/// Chromium and chromedriver, or `None` if either is missing.
pub fn find_browser() -> Option<(PathBuf, PathBuf)> {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| on_path(name))?;
    Some((chromium, on_path("chromedriver")?))
}

/// `book/`, built afresh with `cargo xtask build`, so that the suite never
/// reads a book older than its sources (a build takes a few seconds).
pub fn built_book(root: &Path) -> Result<PathBuf, String> {
    let book = root.join("book");
    {
        let status = Command::new(std::env::var_os("CARGO").unwrap_or("cargo".into()))
            .current_dir(root)
            .args(["xtask", "build"])
            .stdin(Stdio::null())
            .status()
            .map_err(|e| {
                format!("cannot run `cargo xtask build` ({e}): run it, then the tests")
            })?;
        if !status.success() || !book.join("index.html").is_file() {
            return Err(
                "`cargo xtask build` failed: run it, fix what it says, then the tests"
                    .into(),
            );
        }
    }
    Ok(book)
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("cannot bind 127.0.0.1:0")
        .port()
}

/// Serves a folder over HTTP on 127.0.0.1, one thread per connection, until
/// dropped. Remembers every path it could not serve.
pub struct StaticServer {
    pub base: String,
    pub missing: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    port: u16,
}

impl StaticServer {
    pub fn start(dir: PathBuf) -> StaticServer {
        let listener =
            TcpListener::bind("127.0.0.1:0").expect("cannot bind 127.0.0.1:0");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let missing = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (stop, missing) = (stop.clone(), missing.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (dir, missing) = (dir.clone(), missing.clone());
                    std::thread::spawn(move || {
                        let _ = serve(stream, &dir, &missing);
                    });
                }
            })
        };
        StaticServer {
            base: format!("http://127.0.0.1:{port}"),
            missing,
            stop,
            thread: Some(thread),
            port,
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees `stop`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    stream: TcpStream,
    dir: &Path,
    missing: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    let mut file = dir.join(path.trim_start_matches('/'));
    if file.is_dir() {
        file = file.join("index.html");
    }
    let safe = !path.split('/').any(|part| part == "..");
    let mut stream = stream;
    match std::fs::read(&file) {
        Ok(body) if safe && (method == "GET" || method == "HEAD") => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
        }
        _ => {
            // The browser asks for a favicon on its own; the book has one.
            missing.lock().unwrap().push(target.to_string());
            let body = b"not found";
            let head = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(body)?;
        }
    }
    stream.flush()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
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

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "eot" => "application/vnd.ms-fontobject",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// chromedriver, in a process group of its own with the Chromium it starts:
/// dropping this kills the whole group and removes the browser's profile.
pub struct Driver {
    pub url: String,
    pub profile: PathBuf,
    child: Child,
}

impl Driver {
    pub fn start(chromedriver: &Path) -> Result<Driver, String> {
        use std::os::unix::process::CommandExt;
        let port = free_port();
        let profile = std::env::temp_dir()
            .join(format!("workbook-browser-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile)
            .map_err(|e| format!("cannot create {profile:?}: {e}"))?;
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", chromedriver.display()))?;
        let driver = Driver { url: format!("http://127.0.0.1:{port}"), profile, child };
        let deadline = Instant::now() + Duration::from_secs(15);
        while !ready(port) {
            if Instant::now() > deadline {
                return Err(format!(
                    "chromedriver did not answer on port {port} within 15 s"
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }
}

/// Whether chromedriver answers `GET /status` with `"ready": true`.
fn ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!(
        "GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.contains("\"ready\":true")
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The negative pid names the group: chromedriver and every Chromium
        // process it started.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A listing of the manifest, as mdBook shows it and sends it to the
/// playground.
pub struct ListingSource {
    pub name: String,
    /// The page that shows it, `why-async.html`.
    pub page: String,
    /// `listings/src/bin/NAME.rs`.
    pub file: String,
    /// The whole file as `{{#rustdoc_include}}` puts it in the block's text:
    /// every line, the hidden ones too (mdBook removes the `# ` it hides them
    /// with), except the `// ANCHOR:` and `// ANCHOR_END:` lines, which it
    /// drops. mdBook's Run button sends exactly this.
    pub text: String,
    /// Why it cannot run on the playground, or `None` if it can.
    pub no_playground: Option<String>,
    /// Whether its page's Markdown includes the file (when it does not, the
    /// manifest's own test says so).
    pub included: bool,
}

/// Every listing of `listings/listings.toml`, read from its file.
pub fn listings(root: &Path) -> Result<Vec<ListingSource>, String> {
    let manifest =
        xtask::manifest::Manifest::load(root).map_err(|e| format!("{e:#}"))?;
    manifest
        .listings
        .iter()
        .map(|listing| {
            let file = listing.source();
            let source = std::fs::read_to_string(root.join(&file))
                .map_err(|e| format!("cannot read {file}: {e}"))?;
            let page = std::fs::read_to_string(root.join("src").join(&listing.chapter))
                .unwrap_or_default();
            Ok(ListingSource {
                included: page.contains(&file),
                name: listing.name.clone(),
                page: listing.chapter.replace(".md", ".html"),
                file,
                text: as_mdbook_includes(&source),
                no_playground: listing.no_playground.clone(),
            })
        })
        .collect()
}

/// `source` without its anchor lines, as mdBook's `{{#rustdoc_include}}`
/// leaves it (any line naming `ANCHOR:` or `ANCHOR_END:` is dropped).
pub fn as_mdbook_includes(source: &str) -> String {
    source
        .lines()
        .filter(|line| !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:"))
        .collect::<Vec<_>>()
        .join("\n")
}
