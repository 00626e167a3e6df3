use crate::pipeline::{BoxFuture, Transport};
use crate::{Request, Response, TransportError};
use std::time::Duration;

/// The default transport: reqwest with rustls, and tokio's timer (so it needs a tokio
/// runtime, as reqwest does).
#[derive(Debug, Clone, Default)]
pub struct ReqwestTransport {
    pub client: reqwest::Client,
}

impl Transport for ReqwestTransport {
    fn send(
        &self,
        request: Request,
        timeout: Option<Duration>,
    ) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            let failed = |error: reqwest::Error| TransportError {
                timeout: error.is_timeout(),
                source: Box::new(error),
            };
            let (parts, body) = request.into_parts();
            let mut builder = self
                .client
                .request(parts.method, parts.uri.to_string())
                .headers(parts.headers)
                .body(body);
            if let Some(timeout) = timeout {
                builder = builder.timeout(timeout);
            }
            let reply = builder.send().await.map_err(failed)?;
            let mut response = http::Response::new(Vec::new());
            *response.status_mut() = reply.status();
            *response.headers_mut() = reply.headers().clone();
            *response.body_mut() = reply.bytes().await.map_err(failed)?.to_vec();
            Ok(response)
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}
