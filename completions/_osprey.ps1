
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'osprey' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'osprey'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'osprey' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show configuration')
            [CompletionResult]::new('sites', 'sites', [CompletionResultType]::ParameterValue, 'List the selected sites with their authentication result and endpoints')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Cached tokens: show them per site, or remove them')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'Quotas across regions: view them, keep global limits by balancing, check')
            [CompletionResult]::new('keypair', 'keypair', [CompletionResultType]::ParameterValue, 'SSH keypairs across regions: compare, clone, import, delete')
            [CompletionResult]::new('flavor', 'flavor', [CompletionResultType]::ParameterValue, 'Flavors across regions (admin): compare them, clone them with extra specs and access lists')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'Images across regions: compare them by content, and copy them (server-side where Glance can, streamed once to every target elsewhere)')
            [CompletionResult]::new('secgroup', 'secgroup', [CompletionResultType]::ParameterValue, 'Security groups across regions: compare rule sets, diff one group, clone groups with their rules')
            [CompletionResult]::new('ip', 'ip', [CompletionResultType]::ParameterValue, 'Addresses across regions: the inventory, conflicts between sites, where an address lives, and CIDRs no site uses')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Per site and service: version document, login, one authenticated list call, and for admins the services and agents that are down')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'One time-ordered feed across sites of what went wrong or changed: server faults and actions, volume errors and Cinder messages, killed images and failed imports')
            [CompletionResult]::new('console-log', 'console-log', [CompletionResultType]::ParameterValue, 'Print a server''s console log, the server found at any selected site by id or name. Exit 1 when no site has it, 2 when the name is ambiguous')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'The project''s live usage at every site (servers by status, vCPUs, RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours over a period')
            [CompletionResult]::new('capacity', 'capacity', [CompletionResultType]::ParameterValue, 'vCPU, RAM and disk capacity and use at every site, from Placement (else Nova''s hypervisors); admin')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Servers across regions: one table of every site''s servers, and one server shown wherever it is')
            [CompletionResult]::new('volume', 'volume', [CompletionResultType]::ParameterValue, 'Volumes across regions: one table of every site''s volumes')
            [CompletionResult]::new('network', 'network', [CompletionResultType]::ParameterValue, 'Networks across regions: one table of every site''s networks')
            [CompletionResult]::new('floating', 'floating', [CompletionResultType]::ParameterValue, 'Floating IPs across regions: one table of every site''s floating IPs')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Where a name, an id or a floating IP address lives: every site and kind of resource that has it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout, or write every page to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;config' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every configured cloud and region as openstacksdk resolves it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;config;show' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--unmask', '--unmask', [CompletionResultType]::ParameterName, 'Show passwords, tokens and secrets instead of `<masked>`')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every configured cloud and region as openstacksdk resolves it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;config;help;show' {
            break
        }
        'osprey;config;help;help' {
            break
        }
        'osprey;sites' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Also call each service''s version document; exit 2 if any does not answer')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;auth' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each selected site''s cached token: user, scope and time left (never the token). Logs in nowhere')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;auth;status' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;auth;logout' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Remove every cached token and version document, of every cloud')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;auth;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each selected site''s cached token: user, scope and time left (never the token). Logs in nowhere')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;auth;help;status' {
            break
        }
        'osprey;auth;help;logout' {
            break
        }
        'osprey;auth;help;help' {
            break
        }
        'osprey;quota' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show limits and usage per site (resources as rows, sites as columns)')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Set per-site limits from global limits and live usage')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 1 if a project''s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;quota;show' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project name (matched in every Keystone) or id')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Services to read (comma lists). Default: all (image only where Keystone unified limits are defined)')
            [CompletionResult]::new('--limits', '--limits', [CompletionResultType]::ParameterName, 'Global limits file (YAML) to show next to the totals. Default: none')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--total', '--total', [CompletionResultType]::ParameterName, 'One row per resource with the totals over all sites')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;quota;balance' {
            [CompletionResult]::new('--limits', '--limits', [CompletionResultType]::ParameterName, 'Global limits file (YAML), e.g. examples/global-limits.yaml')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'How a global limit becomes per-site limits; with hard, summed limits over the global limit are violations too')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project of the file (name or id). Default: every project in it')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--allow-missing-projects', '--allow-missing-projects', [CompletionResultType]::ParameterName, 'A project of the limits file that exists at no selected site is a warning instead of an error (the file also governs other clouds)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;quota;check' {
            [CompletionResult]::new('--limits', '--limits', [CompletionResultType]::ParameterName, 'Global limits file (YAML), e.g. examples/global-limits.yaml')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'How a global limit becomes per-site limits; with hard, summed limits over the global limit are violations too')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project of the file (name or id). Default: every project in it')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--allow-missing-projects', '--allow-missing-projects', [CompletionResultType]::ParameterName, 'A project of the limits file that exists at no selected site is a warning instead of an error (the file also governs other clouds)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;quota;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show limits and usage per site (resources as rows, sites as columns)')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Set per-site limits from global limits and live usage')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 1 if a project''s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;quota;help;show' {
            break
        }
        'osprey;quota;help;balance' {
            break
        }
        'osprey;quota;help;check' {
            break
        }
        'osprey;quota;help;help' {
            break
        }
        'osprey;keypair' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry''s own user')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a local public key (.pub) at the selected sites')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete keys at the selected sites')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;keypair;list' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only names matching this glob (`*` any run, `?` one character). Default: every name')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;keypair;sync' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The source site, CLOUD/REGION (or CLOUD for its region_name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a same-named key with another fingerprint (delete, then import; the old key is put back if the import fails)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;keypair;import' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The keypair name at every site')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The OpenSSH public key file (ssh-rsa, ssh-ed25519, ecdsa-sha2-*), a regular file of at most 64 KiB')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs (repeatable, comma lists)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a same-named key with another fingerprint (delete, then import; the old key is put back if the import fails)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;keypair;delete' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;keypair;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry''s own user')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a local public key (.pub) at the selected sites')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete keys at the selected sites')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;keypair;help;list' {
            break
        }
        'osprey;keypair;help;sync' {
            break
        }
        'osprey;keypair;help;import' {
            break
        }
        'osprey;keypair;help;delete' {
            break
        }
        'osprey;keypair;help;help' {
            break
        }
        'osprey;flavor' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;flavor;list' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only names matching this glob (`*` any run, `?` one character). Default: every name')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;flavor;sync' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The source site, CLOUD/REGION (or CLOUD for its region_name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Delete and re-create a same-named flavor whose specs differ (never one that servers at the target were built from); the old flavor is put back whole if the new one cannot be made. Default: such a flavor is a conflict')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;flavor;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;flavor;help;list' {
            break
        }
        'osprey;flavor;help;sync' {
            break
        }
        'osprey;flavor;help;help' {
            break
        }
        'osprey;image' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name')
            [CompletionResult]::new('ensure', 'ensure', [CompletionResultType]::ParameterValue, 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there')
            [CompletionResult]::new('unsync', 'unsync', [CompletionResultType]::ParameterValue, 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;image;list' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only names matching this glob (`*` any run, `?` one character). Default: every name')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)')
            [CompletionResult]::new('--owned', '--owned', [CompletionResultType]::ParameterName, 'Only the images of the token''s project, not the public, shared or community images of others')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;image;sync' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The source site, CLOUD/REGION (or CLOUD for its region_name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How targets get the data')
            [CompletionResult]::new('--visibility', '--visibility', [CompletionResultType]::ParameterName, 'The copies'' visibility (public and community need the rights to publish there)')
            [CompletionResult]::new('--canary', '--canary', [CompletionResultType]::ParameterName, 'A target that gets the copy first, alone; the waves start only once it is verified')
            [CompletionResult]::new('--wave', '--wave', [CompletionResultType]::ParameterName, 'At most this many targets at once after the canary')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--keep-id', '--keep-id', [CompletionResultType]::ParameterName, 'Create each copy with the source''s id where the target has no image of that id')
            [CompletionResult]::new('--pause', '--pause', [CompletionResultType]::ParameterName, 'Ask before each wave after the first (needs a terminal)')
            [CompletionResult]::new('--no-rollback', '--no-rollback', [CompletionResultType]::ParameterName, 'Keep the verified copies after a failure or Ctrl-C. Default: a failure anywhere deletes every copy this run made')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Copy images marked `osprey_sync=none` too')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;image;mirror' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The source site, CLOUD/REGION (or CLOUD for its region_name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only images whose name matches this glob')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only images with this tag (repeatable: every one)')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Only images with this property (repeatable: every one)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Never copy images whose name matches this glob (repeatable); they are shown as skipped, as images marked osprey_sync=none are')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How targets get the data')
            [CompletionResult]::new('--visibility', '--visibility', [CompletionResultType]::ParameterName, 'The copies'' visibility (public and community need the rights to publish there)')
            [CompletionResult]::new('--on-change', '--on-change', [CompletionResultType]::ParameterName, 'What becomes of an older copy (one osprey made from this source) when the source''s data changed under the same name')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--keep-id', '--keep-id', [CompletionResultType]::ParameterName, 'Create each copy with the source''s id where the target has no image of that id')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete the copies osprey made from this source whose source image is gone (not the renamed older copies, which servers may use)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;image;ensure' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The site that must have it, CLOUD/REGION')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to copy it from, first match first (cloud/region globs, repeatable, comma lists)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How targets get the data')
            [CompletionResult]::new('--visibility', '--visibility', [CompletionResultType]::ParameterName, 'The copies'' visibility (public and community need the rights to publish there)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--keep-id', '--keep-id', [CompletionResultType]::ParameterName, 'Create each copy with the source''s id where the target has no image of that id')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when the image would be copied')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;image;unsync' {
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'The run whose copies to delete, as its copies name it in their osprey_run property (`osprey image list` shows it in a note for copies a killed run left unfinished)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;image;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name')
            [CompletionResult]::new('ensure', 'ensure', [CompletionResultType]::ParameterValue, 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there')
            [CompletionResult]::new('unsync', 'unsync', [CompletionResultType]::ParameterValue, 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;image;help;list' {
            break
        }
        'osprey;image;help;sync' {
            break
        }
        'osprey;image;help;mirror' {
            break
        }
        'osprey;image;help;ensure' {
            break
        }
        'osprey;image;help;unsync' {
            break
        }
        'osprey;image;help;help' {
            break
        }
        'osprey;secgroup' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Matrix of group name × site with a digest of each group''s rule set and its status (same, differs, missing)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'The rules of one group only in the source and only in each target')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone groups with their rules from the source to the targets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;secgroup;list' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only names matching this glob (`*` any run, `?` one character). Default: every name')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when a name differs or is missing at a site (a drift check for cron and CI)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;secgroup;diff' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The source site, CLOUD/REGION (or CLOUD for its region_name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when any target''s group differs from the source''s')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;secgroup;sync' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The source site, CLOUD/REGION (or CLOUD for its region_name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target sites as cloud/region globs, as in --sites (repeatable, comma lists)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete the rules of the named groups at the targets that the source''s groups lack. Default: they are kept (shown as `skip`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'With --dry-run: exit 1 when there are changes to make')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required off a terminal)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;secgroup;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Matrix of group name × site with a digest of each group''s rule set and its status (same, differs, missing)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'The rules of one group only in the source and only in each target')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone groups with their rules from the source to the targets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;secgroup;help;list' {
            break
        }
        'osprey;secgroup;help;diff' {
            break
        }
        'osprey;secgroup;help;sync' {
            break
        }
        'osprey;secgroup;help;help' {
            break
        }
        'osprey;ip' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it')
            [CompletionResult]::new('free', 'free', [CompletionResultType]::ParameterValue, 'The first CIDRs of a length that overlap no subnet at any selected site')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;ip;list' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Only IPv4 or only IPv6')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only one kind of address')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s addresses, not only the token''s (admin)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;ip;scan' {
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Leave out addresses in these ranges (repeatable, comma lists)')
            [CompletionResult]::new('--routed', '--routed', [CompletionResultType]::ParameterName, 'A YAML file of interconnected networks (`groups: {NAME: [cloud/region/network, …]}`, globs): overlaps outside every group are reported as info, not errors')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s addresses, not only the token''s (admin)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;ip;find' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s addresses, not only the token''s (admin)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;ip;free' {
            [CompletionResult]::new('--prefix-length', '--prefix-length', [CompletionResultType]::ParameterName, 'The length of the CIDRs wanted, e.g. 24')
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Where to look. Default: 10.0.0.0/8 (IPv6 lengths need it)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many to suggest')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s subnets, not only the token''s (admin)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;ip;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it')
            [CompletionResult]::new('free', 'free', [CompletionResultType]::ParameterValue, 'The first CIDRs of a length that overlap no subnet at any selected site')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;ip;help;list' {
            break
        }
        'osprey;ip;help;scan' {
            break
        }
        'osprey;ip;help;find' {
            break
        }
        'osprey;ip;help;free' {
            break
        }
        'osprey;ip;help;help' {
            break
        }
        'osprey;health' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-services', '--no-services', [CompletionResultType]::ParameterName, 'Leave out the admin''s checks of services and agents (fewer calls; they are skipped anyway where the caller may not list them)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;events' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to look: a duration (`30m`, `1h`, `2d`, `1w`) or an RFC 3339 time (`2026-01-02T03:04:05Z`). Default: 24h')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only events of these kinds (repeatable, comma lists). Default: all')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s servers and volumes, not only the token''s (admin)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;console-log' {
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'Only the last N lines. Default: the whole log')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Look for the name in every project, not only the token''s (admin)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;usage' {
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start of the period for vCPU, RAM and disk hours: YYYY-MM-DD (UTC midnight) or RFC 3339, e.g. 2026-11-01T00:00:00Z')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'End of the period: YYYY-MM-DD (UTC midnight) or RFC 3339')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;capacity' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;server' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every server of the selected sites, every page read')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;server;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only servers in this status (ACTIVE, ERROR, BUILD, SHUTOFF, …)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only servers whose name matches this glob (`*` any run, `?` one character)')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s servers, not only the token''s (admin; checked at every site before any list is read)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;server;show' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;server;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every server of the selected sites, every page read')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;server;help;list' {
            break
        }
        'osprey;server;help;show' {
            break
        }
        'osprey;server;help;help' {
            break
        }
        'osprey;volume' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;volume;list' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s, not only the token''s (admin; checked at every site before any list is read)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;volume;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;volume;help;list' {
            break
        }
        'osprey;volume;help;help' {
            break
        }
        'osprey;network' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every network the credentials see at the selected sites (the project''s, shared and external ones), with their subnets'' CIDRs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;network;list' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;network;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every network the credentials see at the selected sites (the project''s, shared and external ones), with their subnets'' CIDRs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;network;help;list' {
            break
        }
        'osprey;network;help;help' {
            break
        }
        'osprey;floating' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The token''s project''s floating IPs at the selected sites, with the fixed address, port and router each is bound to')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;floating;list' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--all-projects', '--all-projects', [CompletionResultType]::ParameterName, 'Every project''s, not only the token''s (admin; checked at every site before any list is read)')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;floating;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The token''s project''s floating IPs at the selected sites, with the fixed address, port and router each is bound to')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;floating;help;list' {
            break
        }
        'osprey;floating;help;help' {
            break
        }
        'osprey;find' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;completions' {
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write osprey.1 and one page per subcommand into this folder')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Cloud(s) from clouds.yaml to act on (repeatable, comma lists)')
            [CompletionResult]::new('--os-region-name', '--os-region-name', [CompletionResultType]::ParameterName, 'Region(s) to act on within the selected clouds (repeatable, comma lists)')
            [CompletionResult]::new('--sites', '--sites', [CompletionResultType]::ParameterName, 'Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`')
            [CompletionResult]::new('--os-interface', '--os-interface', [CompletionResultType]::ParameterName, 'Endpoint interface to use from the catalog: public, internal or admin')
            [CompletionResult]::new('--os-passcode', '--os-passcode', [CompletionResultType]::ParameterName, 'One-time passcode for totp and multi-factor authentication')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step of an HTTP request: the connection, the answer''s headers, and each piece of its body')
            [CompletionResult]::new('--site-timeout', '--site-timeout', [CompletionResultType]::ParameterName, 'Seconds one site may take for its share of the work; a site still busy then is reported as failed and the others go on')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sites to work on at once, at most')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Show only this column (repeatable). Default: all columns')
            [CompletionResult]::new('--sort-column', '--sort-column', [CompletionResultType]::ParameterName, 'Sort rows by this column (repeatable). Default: by cloud and region')
            [CompletionResult]::new('--no-token-cache', '--no-token-cache', [CompletionResultType]::ParameterName, 'Neither reuse nor keep tokens and version discovery between runs')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors (no warnings, no progress)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'osprey;help' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show configuration')
            [CompletionResult]::new('sites', 'sites', [CompletionResultType]::ParameterValue, 'List the selected sites with their authentication result and endpoints')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Cached tokens: show them per site, or remove them')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'Quotas across regions: view them, keep global limits by balancing, check')
            [CompletionResult]::new('keypair', 'keypair', [CompletionResultType]::ParameterValue, 'SSH keypairs across regions: compare, clone, import, delete')
            [CompletionResult]::new('flavor', 'flavor', [CompletionResultType]::ParameterValue, 'Flavors across regions (admin): compare them, clone them with extra specs and access lists')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'Images across regions: compare them by content, and copy them (server-side where Glance can, streamed once to every target elsewhere)')
            [CompletionResult]::new('secgroup', 'secgroup', [CompletionResultType]::ParameterValue, 'Security groups across regions: compare rule sets, diff one group, clone groups with their rules')
            [CompletionResult]::new('ip', 'ip', [CompletionResultType]::ParameterValue, 'Addresses across regions: the inventory, conflicts between sites, where an address lives, and CIDRs no site uses')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Per site and service: version document, login, one authenticated list call, and for admins the services and agents that are down')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'One time-ordered feed across sites of what went wrong or changed: server faults and actions, volume errors and Cinder messages, killed images and failed imports')
            [CompletionResult]::new('console-log', 'console-log', [CompletionResultType]::ParameterValue, 'Print a server''s console log, the server found at any selected site by id or name. Exit 1 when no site has it, 2 when the name is ambiguous')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'The project''s live usage at every site (servers by status, vCPUs, RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours over a period')
            [CompletionResult]::new('capacity', 'capacity', [CompletionResultType]::ParameterValue, 'vCPU, RAM and disk capacity and use at every site, from Placement (else Nova''s hypervisors); admin')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Servers across regions: one table of every site''s servers, and one server shown wherever it is')
            [CompletionResult]::new('volume', 'volume', [CompletionResultType]::ParameterValue, 'Volumes across regions: one table of every site''s volumes')
            [CompletionResult]::new('network', 'network', [CompletionResultType]::ParameterValue, 'Networks across regions: one table of every site''s networks')
            [CompletionResult]::new('floating', 'floating', [CompletionResultType]::ParameterValue, 'Floating IPs across regions: one table of every site''s floating IPs')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Where a name, an id or a floating IP address lives: every site and kind of resource that has it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout, or write every page to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'osprey;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every configured cloud and region as openstacksdk resolves it')
            break
        }
        'osprey;help;config;show' {
            break
        }
        'osprey;help;sites' {
            break
        }
        'osprey;help;auth' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each selected site''s cached token: user, scope and time left (never the token). Logs in nowhere')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the cached tokens of the selected clouds. Tokens are not revoked: Keystone still accepts them until they expire')
            break
        }
        'osprey;help;auth;status' {
            break
        }
        'osprey;help;auth;logout' {
            break
        }
        'osprey;help;quota' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show limits and usage per site (resources as rows, sites as columns)')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Set per-site limits from global limits and live usage')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Exit 1 if a project''s usage (or, for --strategy hard, its summed limits) exceeds a global limit; for cron and CI')
            break
        }
        'osprey;help;quota;show' {
            break
        }
        'osprey;help;quota;balance' {
            break
        }
        'osprey;help;quota;check' {
            break
        }
        'osprey;help;keypair' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every key name by site, with fingerprints and whether the name is the same everywhere, differs, or is missing somewhere')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone keys from the source site to the targets, with the same name and type, owned by each cloud entry''s own user')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a local public key (.pub) at the selected sites')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete keys at the selected sites')
            break
        }
        'osprey;help;keypair;list' {
            break
        }
        'osprey;help;keypair;sync' {
            break
        }
        'osprey;help;keypair;import' {
            break
        }
        'osprey;help;keypair;delete' {
            break
        }
        'osprey;help;flavor' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Flavors as a name x site matrix of spec digests, with a status per name: same, differs or missing')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone flavors from one site to others, with the same id where it is free, extra specs, description and (private flavors) access lists mapped by project name (admin)')
            break
        }
        'osprey;help;flavor;list' {
            break
        }
        'osprey;help;flavor;sync' {
            break
        }
        'osprey;help;image' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Images as a name x site matrix of content hashes, with a status per name: same, differs, missing (or unfinished: left by a run that was killed)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy images from one site to others, step by step: a canary first, then waves, each copy verified by its hash; a failure deletes every copy of the run')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy what the source has to every target, for cron: what is missing, and what changed at the source under the same name')
            [CompletionResult]::new('ensure', 'ensure', [CompletionResultType]::ParameterValue, 'Make sure a site has an image, copying it there from the first site that has it when it does not; print its id there')
            [CompletionResult]::new('unsync', 'unsync', [CompletionResultType]::ParameterValue, 'Delete the copies one past run made (found by their osprey_run property), after a plan and confirmation')
            break
        }
        'osprey;help;image;list' {
            break
        }
        'osprey;help;image;sync' {
            break
        }
        'osprey;help;image;mirror' {
            break
        }
        'osprey;help;image;ensure' {
            break
        }
        'osprey;help;image;unsync' {
            break
        }
        'osprey;help;secgroup' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Matrix of group name × site with a digest of each group''s rule set and its status (same, differs, missing)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'The rules of one group only in the source and only in each target')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Clone groups with their rules from the source to the targets')
            break
        }
        'osprey;help;secgroup;list' {
            break
        }
        'osprey;help;secgroup;diff' {
            break
        }
        'osprey;help;secgroup;sync' {
            break
        }
        'osprey;help;ip' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every subnet, fixed IP, floating IP and router gateway of the selected sites, IPv4 and IPv6, with networks, ports and MACs')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Conflicts between sites: overlapping CIDRs, and the same fixed IP, MAC, public address or L2 segment twice. Exit 1 on an error')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Where an address, a CIDR or a MAC is: every site, subnet, port, floating IP or gateway that holds it')
            [CompletionResult]::new('free', 'free', [CompletionResultType]::ParameterValue, 'The first CIDRs of a length that overlap no subnet at any selected site')
            break
        }
        'osprey;help;ip;list' {
            break
        }
        'osprey;help;ip;scan' {
            break
        }
        'osprey;help;ip;find' {
            break
        }
        'osprey;help;ip;free' {
            break
        }
        'osprey;help;health' {
            break
        }
        'osprey;help;events' {
            break
        }
        'osprey;help;console-log' {
            break
        }
        'osprey;help;usage' {
            break
        }
        'osprey;help;capacity' {
            break
        }
        'osprey;help;server' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every server of the selected sites, every page read')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One server, by name or id, wherever it is; a name held by several servers lists them and exits 2, nothing found exits 1')
            break
        }
        'osprey;help;server;list' {
            break
        }
        'osprey;help;server;show' {
            break
        }
        'osprey;help;volume' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every volume of the selected sites, every page read; a site without Cinder is noted, not failed')
            break
        }
        'osprey;help;volume;list' {
            break
        }
        'osprey;help;network' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every network the credentials see at the selected sites (the project''s, shared and external ones), with their subnets'' CIDRs')
            break
        }
        'osprey;help;network;list' {
            break
        }
        'osprey;help;floating' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The token''s project''s floating IPs at the selected sites, with the fixed address, port and router each is bound to')
            break
        }
        'osprey;help;floating;list' {
            break
        }
        'osprey;help;find' {
            break
        }
        'osprey;help;completions' {
            break
        }
        'osprey;help;man' {
            break
        }
        'osprey;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
