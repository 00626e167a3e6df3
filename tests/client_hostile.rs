//! The generated client against hostile HTTP servers on loopback: raw TCP servers that
//! answer whatever bytes a test scripts (foreign next links and polling URLs, absurd
//! `Retry-After` values, self-linked pages, endless bodies, escape sequences), and
//! record every request they get with its `Authorization` header.

mod client_common;

use armgen_runtime::{
    BoxFuture, ClientOptions, Limits, Pipeline, ReqwestTransport, RetryOptions, StaticToken,
    Transport,
};
use azure_containerregistry::client::{Client, Error};
use futures_core::Stream;
use serde_json::{json, Value};
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const TOKEN: &str = "Bearer secret";

/// A request as a hostile server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    authorization: Option<String>,
}

/// What a server sends back: a whole reply, or a chunked body that never ends.
enum Answer {
    Reply(u16, Vec<(&'static str, String)>, Vec<u8>),
    Endless,
}

fn reply(status: u16, headers: Vec<(&'static str, String)>, body: &Value) -> Answer {
    let body = match body {
        Value::Null => Vec::new(),
        body => serde_json::to_vec(body).unwrap(),
    };
    Answer::Reply(status, headers, body)
}

type Script = dyn Fn(&Seen, usize) -> Answer + Send + Sync;

/// A server on 127.0.0.1: `script` gets each request and how many came before it.
struct Server {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    async fn start(script: impl Fn(&Seen, usize) -> Answer + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let script: Arc<Script> = Arc::new(script);
        let log = seen.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, log.clone(), script.clone()));
            }
        });
        Server { base, seen }
    }

    fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// One request per connection, answered then closed.
async fn serve(mut stream: TcpStream, seen: Arc<Mutex<Vec<Seen>>>, script: Arc<Script>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte).await {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let (method, path) = (
        request_line.next().unwrap_or_default().to_owned(),
        request_line.next().unwrap_or_default().to_owned(),
    );
    let header = |name: &str| {
        head.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    };
    let length: usize = header("content-length").map_or(0, |v| v.parse().unwrap_or(0));
    let mut body = vec![0; length];
    if stream.read_exact(&mut body).await.is_err() {
        return;
    }
    let request = Seen {
        method,
        path,
        authorization: header("authorization"),
    };
    let count = {
        let mut seen = seen.lock().unwrap();
        seen.push(request.clone());
        seen.len() - 1
    };
    match script(&request, count) {
        Answer::Reply(status, headers, body) => {
            let mut out = format!("HTTP/1.1 {status} X\r\nconnection: close\r\n");
            for (name, value) in headers {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
            out.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
            let mut bytes = out.into_bytes();
            bytes.extend(body);
            let _ = stream.write_all(&bytes).await;
        }
        Answer::Endless => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
            if stream.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let chunk = format!("10000\r\n{}\r\n", " ".repeat(0x10000));
            while stream.write_all(chunk.as_bytes()).await.is_ok() {}
        }
    }
    let _ = stream.shutdown().await;
}

/// The example reply body of an operation for a status.
fn example(operation_id: &str, status: &str) -> Value {
    let api = client_common::api();
    client_common::examples(&api)
        .into_iter()
        .find(|(operation, _, _)| operation.id == operation_id)
        .map(|(_, _, example)| example["responses"][status]["body"].clone())
        .unwrap_or_else(|| panic!("no {operation_id} example"))
}

fn options(endpoint: &str) -> ClientOptions {
    ClientOptions {
        endpoint: endpoint.to_owned(),
        poll_interval: Duration::from_millis(300),
        retry: RetryOptions {
            max_retries: 2,
            initial_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(50),
        },
        ..ClientOptions::default()
    }
}

fn client(options: ClientOptions) -> Client {
    let transport = ReqwestTransport {
        client: reqwest::Client::builder()
            .no_proxy()
            // As `ReqwestTransport::default()`: the pipeline follows redirects.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
    };
    let pipeline = Pipeline::new(
        Arc::new(transport),
        Arc::new(StaticToken("secret".into())),
        options,
    );
    Client::with_pipeline(pipeline, "sub".into())
}

/// Runs `test` on a fresh runtime; a test that does not end in 20 s fails.
fn run<F: Future<Output = ()>>(test: F) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(20), test)
            .await
            .expect("the client gave up within 20 s");
    });
}

/// Every item of a list, stopping at the first error.
async fn drain(client: &Client) -> Result<usize, Error> {
    let mut pager = client.registries().list_by_resource_group("rg");
    let mut count = 0;
    while let Some(item) = std::future::poll_fn(|cx| Pin::new(&mut pager).poll_next(cx)).await {
        item?;
        count += 1;
    }
    Ok(count)
}

fn assert_no_token(server: &Server) {
    for request in server.requests() {
        assert_eq!(
            request.authorization, None,
            "{} {} got a token",
            request.method, request.path
        );
    }
}

/// A first page whose next link is `next`.
fn first_page(next: String) -> Value {
    let mut page = example("Registries_ListByResourceGroup", "200");
    page["nextLink"] = json!(next);
    page
}

#[test]
fn a_next_link_to_another_origin_gets_no_token() {
    run(async {
        let foreign = Server::start(|_, _| reply(200, vec![], &json!({"value": []}))).await;
        let next = format!("{}/steal?api-version=x", foreign.base);
        let home = Server::start(move |_, _| reply(200, vec![], &first_page(next.clone()))).await;
        let result = drain(&client(options(&home.base))).await;
        assert!(
            result.is_err(),
            "a foreign next link was followed: {result:?}"
        );
        assert!(foreign.requests().is_empty(), "{:?}", foreign.requests());
        assert_eq!(home.requests()[0].authorization.as_deref(), Some(TOKEN));
    });
}

#[test]
fn polling_urls_to_another_origin_get_no_token() {
    run(async {
        let foreign =
            Server::start(|_, _| reply(200, vec![], &json!({"status": "Succeeded"}))).await;
        let body = example("Registries_Create", "200");
        for header in ["azure-asyncoperation", "location"] {
            let url = format!("{}/operations/1", foreign.base);
            let created = body.clone();
            let home = Server::start(move |request, _| match request.method.as_str() {
                "PUT" => reply(202, vec![(header, url.clone())], &Value::Null),
                _ => reply(200, vec![], &created),
            })
            .await;
            let client = client(options(&home.base));
            let registry = serde_json::from_value(body.clone()).unwrap();
            let result = client
                .registries()
                .create("rg", "newRegistry", &registry)
                .await;
            assert!(
                result.is_err(),
                "{header}: a foreign polling URL was followed"
            );
        }
        assert_no_token(&foreign);
        assert!(foreign.requests().is_empty(), "{:?}", foreign.requests());
    });
}

/// A transport that answers every request with the first page of a list whose next link
/// is `next`, and records each request's URI and token; it never touches the network.
struct Recorder {
    next: String,
    sent: Mutex<Vec<Sent>>,
}

/// A request's URI and bearer token.
type Sent = (String, Option<String>);

impl Transport for Recorder {
    fn send(
        &self,
        request: armgen_runtime::Request,
        _: Limits,
    ) -> BoxFuture<'_, Result<armgen_runtime::Response, armgen_runtime::TransportError>> {
        let token = request
            .headers()
            .get("authorization")
            .map(|v| v.to_str().unwrap().to_owned());
        self.sent
            .lock()
            .unwrap()
            .push((request.uri().to_string(), token));
        let body = serde_json::to_vec(&json!({"value": [], "nextLink": self.next})).unwrap();
        Box::pin(std::future::ready(Ok(http::Response::new(body))))
    }

    fn sleep(&self, _: Duration) -> BoxFuture<'static, ()> {
        Box::pin(std::future::ready(()))
    }
}

fn recorded(endpoint: &str, next: &str) -> (Result<usize, Error>, Vec<Sent>) {
    let recorder = Arc::new(Recorder {
        next: next.to_owned(),
        sent: Mutex::default(),
    });
    let pipeline = Pipeline::new(
        recorder.clone(),
        Arc::new(StaticToken("secret".into())),
        options(endpoint),
    );
    let client = Client::with_pipeline(pipeline, "sub".into());
    let mut result = None;
    run(async { result = Some(drain(&client).await) });
    let sent = recorder.sent.lock().unwrap().clone();
    (result.unwrap(), sent)
}

#[test]
fn no_token_goes_over_plain_http_but_to_a_loopback_endpoint() {
    // An https endpoint whose service links to itself over http.
    let (result, sent) = recorded("https://management.example", "http://management.example/2");
    assert!(result.is_err(), "{result:?}");
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].0.starts_with("https://"), "{sent:?}");
    // An http endpoint that is not loopback gets nothing at all.
    for endpoint in [
        "http://management.example",
        "http://localhost.example",
        "ftp://127.0.0.1",
    ] {
        let (result, sent) = recorded(endpoint, "");
        let error = result.unwrap_err().to_string();
        assert!(error.contains("https"), "{endpoint}: {error}");
        assert!(sent.is_empty(), "{endpoint}: {sent:?}");
    }
    // Loopback endpoints over http get the token, as tests need.
    for endpoint in ["http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1"] {
        let (_, sent) = recorded(endpoint, "");
        assert_eq!(sent[0].1.as_deref(), Some(TOKEN), "{endpoint}: {sent:?}");
    }
}

#[test]
fn a_foreign_link_is_followed_without_a_token_when_asked() {
    run(async {
        let foreign = Server::start(|_, _| reply(200, vec![], &json!({"value": []}))).await;
        let next = format!("{}/elsewhere?api-version=x", foreign.base);
        let home = Server::start(move |_, _| reply(200, vec![], &first_page(next.clone()))).await;
        let options = ClientOptions {
            follow_links_to_other_origins: true,
            ..options(&home.base)
        };
        let count = drain(&client(options)).await.expect("both pages");
        assert!(count > 0);
        assert_eq!(foreign.requests().len(), 1);
        assert_no_token(&foreign);
        assert_eq!(home.requests()[0].authorization.as_deref(), Some(TOKEN));
    });
}

#[test]
fn a_redirect_to_another_origin_loses_the_token() {
    run(async {
        let foreign =
            Server::start(|_, _| reply(200, vec![], &example("Registries_Get", "200"))).await;
        let target = format!("{}/moved", foreign.base);
        let home =
            Server::start(move |_, _| reply(307, vec![("location", target.clone())], &Value::Null))
                .await;
        let _ = client(options(&home.base))
            .registries()
            .get("rg", "moved")
            .await;
        assert_eq!(foreign.requests().len(), 1, "the redirect was not followed");
        assert_no_token(&foreign);
    });
}

#[test]
fn a_body_over_the_limit_is_an_error_before_it_is_read() {
    run(async {
        let big = vec![b' '; 4096];
        let home = Server::start(move |_, _| Answer::Reply(200, vec![], big.clone())).await;
        let options = ClientOptions {
            max_body_size: 1024,
            ..options(&home.base)
        };
        let error = client(options)
            .registries()
            .get("rg", "big")
            .await
            .unwrap_err();
        assert!(error.to_string().contains("limit of 1024 bytes"), "{error}");
        // Not retried: the same reply would be as large again.
        assert_eq!(home.requests().len(), 1);
    });
}

fn busy_then_ok(headers: Vec<(&'static str, String)>) -> impl Fn(&Seen, usize) -> Answer {
    let registry = example("Registries_Get", "200");
    move |_, count| match count {
        0 => reply(429, headers.clone(), &Value::Null),
        _ => reply(200, vec![], &registry),
    }
}

#[test]
fn no_retry_after_value_panics() {
    for (name, value) in [
        ("retry-after", "1e20"),
        ("retry-after", "18446744073709551616"),
        ("retry-after", "1e300"),
        ("retry-after-ms", "1e300"),
        ("x-ms-retry-after-ms", "1e300"),
        ("retry-after", "-0"),
        ("retry-after", "NaN"),
        ("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"),
    ] {
        run(async {
            let server = Server::start(busy_then_ok(vec![(name, value.to_owned())])).await;
            let start = Instant::now();
            let result = client(options(&server.base))
                .registries()
                .get("rg", "busy")
                .await;
            assert!(result.is_ok(), "{name}: {value}: {result:?}");
            // Waits are capped by the retry options' 50 ms maximum.
            assert!(start.elapsed() < Duration::from_secs(5), "{name}: {value}");
        });
    }
}

#[test]
fn a_zero_retry_after_on_polls_means_the_poll_interval() {
    run(async {
        let created = example("Registries_Create", "200");
        let server = Arc::new(Mutex::new(String::new()));
        let base = server.clone();
        let home = Server::start(move |request, _| {
            let zero = vec![("retry-after", "0".to_owned())];
            match request.method.as_str() {
                "PUT" => {
                    let url = format!("{}/operations/1", base.lock().unwrap());
                    let headers = vec![("azure-asyncoperation", url), zero[0].clone()];
                    reply(201, headers, &created)
                }
                _ => reply(200, zero, &json!({"status": "InProgress"})),
            }
        })
        .await;
        *server.lock().unwrap() = home.base.clone();
        let mut options = options(&home.base);
        options.retry.max_delay = Duration::from_secs(1);
        let client = client(options);
        let registry = serde_json::from_value(example("Registries_Create", "200")).unwrap();
        let create = client.registries().create("rg", "newRegistry", &registry);
        let _ = tokio::time::timeout(Duration::from_secs(2), create.into_future()).await;
        let polls = home.requests().len() - 1;
        // Every 300 ms for 2 s: 6 or 7 polls, not hundreds.
        assert!(polls <= 8, "{polls} polls in 2 s");
    });
}

#[test]
fn a_next_link_seen_before_is_an_error() {
    run(async {
        let link = Arc::new(Mutex::new(String::new()));
        let next = link.clone();
        let home = Server::start(move |_, _| {
            let page = json!({"value": [], "nextLink": next.lock().unwrap().clone()});
            reply(200, vec![], &page)
        })
        .await;
        *link.lock().unwrap() = format!("{}/pages/self", home.base);
        let result = drain(&client(options(&home.base))).await;
        assert!(result.is_err(), "{result:?}");
        assert!(
            home.requests().len() <= 3,
            "{} requests",
            home.requests().len()
        );
    });
}

#[test]
fn an_endless_body_is_cut_off() {
    run(async {
        let home = Server::start(|_, _| Answer::Endless).await;
        let result = client(options(&home.base))
            .registries()
            .get("rg", "endless")
            .await;
        let error = result.unwrap_err();
        assert!(error.to_string().contains("limit"), "{error}");
    });
}

#[test]
fn an_error_body_cannot_drive_the_terminal() {
    run(async {
        let evil = "\u{1b}[2J\u{1b}]0;pwned\u{7}\r\nreal error\u{202e}";
        let home =
            Server::start(move |_, _| Answer::Reply(400, vec![], evil.as_bytes().to_vec())).await;
        let error = client(options(&home.base))
            .registries()
            .get("rg", "evil")
            .await
            .unwrap_err();
        let text = error.to_string();
        assert!(
            !text.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{text:?}"
        );
        assert!(text.contains("\\u{1b}[2J"), "{text:?}");
    });
}
