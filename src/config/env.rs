//! Where configuration is looked for: the variables and directories that
//! loading reads from the outside world, and openstacksdk's search path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What configuration loading reads from the outside world. Tests build one
/// by hand (or with [`ConfigEnv::from_vars`]) to stay hermetic.
#[derive(Debug, Clone, Default)]
pub struct ConfigEnv {
    /// Environment variables (`OS_*`, `HOME`, `XDG_CONFIG_HOME`, ...).
    pub(crate) vars: BTreeMap<String, String>,
    /// The directory searched first.
    pub(crate) cwd: PathBuf,
    /// `$XDG_CONFIG_HOME/openstack`, else `~/.config/openstack`.
    pub(crate) user_config_dir: PathBuf,
    /// `/etc/openstack`, searched last.
    pub site_config_dir: PathBuf,
}

impl ConfigEnv {
    /// The running process's environment and working directory.
    pub(crate) fn from_process() -> Self {
        let vars = std::env::vars().collect();
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self::from_vars(vars, cwd)
    }

    /// The directories openstacksdk would use for these variables (its
    /// `platformdirs` user config directory: an absolute `XDG_CONFIG_HOME`,
    /// else `$HOME/.config`).
    pub fn from_vars(vars: BTreeMap<String, String>, cwd: PathBuf) -> Self {
        let user_base = match vars
            .get("XDG_CONFIG_HOME")
            .filter(|p| Path::new(p).is_absolute())
        {
            Some(x) => PathBuf::from(x),
            None => home_dir(&vars)
                .unwrap_or_else(|| PathBuf::from("~"))
                .join(".config"),
        };
        ConfigEnv {
            vars,
            cwd,
            user_config_dir: user_base.join("openstack"),
            site_config_dir: PathBuf::from("/etc/openstack"),
        }
    }

    /// openstacksdk's `CONFIG_SEARCH_PATH`: the working directory, the user
    /// config directory, `~/.config/openstack` (`$SNAP_REAL_HOME` first),
    /// the XDG site directories and the site config directory.
    pub(crate) fn search_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.cwd.clone(), self.user_config_dir.clone()];
        let unix_home = self
            .var("SNAP_REAL_HOME")
            .or_else(|| self.vars.get("HOME").map(String::as_str));
        if let Some(home) = unix_home {
            dirs.push(Path::new(home).join(".config").join("openstack"));
        }
        // platformdirs joins several XDG site directories with ':' into one
        // string, which openstacksdk then uses as one directory; kept as is.
        let xdg: Vec<String> = self
            .vars
            .get("XDG_CONFIG_DIRS")
            .map(|v| {
                v.split(':')
                    .filter(|p| Path::new(p).is_absolute())
                    .map(|p| format!("{p}/openstack"))
                    .collect()
            })
            .unwrap_or_default();
        dirs.push(if xdg.is_empty() {
            PathBuf::from("/etc/xdg/openstack")
        } else {
            PathBuf::from(xdg.join(":"))
        });
        dirs.push(self.site_config_dir.clone());
        dirs
    }

    /// A variable that is set and not empty.
    pub(crate) fn var(&self, key: &str) -> Option<&str> {
        self.vars
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

pub(crate) fn home_dir(vars: &BTreeMap<String, String>) -> Option<PathBuf> {
    match vars.get("HOME").filter(|h| Path::new(h).is_absolute()) {
        Some(h) => Some(PathBuf::from(h)),
        None => directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_dirs_follow_openstacksdk() {
        type Vars<'a> = &'a [(&'a str, &'a str)];
        let cases: [(Vars, [&str; 5]); 2] = [
            (
                &[
                    ("HOME", "/h"),
                    ("XDG_CONFIG_HOME", "/x"),
                    ("XDG_CONFIG_DIRS", "/a:/b"),
                ],
                [
                    "/cwd",
                    "/x/openstack",
                    "/h/.config/openstack",
                    "/a/openstack:/b/openstack",
                    "/etc/openstack",
                ],
            ),
            (
                &[("HOME", "/h")],
                [
                    "/cwd",
                    "/h/.config/openstack",
                    "/h/.config/openstack",
                    "/etc/xdg/openstack",
                    "/etc/openstack",
                ],
            ),
        ];
        for (vars, want) in cases {
            let vars: BTreeMap<String, String> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let env = ConfigEnv::from_vars(vars, PathBuf::from("/cwd"));
            let dirs: Vec<String> = env
                .search_dirs()
                .iter()
                .map(|d| d.display().to_string())
                .collect();
            assert_eq!(dirs, want);
        }
    }
}
