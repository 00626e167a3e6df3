//! `httpInfrastructure.json`: success statuses of every method, client and server
//! failures as typed errors, retried statuses, redirects.

use super::server::{
    decode_error, pipeline, pipeline_with_retries, service_error, status_of, within,
};
use testserver_acceptance::http_infrastructure::client::{self, Client};
use testserver_acceptance::http_infrastructure::models::{
    HttpRedirectsPatch302Location, HttpRedirectsPut301Location,
};

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// `call!(client, group, method)`, or with `Options` carrying the body `true`.
macro_rules! call {
    ($client:expr, $group:ident, $method:ident) => {
        within($client.$group().$method())
    };
    ($client:expr, $group:ident, $method:ident, $options:ident) => {
        within($client.$group().$method(client::$group::$options {
            boolean_value: Some(true),
        }))
    };
}

#[tokio::test]
async fn success_statuses() {
    let c = client();
    assert!(call!(c, http_success, get200).await.unwrap());
    call!(c, http_success, head200).await.unwrap();
    call!(c, http_success, put200, Put200Options).await.unwrap();
    call!(c, http_success, post200, Post200Options)
        .await
        .unwrap();
    call!(c, http_success, delete200, Delete200Options)
        .await
        .unwrap();
    call!(c, http_success, patch200, Patch200Options)
        .await
        .unwrap();
    call!(c, http_success, put201, Put201Options).await.unwrap();
    call!(c, http_success, post201, Post201Options)
        .await
        .unwrap();
    call!(c, http_success, put202, Put202Options).await.unwrap();
    call!(c, http_success, post202, Post202Options)
        .await
        .unwrap();
    call!(c, http_success, delete202, Delete202Options)
        .await
        .unwrap();
    call!(c, http_success, patch202, Patch202Options)
        .await
        .unwrap();
    call!(c, http_success, put204, Put204Options).await.unwrap();
    call!(c, http_success, post204, Post204Options)
        .await
        .unwrap();
    call!(c, http_success, delete204, Delete204Options)
        .await
        .unwrap();
    call!(c, http_success, patch204, Patch204Options)
        .await
        .unwrap();
    call!(c, http_success, head204).await.unwrap();
    // A HEAD documenting 404 says whether the resource exists.
    assert!(!call!(c, http_success, head404).await.unwrap());
}

#[tokio::test]
async fn client_failures_are_service_errors() {
    let c = client();
    assert_eq!(status_of(call!(c, http_client_failure, get400).await), 400);
    assert_eq!(status_of(call!(c, http_client_failure, head400).await), 400);
    assert_eq!(
        status_of(call!(c, http_client_failure, options400).await),
        400
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, put400, Put400Options).await),
        400
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, post400, Post400Options).await),
        400
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, delete400, Delete400Options).await),
        400
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, patch400, Patch400Options).await),
        400
    );
    assert_eq!(status_of(call!(c, http_client_failure, head401).await), 401);
    assert_eq!(status_of(call!(c, http_client_failure, get402).await), 402);
    assert_eq!(status_of(call!(c, http_client_failure, get403).await), 403);
    assert_eq!(
        status_of(call!(c, http_client_failure, options403).await),
        403
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, put404, Put404Options).await),
        404
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, patch405, Patch405Options).await),
        405
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, post406, Post406Options).await),
        406
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, delete407, Delete407Options).await),
        407
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, put409, Put409Options).await),
        409
    );
    assert_eq!(status_of(call!(c, http_client_failure, head410).await), 410);
    assert_eq!(status_of(call!(c, http_client_failure, get411).await), 411);
    assert_eq!(status_of(call!(c, http_client_failure, get412).await), 412);
    assert_eq!(
        status_of(call!(c, http_client_failure, options412).await),
        412
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, put413, Put413Options).await),
        413
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, patch414, Patch414Options).await),
        414
    );
    assert_eq!(
        status_of(call!(c, http_client_failure, post415, Post415Options).await),
        415
    );
    assert_eq!(status_of(call!(c, http_client_failure, get416).await), 416);
    assert_eq!(
        status_of(call!(c, http_client_failure, delete417, Delete417Options).await),
        417
    );
    assert_eq!(status_of(call!(c, http_client_failure, head429).await), 429);
}

#[tokio::test]
async fn server_failures_are_service_errors() {
    let c = client();
    assert_eq!(status_of(call!(c, http_server_failure, get501).await), 501);
    assert_eq!(status_of(call!(c, http_server_failure, head501).await), 501);
    assert_eq!(
        status_of(call!(c, http_server_failure, post505, Post505Options).await),
        505
    );
    assert_eq!(
        status_of(call!(c, http_server_failure, delete505, Delete505Options).await),
        505
    );
}

#[tokio::test]
async fn retried_statuses_succeed_on_the_next_attempt() {
    let c = Client::with_pipeline(pipeline_with_retries());
    call!(c, http_retry, head408).await.unwrap();
    call!(c, http_retry, put500, Put500Options).await.unwrap();
    call!(c, http_retry, patch500, Patch500Options)
        .await
        .unwrap();
    call!(c, http_retry, get502).await.unwrap();
    call!(c, http_retry, post503, Post503Options).await.unwrap();
    call!(c, http_retry, delete503, Delete503Options)
        .await
        .unwrap();
    call!(c, http_retry, put504, Put504Options).await.unwrap();
    call!(c, http_retry, patch504, Patch504Options)
        .await
        .unwrap();
}

#[tokio::test]
async fn redirects_are_followed() {
    let c = client();
    call!(c, http_redirects, head300).await.unwrap();
    call!(c, http_redirects, get301).await.unwrap();
    call!(c, http_redirects, head301).await.unwrap();
    call!(c, http_redirects, get302).await.unwrap();
    call!(c, http_redirects, head302).await.unwrap();
    call!(c, http_redirects, post303, Post303Options)
        .await
        .unwrap();
    call!(c, http_redirects, get307).await.unwrap();
    call!(c, http_redirects, head307).await.unwrap();
    call!(c, http_redirects, options307).await.unwrap();
    call!(c, http_redirects, put307, Put307Options)
        .await
        .unwrap();
    call!(c, http_redirects, post307, Post307Options)
        .await
        .unwrap();
    call!(c, http_redirects, delete307, Delete307Options)
        .await
        .unwrap();
    call!(c, http_redirects, patch307, Patch307Options)
        .await
        .unwrap();
}

#[tokio::test]
async fn redirects_of_other_methods_are_the_reply() {
    // 300 is followed for GET (and HEAD) as 301 and 302 are: the 200 it leads to has no
    // body, the 300's list of choices is never seen.
    let c = client();
    let reply = call!(c, http_redirects, get300).await.unwrap();
    assert_eq!((reply.body, reply.headers.location), (None, None));
    // 301 and 302 are not followed for PUT and PATCH (they would become GETs): the
    // documented redirect is the reply, with its `Location`.
    let moved = call!(c, http_redirects, put301, Put301Options)
        .await
        .unwrap();
    assert_eq!(
        moved.location,
        Some(HttpRedirectsPut301Location::HttpFailure500)
    );
    let found = call!(c, http_redirects, patch302, Patch302Options)
        .await
        .unwrap();
    assert_eq!(
        found.location,
        Some(HttpRedirectsPatch302Location::HttpFailure500)
    );
}

#[tokio::test]
async fn options_documented_with_a_body_that_never_comes() {
    // OPTIONS documents a boolean body, but the server's 200 after the 502 (retried) has
    // none: the client says so rather than invent a value. (Its `/http/success/200`
    // answers OPTIONS with Express's allow list, no JSON at all.)
    let c = Client::with_pipeline(pipeline_with_retries());
    let error = decode_error(call!(c, http_retry, options502).await);
    assert_eq!((error.status.as_u16(), error.raw.len()), (200, 0));
    assert!(
        error.message.starts_with("the body is empty"),
        "{}",
        error.message
    );
    let allow_list = decode_error(call!(c, http_success, options200).await);
    assert_eq!(allow_list.status.as_u16(), 200);
    assert!(allow_list.raw.starts_with(b"HEAD"), "{:?}", allow_list.raw);
}

#[tokio::test]
async fn error_bodies_with_and_without_a_model() {
    let c = client();
    // `default` has the Error model, whose message is empty.
    let empty = service_error(call!(c, http_failure, get_empty_error).await);
    assert_eq!(empty.status.as_u16(), 400);
    assert_eq!(empty.body, Some(serde_json::json!({"message": ""})));
    // No `default`: the body is still read as the client's error body, JSON.
    let no_model = service_error(call!(c, http_failure, get_no_model_error).await);
    assert_eq!(no_model.status.as_u16(), 400);
    assert_eq!(
        no_model.body,
        Some(serde_json::json!({"message": "NoErrorModel"}))
    );
    let no_body = service_error(call!(c, http_failure, get_no_model_empty).await);
    assert_eq!((no_body.status.as_u16(), no_body.body), (400, None));
    assert!(no_body.raw.is_empty());
}
