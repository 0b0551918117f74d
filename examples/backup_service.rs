//! The backup service: an axum server whose every failure is a typed error of a catalog.
//!
//! ```sh
//! cargo run -p error-catalog-examples --example backup_service        # on 127.0.0.1:3000
//! cargo run -p error-catalog-examples --example backup_service -- 127.0.0.1:8080
//! ```
//!
//! Then, for example:
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/v1/storages/s-9
//! curl -i http://127.0.0.1:3000/v2/storages/s-9
//! curl -i -H 'accept: application/problem+json' http://127.0.0.1:3000/v2/storages/s-9
//! ```
//!
//! The routes are in the crate's library (`error_catalog_examples::app`), which the end-to-end
//! test serves too.

use std::net::SocketAddr;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_target(false).init();
    let address: SocketAddr = match std::env::args().nth(1) {
        Some(text) => text.parse().map_err(|error| {
            format!("`{text}` is not an address such as 127.0.0.1:3000: {error}")
        })?,
        None => SocketAddr::from(([127, 0, 0, 1], 3000)),
    };
    let listener = tokio::net::TcpListener::bind(address).await?;
    tracing::info!("backup service on http://{}", listener.local_addr()?);
    axum::serve(listener, error_catalog_examples::app()).await?;
    Ok(())
}
