// External types match by their whole path: `IpAddr` is not the catalog's `Ipv4Addr`.
#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "../catalogs/client.toml")]
pub enum ClientError {
    Address { addr: std::net::IpAddr },
}

fn main() {}
