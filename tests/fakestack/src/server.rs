//! Binding the listeners and running them on a runtime thread of their own.

use std::io;
use std::net::TcpListener;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use axum::Router;

use crate::region::Service;
use crate::spec::Spec;
use crate::state::{Addresses, Realm, World};
use crate::tls::{Pki, TlsListener};
use crate::{control, keystone, region};

/// Which listener a handler runs on.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Site {
    Keystone(usize),
    Region(usize),
    Control,
}

/// Handler state: the shared world and the listener.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub world: Arc<World>,
    pub site: Site,
}

impl Ctx {
    /// The listener's key in logs, counts and targets.
    pub fn key(&self) -> &str {
        match self.site {
            Site::Keystone(i) => &self.world.realms[i].key,
            Site::Region(i) => &self.world.regions[i].name,
            Site::Control => "control",
        }
    }

    /// The Keystone of this listener (a region's: the one issuing its tokens).
    pub fn realm(&self) -> &Realm {
        match self.site {
            Site::Keystone(i) => &self.world.realms[i],
            Site::Region(i) => self.world.realm_of_region(&self.world.regions[i]),
            Site::Control => &self.world.realms[0],
        }
    }

    pub fn is_keystone(&self) -> bool {
        matches!(self.site, Site::Keystone(_))
    }

    /// `http(s)://127.0.0.1:PORT` of this listener.
    /// Nova's maximum microversion on this listener: its region's own.
    pub fn compute_max(&self) -> crate::microversion::Microversion {
        match self.site {
            Site::Region(i) => self.world.regions[i].compute_max,
            _ => self.world.compute_max,
        }
    }

    pub fn base_url(&self) -> &str {
        match self.site {
            Site::Keystone(i) => &self.world.realms[i].url,
            Site::Region(i) => &self.world.regions[i].url,
            Site::Control => &self.world.control_url,
        }
    }

    /// The service whose error shapes apply to `path` on this listener.
    pub fn service_of(&self, path: &str) -> Option<Service> {
        match self.site {
            Site::Keystone(_) => Some(Service::Identity),
            Site::Region(_) => Service::from_path(path),
            Site::Control => None,
        }
    }
}

fn bind(scheme: &str) -> io::Result<(TcpListener, String)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let url = format!("{scheme}://{}", listener.local_addr()?);
    Ok((listener, url))
}

/// A running fake estate: dropping it stops every listener.
pub(crate) struct Running {
    pub world: Arc<World>,
    /// The CA and client identity when the spec asked for TLS.
    pub pki: Option<Pki>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Running {
    /// Binds every listener on 127.0.0.1:0, then serves them on a new thread.
    pub fn start(spec: &Spec) -> io::Result<Self> {
        spec.validate();
        let pki = if spec.tls {
            Some(Pki::generate(spec.client_cert)?)
        } else {
            None
        };
        let acceptor = pki.as_ref().map(|p| p.acceptor.clone());
        let scheme = if spec.tls { "https" } else { "http" };
        let mut realm_addrs = Vec::new();
        let mut region_addrs = Vec::new();
        let mut listeners: Vec<(TcpListener, Site)> = Vec::new();
        for cloud in &spec.clouds {
            if cloud.per_region_keystone {
                for r in &cloud.regions {
                    let (l, url) = bind(scheme)?;
                    listeners.push((l, Site::Keystone(realm_addrs.len())));
                    let key = format!("keystone:{}/{r}", cloud.name);
                    realm_addrs.push((key, cloud.name.clone(), url, vec![r.clone()]));
                    let (l, url) = bind(scheme)?;
                    listeners.push((l, Site::Region(region_addrs.len())));
                    region_addrs.push((r.clone(), cloud.name.clone(), url, realm_addrs.len() - 1));
                }
            } else {
                let (l, url) = bind(scheme)?;
                listeners.push((l, Site::Keystone(realm_addrs.len())));
                let key = format!("keystone:{}", cloud.name);
                realm_addrs.push((key, cloud.name.clone(), url, cloud.regions.clone()));
                for r in &cloud.regions {
                    let (l, url) = bind(scheme)?;
                    listeners.push((l, Site::Region(region_addrs.len())));
                    region_addrs.push((r.clone(), cloud.name.clone(), url, realm_addrs.len() - 1));
                }
            }
        }
        let (l, control) = bind(scheme)?;
        listeners.push((l, Site::Control));
        let world = World::new(
            spec,
            Addresses {
                realms: realm_addrs,
                regions: region_addrs,
                control,
            },
            pki.as_ref(),
        );

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("fakestack")
            .enable_all()
            .build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = world.clone();
        let thread = std::thread::Builder::new()
            .name("fakestack".into())
            .spawn(move || {
                runtime.block_on(async move {
                    for (listener, site) in listeners {
                        let ctx = Ctx {
                            world: served.clone(),
                            site,
                        };
                        let app = match site {
                            Site::Keystone(_) => keystone::router(ctx),
                            Site::Region(_) => region::router(ctx),
                            Site::Control => control::router(ctx),
                        };
                        tokio::spawn(serve(listener, app, acceptor.clone()));
                    }
                    let _ = stopped.await;
                });
                // Hanging requests never finish: drop them instead of draining.
                runtime.shutdown_timeout(Duration::from_secs(1));
            })?;
        Ok(Self {
            world,
            pki,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

async fn serve(listener: TcpListener, app: Router, tls: Option<tokio_rustls::TlsAcceptor>) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(listener) => listener,
        Err(e) => return eprintln!("fakestack: cannot serve: {e}"),
    };
    let served = match tls {
        Some(acceptor) => axum::serve(TlsListener::new(listener, acceptor), app).await,
        None => axum::serve(listener, app).await,
    };
    if let Err(e) = served {
        eprintln!("fakestack: listener stopped: {e}");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
