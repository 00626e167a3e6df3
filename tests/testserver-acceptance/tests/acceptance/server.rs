//! The test server for this test process, and pipelines pointed at it.

use armgen_runtime::{
    Authentication, BoxFuture, ClientOptions, Limits, Pipeline, Request, ReqwestTransport,
    Response, RetryOptions, StaticToken, Transport, TransportError,
};
use http::header::{HeaderValue, COOKIE, SET_COOKIE};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// The server's base URL, such as `http://127.0.0.1:41949`.
pub fn endpoint() -> &'static str {
    static ENDPOINT: OnceLock<String> = OnceLock::new();
    ENDPOINT.get_or_init(|| match std::env::var("ARMGEN_TESTSERVER_URL") {
        Ok(url) if !url.is_empty() => url.trim_end_matches('/').to_owned(),
        _ => format!("http://127.0.0.1:{}", start()),
    })
}

/// A pipeline to the server: no token worth the name, no retries (a wrong request must
/// fail at once), a short timeout, quick polls.
pub fn pipeline() -> Pipeline {
    pipeline_retrying(0)
}

/// [`pipeline`] retrying twice, quickly, for the scenarios that answer 408 or 5xx once.
pub fn pipeline_with_retries() -> Pipeline {
    pipeline_retrying(2)
}

/// [`pipeline`] whose own endpoint is a closed port: for the clients that build their
/// endpoint from parameters (`x-ms-parameterized-host`), so that a request sent to the
/// pipeline's endpoint instead fails.
pub fn pipeline_to_nowhere() -> Pipeline {
    let mut options = pipeline().options().clone();
    options.endpoint = "http://127.0.0.1:9".into();
    Pipeline::new(
        Arc::new(CookieJar::default()),
        Arc::new(StaticToken("test".into())),
        options,
    )
}

/// The server's `host:port` as the specs' host parameters take it: `localhost` is the
/// template's `local` and `host` joined.
pub fn host_parameter() -> String {
    let port = endpoint()
        .rsplit(':')
        .next()
        .expect("the endpoint has a port");
    format!("host:{port}")
}

fn pipeline_retrying(max_retries: u32) -> Pipeline {
    custom_pipeline(Arc::new(StaticToken("test".into())), |options| {
        options.retry.max_retries = max_retries
    })
}

/// [`pipeline`] with another authentication, and options changed by `change`.
pub fn custom_pipeline(
    authentication: impl Into<Authentication>,
    change: impl FnOnce(&mut ClientOptions),
) -> Pipeline {
    let mut options = ClientOptions {
        endpoint: endpoint().to_owned(),
        timeout: Some(Duration::from_secs(30)),
        retry: RetryOptions {
            max_retries: 0,
            initial_delay: Duration::from_millis(10),
            ..RetryOptions::default()
        },
        // The server's long-running operations end after a poll or two.
        poll_interval: Duration::from_millis(10),
        ..ClientOptions::default()
    };
    change(&mut options);
    let transport = Arc::new(CookieJar::default());
    Pipeline::new(transport, authentication, options)
}

/// reqwest keeping the cookies the server sets, as the AutoRest generators' own suites
/// do: the server follows a long-running operation from poll to poll by a cookie
/// (`scenario=...`), and without it every poll looks like the first. One jar per
/// pipeline, so tests running at once do not share them.
#[derive(Default)]
struct CookieJar {
    transport: ReqwestTransport,
    cookies: Mutex<BTreeMap<String, String>>,
}

impl Transport for CookieJar {
    fn send(
        &self,
        mut request: Request,
        limits: Limits,
    ) -> BoxFuture<'_, Result<Response, TransportError>> {
        let cookies = self.cookies.lock().unwrap();
        if !cookies.is_empty() {
            let header: Vec<String> = cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let value = HeaderValue::try_from(header.join("; ")).expect("cookies are header text");
            request.headers_mut().insert(COOKIE, value);
        }
        drop(cookies);
        Box::pin(async move {
            let response = self.transport.send(request, limits).await?;
            let mut cookies = self.cookies.lock().unwrap();
            for set in response.headers().get_all(SET_COOKIE) {
                let Some((pair, attributes)) = set
                    .to_str()
                    .ok()
                    .map(|s| s.split_once(';').unwrap_or((s, "")))
                else {
                    continue;
                };
                let Some((name, value)) = pair.split_once('=') else {
                    continue;
                };
                let expired = attributes.to_ascii_lowercase().contains("max-age=0");
                match expired {
                    true => cookies.remove(name.trim()),
                    false => cookies.insert(name.trim().to_owned(), value.trim().to_owned()),
                };
            }
            Ok(response)
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        self.transport.sleep(duration)
    }
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

/// Awaits `call`, failing the test if it takes over 20 seconds (a poller that never
/// ends must fail its test, not hang the suite).
pub async fn within<F: std::future::IntoFuture>(call: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(20), call.into_future())
        .await
        .expect("no answer within 20 s")
}

/// The status of the service error `result` must be, whichever client it comes from.
pub fn status_of<T: std::fmt::Debug, E: std::fmt::Debug>(
    result: Result<T, armgen_runtime::Error<E>>,
) -> u16 {
    match result {
        Err(armgen_runtime::Error::Service(error)) => error.status.as_u16(),
        other => panic!("expected a service error, got {other:?}"),
    }
}

/// The service error `result` must be, whichever client it comes from.
pub fn service_error<T: std::fmt::Debug, E: std::fmt::Debug>(
    result: Result<T, armgen_runtime::Error<E>>,
) -> armgen_runtime::ServiceError<E> {
    match result {
        Err(armgen_runtime::Error::Service(error)) => *error,
        other => panic!("expected a service error, got {other:?}"),
    }
}

/// The decode error `result` must be: a documented status whose reply does not match.
pub fn decode_error<T: std::fmt::Debug, E: std::fmt::Debug>(
    result: Result<T, armgen_runtime::Error<E>>,
) -> armgen_runtime::DecodeError {
    match result {
        Err(armgen_runtime::Error::Decode(error)) => *error,
        other => panic!("expected a decode error, got {other:?}"),
    }
}
