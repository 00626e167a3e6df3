//! The test server for this test process, and pipelines pointed at it.

use armgen_runtime::{ClientOptions, Pipeline, RetryOptions, StaticToken};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

/// The server's base URL, such as `http://127.0.0.1:41949`.
pub fn endpoint() -> &'static str {
    static ENDPOINT: OnceLock<String> = OnceLock::new();
    ENDPOINT.get_or_init(|| match std::env::var("ARMGEN_TESTSERVER_URL") {
        Ok(url) if !url.is_empty() => url.trim_end_matches('/').to_owned(),
        _ => format!("http://127.0.0.1:{}", start()),
    })
}

/// A pipeline to the server: no token worth the name, no retries (a wrong request must
/// fail at once), a short timeout.
pub fn pipeline() -> Pipeline {
    let options = ClientOptions {
        endpoint: endpoint().to_owned(),
        timeout: Some(std::time::Duration::from_secs(30)),
        retry: RetryOptions {
            max_retries: 0,
            ..RetryOptions::default()
        },
        ..ClientOptions::default()
    };
    Pipeline::with_reqwest(Arc::new(StaticToken("test".into())), options)
}

/// The server process and the pipe whose end stops it (`tools/testserver/loopback.cjs`
/// exits the server when its stdin closes): both live as long as this process.
static SERVER: Mutex<Option<(Child, ChildStdin)>> = Mutex::new(None);

fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/testserver")
}

/// Starts the server on a free loopback port and returns the port.
fn start() -> u16 {
    let tools = tools();
    let cli = tools.join("node_modules/@microsoft.azure/autorest.testserver/dist/cli/cli.js");
    let coverage = Path::new(env!("CARGO_TARGET_TMPDIR")).join("testserver-coverage");
    let mut child = Command::new("node")
        .arg("--require")
        .arg(tools.join("loopback.cjs"))
        .arg(cli)
        .args(["run", "--port=0"])
        .arg(format!("--coverageDirectory={}", coverage.display()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the test server with `node`: {e}"));
    let stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("the test server exited before listening"))
            .unwrap();
        if let Some(port) = line.strip_prefix("listening on port ") {
            break port.trim().parse().unwrap();
        }
    };
    // Its log goes on to stdout; keep reading so that the pipe never fills.
    std::thread::spawn(move || lines.for_each(drop));
    *SERVER.lock().unwrap() = Some((child, stdin));
    port
}
