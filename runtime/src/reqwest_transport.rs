use crate::pipeline::{BoxFuture, Limits, Transport};
use crate::{BodyTooLarge, Request, Response, TransportError};
use std::time::Duration;

/// The default transport: reqwest with rustls, and tokio's timer (so it needs a tokio
/// runtime, as reqwest does). Its default client follows no redirects: the
/// [`Pipeline`](crate::Pipeline) does, by the rules of Azure's SDKs.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    pub client: reqwest::Client,
}

impl Default for ReqwestTransport {
    fn default() -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self { client }
    }
}

impl Transport for ReqwestTransport {
    fn send(
        &self,
        request: Request,
        limits: Limits,
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
            if let Some(timeout) = limits.timeout {
                builder = builder.timeout(timeout);
            }
            let mut reply = builder.send().await.map_err(failed)?;
            let too_large = || TransportError {
                timeout: false,
                source: Box::new(BodyTooLarge {
                    limit: limits.max_body_size,
                }),
            };
            let limit = limits.max_body_size;
            if reply
                .content_length()
                .is_some_and(|length| length > limit as u64)
            {
                return Err(too_large());
            }
            let mut body = Vec::new();
            while let Some(chunk) = reply.chunk().await.map_err(failed)? {
                if chunk.len() > limit - body.len() {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            let mut response = http::Response::new(body);
            *response.status_mut() = reply.status();
            *response.headers_mut() = reply.headers().clone();
            Ok(response)
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}
