//! Glance calls made with a site's token.

use super::{Endpoint, Service, SiteClient};

const USAGE: Endpoint = Endpoint::get(Service::Image, "info/usage", "usage");

impl SiteClient {
    /// Glance's usage of its unified-limit resources (`/v2/info/usage`), for
    /// the token's own project.
    pub(crate) async fn image_usage(&self) -> anyhow::Result<Vec<(String, i64)>> {
        let usage = self.call(&USAGE, &[], &[], None).await?;
        let mut out: Vec<(String, i64)> = usage
            .as_object()
            .map(|m| {
                m.iter()
                    .filter_map(|(k, u)| Some((k.clone(), u.get("usage")?.as_i64()?)))
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        Ok(out)
    }
}
