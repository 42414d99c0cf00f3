# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_osprey_global_optspecs
    string join \n os-cloud= os-region-name= sites= os-interface= os-passcode= timeout= site-timeout= no-token-cache concurrency= f/format= c/column= sort-column= v/verbose q/quiet h/help V/version
end

function __fish_osprey_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_osprey_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_osprey_using_subcommand
    set -l cmd (__fish_osprey_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c osprey -n "__fish_osprey_needs_command" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_needs_command" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_needs_command" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_needs_command" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_needs_command" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_needs_command" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_needs_command" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_needs_command" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_needs_command" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_needs_command" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_needs_command" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_needs_command" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_needs_command" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_needs_command" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_needs_command" -s V -l version -d 'Print version'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "config" -d 'Show configuration'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "sites" -d 'List the selected sites with their authentication result and endpoints'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "auth" -d 'Cached tokens: show them per site, or remove them'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "quota" -d 'Quotas across regions: view them, keep global limits by balancing, check'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "keypair" -d 'SSH keypairs across regions: compare, clone, import, delete'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "flavor" -d 'Flavors across regions (admin): compare them, clone them with extra specs and access lists'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "image" -d 'Images across regions: compare them by content, and copy them (server-side where Glance can, streamed once to every target elsewhere)'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "secgroup" -d 'Security groups across regions: compare rule sets, diff one group, clone groups with their rules'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "ip" -d 'Addresses across regions: the inventory, conflicts between sites, where an address lives, and CIDRs no site uses'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "health" -d 'Per site and service: version document, login, one authenticated list call, and for admins the services and agents that are down'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "events" -d 'One time-ordered feed across sites of what went wrong or changed: server faults and actions, volume errors and Cinder messages, killed images and failed imports'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "console-log" -d 'Print a server\'s console log, the server found at any selected site by id or name. Exit 1 when no site has it, 2 when the name is ambiguous'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "usage" -d 'The project\'s live usage at every site (servers by status, vCPUs, RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours over a period'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "capacity" -d 'vCPU, RAM and disk capacity and use at every site, from Placement (else Nova\'s hypervisors); admin'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "server" -d 'Servers across regions: one table of every site\'s servers, and one server shown wherever it is'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "volume" -d 'Volumes across regions: one table of every site\'s volumes'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "network" -d 'Networks across regions: one table of every site\'s networks'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "floating" -d 'Floating IPs across regions: one table of every site\'s floating IPs'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "find" -d 'Where a name, an id or a floating IP address lives: every site and kind of resource that has it'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "man" -d 'Print the man page (roff) to stdout, or write every page to a folder'
complete -c osprey -n "__fish_osprey_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Show every configured cloud and region as openstacksdk resolves it'
complete -c osprey -n "__fish_osprey_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l unmask -d 'Show passwords, tokens and secrets instead of `<masked>`'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every configured cloud and region as openstacksdk resolves it'
complete -c osprey -n "__fish_osprey_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand sites" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l check -d 'Also call each service\'s version document; exit 2 if any does not answer'
complete -c osprey -n "__fish_osprey_using_subcommand sites" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand sites" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand sites" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand sites" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -f -a "status" -d 'Show each selected site\'s cached token: user, scope and time left (never the token). Logs in nowhere'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -f -a "logout" -d 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and not __fish_seen_subcommand_from status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l all -d 'Remove every cached token and version document, of every cloud'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show each selected site\'s cached token: user, scope and time left (never the token). Logs in nowhere'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire'
complete -c osprey -n "__fish_osprey_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -f -a "show" -d 'Show limits and usage per site (resources as rows, sites as columns)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -f -a "balance" -d 'Set per-site limits from global limits and live usage'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -f -a "check" -d 'Exit 1 if a project\'s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and not __fish_seen_subcommand_from show balance check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l project -d 'Project name (matched in every Keystone) or id' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l service -d 'Services to read (comma lists). Default: all (image only where Keystone unified limits are defined)' -r -f -a "compute\t''
network\t''
volume\t''
image\t''"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l limits -d 'Global limits file (YAML) to show next to the totals. Default: none' -r -F
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l total -d 'One row per resource with the totals over all sites'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l limits -d 'Global limits file (YAML), e.g. examples/global-limits.yaml' -r -F
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l strategy -d 'How a global limit becomes per-site limits; with hard, summed limits over the global limit are violations too' -r -f -a "soft\t'Every site may use the whole headroom (Kingbird\'s rule); totals may overshoot'
hard\t'The headroom is split between sites by weight; the sum never exceeds the global limit'"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l project -d 'Only this project of the file (name or id). Default: every project in it' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l allow-missing-projects -d 'A project of the limits file that exists at no selected site is a warning instead of an error (the file also governs other clouds)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l limits -d 'Global limits file (YAML), e.g. examples/global-limits.yaml' -r -F
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l strategy -d 'How a global limit becomes per-site limits; with hard, summed limits over the global limit are violations too' -r -f -a "soft\t'Every site may use the whole headroom (Kingbird\'s rule); totals may overshoot'
hard\t'The headroom is split between sites by weight; the sum never exceeds the global limit'"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l project -d 'Only this project of the file (name or id). Default: every project in it' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l allow-missing-projects -d 'A project of the limits file that exists at no selected site is a warning instead of an error (the file also governs other clouds)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show limits and usage per site (resources as rows, sites as columns)'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "balance" -d 'Set per-site limits from global limits and live usage'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "check" -d 'Exit 1 if a project\'s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI'
complete -c osprey -n "__fish_osprey_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -f -a "list" -d 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -f -a "sync" -d 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry\'s own user'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -f -a "import" -d 'Import a local public key (.pub) at the selected sites'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -f -a "delete" -d 'Delete keys at the selected sites'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and not __fish_seen_subcommand_from list sync import delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l name -d 'Only names matching this glob (`*` any run, `?` one character). Default: every name' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l exit-code -d 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l from -d 'The source site, CLOUD/REGION (or CLOUD for its region_name)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l to -d 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l replace -d 'Replace a same-named key with another fingerprint (delete, then import; the old key is put back if the import fails)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l name -d 'The keypair name at every site' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l public-key -d 'The OpenSSH public key file (ssh-rsa, ssh-ed25519, ecdsa-sha2-*), a regular file of at most 64 KiB' -r -F
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l to -d 'The target sites as cloud/region globs (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l replace -d 'Replace a same-named key with another fingerprint (delete, then import; the old key is put back if the import fails)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry\'s own user'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a local public key (.pub) at the selected sites'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete keys at the selected sites'
complete -c osprey -n "__fish_osprey_using_subcommand keypair; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -f -a "list" -d 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -f -a "sync" -d 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and not __fish_seen_subcommand_from list sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l name -d 'Only names matching this glob (`*` any run, `?` one character). Default: every name' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l exit-code -d 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l from -d 'The source site, CLOUD/REGION (or CLOUD for its region_name)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l to -d 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l replace -d 'Delete and re-create a same-named flavor whose specs differ (never one that servers at the target were built from); the old flavor is put back whole if the new one cannot be made. Default: such a flavor is a conflict'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from help" -f -a "list" -d 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand flavor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -f -a "list" -d 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -f -a "sync" -d 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -f -a "mirror" -d 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -f -a "ensure" -d 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -f -a "unsync" -d 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation'
complete -c osprey -n "__fish_osprey_using_subcommand image; and not __fish_seen_subcommand_from list sync mirror ensure unsync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l name -d 'Only names matching this glob (`*` any run, `?` one character). Default: every name' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l exit-code -d 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l owned -d 'Only the images of the token\'s project, not the public, shared or community images of others'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l from -d 'The source site, CLOUD/REGION (or CLOUD for its region_name)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l to -d 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l method -d 'How targets get the data' -r -f -a "auto\t'glance-download where the target\'s Glance can fetch from the source (a region of the same Keystone offering it), streamed elsewhere'
stream\t'Always through osprey: one read of the source for every target'
glance-download\t'Always server-side; a target that cannot is a conflict'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l visibility -d 'The copies\' visibility (public and community need the rights to publish there)' -r -f -a "private\t''
shared\t''
community\t''
public\t''"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l canary -d 'A target that gets the copy first, alone; the waves start only once it is verified' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l wave -d 'At most this many targets at once after the canary' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l keep-id -d 'Create each copy with the source\'s id where the target has no image of that id'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l pause -d 'Ask before each wave after the first (needs a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l no-rollback -d 'Keep the verified copies after a failure or Ctrl-C. Default: a failure anywhere deletes every copy this run made'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l force -d 'Copy images marked `osprey_sync=none` too'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l from -d 'The source site, CLOUD/REGION (or CLOUD for its region_name)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l to -d 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l name -d 'Only images whose name matches this glob' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l tag -d 'Only images with this tag (repeatable: every one)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l property -d 'Only images with this property (repeatable: every one)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l exclude -d 'Never copy images whose name matches this glob (repeatable); they are shown as skipped, as images marked osprey_sync=none are' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l method -d 'How targets get the data' -r -f -a "auto\t'glance-download where the target\'s Glance can fetch from the source (a region of the same Keystone offering it), streamed elsewhere'
stream\t'Always through osprey: one read of the source for every target'
glance-download\t'Always server-side; a target that cannot is a conflict'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l visibility -d 'The copies\' visibility (public and community need the rights to publish there)' -r -f -a "private\t''
shared\t''
community\t''
public\t''"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l on-change -d 'What becomes of an older copy (one osprey made from this source) when the source\'s data changed under the same name' -r -f -a "rename\t'Renamed `NAME (replaced YYYY-MM-DD)` and made private, so that servers built from it can still be rebuilt'
delete\t'Deleted'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l keep-id -d 'Create each copy with the source\'s id where the target has no image of that id'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l prune -d 'Delete the copies osprey made from this source whose source image is gone (not the renamed older copies, which servers may use)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from mirror" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l at -d 'The site that must have it, CLOUD/REGION' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l from -d 'Where to copy it from, first match first (cloud/region globs, repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l method -d 'How targets get the data' -r -f -a "auto\t'glance-download where the target\'s Glance can fetch from the source (a region of the same Keystone offering it), streamed elsewhere'
stream\t'Always through osprey: one read of the source for every target'
glance-download\t'Always server-side; a target that cannot is a conflict'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l visibility -d 'The copies\' visibility (public and community need the rights to publish there)' -r -f -a "private\t''
shared\t''
community\t''
public\t''"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l keep-id -d 'Create each copy with the source\'s id where the target has no image of that id'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l dry-run -d 'Print what would be done and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l exit-code -d 'With --dry-run: exit 1 when the image would be copied'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from ensure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l run -d 'The run whose copies to delete, as its copies name it in their osprey_run property (`osprey image list` shows it in a note for copies a killed run left unfinished)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from unsync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "list" -d 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "mirror" -d 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "ensure" -d 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "unsync" -d 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation'
complete -c osprey -n "__fish_osprey_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -f -a "list" -d 'Matrix of group name × site with a digest of each group\'s rule set and its status (same, differs, missing)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -f -a "diff" -d 'The rules of one group only in the source and only in each target'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -f -a "sync" -d 'Clone groups with their rules from the source to the targets'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and not __fish_seen_subcommand_from list diff sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l name -d 'Only names matching this glob (`*` any run, `?` one character). Default: every name' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l exit-code -d 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l from -d 'The source site, CLOUD/REGION (or CLOUD for its region_name)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l to -d 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l exit-code -d 'Exit 1 when any target\'s group differs from the source\'s'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l from -d 'The source site, CLOUD/REGION (or CLOUD for its region_name)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l to -d 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l prune -d 'Also delete the rules of the named groups at the targets that the source\'s groups lack. Default: they are kept (shown as `skip`)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l dry-run -d 'Print the plan and change nothing'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l exit-code -d 'With --dry-run: exit 1 when there are changes to make'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Apply without asking (required off a terminal)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from help" -f -a "list" -d 'Matrix of group name × site with a digest of each group\'s rule set and its status (same, differs, missing)'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from help" -f -a "diff" -d 'The rules of one group only in the source and only in each target'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Clone groups with their rules from the source to the targets'
complete -c osprey -n "__fish_osprey_using_subcommand secgroup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -f -a "list" -d 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -f -a "scan" -d 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -f -a "find" -d 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -f -a "free" -d 'The first CIDRs of a length that overlap no subnet at any selected site'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and not __fish_seen_subcommand_from list scan find free help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l version -d 'Only IPv4 or only IPv6' -r -f -a "4\t''
6\t''"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l kind -d 'Only one kind of address' -r -f -a "subnet\t''
fixed\t''
floating\t''
gateway\t''"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l all-projects -d 'Every project\'s addresses, not only the token\'s (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l ignore -d 'Leave out addresses in these ranges (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l routed -d 'A YAML file of interconnected networks (`groups: {NAME: [cloud/region/network, …]}`, globs): overlaps outside every group are reported as info, not errors' -r -F
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l all-projects -d 'Every project\'s addresses, not only the token\'s (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l all-projects -d 'Every project\'s addresses, not only the token\'s (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l prefix-length -d 'The length of the CIDRs wanted, e.g. 24' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l within -d 'Where to look. Default: 10.0.0.0/8 (IPv6 lengths need it)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l count -d 'How many to suggest' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l all-projects -d 'Every project\'s subnets, not only the token\'s (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from free" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from help" -f -a "find" -d 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from help" -f -a "free" -d 'The first CIDRs of a length that overlap no subnet at any selected site'
complete -c osprey -n "__fish_osprey_using_subcommand ip; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand health" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand health" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand health" -l no-services -d 'Leave out the admin\'s checks of services and agents (fewer calls; they are skipped anyway where the caller may not list them)'
complete -c osprey -n "__fish_osprey_using_subcommand health" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand health" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand health" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand events" -l since -d 'How far back to look: a duration (`30m`, `1h`, `2d`, `1w`) or an RFC 3339 time (`2026-01-02T03:04:05Z`). Default: 24h' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l kind -d 'Only events of these kinds (repeatable, comma lists). Default: all' -r -f -a "server\t''
volume\t''
image\t''"
complete -c osprey -n "__fish_osprey_using_subcommand events" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand events" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand events" -l all-projects -d 'Every project\'s servers and volumes, not only the token\'s (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand events" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand events" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand events" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l lines -d 'Only the last N lines. Default: the whole log' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l all-projects -d 'Look for the name in every project, not only the token\'s (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand console-log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l start -d 'Start of the period for vCPU, RAM and disk hours: YYYY-MM-DD (UTC midnight) or RFC 3339, e.g. 2026-11-01T00:00:00Z' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l end -d 'End of the period: YYYY-MM-DD (UTC midnight) or RFC 3339' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand usage" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand usage" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand usage" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand usage" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand usage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand capacity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'Every server of the selected sites, every page read'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1'
complete -c osprey -n "__fish_osprey_using_subcommand server; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l status -d 'Only servers in this status (ACTIVE, ERROR, BUILD, SHUTOFF, …)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l name -d 'Only servers whose name matches this glob (`*` any run, `?` one character)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l all-projects -d 'Every project\'s servers, not only the token\'s (admin; checked at every site before any list is read)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every server of the selected sites, every page read'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "show" -d 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1'
complete -c osprey -n "__fish_osprey_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l all-projects -d 'Every project\'s, not only the token\'s (admin; checked at every site before any list is read)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed'
complete -c osprey -n "__fish_osprey_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Every network the credentials see at the selected sites (the project\'s, shared and external ones), with their subnets\' CIDRs'
complete -c osprey -n "__fish_osprey_using_subcommand network; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every network the credentials see at the selected sites (the project\'s, shared and external ones), with their subnets\' CIDRs'
complete -c osprey -n "__fish_osprey_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'The token\'s project\'s floating IPs at the selected sites, with the fixed address, port and router each is bound to'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l all-projects -d 'Every project\'s, not only the token\'s (admin; checked at every site before any list is read)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from help" -f -a "list" -d 'The token\'s project\'s floating IPs at the selected sites, with the fixed address, port and router each is bound to'
complete -c osprey -n "__fish_osprey_using_subcommand floating; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand find" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand find" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand find" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand find" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand find" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand completions" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand completions" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand completions" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand completions" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand man" -l dir -d 'Write osprey.1 and one page per subcommand into this folder' -r -F
complete -c osprey -n "__fish_osprey_using_subcommand man" -l os-cloud -d 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l os-region-name -d 'Region(s) to act on within the selected clouds (repeatable, comma lists)' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l sites -d 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l os-interface -d 'Endpoint interface to use from the catalog: public, internal or admin' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l os-passcode -d 'One-time passcode for totp and multi-factor authentication' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l timeout -d 'Seconds to wait for each step of an HTTP request: the connection, the answer\'s headers, and each piece of its body' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l site-timeout -d 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l concurrency -d 'How many sites to work on at once, at most' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -s f -l format -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''
csv\t''
value\t''
openmetrics\t'OpenMetrics text, for the commands that measure something (`quota show`, `usage`, `capacity`)'"
complete -c osprey -n "__fish_osprey_using_subcommand man" -s c -l column -d 'Show only this column (repeatable). Default: all columns' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l sort-column -d 'Sort rows by this column (repeatable). Default: by cloud and region' -r
complete -c osprey -n "__fish_osprey_using_subcommand man" -l no-token-cache -d 'Neither reuse nor keep tokens and version discovery between runs'
complete -c osprey -n "__fish_osprey_using_subcommand man" -s v -l verbose -d 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)'
complete -c osprey -n "__fish_osprey_using_subcommand man" -s q -l quiet -d 'Print nothing but data and errors (no warnings, no progress)'
complete -c osprey -n "__fish_osprey_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "config" -d 'Show configuration'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "sites" -d 'List the selected sites with their authentication result and endpoints'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "auth" -d 'Cached tokens: show them per site, or remove them'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "quota" -d 'Quotas across regions: view them, keep global limits by balancing, check'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "keypair" -d 'SSH keypairs across regions: compare, clone, import, delete'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "flavor" -d 'Flavors across regions (admin): compare them, clone them with extra specs and access lists'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "image" -d 'Images across regions: compare them by content, and copy them (server-side where Glance can, streamed once to every target elsewhere)'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "secgroup" -d 'Security groups across regions: compare rule sets, diff one group, clone groups with their rules'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "ip" -d 'Addresses across regions: the inventory, conflicts between sites, where an address lives, and CIDRs no site uses'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "health" -d 'Per site and service: version document, login, one authenticated list call, and for admins the services and agents that are down'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "events" -d 'One time-ordered feed across sites of what went wrong or changed: server faults and actions, volume errors and Cinder messages, killed images and failed imports'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "console-log" -d 'Print a server\'s console log, the server found at any selected site by id or name. Exit 1 when no site has it, 2 when the name is ambiguous'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "usage" -d 'The project\'s live usage at every site (servers by status, vCPUs, RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours over a period'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "capacity" -d 'vCPU, RAM and disk capacity and use at every site, from Placement (else Nova\'s hypervisors); admin'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "server" -d 'Servers across regions: one table of every site\'s servers, and one server shown wherever it is'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "volume" -d 'Volumes across regions: one table of every site\'s volumes'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "network" -d 'Networks across regions: one table of every site\'s networks'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "floating" -d 'Floating IPs across regions: one table of every site\'s floating IPs'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "find" -d 'Where a name, an id or a floating IP address lives: every site and kind of resource that has it'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "man" -d 'Print the man page (roff) to stdout, or write every page to a folder'
complete -c osprey -n "__fish_osprey_using_subcommand help; and not __fish_seen_subcommand_from config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show every configured cloud and region as openstacksdk resolves it'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show each selected site\'s cached token: user, scope and time left (never the token). Logs in nowhere'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from quota" -f -a "show" -d 'Show limits and usage per site (resources as rows, sites as columns)'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from quota" -f -a "balance" -d 'Set per-site limits from global limits and live usage'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from quota" -f -a "check" -d 'Exit 1 if a project\'s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from keypair" -f -a "list" -d 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from keypair" -f -a "sync" -d 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry\'s own user'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from keypair" -f -a "import" -d 'Import a local public key (.pub) at the selected sites'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from keypair" -f -a "delete" -d 'Delete keys at the selected sites'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from flavor" -f -a "list" -d 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from flavor" -f -a "sync" -d 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "list" -d 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "sync" -d 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "mirror" -d 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ensure" -d 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "unsync" -d 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from secgroup" -f -a "list" -d 'Matrix of group name × site with a digest of each group\'s rule set and its status (same, differs, missing)'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from secgroup" -f -a "diff" -d 'The rules of one group only in the source and only in each target'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from secgroup" -f -a "sync" -d 'Clone groups with their rules from the source to the targets'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from ip" -f -a "list" -d 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from ip" -f -a "scan" -d 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from ip" -f -a "find" -d 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from ip" -f -a "free" -d 'The first CIDRs of a length that overlap no subnet at any selected site'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "list" -d 'Every server of the selected sites, every page read'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "show" -d 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "list" -d 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "list" -d 'Every network the credentials see at the selected sites (the project\'s, shared and external ones), with their subnets\' CIDRs'
complete -c osprey -n "__fish_osprey_using_subcommand help; and __fish_seen_subcommand_from floating" -f -a "list" -d 'The token\'s project\'s floating IPs at the selected sites, with the fixed address, port and router each is bound to'
