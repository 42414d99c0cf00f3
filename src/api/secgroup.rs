//! Neutron security groups, their rules and tags, address groups, and the
//! extension check that says whether a site can tag a group.

use super::{Endpoint, Service, SiteClient};
use crate::http::has_status;
use anyhow::Context;
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

const GROUPS: Endpoint = Endpoint::list(Service::Network, "security-groups", "security_groups");
const CREATE_GROUP: Endpoint =
    Endpoint::write(Service::Network, Method::POST, "security-groups").answers("security_group");
const UPDATE_GROUP: Endpoint = Endpoint::write(Service::Network, Method::PUT, "security-groups/{}");
const DELETE_GROUP: Endpoint =
    Endpoint::write(Service::Network, Method::DELETE, "security-groups/{}");
/// Replaces every tag of a group (tags cannot be given at creation).
const SET_TAGS: Endpoint =
    Endpoint::write(Service::Network, Method::PUT, "security-groups/{}/tags");
/// Bulk create: every rule of one call belongs to one group.
const CREATE_RULES: Endpoint =
    Endpoint::write(Service::Network, Method::POST, "security-group-rules")
        .answers("security_group_rules");
const DELETE_RULE: Endpoint =
    Endpoint::write(Service::Network, Method::DELETE, "security-group-rules/{}");
const ADDRESS_GROUPS: Endpoint =
    Endpoint::list(Service::Network, "address-groups", "address_groups");
const EXTENSION: Endpoint = Endpoint::get(Service::Network, "extensions/{}", "extension");

/// The extension that lets a client tag a security group.
pub(crate) const TAG_EXTENSION: &str = "standard-attr-tag";

/// A security group as Neutron shows it, with its rules.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct SecurityGroup {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// Absent before the `stateful-security-group` extension: stateful.
    #[serde(default)]
    pub(crate) stateful: Option<bool>,
    #[serde(default)]
    pub(crate) tags: Vec<String>,
    #[serde(default)]
    pub(crate) security_group_rules: Vec<Rule>,
}

/// A rule as Neutron shows it.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Rule {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) direction: String,
    #[serde(default)]
    pub(crate) ethertype: Option<String>,
    /// A name or a number, as the rule was made (`tcp`, `"6"`).
    #[serde(default)]
    pub(crate) protocol: Option<Value>,
    #[serde(default)]
    pub(crate) port_range_min: Option<i64>,
    #[serde(default)]
    pub(crate) port_range_max: Option<i64>,
    #[serde(default)]
    pub(crate) remote_ip_prefix: Option<String>,
    #[serde(default)]
    pub(crate) remote_group_id: Option<String>,
    #[serde(default)]
    pub(crate) remote_address_group_id: Option<String>,
    #[serde(default)]
    pub(crate) description: Option<String>,
}

/// A rule to create, in one group.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub(crate) struct NewRule {
    pub(crate) security_group_id: String,
    pub(crate) direction: String,
    pub(crate) ethertype: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) port_range_min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) port_range_max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) remote_ip_prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) remote_group_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) remote_address_group_id: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) description: String,
}

impl NewRule {
    /// Whether `rule` is this rule as Neutron stored it (to recognise what
    /// a creation whose answer was lost made). Neutron keeps what it is
    /// given, but may store an any-address prefix as none.
    pub(crate) fn made(&self, rule: &Rule) -> bool {
        let any = |p: &Option<String>| {
            p.as_deref()
                .filter(|p| !matches!(*p, "0.0.0.0/0" | "::/0"))
                .map(str::to_string)
        };
        let protocol = rule.protocol.as_ref().and_then(|p| match p {
            Value::String(s) => Some(s.to_lowercase()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        rule.direction == self.direction
            && rule.ethertype.as_deref() == Some(self.ethertype.as_str())
            && protocol == self.protocol.as_ref().map(|p| p.to_lowercase())
            && rule.port_range_min == self.port_range_min
            && rule.port_range_max == self.port_range_max
            && any(&rule.remote_ip_prefix) == any(&self.remote_ip_prefix)
            && rule.remote_group_id == self.remote_group_id
            && rule.remote_address_group_id == self.remote_address_group_id
            && rule.description.as_deref().unwrap_or_default() == self.description
    }
}

/// An address group: only its name and id matter here.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct AddressGroup {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: String,
}

impl SiteClient {
    /// The security groups of one project, with their rules. Asking for
    /// the project also keeps an admin from seeing every project's groups.
    pub(crate) async fn security_groups(
        &self,
        project_id: &str,
    ) -> anyhow::Result<Vec<SecurityGroup>> {
        self.list(&GROUPS, &[], &[("project_id", project_id)])
            .await
            .context("listing security groups")
    }

    /// The address groups of one project.
    pub(crate) async fn address_groups(
        &self,
        project_id: &str,
    ) -> anyhow::Result<Vec<AddressGroup>> {
        self.list(&ADDRESS_GROUPS, &[], &[("project_id", project_id)])
            .await
            .context("listing address groups")
    }

    /// Whether the site's Neutron has an extension (a 404 says it has not).
    pub(crate) async fn network_extension(&self, alias: &str) -> anyhow::Result<bool> {
        match self.call(&EXTENSION, &[alias], &[], None).await {
            Ok(_) => Ok(true),
            Err(e) if has_status(&e, 404) => Ok(false),
            Err(e) => Err(e.context(format!("checking Neutron's {alias} extension"))),
        }
    }

    /// Creates a group (Neutron adds its template rules, if any).
    pub(crate) async fn create_security_group(
        &self,
        name: &str,
        description: &str,
        stateful: bool,
    ) -> anyhow::Result<SecurityGroup> {
        let body = json!({ "security_group": {
            "name": name, "description": description, "stateful": stateful,
        }});
        let made = self.call(&CREATE_GROUP, &[], &[], Some(body)).await?;
        serde_json::from_value(made).context("reading the created security group")
    }

    pub(crate) async fn set_security_group_stateful(
        &self,
        id: &str,
        stateful: bool,
    ) -> anyhow::Result<()> {
        let body = json!({ "security_group": { "stateful": stateful } });
        self.call(&UPDATE_GROUP, &[id], &[], Some(body)).await?;
        Ok(())
    }

    pub(crate) async fn set_security_group_tags(
        &self,
        id: &str,
        tags: &[String],
    ) -> anyhow::Result<()> {
        let body = json!({ "tags": tags });
        self.call(&SET_TAGS, &[id], &[], Some(body)).await?;
        Ok(())
    }

    pub(crate) async fn delete_security_group(&self, id: &str) -> anyhow::Result<()> {
        self.delete(&DELETE_GROUP, &[id]).await
    }

    /// Creates rules of one group in one request (all or none), returning
    /// them in the order given.
    pub(crate) async fn create_security_group_rules(
        &self,
        rules: &[NewRule],
    ) -> anyhow::Result<Vec<Rule>> {
        let body = json!({ "security_group_rules": rules });
        let made = self.call(&CREATE_RULES, &[], &[], Some(body)).await?;
        let made: Vec<Rule> =
            serde_json::from_value(made).context("reading the created security group rules")?;
        if made.len() != rules.len() {
            anyhow::bail!(
                "network POST security-group-rules: {} rules asked for, {} created",
                rules.len(),
                made.len()
            );
        }
        Ok(made)
    }

    pub(crate) async fn delete_security_group_rule(&self, id: &str) -> anyhow::Result<()> {
        self.delete(&DELETE_RULE, &[id]).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_real_group() {
        let body: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/neutron_security_group.json"
        ))
        .unwrap();
        let ep = Endpoint::get(Service::Network, "security-groups/{}", "security_group");
        let g: SecurityGroup = serde_json::from_value(ep.unwrap(body).unwrap()).unwrap();
        assert_eq!(g.stateful, Some(true));
        assert_eq!(g.security_group_rules.len(), 2);
        let remote = &g.security_group_rules[1];
        assert_eq!(remote.remote_group_id.as_deref(), Some(g.id.as_str()));
        assert_eq!(remote.protocol, Some(json!("tcp")));
        assert_eq!(remote.ethertype.as_deref(), Some("IPv6"));
    }

    #[test]
    fn a_new_rule_sends_only_what_it_has() {
        let rule = NewRule {
            security_group_id: "g".into(),
            direction: "ingress".into(),
            ethertype: "IPv4".into(),
            protocol: Some("tcp".into()),
            port_range_min: Some(22),
            port_range_max: Some(22),
            ..NewRule::default()
        };
        assert_eq!(
            serde_json::to_value(&rule).unwrap(),
            json!({"security_group_id": "g", "direction": "ingress", "ethertype": "IPv4",
                   "protocol": "tcp", "port_range_min": 22, "port_range_max": 22})
        );
    }
}
