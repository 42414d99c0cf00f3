
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
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --concurrency 'How many sites to work on at once'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
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
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --concurrency 'How many sites to work on at once'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
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
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --concurrency 'How many sites to work on at once'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --unmask 'Show passwords, tokens and secrets instead of `<masked>`'
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
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --concurrency 'How many sites to work on at once'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
            cand --check 'Also call each service''s version document; exit 2 if any does not answer'
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
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --concurrency 'How many sites to work on at once'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
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
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --concurrency 'How many sites to work on at once'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Show only this column (repeatable). Default: all columns'
            cand --column 'Show only this column (repeatable). Default: all columns'
            cand --sort-column 'Sort rows by this column (repeatable). Default: by cloud and region'
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
        &'osprey;help;completions'= {
        }
        &'osprey;help;man'= {
        }
        &'osprey;help;help'= {
        }
    ]
    $completions[$command]
}
