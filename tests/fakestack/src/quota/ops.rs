//! Quota operations shared by the test API, the control API and the seeds, with their checks.

use crate::state::{Realm, World, hex_id};

use super::{Held, IMAGE, ProjectLimit, QuotaService, RegisteredLimit};

pub(super) fn region_realm<'w>(world: &'w World, region: &str) -> Result<&'w Realm, String> {
    world
        .region(region)
        .map(|r| world.realm_of_region(r))
        .ok_or_else(|| format!("no region {region}"))
}

/// A project's id from its name or id, in the Keystone of `realm`.
pub(super) fn project_id(realm: &Realm, project: &str) -> Result<String, String> {
    realm
        .project_by_name(project)
        .or_else(|| realm.project_by_id(project))
        .map(|p| p.id.clone())
        .ok_or_else(|| format!("no project {project} in {}", realm.key))
}

/// The id of a service type in a Keystone's catalog.
pub(crate) fn service_id(realm: &Realm, kind: &str) -> Option<String> {
    realm
        .catalog
        .iter()
        .find(|s| s.kind == kind)
        .map(|s| s.id.clone())
}

pub(super) fn check_resource(
    world: &World,
    region: &str,
    kind: QuotaService,
    resource: &str,
) -> Result<(), String> {
    let known = world.quotas.region(region, |q| q.has(kind, resource));
    if known {
        Ok(())
    } else {
        Err(format!(
            "{} in {region} has no quota resource {resource}",
            kind.name()
        ))
    }
}

pub(super) fn set_usage(
    world: &World,
    region: &str,
    project: &str,
    service: &str,
    resource: &str,
    in_use: i64,
) -> Result<(), String> {
    let realm = region_realm(world, region)?;
    let project = project_id(realm, project)?;
    let kind = QuotaService::parse(service)?;
    check_resource(world, region, kind, resource)?;
    world
        .quotas
        .region(region, |q| q.set_usage(&project, kind, resource, in_use));
    Ok(())
}

/// A project's limit (`project` given) or the region's default.
pub(super) fn set_quota(
    world: &World,
    region: &str,
    project: Option<&str>,
    service: &str,
    resource: &str,
    limit: i64,
) -> Result<(), String> {
    let realm = region_realm(world, region)?;
    let kind = QuotaService::parse(service)?;
    check_resource(world, region, kind, resource)?;
    if limit < -1 {
        return Err(format!("limit {limit} is below -1 (unlimited)"));
    }
    match (kind, project) {
        (QuotaService::Image, None) => {
            Err("Glance's defaults are Keystone registered limits: use register_limit".to_owned())
        }
        (QuotaService::Image, Some(project)) => {
            let project = project_id(realm, project)?;
            let service_id = service_id(realm, "image").ok_or("no image service")?;
            world.quotas.keystone(&realm.key, |l| {
                if l.registered_for(&service_id, Some(region), resource).is_none() {
                    return Err(format!(
                        "no registered limit for image {resource} in {region}: use register_limit first"
                    ));
                }
                match l.limits.iter_mut().find(|x| {
                    x.project_id == project
                        && x.service_id == service_id
                        && x.region_id.as_deref() == Some(region)
                        && x.resource_name == resource
                }) {
                    Some(x) => x.resource_limit = limit,
                    None => l.limits.push(ProjectLimit {
                        id: hex_id(),
                        project_id: project,
                        service_id: service_id.clone(),
                        region_id: Some(region.to_owned()),
                        resource_name: resource.to_owned(),
                        resource_limit: limit,
                        description: None,
                    }),
                }
                Ok(())
            })
        }
        (_, Some(project)) => {
            let project = project_id(realm, project)?;
            world.quotas.region(region, |q| {
                q.set_limits(&project, kind, &[(resource.to_owned(), limit)]);
            });
            Ok(())
        }
        (_, None) => {
            world.quotas.region(region, |q| {
                q.defaults.insert((kind, resource.to_owned()), limit);
            });
            Ok(())
        }
    }
}

/// The limit in force for a project: its own, else the default (for
/// `image`, Keystone's, `None` without a registered limit).
pub(super) fn quota(
    world: &World,
    region: &str,
    project: &str,
    service: &str,
    resource: &str,
) -> Result<Option<i64>, String> {
    let realm = region_realm(world, region)?;
    let project = project_id(realm, project)?;
    let kind = QuotaService::parse(service)?;
    check_resource(world, region, kind, resource)?;
    if kind == QuotaService::Image {
        let Some(service_id) = service_id(realm, "image") else {
            return Ok(None);
        };
        return Ok(world.quotas.keystone(&realm.key, |l| {
            l.effective(&project, &service_id, region, resource)
        }));
    }
    Ok(world.quotas.region(region, |q| {
        q.table(&project, kind, &Held::new())
            .into_iter()
            .find(|(n, _, _)| n == resource)
            .map(|(_, limit, _)| limit)
    }))
}

pub(super) fn add_volume_type(world: &World, region: &str, name: &str) -> Result<(), String> {
    region_realm(world, region)?;
    if name.is_empty() {
        return Err("a volume type needs a name".to_owned());
    }
    world.quotas.region(region, |q| q.add_volume_type(name));
    Ok(())
}

pub(super) fn register_limit(
    world: &World,
    region: &str,
    service: &str,
    resource: &str,
    default: i64,
) -> Result<String, String> {
    let realm = region_realm(world, region)?;
    let service_id =
        service_id(realm, service).ok_or_else(|| format!("no service {service} in the catalog"))?;
    if default < -1 {
        return Err(format!("default {default} is below -1 (unlimited)"));
    }
    world.quotas.keystone(&realm.key, |l| {
        if let Some(r) = l.registered.iter_mut().find(|r| {
            r.service_id == service_id
                && r.region_id.as_deref() == Some(region)
                && r.resource_name == resource
        }) {
            r.default_limit = default;
            return Ok(r.id.clone());
        }
        let id = hex_id();
        l.registered.push(RegisteredLimit {
            id: id.clone(),
            service_id: service_id.clone(),
            region_id: Some(region.to_owned()),
            resource_name: resource.to_owned(),
            default_limit: default,
            description: None,
        });
        Ok(id)
    })
}

/// (resource, limit, in use) of a project's service, for the control API.
pub(super) fn report(
    world: &World,
    region: &str,
    project: &str,
    service: &str,
) -> Result<Vec<(String, Option<i64>, i64)>, String> {
    let realm = region_realm(world, region)?;
    let project = project_id(realm, project)?;
    let kind = QuotaService::parse(service)?;
    if kind == QuotaService::Image {
        let service_id = service_id(realm, "image");
        let limits: Vec<Option<i64>> = world.quotas.keystone(&realm.key, |l| {
            IMAGE
                .iter()
                .map(|r| {
                    service_id
                        .as_deref()
                        .and_then(|s| l.effective(&project, s, region, r))
                })
                .collect()
        });
        let held = world.held(region, &project, kind);
        return Ok(world.quotas.region(region, |q| {
            IMAGE
                .iter()
                .zip(limits)
                .map(|(r, limit)| ((*r).to_owned(), limit, q.used(&project, kind, r, &held)))
                .collect()
        }));
    }
    let held = world.held(region, &project, kind);
    Ok(world.quotas.region(region, |q| {
        q.table(&project, kind, &held)
            .into_iter()
            .map(|(n, limit, used)| (n, Some(limit), used))
            .collect()
    }))
}
