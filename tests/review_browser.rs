//! The review page in a real browser: headless Chromium, driven by
//! chromedriver over the W3C WebDriver protocol (plain HTTP and JSON on a
//! `TcpStream`, no async runtime). For a golden article, at a laptop and a
//! phone width, the test checks the layout (two columns or one), focuses an
//! output sentence and checks that its source sentence is lit (and, on the
//! laptop, scrolled into its column), moves on with the Tab key, hovers (on
//! the laptop) or focuses (on the phone) a source sentence and checks that
//! its output sentence is lit, reads the browser console (no error, no
//! blocked resource), and saves screenshots.
//!
//! `REFONTE_BROWSER_TESTS=0` skips it; `=1` requires it (a missing
//! chromedriver fails the test); unset, it runs when chromedriver is found
//! (`REFONTE_CHROMEDRIVER`, else `chromedriver` on the `PATH`) and is skipped
//! with a note otherwise. Screenshots (`review-laptop.png`, `review-phone.png`
//! with a sentence lit, `review-*-top.png` as the page opens) go to
//! `REFONTE_SCREENSHOT_DIR`, else to `review-browser/` under Cargo's target
//! temporary directory.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The golden article whose review page is opened (`REFONTE_REVIEW_ARTICLE`
/// names another, e.g. to check a client's article by hand).
const ARTICLE: &str = "tests/fixtures/articles/long.txt";

/// An executable: `var` if set, else the first of `names` on the `PATH`.
fn find(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// A child process killed when dropped (chromedriver).
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(exe: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(exe)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match http(port, "GET", "/status", None) {
                Ok(v) if v["ready"] == json!(true) => return driver,
                _ if Instant::now() > deadline => panic!("chromedriver did not become ready"),
                _ => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }
}

/// One WebDriver call: the response's `value`, or the error it reports.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(90)))
        .map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(body.as_bytes()))
        .map_err(|e| e.to_string())?;
    // chromedriver keeps the connection open: read the header, then as many
    // bytes as it announces.
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let mut header_end = None;
    let mut payload = loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        raw.extend_from_slice(&buf[..n]);
        if header_end.is_none() {
            header_end = raw.windows(4).position(|w| w == b"\r\n\r\n");
        }
        let Some(split) = header_end else {
            if n == 0 {
                return Err("no HTTP header".into());
            }
            continue;
        };
        let headers = String::from_utf8_lossy(&raw[..split]).to_lowercase();
        let body = &raw[split + 4..];
        let length = headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == "content-length").then(|| v.trim().parse::<usize>().ok())?
        });
        let done = match length {
            Some(len) => body.len() >= len,
            None if headers.contains("transfer-encoding: chunked") => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done || n == 0 {
            let body = match length {
                Some(len) => body[..len.min(body.len())].to_vec(),
                None => unchunk(body),
            };
            break body;
        }
    };
    let split = header_end.unwrap_or(0);
    let headers = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    if payload.is_empty() {
        payload = b"{}".to_vec();
    }
    let status: u16 = headers
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("no HTTP status")?;
    let v: Value = serde_json::from_slice(&payload).map_err(|e| format!("{e}: {headers}"))?;
    if status >= 400 {
        return Err(format!("{method} {path}: HTTP {status}: {}", v["value"]));
    }
    Ok(v["value"].clone())
}

/// The body of a chunked HTTP response.
fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&data[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next()?.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || data.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[(eol + 4 + size).min(data.len())..];
    }
    out
}

/// A browser session, deleted (and its browser closed) when dropped.
struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = http(
            self.driver.port,
            "DELETE",
            &format!("/session/{}", self.id),
            None,
        );
    }
}

impl<'d> Session<'d> {
    fn new(driver: &'d Driver, browser: &Path, profile: &Path) -> Session<'d> {
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--window-size=1366,900",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("--user-data-dir={}", profile.display())])
        .collect::<Vec<_>>();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": browser, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        let v = http(driver.port, "POST", "/session", Some(&caps)).expect("new session");
        let id = v["sessionId"].as_str().expect("session id").to_string();
        Session { driver, id }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        http(self.driver.port, method, &path, body.as_ref()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn script(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    fn element(&self, css: &str) -> Value {
        self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )
    }

    /// Chrome DevTools: the viewport of a laptop or of a phone, and a page
    /// that has the focus (a headless page has none, and without it Chrome
    /// fires no focus events).
    fn viewport(&self, width: u32, height: u32, mobile: bool) {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.setFocusEmulationEnabled", "params": {"enabled": true}})),
        );
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(
                json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": {
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
                }}),
            ),
        );
    }

    /// Browser console entries since the last call.
    fn console(&self) -> Vec<Value> {
        let v = self.call("POST", "/se/log", Some(json!({"type": "browser"})));
        v.as_array().cloned().unwrap_or_default()
    }

    fn screenshot(&self, path: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        let png = base64_decode(b64.as_str().expect("screenshot data"));
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(path, png).expect("write the screenshot");
    }

    /// Polls `script` (returning a boolean) until it is true or 3 s pass.
    fn wait_for(&self, script: &str, args: Value) -> bool {
        let deadline = Instant::now() + Duration::from_secs(3);
        loop {
            if self.script(script, args.clone()) == json!(true) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// What the page reports about the lit sentences.
const STATE: &str = "
    var on = Array.prototype.slice.call(document.querySelectorAll('.on'));
    var bar = document.getElementById('bar');
    return {
      sources: on.filter(function (e) { return e.matches('.s'); }).map(function (e) { return e.getAttribute('data-i'); }),
      outputs: on.filter(function (e) { return e.matches('.o'); }).map(function (e) { return e.getAttribute('data-src'); }),
      active: document.activeElement ? document.activeElement.getAttribute('data-src') : null,
      bar: bar.hidden ? null : bar.textContent
    };";

/// True when the element is within its column's visible height.
const IN_VIEW: &str = "
    var el = arguments[0], pane = el.closest('.pane');
    var p = pane.getBoundingClientRect(), r = el.getBoundingClientRect();
    return r.top >= p.top && r.bottom <= p.bottom + 1 && r.height > 0;";

/// One viewport: layout, focus, keyboard, hover, console and a screenshot.
fn check_viewport(s: &Session, url: &str, name: &str, size: (u32, u32), dir: &Path) {
    let phone = size.0 < 600;
    s.viewport(size.0, size.1, phone);
    s.call("POST", "/url", Some(json!({ "url": url })));
    let widths = s.script(
        "return [window.innerWidth, document.documentElement.scrollWidth];",
        json!([]),
    );
    assert_eq!(widths[0], json!(size.0), "{name}: viewport width");
    assert!(
        widths[1].as_u64() <= widths[0].as_u64(),
        "{name}: the page scrolls sideways: {widths}"
    );
    // Two columns side by side on a laptop, one above the other on a phone.
    let tops = s.script(
        "return ['sortie', 'source'].map(function (id) { \
           var r = document.getElementById(id).getBoundingClientRect(); return [r.left, r.top]; });",
        json!([]),
    );
    let side_by_side = tops[0][1] == tops[1][1] && tops[0][0].as_f64() < tops[1][0].as_f64();
    assert_eq!(side_by_side, !phone, "{name}: column layout {tops}");
    s.screenshot(&dir.join(format!("review-{name}-top.png")));

    // The output sentence whose source lies furthest down the source column.
    let target = s.script(
        "var all = Array.prototype.slice.call(document.querySelectorAll('.o[data-src]'));
         all.sort(function (a, b) { return b.getAttribute('data-src') - a.getAttribute('data-src'); });
         return all[0].getAttribute('data-src');",
        json!([]),
    );
    let index = target
        .as_str()
        .expect("a linked output sentence")
        .to_string();
    let out = s.element(&format!(".o[data-src=\"{index}\"]"));
    let src = s.element(&format!("#s{index}"));
    s.script("arguments[0].focus();", json!([out]));
    let state = s.script(STATE, json!([]));
    assert_eq!(
        state["sources"],
        json!([index]),
        "{name}: lit sources {state}; console: {:?}",
        s.console()
    );
    assert!(
        state["outputs"]
            .as_array()
            .is_some_and(|o| o.contains(&json!(index))),
        "{name}: the focused sentence is not lit: {state}"
    );
    let source_text = s.script("return arguments[0].textContent;", json!([src]));
    assert!(
        state["bar"]
            .as_str()
            .is_some_and(|b| b.ends_with(source_text.as_str().unwrap_or("?"))),
        "{name}: the bar does not show the source: {state}"
    );
    if !phone {
        assert!(
            s.wait_for(IN_VIEW, json!([src])),
            "{name}: source sentence {index} not scrolled into view"
        );
    }

    // The keyboard: Tab moves to the next output sentence, which lights its own source.
    s.script("document.querySelector('.o[data-src]').focus();", json!([]));
    let tab = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
        {"type": "keyDown", "value": "\u{E004}"}, {"type": "keyUp", "value": "\u{E004}"}]}]});
    s.call("POST", "/actions", Some(tab));
    let state = s.script(STATE, json!([]));
    let next = s.script(
        "return document.querySelectorAll('.o[data-src]')[1].getAttribute('data-src');",
        json!([]),
    );
    assert_eq!(
        state["active"], next,
        "{name}: Tab did not reach the next sentence"
    );
    assert_eq!(state["sources"], json!([next]), "{name}: after Tab {state}");

    // The reverse: hovering a source sentence lights its output sentence(s).
    if !phone {
        let back = s.script(
            "var u = document.querySelectorAll('.s.used'); return u[u.length - 1].getAttribute('data-i');",
            json!([]),
        );
        let b = back.as_str().expect("a used source sentence");
        let el = s.element(&format!("#s{b}"));
        s.script(
            "arguments[0].scrollIntoView({block: 'center'});",
            json!([el]),
        );
        // The page ignores "mouseover" while a column scrolls: let it settle.
        std::thread::sleep(Duration::from_millis(700));
        // WebDriver points at the centre of the first line box; two steps
        // make real pointer moves.
        let hover = json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [
                {"type": "pointerMove", "duration": 0, "x": -4, "y": 0, "origin": el},
                {"type": "pointerMove", "duration": 50, "x": 0, "y": 0, "origin": el}]}]});
        s.call("POST", "/actions", Some(hover));
        s.wait_for("return arguments[0].classList.contains('on');", json!([el]));
        let state = s.script(STATE, json!([]));
        assert_eq!(state["sources"], json!([b]), "{name}: hover {state}");
        assert!(
            state["outputs"].as_array().is_some_and(|o| !o.is_empty()),
            "{name}: hovering source {b} lit no output sentence: {state}"
        );
        let first = s.element(&format!(".o[data-src=\"{b}\"]"));
        assert!(
            s.wait_for(IN_VIEW, json!([first])),
            "{name}: output sentence of source {b} not scrolled into view"
        );
        // Back to the sentence focused first, for the screenshot, the
        // pointer left on the header.
        let away = json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "x": 0, "y": 0,
                         "origin": s.element("header h1")}]}]});
        s.call("POST", "/actions", Some(away));
        s.script("arguments[0].focus();", json!([out]));
        let state = s.script(STATE, json!([]));
        assert_eq!(state["sources"], json!([index]), "{name}: refocus {state}");
        s.wait_for(IN_VIEW, json!([src]));
    } else {
        // The reverse by keyboard (a tap focuses too): a source sentence
        // lights its output sentence(s).
        let back = s.script(
            "var u = document.querySelector('.s.used'); u.focus(); return u.getAttribute('data-i');",
            json!([]),
        );
        let state = s.script(STATE, json!([]));
        assert_eq!(
            state["sources"],
            json!([back]),
            "{name}: source focus {state}"
        );
        assert!(
            state["outputs"]
                .as_array()
                .is_some_and(|o| o.contains(&back)),
            "{name}: focusing source {back} lit no output sentence: {state}"
        );
        s.script(
            "arguments[0].focus(); arguments[0].scrollIntoView({block: 'center'});",
            json!([out]),
        );
    }

    let errors: Vec<Value> = s
        .console()
        .into_iter()
        .filter(|e| e["level"] == json!("SEVERE") || e["level"] == json!("WARNING"))
        .collect();
    assert!(errors.is_empty(), "{name}: console: {errors:?}");
    let shot = dir.join(format!("review-{name}.png"));
    s.screenshot(&shot);
    println!("{name}: screenshot {}", shot.display());
}

#[test]
fn review_page_links_sentences_in_chromium() {
    let mode = std::env::var("REFONTE_BROWSER_TESTS").unwrap_or_default();
    if mode == "0" {
        println!("note: REFONTE_BROWSER_TESTS=0: browser test skipped");
        return;
    }
    let driver = find("REFONTE_CHROMEDRIVER", &["chromedriver"]);
    let browser = find(
        "REFONTE_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let (Some(driver), Some(browser)) = (driver, browser) else {
        assert!(
            mode != "1",
            "REFONTE_BROWSER_TESTS=1 but chromedriver or chromium is missing"
        );
        println!("note: chromedriver or chromium not found: browser test skipped");
        return;
    };
    let dir = std::env::var_os("REFONTE_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("review-browser"));
    let profile = dir.join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).expect("create the screenshot directory");
    let page = std::fs::canonicalize(&dir)
        .expect("the directory")
        .join("review.html");
    let article = std::env::var("REFONTE_REVIEW_ARTICLE").unwrap_or_else(|_| ARTICLE.into());
    let status = Command::new(env!("CARGO_BIN_EXE_refonte"))
        .args(["rewrite", "--format", "review", &article, "-o"])
        .arg(&page)
        .stderr(Stdio::null())
        .status()
        .expect("run refonte");
    assert!(status.success(), "refonte rewrite --format review failed");

    let driver = Driver::start(&driver);
    let session = Session::new(&driver, &browser, &profile);
    let url = format!("file://{}", page.display());
    check_viewport(&session, &url, "laptop", (1366, 900), &dir);
    check_viewport(&session, &url, "phone", (390, 844), &dir);
    drop(session);
    let _ = std::fs::remove_dir_all(&profile);
}
