"""The rows of `osprey config show -f json`, computed by openstacksdk itself.

Runs `openstack.config.OpenStackConfig().get_all()` in the current directory
and environment and prints, as a JSON array, one row per cloud and region
with the keys (in order, unset ones omitted) and masking osprey uses. Used by
tests/config_diff.rs to compare osprey's resolution with openstacksdk's.
"""

import json
import sys
import warnings

# openstacksdk's warnings (deprecations, unknown profiles) are not rows.
warnings.simplefilter("ignore")

import openstack.config  # noqa: E402

AUTH_KEYS = [
    "auth_url",
    "username",
    "user_id",
    "user_domain_name",
    "user_domain_id",
    "project_name",
    "project_id",
    "project_domain_name",
    "project_domain_id",
    "domain_name",
    "domain_id",
    "application_credential_id",
    "application_credential_name",
    "system_scope",
]
SECRETS = ["password", "application_credential_secret", "token"]


def row(region, unmask):
    config = region.config
    auth = config.get("auth") or {}
    out = {"cloud": region.name, "region": region.region_name or ""}

    def put(key, value):
        if value is not None:
            out[key] = value

    put("auth_type", config.get("auth_type"))
    for key in AUTH_KEYS:
        put(key, auth.get(key))
    put("interface", config.get("interface"))
    # What requests gets: insecure wins, a cacert path counts as true.
    verify, _cert = region.get_requests_verify_args()
    out["verify"] = bool(verify)
    put("cacert", config.get("cacert"))
    put("cert", config.get("cert"))
    for key in SECRETS:
        if auth.get(key) is not None:
            out[key] = auth[key] if unmask else "<masked>"
    return out


def main():
    unmask = "--unmask" in sys.argv[1:]
    config = openstack.config.OpenStackConfig()
    rows = [row(r, unmask) for r in config.get_all()]
    # osprey sorts by cloud name; get_all keeps each cloud's region order.
    rows.sort(key=lambda r: r["cloud"])
    json.dump(rows, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
