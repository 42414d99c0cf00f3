//! Nova's `os-keypairs`: import or generate, list (paginated by name from 2.35), show, delete; keys belong to a user.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Map, Value, json};

use crate::body::{py_repr, py_str};
use crate::collection::{Ask, Collection, Verb};
use crate::microversion::Microversion;
use crate::quota::QuotaService;
use crate::region::Service;
use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Kind, Paging, RegionStore, Resource, Stamps};

use super::{policy, sshkey};

pub(crate) static DECL: Decl = Decl {
    kind: Kind::Keypair,
    service: Service::Compute,
    path: "/compute/v2.1/os-keypairs",
    singular: "keypair",
    plural: "keypairs",
    key: "name",
    paging: Paging::Nova,
    stamps: Stamps::Micro,
    create,
    visible,
};

/// Keys of the target user (`?user_id=` from 2.10), looked up by name,
/// paged by name from 2.35; 201 and 204 from 2.2 (200 and 202 before).
pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    |name| format!("Keypair {name} not found"),
    select,
    view,
)
.paged_from(MV_PAGES)
.bad_marker(|_, m| ApiError::bad_request(format!("Marker {m} could not be found.")))
.guard(guard)
.lookup(by_name)
.status(|verb, mv| match verb {
    Verb::Create if mv >= MV_TYPE => StatusCode::CREATED,
    Verb::Delete if mv >= MV_TYPE => StatusCode::NO_CONTENT,
    Verb::Delete => StatusCode::ACCEPTED,
    _ => StatusCode::OK,
})
.answered(forget_private_key);

const MV_TYPE: Microversion = Microversion(2, 2);
const MV_USER: Microversion = Microversion(2, 10);
const MV_PAGES: Microversion = Microversion(2, 35);
const MV_IMPORT_ONLY: Microversion = Microversion(2, 92);

/// A user's own keys; the admin's any.
fn visible(caller: &Caller, r: &Resource) -> bool {
    caller.is_admin() || r.user_id.as_deref() == Some(caller.user_id.as_str())
}

/// The user a request is about: `?user_id=` (from 2.10) or the caller.
fn target_user(ask: &Ask<'_>) -> String {
    let asked = ask.query.get("user_id").filter(|_| ask.mv >= MV_USER);
    asked.unwrap_or(&ask.caller.user_id).to_owned()
}

/// `(admin) or user_id:%(user_id)s` on the target user; a create checks
/// the body's user itself.
fn guard(ask: &Ask<'_>) -> Result<(), ApiError> {
    let action = match ask.verb {
        Verb::List | Verb::Detail => "index",
        Verb::Show => "show",
        Verb::Delete => "delete",
        Verb::Create | Verb::Update => return Ok(()),
    };
    if target_user(ask) != ask.caller.user_id && !ask.caller.is_admin() {
        return Err(policy(&format!("os_compute_api:os-keypairs:{action}")));
    }
    Ok(())
}

fn by_name<'s>(ask: &Ask<'_>, s: &'s RegionStore, name: &str) -> Result<&'s Resource, ApiError> {
    let user = target_user(ask);
    find(s, &user, name)
        .ok_or_else(|| ApiError::not_found(format!("Keypair {name} not found for user {user}")))
}

/// The target user's keys by name.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let user = target_user(ask);
    let mut keys: Vec<&Resource> = s
        .all(Kind::Keypair)
        .iter()
        .filter(|r| r.user_id.as_deref() == Some(user.as_str()))
        .collect();
    keys.sort_by(|a, b| a.field("name").cmp(b.field("name")));
    Ok(keys)
}

/// Nova's views: a list's items each in their envelope, the create answer
/// with the generated private key; `type` from 2.2.
fn view(ask: &Ask<'_>, _: &RegionStore, r: &Resource) -> Value {
    let keys: &[&str] = match ask.verb {
        Verb::Show => &[
            "name",
            "public_key",
            "fingerprint",
            "user_id",
            "created_at",
            "deleted",
            "deleted_at",
            "id",
            "updated_at",
        ],
        Verb::Create => &["name", "public_key", "fingerprint", "user_id"],
        _ => &["name", "public_key", "fingerprint"],
    };
    let mut out = Map::new();
    if ask.verb == Verb::Create
        && let Some(private) = r.hidden.get("private_key")
    {
        out.insert("private_key".into(), private.clone());
    }
    let typed = ask.mv >= MV_TYPE;
    if typed && ask.verb == Verb::Create {
        out.insert("type".into(), r.body["type"].clone());
    }
    for key in keys {
        out.insert(
            (*key).to_owned(),
            r.body.get(*key).cloned().unwrap_or(Value::Null),
        );
    }
    if typed && ask.verb != Verb::Create {
        out.insert("type".into(), r.body["type"].clone());
    }
    match ask.verb {
        Verb::List => json!({"keypair": out}),
        _ => Value::Object(out),
    }
}

/// A generated private key is shown once, in the create answer.
fn forget_private_key(_: &Ask<'_>, r: &mut Resource, _: &mut Response) {
    r.hidden.remove("private_key");
}

fn find<'s>(s: &'s RegionStore, user: &str, name: &str) -> Option<&'s Resource> {
    s.find(Kind::Keypair, |r| {
        r.user_id.as_deref() == Some(user) && r.field("name") == name
    })
}

/// `Invalid input for field/attribute <field>. Value: <v>. <why>`.
fn invalid(field: &str, value: &Value, why: String) -> ApiError {
    ApiError::bad_request(format!(
        "Invalid input for field/attribute {field}. Value: {}. {why}",
        py_str(value)
    ))
}

/// What the create schema of the microversion accepts.
fn check_schema(k: &Value, mv: Microversion) -> Result<(), ApiError> {
    let Some(map) = k.as_object() else {
        return Err(invalid(
            "keypair",
            k,
            format!("{} is not of type 'object'", py_repr(k)),
        ));
    };
    let mut allowed = vec!["name", "public_key"];
    if mv >= MV_TYPE {
        allowed.push("type");
    }
    if mv >= MV_USER {
        allowed.push("user_id");
    }
    let extra: Vec<String> = map
        .keys()
        .filter(|key| !allowed.contains(&key.as_str()))
        .map(|key| format!("'{key}'"))
        .collect();
    if !extra.is_empty() {
        let verb = if extra.len() == 1 { "was" } else { "were" };
        return Err(invalid(
            "keypair",
            k,
            format!(
                "Additional properties are not allowed ({} {verb} unexpected)",
                extra.join(", ")
            ),
        ));
    }
    let mut required = vec!["name"];
    if mv >= MV_IMPORT_ONLY {
        required.push("public_key");
    }
    if let Some(missing) = required.iter().find(|r| !map.contains_key(**r)) {
        return Err(invalid(
            "keypair",
            k,
            format!("'{missing}' is a required property"),
        ));
    }
    let name = &map["name"];
    let pattern = if mv >= MV_IMPORT_ONLY {
        r"^[_\\-\\@\\. a-zA-Z0-9]+$"
    } else {
        r"^[_\\- a-zA-Z0-9]+$"
    };
    let allowed_char = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '_' | '-' | ' ')
            || (mv >= MV_IMPORT_ONLY && matches!(c, '@' | '.'))
    };
    // In the order Nova's validator meets them: `name`'s format (no
    // leading or trailing whitespace), its length, then the keypair pattern.
    let Some(text) = name.as_str() else {
        return Err(invalid(
            "name",
            name,
            format!("{} is not of type 'string'", py_repr(name)),
        ));
    };
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return Err(ApiError::bad_request(
            "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
        ));
    }
    let length = text.chars().count();
    if length == 0 || length > 255 {
        let why = if length == 0 { "short" } else { "long" };
        return Err(invalid(
            "name",
            name,
            format!("{} is too {why}", py_repr(name)),
        ));
    }
    if !text.chars().all(allowed_char) {
        return Err(invalid(
            "name",
            name,
            format!("{} does not match '{pattern}'", py_repr(name)),
        ));
    }
    for key in ["public_key", "user_id"] {
        if let Some(v) = map.get(key).filter(|v| !v.is_string()) {
            return Err(invalid(
                key,
                v,
                format!("{} is not of type 'string'", py_repr(v)),
            ));
        }
    }
    if let Some(t) = map
        .get("type")
        .filter(|t| !matches!(t.as_str(), Some("ssh" | "x509")))
    {
        return Err(invalid(
            "type",
            t,
            format!("{} is not one of ['ssh', 'x509']", py_repr(t)),
        ));
    }
    Ok(())
}

/// Schema, policy on the target user, quota, then the key: a given public
/// key is fingerprinted, none means Nova generates an RSA pair (before
/// 2.92), whose private key the handler returns once.
fn create(call: Call<'_>, s: &mut RegionStore, k: &Value) -> Result<String, ApiError> {
    check_schema(k, call.mv)?;
    let name = k["name"].as_str().unwrap_or_default();
    let kind = k["type"].as_str().unwrap_or("ssh");
    let user = k["user_id"]
        .as_str()
        .filter(|_| call.mv >= MV_USER)
        .unwrap_or(&call.caller.user_id)
        .to_owned();
    if user != call.caller.user_id && !call.caller.is_admin() {
        return Err(policy("os_compute_api:os-keypairs:create"));
    }
    let owned = s
        .all(Kind::Keypair)
        .iter()
        .filter(|r| r.user_id.as_deref() == Some(user.as_str()))
        .count() as i64;
    let project = call.caller.project_id.clone().unwrap_or_default();
    let limit = call.ctx.world.quotas.region(call.ctx.key(), |q| {
        q.limit(&project, QuotaService::Compute, "key_pairs")
    });
    if limit >= 0 && owned + 1 > limit {
        return Err(ApiError::forbidden("Quota exceeded, too many key pairs."));
    }
    let (public_key, private_key) = match k["public_key"].as_str() {
        Some(p) => (p.to_owned(), None),
        None if kind == "x509" => {
            return Err(ApiError::bad_request(
                "Keypair data is invalid: x509 keypairs can only be imported here",
            ));
        }
        None => {
            let (private, public) = sshkey::generate().map_err(ApiError::bad_request)?;
            (public, Some(private))
        }
    };
    let fingerprint = if kind == "x509" {
        sshkey::x509_fingerprint(&public_key).ok_or_else(|| {
            ApiError::bad_request(
                "Keypair data is invalid: failed to generate X509 fingerprint. Error message: Unable to load PEM file.",
            )
        })?
    } else {
        sshkey::fingerprint(&public_key).ok_or_else(|| {
            ApiError::bad_request("Keypair data is invalid: failed to generate fingerprint")
        })?
    };
    if find(s, &user, name).is_some() {
        return Err(ApiError::conflict(format!(
            "Key pair '{name}' already exists."
        )));
    }
    let number = s.next_number();
    let body = json!({
        "name": name, "public_key": public_key, "fingerprint": fingerprint, "user_id": user,
        "created_at": null, "deleted": false, "deleted_at": null, "id": number,
        "updated_at": "", "type": kind,
    });
    let mut r = Resource::new(
        Kind::Keypair,
        &number.to_string(),
        Some(&project),
        Some(&user),
        body,
    );
    // Nova never updates a keypair: its updated_at stays null.
    r.body["updated_at"] = Value::Null;
    if let Some(private) = private_key {
        r.hidden.insert("private_key".into(), json!(private));
    }
    s.insert(r);
    Ok(number.to_string())
}
