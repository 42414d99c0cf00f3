
use builtin;
use str;

set edit:completion:arg-completer[osprey] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'osprey'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'osprey'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand config 'Show configuration'
            cand sites 'List the selected sites with their authentication result and endpoints'
            cand auth 'Cached tokens: show them per site, or remove them'
            cand quota 'Quotas across regions: view them, keep global limits by balancing, check'
            cand keypair 'SSH keypairs across regions: compare, clone, import, delete'
            cand flavor 'Flavors across regions (admin): compare them, clone them with extra specs and access lists'
            cand image 'Images across regions: compare them by content, and copy them (server-side where Glance can, streamed once to every target elsewhere)'
            cand secgroup 'Security groups across regions: compare rule sets, diff one group, clone groups with their rules'
            cand ip 'Addresses across regions: the inventory, conflicts between sites, where an address lives, and CIDRs no site uses'
            cand health 'Per site and service: version document, login, one authenticated list call, and for admins the services and agents that are down'
            cand events 'One time-ordered feed across sites of what went wrong or changed: server faults and actions, volume errors and Cinder messages, killed images and failed imports'
            cand console-log 'Print a server''s console log, the server found at any selected site by id or name. Exit 1 when no site has it, 2 when the name is ambiguous'
            cand usage 'The project''s live usage at every site (servers by status, vCPUs, RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours over a period'
            cand capacity 'vCPU, RAM and disk capacity and use at every site, from Placement (else Nova''s hypervisors); admin'
            cand server 'Servers across regions: one table of every site''s servers, and one server shown wherever it is'
            cand volume 'Volumes across regions: one table of every site''s volumes'
            cand network 'Networks across regions: one table of every site''s networks'
            cand floating 'Floating IPs across regions: one table of every site''s floating IPs'
            cand find 'Where a name, an id or a floating IP address lives: every site and kind of resource that has it'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Print the man page (roff) to stdout, or write every page to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;config'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show every configured cloud and region as openstacksdk resolves it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;config;show'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --unmask 'Show passwords, tokens and secrets instead of `<masked>`'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;config;help'= {
            cand show 'Show every configured cloud and region as openstacksdk resolves it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;config;help;show'= {
        }
        &'osprey;config;help;help'= {
        }
        &'osprey;sites'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --check 'Also call each service''s version document; exit 2 if any does not answer'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;auth'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand status 'Show each selected site''s cached token: user, scope and time left (never the token). Logs in nowhere'
            cand logout 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;auth;status'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;auth;logout'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all 'Remove every cached token and version document, of every cloud'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;auth;help'= {
            cand status 'Show each selected site''s cached token: user, scope and time left (never the token). Logs in nowhere'
            cand logout 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;auth;help;status'= {
        }
        &'osprey;auth;help;logout'= {
        }
        &'osprey;auth;help;help'= {
        }
        &'osprey;quota'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show limits and usage per site (resources as rows, sites as columns)'
            cand balance 'Set per-site limits from global limits and live usage'
            cand check 'Exit 1 if a project''s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;quota;show'= {
            cand --project 'Project name (matched in every Keystone) or id'
            cand --service 'Services to read (comma lists). Default: all (image only where Keystone unified limits are defined)'
            cand --limits 'Global limits file (YAML) to show next to the totals. Default: none'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --total 'One row per resource with the totals over all sites'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;quota;balance'= {
            cand --limits 'Global limits file (YAML), e.g. examples/global-limits.yaml'
            cand --strategy 'How a global limit becomes per-site limits; with hard, summed limits over the global limit are violations too'
            cand --project 'Only this project of the file (name or id). Default: every project in it'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --allow-missing-projects 'A project of the limits file that exists at no selected site is a warning instead of an error (the file also governs other clouds)'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;quota;check'= {
            cand --limits 'Global limits file (YAML), e.g. examples/global-limits.yaml'
            cand --strategy 'How a global limit becomes per-site limits; with hard, summed limits over the global limit are violations too'
            cand --project 'Only this project of the file (name or id). Default: every project in it'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --allow-missing-projects 'A project of the limits file that exists at no selected site is a warning instead of an error (the file also governs other clouds)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;quota;help'= {
            cand show 'Show limits and usage per site (resources as rows, sites as columns)'
            cand balance 'Set per-site limits from global limits and live usage'
            cand check 'Exit 1 if a project''s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;quota;help;show'= {
        }
        &'osprey;quota;help;balance'= {
        }
        &'osprey;quota;help;check'= {
        }
        &'osprey;quota;help;help'= {
        }
        &'osprey;keypair'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere'
            cand sync 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry''s own user'
            cand import 'Import a local public key (.pub) at the selected sites'
            cand delete 'Delete keys at the selected sites'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;keypair;list'= {
            cand --name 'Only names matching this glob (`*` any run, `?` one character). Default: every name'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --exit-code 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;keypair;sync'= {
            cand --from 'The source site, CLOUD/REGION (or CLOUD for its region_name)'
            cand --to 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --replace 'Replace a same-named key with another fingerprint (delete, then import; the old key is put back if the import fails)'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;keypair;import'= {
            cand --name 'The keypair name at every site'
            cand --public-key 'The OpenSSH public key file (ssh-rsa, ssh-ed25519, ecdsa-sha2-*), a regular file of at most 64 KiB'
            cand --to 'The target sites as cloud/region globs (repeatable, comma lists)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --replace 'Replace a same-named key with another fingerprint (delete, then import; the old key is put back if the import fails)'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;keypair;delete'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;keypair;help'= {
            cand list 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere'
            cand sync 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry''s own user'
            cand import 'Import a local public key (.pub) at the selected sites'
            cand delete 'Delete keys at the selected sites'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;keypair;help;list'= {
        }
        &'osprey;keypair;help;sync'= {
        }
        &'osprey;keypair;help;import'= {
        }
        &'osprey;keypair;help;delete'= {
        }
        &'osprey;keypair;help;help'= {
        }
        &'osprey;flavor'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing'
            cand sync 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;flavor;list'= {
            cand --name 'Only names matching this glob (`*` any run, `?` one character). Default: every name'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --exit-code 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;flavor;sync'= {
            cand --from 'The source site, CLOUD/REGION (or CLOUD for its region_name)'
            cand --to 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --replace 'Delete and re-create a same-named flavor whose specs differ (never one that servers at the target were built from); the old flavor is put back whole if the new one cannot be made. Default: such a flavor is a conflict'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;flavor;help'= {
            cand list 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing'
            cand sync 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;flavor;help;list'= {
        }
        &'osprey;flavor;help;sync'= {
        }
        &'osprey;flavor;help;help'= {
        }
        &'osprey;image'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)'
            cand sync 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run'
            cand mirror 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name'
            cand ensure 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there'
            cand unsync 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;image;list'= {
            cand --name 'Only names matching this glob (`*` any run, `?` one character). Default: every name'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --exit-code 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
            cand --owned 'Only the images of the token''s project, not the public, shared or community images of others'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;image;sync'= {
            cand --from 'The source site, CLOUD/REGION (or CLOUD for its region_name)'
            cand --to 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)'
            cand --method 'How targets get the data'
            cand --visibility 'The copies'' visibility (public and community need the rights to publish there)'
            cand --canary 'A target that gets the copy first, alone; the waves start only once it is verified'
            cand --wave 'At most this many targets at once after the canary'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --keep-id 'Create each copy with the source''s id where the target has no image of that id'
            cand --pause 'Ask before each wave after the first (needs a terminal)'
            cand --no-rollback 'Keep the verified copies after a failure or Ctrl-C. Default: a failure anywhere deletes every copy this run made'
            cand --force 'Copy images marked `osprey_sync=none` too'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;image;mirror'= {
            cand --from 'The source site, CLOUD/REGION (or CLOUD for its region_name)'
            cand --to 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)'
            cand --name 'Only images whose name matches this glob'
            cand --tag 'Only images with this tag (repeatable: every one)'
            cand --property 'Only images with this property (repeatable: every one)'
            cand --exclude 'Never copy images whose name matches this glob (repeatable); they are shown as skipped, as images marked osprey_sync=none are'
            cand --method 'How targets get the data'
            cand --visibility 'The copies'' visibility (public and community need the rights to publish there)'
            cand --on-change 'What becomes of an older copy (one osprey made from this source) when the source''s data changed under the same name'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --keep-id 'Create each copy with the source''s id where the target has no image of that id'
            cand --prune 'Delete the copies osprey made from this source whose source image is gone (not the renamed older copies, which servers may use)'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;image;ensure'= {
            cand --at 'The site that must have it, CLOUD/REGION'
            cand --from 'Where to copy it from, first match first (cloud/region globs, repeatable, comma lists)'
            cand --method 'How targets get the data'
            cand --visibility 'The copies'' visibility (public and community need the rights to publish there)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --keep-id 'Create each copy with the source''s id where the target has no image of that id'
            cand --dry-run 'Print what would be done and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when the image would be copied'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;image;unsync'= {
            cand --run 'The run whose copies to delete, as its copies name it in their osprey_run property (`osprey image list` shows it in a note for copies a killed run left unfinished)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;image;help'= {
            cand list 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)'
            cand sync 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run'
            cand mirror 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name'
            cand ensure 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there'
            cand unsync 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;image;help;list'= {
        }
        &'osprey;image;help;sync'= {
        }
        &'osprey;image;help;mirror'= {
        }
        &'osprey;image;help;ensure'= {
        }
        &'osprey;image;help;unsync'= {
        }
        &'osprey;image;help;help'= {
        }
        &'osprey;secgroup'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Matrix of group name × site with a digest of each group''s rule set and its status (same, differs, missing)'
            cand diff 'The rules of one group only in the source and only in each target'
            cand sync 'Clone groups with their rules from the source to the targets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;secgroup;list'= {
            cand --name 'Only names matching this glob (`*` any run, `?` one character). Default: every name'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --exit-code 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;secgroup;diff'= {
            cand --from 'The source site, CLOUD/REGION (or CLOUD for its region_name)'
            cand --to 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --exit-code 'Exit 1 when any target''s group differs from the source''s'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;secgroup;sync'= {
            cand --from 'The source site, CLOUD/REGION (or CLOUD for its region_name)'
            cand --to 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --prune 'Also delete the rules of the named groups at the targets that the source''s groups lack. Default: they are kept (shown as `skip`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --exit-code 'With --dry-run: exit 1 when there are changes to make'
            cand -y 'Apply without asking (required off a terminal)'
            cand --yes 'Apply without asking (required off a terminal)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;secgroup;help'= {
            cand list 'Matrix of group name × site with a digest of each group''s rule set and its status (same, differs, missing)'
            cand diff 'The rules of one group only in the source and only in each target'
            cand sync 'Clone groups with their rules from the source to the targets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;secgroup;help;list'= {
        }
        &'osprey;secgroup;help;diff'= {
        }
        &'osprey;secgroup;help;sync'= {
        }
        &'osprey;secgroup;help;help'= {
        }
        &'osprey;ip'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs'
            cand scan 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error'
            cand find 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it'
            cand free 'The first CIDRs of a length that overlap no subnet at any selected site'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;ip;list'= {
            cand --version 'Only IPv4 or only IPv6'
            cand --kind 'Only one kind of address'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s addresses, not only the token''s (admin)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;ip;scan'= {
            cand --ignore 'Leave out addresses in these ranges (repeatable, comma lists)'
            cand --routed 'A YAML file of interconnected networks (`groups: {NAME: [cloud/region/network, …]}`, globs): overlaps outside every group are reported as info, not errors'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s addresses, not only the token''s (admin)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;ip;find'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s addresses, not only the token''s (admin)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;ip;free'= {
            cand --prefix-length 'The length of the CIDRs wanted, e.g. 24'
            cand --within 'Where to look. Default: 10.0.0.0/8 (IPv6 lengths need it)'
            cand --count 'How many to suggest'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s subnets, not only the token''s (admin)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;ip;help'= {
            cand list 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs'
            cand scan 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error'
            cand find 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it'
            cand free 'The first CIDRs of a length that overlap no subnet at any selected site'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;ip;help;list'= {
        }
        &'osprey;ip;help;scan'= {
        }
        &'osprey;ip;help;find'= {
        }
        &'osprey;ip;help;free'= {
        }
        &'osprey;ip;help;help'= {
        }
        &'osprey;health'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-services 'Leave out the admin''s checks of services and agents (fewer calls; they are skipped anyway where the caller may not list them)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;events'= {
            cand --since 'How far back to look: a duration (`30m`, `1h`, `2d`, `1w`) or an RFC 3339 time (`2026-01-02T03:04:05Z`). Default: 24h'
            cand --kind 'Only events of these kinds (repeatable, comma lists). Default: all'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s servers and volumes, not only the token''s (admin)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;console-log'= {
            cand --lines 'Only the last N lines. Default: the whole log'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Look for the name in every project, not only the token''s (admin)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;usage'= {
            cand --start 'Start of the period for vCPU, RAM and disk hours: YYYY-MM-DD (UTC midnight) or RFC 3339, e.g. 2026-11-01T00:00:00Z'
            cand --end 'End of the period: YYYY-MM-DD (UTC midnight) or RFC 3339'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;capacity'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;server'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Every server of the selected sites, every page read'
            cand show 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;server;list'= {
            cand --status 'Only servers in this status (ACTIVE, ERROR, BUILD, SHUTOFF, …)'
            cand --name 'Only servers whose name matches this glob (`*` any run, `?` one character)'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s servers, not only the token''s (admin; checked at every site before any list is read)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;server;show'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;server;help'= {
            cand list 'Every server of the selected sites, every page read'
            cand show 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;server;help;list'= {
        }
        &'osprey;server;help;show'= {
        }
        &'osprey;server;help;help'= {
        }
        &'osprey;volume'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;volume;list'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s, not only the token''s (admin; checked at every site before any list is read)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;volume;help'= {
            cand list 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;volume;help;list'= {
        }
        &'osprey;volume;help;help'= {
        }
        &'osprey;network'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Every network the credentials see at the selected sites (the project''s, shared and external ones), with their subnets'' CIDRs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;network;list'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;network;help'= {
            cand list 'Every network the credentials see at the selected sites (the project''s, shared and external ones), with their subnets'' CIDRs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;network;help;list'= {
        }
        &'osprey;network;help;help'= {
        }
        &'osprey;floating'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'The token''s project''s floating IPs at the selected sites, with the fixed address, port and router each is bound to'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;floating;list'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --all-projects 'Every project''s, not only the token''s (admin; checked at every site before any list is read)'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;floating;help'= {
            cand list 'The token''s project''s floating IPs at the selected sites, with the fixed address, port and router each is bound to'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;floating;help;list'= {
        }
        &'osprey;floating;help;help'= {
        }
        &'osprey;find'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;completions'= {
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;man'= {
            cand --dir 'Write osprey.1 and one page per subcommand into this folder'
            cand --os-cloud 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)'
            cand --os-region-name 'Region(s) to act on within the selected clouds (repeatable, comma lists)'
            cand --sites 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`'
            cand --os-interface 'Endpoint interface to use from the catalog: public, internal or admin'
            cand --os-passcode 'One-time passcode for totp and multi-factor authentication'
            cand --timeout 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body'
            cand --site-timeout 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on'
            cand --concurrency 'How many sites to work on at once, at most'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --no-token-cache 'Neither reuse nor keep tokens and version discovery between runs'
            cand -v 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand --verbose 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
            cand -q 'Print nothing but data and errors (no warnings, no progress)'
            cand --quiet 'Print nothing but data and errors (no warnings, no progress)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'osprey;help'= {
            cand config 'Show configuration'
            cand sites 'List the selected sites with their authentication result and endpoints'
            cand auth 'Cached tokens: show them per site, or remove them'
            cand quota 'Quotas across regions: view them, keep global limits by balancing, check'
            cand keypair 'SSH keypairs across regions: compare, clone, import, delete'
            cand flavor 'Flavors across regions (admin): compare them, clone them with extra specs and access lists'
            cand image 'Images across regions: compare them by content, and copy them (server-side where Glance can, streamed once to every target elsewhere)'
            cand secgroup 'Security groups across regions: compare rule sets, diff one group, clone groups with their rules'
            cand ip 'Addresses across regions: the inventory, conflicts between sites, where an address lives, and CIDRs no site uses'
            cand health 'Per site and service: version document, login, one authenticated list call, and for admins the services and agents that are down'
            cand events 'One time-ordered feed across sites of what went wrong or changed: server faults and actions, volume errors and Cinder messages, killed images and failed imports'
            cand console-log 'Print a server''s console log, the server found at any selected site by id or name. Exit 1 when no site has it, 2 when the name is ambiguous'
            cand usage 'The project''s live usage at every site (servers by status, vCPUs, RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours over a period'
            cand capacity 'vCPU, RAM and disk capacity and use at every site, from Placement (else Nova''s hypervisors); admin'
            cand server 'Servers across regions: one table of every site''s servers, and one server shown wherever it is'
            cand volume 'Volumes across regions: one table of every site''s volumes'
            cand network 'Networks across regions: one table of every site''s networks'
            cand floating 'Floating IPs across regions: one table of every site''s floating IPs'
            cand find 'Where a name, an id or a floating IP address lives: every site and kind of resource that has it'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Print the man page (roff) to stdout, or write every page to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osprey;help;config'= {
            cand show 'Show every configured cloud and region as openstacksdk resolves it'
        }
        &'osprey;help;config;show'= {
        }
        &'osprey;help;sites'= {
        }
        &'osprey;help;auth'= {
            cand status 'Show each selected site''s cached token: user, scope and time left (never the token). Logs in nowhere'
            cand logout 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire'
        }
        &'osprey;help;auth;status'= {
        }
        &'osprey;help;auth;logout'= {
        }
        &'osprey;help;quota'= {
            cand show 'Show limits and usage per site (resources as rows, sites as columns)'
            cand balance 'Set per-site limits from global limits and live usage'
            cand check 'Exit 1 if a project''s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI'
        }
        &'osprey;help;quota;show'= {
        }
        &'osprey;help;quota;balance'= {
        }
        &'osprey;help;quota;check'= {
        }
        &'osprey;help;keypair'= {
            cand list 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere'
            cand sync 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry''s own user'
            cand import 'Import a local public key (.pub) at the selected sites'
            cand delete 'Delete keys at the selected sites'
        }
        &'osprey;help;keypair;list'= {
        }
        &'osprey;help;keypair;sync'= {
        }
        &'osprey;help;keypair;import'= {
        }
        &'osprey;help;keypair;delete'= {
        }
        &'osprey;help;flavor'= {
            cand list 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing'
            cand sync 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)'
        }
        &'osprey;help;flavor;list'= {
        }
        &'osprey;help;flavor;sync'= {
        }
        &'osprey;help;image'= {
            cand list 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)'
            cand sync 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run'
            cand mirror 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name'
            cand ensure 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there'
            cand unsync 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation'
        }
        &'osprey;help;image;list'= {
        }
        &'osprey;help;image;sync'= {
        }
        &'osprey;help;image;mirror'= {
        }
        &'osprey;help;image;ensure'= {
        }
        &'osprey;help;image;unsync'= {
        }
        &'osprey;help;secgroup'= {
            cand list 'Matrix of group name × site with a digest of each group''s rule set and its status (same, differs, missing)'
            cand diff 'The rules of one group only in the source and only in each target'
            cand sync 'Clone groups with their rules from the source to the targets'
        }
        &'osprey;help;secgroup;list'= {
        }
        &'osprey;help;secgroup;diff'= {
        }
        &'osprey;help;secgroup;sync'= {
        }
        &'osprey;help;ip'= {
            cand list 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs'
            cand scan 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error'
            cand find 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it'
            cand free 'The first CIDRs of a length that overlap no subnet at any selected site'
        }
        &'osprey;help;ip;list'= {
        }
        &'osprey;help;ip;scan'= {
        }
        &'osprey;help;ip;find'= {
        }
        &'osprey;help;ip;free'= {
        }
        &'osprey;help;health'= {
        }
        &'osprey;help;events'= {
        }
        &'osprey;help;console-log'= {
        }
        &'osprey;help;usage'= {
        }
        &'osprey;help;capacity'= {
        }
        &'osprey;help;server'= {
            cand list 'Every server of the selected sites, every page read'
            cand show 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1'
        }
        &'osprey;help;server;list'= {
        }
        &'osprey;help;server;show'= {
        }
        &'osprey;help;volume'= {
            cand list 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed'
        }
        &'osprey;help;volume;list'= {
        }
        &'osprey;help;network'= {
            cand list 'Every network the credentials see at the selected sites (the project''s, shared and external ones), with their subnets'' CIDRs'
        }
        &'osprey;help;network;list'= {
        }
        &'osprey;help;floating'= {
            cand list 'The token''s project''s floating IPs at the selected sites, with the fixed address, port and router each is bound to'
        }
        &'osprey;help;floating;list'= {
        }
        &'osprey;help;find'= {
        }
        &'osprey;help;completions'= {
        }
        &'osprey;help;man'= {
        }
        &'osprey;help;help'= {
        }
    ]
    $completions[$command]
}
