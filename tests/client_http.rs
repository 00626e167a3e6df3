//! The generated client end to end over HTTP: reqwest talks to an in-process hyper
//! server on 127.0.0.1 that answers from the spec's examples.

mod client_common;

use armgen_runtime::{
    AzureCredential, ClientOptions, Pipeline, ReqwestTransport, RetryOptions, StaticToken,
    TokenCredential,
};
use azure_containerregistry::client::{Client, Error};
use futures_core::Stream;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const REGISTRIES: &str =
    "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries";

/// The example reply body of an operation for a status.
fn example(operation_id: &str, status: &str) -> Value {
    let api = client_common::api();
    client_common::examples(&api)
        .into_iter()
        .find(|(operation, _, _)| operation.id == operation_id)
        .map(|(_, _, example)| example["responses"][status]["body"].clone())
        .unwrap_or_else(|| panic!("no {operation_id} example"))
}

struct Server {
    base: String,
    registry: Value,
    page: Value,
    created: Value,
    /// Every request as `METHOD path?query`, with its bearer token.
    log: Mutex<Vec<(String, String)>>,
    /// The `Accept` header of every request, in order (empty when none was sent).
    accepts: Mutex<Vec<String>>,
    hits: Mutex<HashMap<String, usize>>,
}

type Reply = (u16, Vec<(&'static str, String)>, Value);

impl Server {
    fn answer(&self, method: &str, path: &str, token: String) -> Reply {
        self.log
            .lock()
            .unwrap()
            .push((format!("{method} {path}"), token));
        let hit = {
            let mut hits = self.hits.lock().unwrap();
            let count = hits.entry(format!("{method} {path}")).or_default();
            *count += 1;
            *count
        };
        let path = path.split('?').next().unwrap_or_default();
        let base = &self.base;
        let resource = path
            .strip_prefix(REGISTRIES)
            .map(|rest| rest.trim_start_matches('/'));
        match (method, resource, path) {
            ("GET", Some("myRegistry"), _) => (200, vec![], self.registry.clone()),
            ("GET", Some("missing"), _) => (
                404,
                vec![("x-ms-request-id", "req-404".into())],
                json!({"error": {"code": "ResourceNotFound", "message": "no such registry"}}),
            ),
            ("GET", Some("busy"), _) if hit == 1 => {
                (429, vec![("retry-after", "1".into())], Value::Null)
            }
            ("GET", Some("busy"), _) => (200, vec![], self.registry.clone()),
            ("GET", Some(""), _) => {
                let mut page = self.page.clone();
                page["nextLink"] = json!(format!("{base}/pages/2?api-version=x"));
                (200, vec![], page)
            }
            ("GET", _, "/pages/2") => (200, vec![], self.page.clone()),
            ("PUT", Some("newRegistry"), _) => (
                201,
                vec![
                    ("azure-asyncoperation", format!("{base}/operations/1")),
                    ("retry-after", "0".into()),
                ],
                self.created.clone(),
            ),
            ("GET", _, "/operations/1") if hit < 3 => {
                (200, vec![], json!({"status": "InProgress"}))
            }
            ("GET", _, "/operations/1") => (200, vec![], json!({"status": "Succeeded"})),
            ("GET", Some("newRegistry"), _) => (200, vec![], self.created.clone()),
            ("DELETE", Some("oldRegistry"), _) => (
                202,
                vec![("location", format!("{base}/locations/1"))],
                Value::Null,
            ),
            ("GET", _, "/locations/1") if hit == 1 => (
                202,
                vec![("location", format!("{base}/locations/1"))],
                Value::Null,
            ),
            ("GET", _, "/locations/1") => (204, vec![], Value::Null),
            _ => (
                400,
                vec![],
                json!({"error": {"code": "Unexpected", "message": format!("{method} {path}")}}),
            ),
        }
    }

    fn requests(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .map(|(request, _)| request.clone())
            .collect()
    }
}

async fn handle(
    server: Arc<Server>,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let token = request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let accept = request
        .headers()
        .get("accept")
        .and_then(|v| v.to_str().ok());
    server
        .accepts
        .lock()
        .unwrap()
        .push(accept.unwrap_or_default().to_owned());
    let path = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    let (status, headers, body) = server.answer(request.method().as_str(), &path, token);
    let body = if body.is_null() {
        Vec::new()
    } else {
        serde_json::to_vec(&body).unwrap()
    };
    let mut response = hyper::Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    for (name, value) in headers {
        response.headers_mut().insert(name, value.parse().unwrap());
    }
    Ok(response)
}

/// Runs `test` against a fresh server, with a client whose waits are tiny.
fn run<F: Future<Output = ()>>(test: impl FnOnce(Client, Arc<Server>) -> F) {
    run_with(Arc::new(StaticToken("secret".into())), test)
}

/// [`run`] with the client authenticated by `credential`.
fn run_with<F: Future<Output = ()>>(
    credential: Arc<dyn TokenCredential>,
    test: impl FnOnce(Client, Arc<Server>) -> F,
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server = Arc::new(Server {
            base: base.clone(),
            registry: example("Registries_Get", "200"),
            page: example("Registries_ListByResourceGroup", "200"),
            created: example("Registries_Create", "200"),
            log: Mutex::default(),
            accepts: Mutex::default(),
            hits: Mutex::default(),
        });
        let serving = server.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let server = serving.clone();
                let service =
                    hyper::service::service_fn(move |request| handle(server.clone(), request));
                tokio::spawn(
                    hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service),
                );
            }
        });
        let transport = ReqwestTransport {
            client: reqwest::Client::builder()
                .no_proxy()
                // As `ReqwestTransport::default()`: the pipeline follows redirects.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        };
        let options = ClientOptions {
            endpoint: base,
            poll_interval: Duration::from_millis(1),
            retry: RetryOptions {
                max_retries: 2,
                initial_delay: Duration::from_millis(1),
                max_delay: Duration::from_secs(5),
            },
            ..ClientOptions::default()
        };
        let pipeline = Pipeline::new(Arc::new(transport), credential, options);
        test(Client::with_pipeline(pipeline, "sub".into()), server).await;
    });
}

fn name_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()["name"].clone()
}

#[test]
fn get_sends_the_token_and_parses_the_resource() {
    run(|client, server| async move {
        let registry = client
            .registries()
            .get("rg", "myRegistry")
            .await
            .expect("the registry");
        assert_eq!(name_of(&registry), server.registry["name"]);
        let log = server.log.lock().unwrap().clone();
        assert_eq!(
            log,
            [(
                format!("GET {REGISTRIES}/myRegistry?api-version=2021-08-01-preview"),
                "Bearer secret".to_owned()
            )]
        );
    });
}

/// A stand-in for `azure_identity`'s credentials: an `azure_core` 1.x `TokenCredential`
/// that records the scopes it is asked for, or fails as a credential without a login does.
#[derive(Debug, Default)]
struct FakeAzureCredential {
    scopes: Mutex<Vec<String>>,
    fail: bool,
}

#[async_trait::async_trait]
impl azure_core::credentials::TokenCredential for FakeAzureCredential {
    async fn get_token(
        &self,
        scopes: &[&str],
        _: Option<azure_core::credentials::TokenRequestOptions<'_>>,
    ) -> azure_core::Result<azure_core::credentials::AccessToken> {
        let mut asked = self.scopes.lock().unwrap();
        asked.extend(scopes.iter().map(|scope| scope.to_string()));
        if self.fail {
            return Err(azure_core::Error::with_message(
                azure_core::error::ErrorKind::Credential,
                "please run az login",
            ));
        }
        Ok(azure_core::credentials::AccessToken::new(
            format!("azure-token-{}", asked.len()),
            azure_core::time::OffsetDateTime::now_utc() + Duration::from_secs(3600),
        ))
    }
}

#[test]
fn an_azure_core_credential_authenticates_the_client() {
    // As `azure_identity` returns them: `Arc<Credential>`, coerced at the call.
    let credential = Arc::new(FakeAzureCredential::default());
    let asked = credential.clone();
    run_with(credential, |client, server| async move {
        client.registries().get("rg", "myRegistry").await.unwrap();
        client.registries().get("rg", "myRegistry").await.unwrap();
        let tokens: Vec<String> = server
            .log
            .lock()
            .unwrap()
            .iter()
            .map(|(_, t)| t.clone())
            .collect();
        assert_eq!(tokens, ["Bearer azure-token-1", "Bearer azure-token-2"]);
    });
    let scope = ClientOptions::default().scope;
    assert_eq!(*asked.scopes.lock().unwrap(), [scope.clone(), scope]);

    // As credential chains hold them: `Arc<dyn azure_core::credentials::TokenCredential>`.
    let failing: Arc<dyn azure_core::credentials::TokenCredential> =
        Arc::new(FakeAzureCredential {
            fail: true,
            ..Default::default()
        });
    run_with(
        Arc::new(AzureCredential(failing)),
        |client, server| async move {
            let error = client
                .registries()
                .get("rg", "myRegistry")
                .await
                .unwrap_err();
            assert!(
                matches!(&error, Error::Credential(message) if message.contains("please run az login")),
                "{error:?}"
            );
            assert!(server.requests().is_empty(), "{:?}", server.requests());
        },
    );
}

#[test]
fn a_list_streams_items_across_pages() {
    run(|client, server| async move {
        let mut pager = client.registries().list_by_resource_group("rg");
        let mut names = Vec::new();
        while let Some(item) = std::future::poll_fn(|cx| Pin::new(&mut pager).poll_next(cx)).await {
            names.push(name_of(&item.expect("an item")));
        }
        let per_page = server.page["value"].as_array().unwrap().len();
        assert_eq!(names.len(), 2 * per_page);
        // The link's `api-version` (`x`) gives way to the client's, as the Azure SDKs
        // send next links (the test server's PagingWithApiVersionReplace).
        assert_eq!(
            server.requests()[1],
            "GET /pages/2?api-version=2021-08-01-preview"
        );
        // The next link is asked for with the list's own `Accept`.
        let accepts = server.accepts.lock().unwrap().clone();
        assert_eq!(accepts[..2], ["application/json", "application/json"]);

        let mut pages = client.registries().list_by_resource_group("rg");
        let first = pages
            .next_page()
            .await
            .expect("a page")
            .expect("the first page");
        assert!(first
            .next_link
            .is_some_and(|link| link.ends_with("/pages/2?api-version=x")));
        let second = pages
            .next_page()
            .await
            .expect("a page")
            .expect("the second page");
        assert_eq!((second.items.len(), second.next_link), (per_page, None));
        assert!(pages.next_page().await.is_none());

        // The inherent `next`: a plain `while let`, no stream trait or extra crate.
        let mut pager = client.registries().list_by_resource_group("rg");
        let mut listed = Vec::new();
        while let Some(item) = pager.next().await {
            listed.push(name_of(&item.expect("an item")));
        }
        assert_eq!(listed, names);
    });
}

#[test]
fn a_long_running_put_polls_the_async_operation_then_gets_the_resource() {
    run(|client, server| async move {
        let body = serde_json::from_value(server.created.clone()).unwrap();
        let poller = client
            .registries()
            .create("rg", "newRegistry", &body)
            .begin()
            .await
            .expect("accepted");
        assert_eq!(
            poller.initial_response().map(|r| r.status().as_u16()),
            Some(201)
        );
        let created = poller.await.expect("created");
        assert_eq!(name_of(&created), server.created["name"]);
        let put = format!("PUT {REGISTRIES}/newRegistry?api-version=2021-08-01-preview");
        let get = format!("GET {REGISTRIES}/newRegistry?api-version=2021-08-01-preview");
        let polls = vec!["GET /operations/1".to_owned(); 3];
        assert_eq!(server.requests(), [vec![put], polls, vec![get]].concat());
    });
}

#[test]
fn a_long_running_delete_follows_location() {
    run(|client, server| async move {
        client
            .registries()
            .delete("rg", "oldRegistry")
            .await
            .expect("deleted");
        let delete = format!("DELETE {REGISTRIES}/oldRegistry?api-version=2021-08-01-preview");
        assert_eq!(
            server.requests(),
            [delete, "GET /locations/1".into(), "GET /locations/1".into()]
        );
    });
}

#[test]
fn a_429_is_retried_after_retry_after() {
    run(|client, server| async move {
        let start = Instant::now();
        client
            .registries()
            .get("rg", "busy")
            .await
            .expect("the registry after a retry");
        assert!(
            start.elapsed() >= Duration::from_secs(1),
            "Retry-After: 1 was not honoured"
        );
        assert_eq!(server.requests().len(), 2);
    });
}

#[test]
fn an_error_reply_is_the_typed_error() {
    run(|client, _server| async move {
        match client.registries().get("rg", "missing").await {
            Err(Error::Service(error)) => {
                assert_eq!(error.status, 404);
                assert_eq!(error.request_id.as_deref(), Some("req-404"));
                let body = serde_json::to_value(error.body.expect("a typed body")).unwrap();
                assert_eq!(body["error"]["code"], "ResourceNotFound");
            }
            other => panic!("expected the typed error, got {other:?}"),
        }
    });
}
