_osprey() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="osprey"
                ;;
            osprey,auth)
                cmd="osprey__subcmd__auth"
                ;;
            osprey,capacity)
                cmd="osprey__subcmd__capacity"
                ;;
            osprey,completions)
                cmd="osprey__subcmd__completions"
                ;;
            osprey,config)
                cmd="osprey__subcmd__config"
                ;;
            osprey,console-log)
                cmd="osprey__subcmd__console__subcmd__log"
                ;;
            osprey,events)
                cmd="osprey__subcmd__events"
                ;;
            osprey,find)
                cmd="osprey__subcmd__find"
                ;;
            osprey,flavor)
                cmd="osprey__subcmd__flavor"
                ;;
            osprey,floating)
                cmd="osprey__subcmd__floating"
                ;;
            osprey,health)
                cmd="osprey__subcmd__health"
                ;;
            osprey,help)
                cmd="osprey__subcmd__help"
                ;;
            osprey,image)
                cmd="osprey__subcmd__image"
                ;;
            osprey,ip)
                cmd="osprey__subcmd__ip"
                ;;
            osprey,keypair)
                cmd="osprey__subcmd__keypair"
                ;;
            osprey,man)
                cmd="osprey__subcmd__man"
                ;;
            osprey,network)
                cmd="osprey__subcmd__network"
                ;;
            osprey,quota)
                cmd="osprey__subcmd__quota"
                ;;
            osprey,secgroup)
                cmd="osprey__subcmd__secgroup"
                ;;
            osprey,server)
                cmd="osprey__subcmd__server"
                ;;
            osprey,sites)
                cmd="osprey__subcmd__sites"
                ;;
            osprey,usage)
                cmd="osprey__subcmd__usage"
                ;;
            osprey,volume)
                cmd="osprey__subcmd__volume"
                ;;
            osprey__subcmd__auth,help)
                cmd="osprey__subcmd__auth__subcmd__help"
                ;;
            osprey__subcmd__auth,logout)
                cmd="osprey__subcmd__auth__subcmd__logout"
                ;;
            osprey__subcmd__auth,status)
                cmd="osprey__subcmd__auth__subcmd__status"
                ;;
            osprey__subcmd__auth__subcmd__help,help)
                cmd="osprey__subcmd__auth__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__auth__subcmd__help,logout)
                cmd="osprey__subcmd__auth__subcmd__help__subcmd__logout"
                ;;
            osprey__subcmd__auth__subcmd__help,status)
                cmd="osprey__subcmd__auth__subcmd__help__subcmd__status"
                ;;
            osprey__subcmd__config,help)
                cmd="osprey__subcmd__config__subcmd__help"
                ;;
            osprey__subcmd__config,show)
                cmd="osprey__subcmd__config__subcmd__show"
                ;;
            osprey__subcmd__config__subcmd__help,help)
                cmd="osprey__subcmd__config__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__config__subcmd__help,show)
                cmd="osprey__subcmd__config__subcmd__help__subcmd__show"
                ;;
            osprey__subcmd__flavor,help)
                cmd="osprey__subcmd__flavor__subcmd__help"
                ;;
            osprey__subcmd__flavor,list)
                cmd="osprey__subcmd__flavor__subcmd__list"
                ;;
            osprey__subcmd__flavor,sync)
                cmd="osprey__subcmd__flavor__subcmd__sync"
                ;;
            osprey__subcmd__flavor__subcmd__help,help)
                cmd="osprey__subcmd__flavor__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__flavor__subcmd__help,list)
                cmd="osprey__subcmd__flavor__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__flavor__subcmd__help,sync)
                cmd="osprey__subcmd__flavor__subcmd__help__subcmd__sync"
                ;;
            osprey__subcmd__floating,help)
                cmd="osprey__subcmd__floating__subcmd__help"
                ;;
            osprey__subcmd__floating,list)
                cmd="osprey__subcmd__floating__subcmd__list"
                ;;
            osprey__subcmd__floating__subcmd__help,help)
                cmd="osprey__subcmd__floating__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__floating__subcmd__help,list)
                cmd="osprey__subcmd__floating__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__help,auth)
                cmd="osprey__subcmd__help__subcmd__auth"
                ;;
            osprey__subcmd__help,capacity)
                cmd="osprey__subcmd__help__subcmd__capacity"
                ;;
            osprey__subcmd__help,completions)
                cmd="osprey__subcmd__help__subcmd__completions"
                ;;
            osprey__subcmd__help,config)
                cmd="osprey__subcmd__help__subcmd__config"
                ;;
            osprey__subcmd__help,console-log)
                cmd="osprey__subcmd__help__subcmd__console__subcmd__log"
                ;;
            osprey__subcmd__help,events)
                cmd="osprey__subcmd__help__subcmd__events"
                ;;
            osprey__subcmd__help,find)
                cmd="osprey__subcmd__help__subcmd__find"
                ;;
            osprey__subcmd__help,flavor)
                cmd="osprey__subcmd__help__subcmd__flavor"
                ;;
            osprey__subcmd__help,floating)
                cmd="osprey__subcmd__help__subcmd__floating"
                ;;
            osprey__subcmd__help,health)
                cmd="osprey__subcmd__help__subcmd__health"
                ;;
            osprey__subcmd__help,help)
                cmd="osprey__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__help,image)
                cmd="osprey__subcmd__help__subcmd__image"
                ;;
            osprey__subcmd__help,ip)
                cmd="osprey__subcmd__help__subcmd__ip"
                ;;
            osprey__subcmd__help,keypair)
                cmd="osprey__subcmd__help__subcmd__keypair"
                ;;
            osprey__subcmd__help,man)
                cmd="osprey__subcmd__help__subcmd__man"
                ;;
            osprey__subcmd__help,network)
                cmd="osprey__subcmd__help__subcmd__network"
                ;;
            osprey__subcmd__help,quota)
                cmd="osprey__subcmd__help__subcmd__quota"
                ;;
            osprey__subcmd__help,secgroup)
                cmd="osprey__subcmd__help__subcmd__secgroup"
                ;;
            osprey__subcmd__help,server)
                cmd="osprey__subcmd__help__subcmd__server"
                ;;
            osprey__subcmd__help,sites)
                cmd="osprey__subcmd__help__subcmd__sites"
                ;;
            osprey__subcmd__help,usage)
                cmd="osprey__subcmd__help__subcmd__usage"
                ;;
            osprey__subcmd__help,volume)
                cmd="osprey__subcmd__help__subcmd__volume"
                ;;
            osprey__subcmd__help__subcmd__auth,logout)
                cmd="osprey__subcmd__help__subcmd__auth__subcmd__logout"
                ;;
            osprey__subcmd__help__subcmd__auth,status)
                cmd="osprey__subcmd__help__subcmd__auth__subcmd__status"
                ;;
            osprey__subcmd__help__subcmd__config,show)
                cmd="osprey__subcmd__help__subcmd__config__subcmd__show"
                ;;
            osprey__subcmd__help__subcmd__flavor,list)
                cmd="osprey__subcmd__help__subcmd__flavor__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__flavor,sync)
                cmd="osprey__subcmd__help__subcmd__flavor__subcmd__sync"
                ;;
            osprey__subcmd__help__subcmd__floating,list)
                cmd="osprey__subcmd__help__subcmd__floating__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__image,ensure)
                cmd="osprey__subcmd__help__subcmd__image__subcmd__ensure"
                ;;
            osprey__subcmd__help__subcmd__image,list)
                cmd="osprey__subcmd__help__subcmd__image__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__image,mirror)
                cmd="osprey__subcmd__help__subcmd__image__subcmd__mirror"
                ;;
            osprey__subcmd__help__subcmd__image,sync)
                cmd="osprey__subcmd__help__subcmd__image__subcmd__sync"
                ;;
            osprey__subcmd__help__subcmd__image,unsync)
                cmd="osprey__subcmd__help__subcmd__image__subcmd__unsync"
                ;;
            osprey__subcmd__help__subcmd__ip,find)
                cmd="osprey__subcmd__help__subcmd__ip__subcmd__find"
                ;;
            osprey__subcmd__help__subcmd__ip,free)
                cmd="osprey__subcmd__help__subcmd__ip__subcmd__free"
                ;;
            osprey__subcmd__help__subcmd__ip,list)
                cmd="osprey__subcmd__help__subcmd__ip__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__ip,scan)
                cmd="osprey__subcmd__help__subcmd__ip__subcmd__scan"
                ;;
            osprey__subcmd__help__subcmd__keypair,delete)
                cmd="osprey__subcmd__help__subcmd__keypair__subcmd__delete"
                ;;
            osprey__subcmd__help__subcmd__keypair,import)
                cmd="osprey__subcmd__help__subcmd__keypair__subcmd__import"
                ;;
            osprey__subcmd__help__subcmd__keypair,list)
                cmd="osprey__subcmd__help__subcmd__keypair__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__keypair,sync)
                cmd="osprey__subcmd__help__subcmd__keypair__subcmd__sync"
                ;;
            osprey__subcmd__help__subcmd__network,list)
                cmd="osprey__subcmd__help__subcmd__network__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__quota,balance)
                cmd="osprey__subcmd__help__subcmd__quota__subcmd__balance"
                ;;
            osprey__subcmd__help__subcmd__quota,check)
                cmd="osprey__subcmd__help__subcmd__quota__subcmd__check"
                ;;
            osprey__subcmd__help__subcmd__quota,show)
                cmd="osprey__subcmd__help__subcmd__quota__subcmd__show"
                ;;
            osprey__subcmd__help__subcmd__secgroup,diff)
                cmd="osprey__subcmd__help__subcmd__secgroup__subcmd__diff"
                ;;
            osprey__subcmd__help__subcmd__secgroup,list)
                cmd="osprey__subcmd__help__subcmd__secgroup__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__secgroup,sync)
                cmd="osprey__subcmd__help__subcmd__secgroup__subcmd__sync"
                ;;
            osprey__subcmd__help__subcmd__server,list)
                cmd="osprey__subcmd__help__subcmd__server__subcmd__list"
                ;;
            osprey__subcmd__help__subcmd__server,show)
                cmd="osprey__subcmd__help__subcmd__server__subcmd__show"
                ;;
            osprey__subcmd__help__subcmd__volume,list)
                cmd="osprey__subcmd__help__subcmd__volume__subcmd__list"
                ;;
            osprey__subcmd__image,ensure)
                cmd="osprey__subcmd__image__subcmd__ensure"
                ;;
            osprey__subcmd__image,help)
                cmd="osprey__subcmd__image__subcmd__help"
                ;;
            osprey__subcmd__image,list)
                cmd="osprey__subcmd__image__subcmd__list"
                ;;
            osprey__subcmd__image,mirror)
                cmd="osprey__subcmd__image__subcmd__mirror"
                ;;
            osprey__subcmd__image,sync)
                cmd="osprey__subcmd__image__subcmd__sync"
                ;;
            osprey__subcmd__image,unsync)
                cmd="osprey__subcmd__image__subcmd__unsync"
                ;;
            osprey__subcmd__image__subcmd__help,ensure)
                cmd="osprey__subcmd__image__subcmd__help__subcmd__ensure"
                ;;
            osprey__subcmd__image__subcmd__help,help)
                cmd="osprey__subcmd__image__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__image__subcmd__help,list)
                cmd="osprey__subcmd__image__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__image__subcmd__help,mirror)
                cmd="osprey__subcmd__image__subcmd__help__subcmd__mirror"
                ;;
            osprey__subcmd__image__subcmd__help,sync)
                cmd="osprey__subcmd__image__subcmd__help__subcmd__sync"
                ;;
            osprey__subcmd__image__subcmd__help,unsync)
                cmd="osprey__subcmd__image__subcmd__help__subcmd__unsync"
                ;;
            osprey__subcmd__ip,find)
                cmd="osprey__subcmd__ip__subcmd__find"
                ;;
            osprey__subcmd__ip,free)
                cmd="osprey__subcmd__ip__subcmd__free"
                ;;
            osprey__subcmd__ip,help)
                cmd="osprey__subcmd__ip__subcmd__help"
                ;;
            osprey__subcmd__ip,list)
                cmd="osprey__subcmd__ip__subcmd__list"
                ;;
            osprey__subcmd__ip,scan)
                cmd="osprey__subcmd__ip__subcmd__scan"
                ;;
            osprey__subcmd__ip__subcmd__help,find)
                cmd="osprey__subcmd__ip__subcmd__help__subcmd__find"
                ;;
            osprey__subcmd__ip__subcmd__help,free)
                cmd="osprey__subcmd__ip__subcmd__help__subcmd__free"
                ;;
            osprey__subcmd__ip__subcmd__help,help)
                cmd="osprey__subcmd__ip__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__ip__subcmd__help,list)
                cmd="osprey__subcmd__ip__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__ip__subcmd__help,scan)
                cmd="osprey__subcmd__ip__subcmd__help__subcmd__scan"
                ;;
            osprey__subcmd__keypair,delete)
                cmd="osprey__subcmd__keypair__subcmd__delete"
                ;;
            osprey__subcmd__keypair,help)
                cmd="osprey__subcmd__keypair__subcmd__help"
                ;;
            osprey__subcmd__keypair,import)
                cmd="osprey__subcmd__keypair__subcmd__import"
                ;;
            osprey__subcmd__keypair,list)
                cmd="osprey__subcmd__keypair__subcmd__list"
                ;;
            osprey__subcmd__keypair,sync)
                cmd="osprey__subcmd__keypair__subcmd__sync"
                ;;
            osprey__subcmd__keypair__subcmd__help,delete)
                cmd="osprey__subcmd__keypair__subcmd__help__subcmd__delete"
                ;;
            osprey__subcmd__keypair__subcmd__help,help)
                cmd="osprey__subcmd__keypair__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__keypair__subcmd__help,import)
                cmd="osprey__subcmd__keypair__subcmd__help__subcmd__import"
                ;;
            osprey__subcmd__keypair__subcmd__help,list)
                cmd="osprey__subcmd__keypair__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__keypair__subcmd__help,sync)
                cmd="osprey__subcmd__keypair__subcmd__help__subcmd__sync"
                ;;
            osprey__subcmd__network,help)
                cmd="osprey__subcmd__network__subcmd__help"
                ;;
            osprey__subcmd__network,list)
                cmd="osprey__subcmd__network__subcmd__list"
                ;;
            osprey__subcmd__network__subcmd__help,help)
                cmd="osprey__subcmd__network__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__network__subcmd__help,list)
                cmd="osprey__subcmd__network__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__quota,balance)
                cmd="osprey__subcmd__quota__subcmd__balance"
                ;;
            osprey__subcmd__quota,check)
                cmd="osprey__subcmd__quota__subcmd__check"
                ;;
            osprey__subcmd__quota,help)
                cmd="osprey__subcmd__quota__subcmd__help"
                ;;
            osprey__subcmd__quota,show)
                cmd="osprey__subcmd__quota__subcmd__show"
                ;;
            osprey__subcmd__quota__subcmd__help,balance)
                cmd="osprey__subcmd__quota__subcmd__help__subcmd__balance"
                ;;
            osprey__subcmd__quota__subcmd__help,check)
                cmd="osprey__subcmd__quota__subcmd__help__subcmd__check"
                ;;
            osprey__subcmd__quota__subcmd__help,help)
                cmd="osprey__subcmd__quota__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__quota__subcmd__help,show)
                cmd="osprey__subcmd__quota__subcmd__help__subcmd__show"
                ;;
            osprey__subcmd__secgroup,diff)
                cmd="osprey__subcmd__secgroup__subcmd__diff"
                ;;
            osprey__subcmd__secgroup,help)
                cmd="osprey__subcmd__secgroup__subcmd__help"
                ;;
            osprey__subcmd__secgroup,list)
                cmd="osprey__subcmd__secgroup__subcmd__list"
                ;;
            osprey__subcmd__secgroup,sync)
                cmd="osprey__subcmd__secgroup__subcmd__sync"
                ;;
            osprey__subcmd__secgroup__subcmd__help,diff)
                cmd="osprey__subcmd__secgroup__subcmd__help__subcmd__diff"
                ;;
            osprey__subcmd__secgroup__subcmd__help,help)
                cmd="osprey__subcmd__secgroup__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__secgroup__subcmd__help,list)
                cmd="osprey__subcmd__secgroup__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__secgroup__subcmd__help,sync)
                cmd="osprey__subcmd__secgroup__subcmd__help__subcmd__sync"
                ;;
            osprey__subcmd__server,help)
                cmd="osprey__subcmd__server__subcmd__help"
                ;;
            osprey__subcmd__server,list)
                cmd="osprey__subcmd__server__subcmd__list"
                ;;
            osprey__subcmd__server,show)
                cmd="osprey__subcmd__server__subcmd__show"
                ;;
            osprey__subcmd__server__subcmd__help,help)
                cmd="osprey__subcmd__server__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__server__subcmd__help,list)
                cmd="osprey__subcmd__server__subcmd__help__subcmd__list"
                ;;
            osprey__subcmd__server__subcmd__help,show)
                cmd="osprey__subcmd__server__subcmd__help__subcmd__show"
                ;;
            osprey__subcmd__volume,help)
                cmd="osprey__subcmd__volume__subcmd__help"
                ;;
            osprey__subcmd__volume,list)
                cmd="osprey__subcmd__volume__subcmd__list"
                ;;
            osprey__subcmd__volume__subcmd__help,help)
                cmd="osprey__subcmd__volume__subcmd__help__subcmd__help"
                ;;
            osprey__subcmd__volume__subcmd__help,list)
                cmd="osprey__subcmd__volume__subcmd__help__subcmd__list"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        osprey)
            opts="-f -c -v -q -h -V --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help --version config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help status logout help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth__subcmd__help)
            opts="status logout help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth__subcmd__help__subcmd__logout)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth__subcmd__logout)
            opts="-f -c -v -q -h --all --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__auth__subcmd__status)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__capacity)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__completions)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__config)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__config__subcmd__help)
            opts="show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__config__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__config__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__config__subcmd__show)
            opts="-f -c -v -q -h --unmask --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__console__subcmd__log)
            opts="-f -c -v -q -h --lines --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lines)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__events)
            opts="-f -c -v -q -h --since --kind --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -W "server volume image" -- "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__find)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list sync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor__subcmd__help)
            opts="list sync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor__subcmd__list)
            opts="-f -c -v -q -h --name --exit-code --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__flavor__subcmd__sync)
            opts="-y -f -c -v -q -h --from --to --replace --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__floating)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__floating__subcmd__help)
            opts="list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__floating__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__floating__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__floating__subcmd__list)
            opts="-f -c -v -q -h --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__health)
            opts="-f -c -v -q -h --no-services --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help)
            opts="config sites auth quota keypair flavor image secgroup ip health events console-log usage capacity server volume network floating find completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__auth)
            opts="status logout"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__auth__subcmd__logout)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__auth__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__capacity)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__config)
            opts="show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__config__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__console__subcmd__log)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__events)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__find)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__flavor)
            opts="list sync"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__flavor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__flavor__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__floating)
            opts="list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__floating__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__health)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__image)
            opts="list sync mirror ensure unsync"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__image__subcmd__ensure)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__image__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__image__subcmd__mirror)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__image__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__image__subcmd__unsync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__ip)
            opts="list scan find free"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__ip__subcmd__find)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__ip__subcmd__free)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__ip__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__ip__subcmd__scan)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__keypair)
            opts="list sync import delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__keypair__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__keypair__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__keypair__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__keypair__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__network)
            opts="list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__network__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__quota)
            opts="show balance check"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__quota__subcmd__balance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__quota__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__quota__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__secgroup)
            opts="list diff sync"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__secgroup__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__secgroup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__secgroup__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__server)
            opts="list show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__server__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__server__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__sites)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__usage)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__volume)
            opts="list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__help__subcmd__volume__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list sync mirror ensure unsync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__ensure)
            opts="-f -c -v -q -h --at --from --method --visibility --keep-id --dry-run --exit-code --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -W "auto stream glance-download" -- "${cur}"))
                    return 0
                    ;;
                --visibility)
                    COMPREPLY=($(compgen -W "private shared community public" -- "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help)
            opts="list sync mirror ensure unsync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help__subcmd__ensure)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help__subcmd__mirror)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__help__subcmd__unsync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__list)
            opts="-f -c -v -q -h --name --exit-code --owned --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__mirror)
            opts="-y -f -c -v -q -h --from --to --name --tag --property --exclude --method --visibility --keep-id --on-change --prune --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --property)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -W "auto stream glance-download" -- "${cur}"))
                    return 0
                    ;;
                --visibility)
                    COMPREPLY=($(compgen -W "private shared community public" -- "${cur}"))
                    return 0
                    ;;
                --on-change)
                    COMPREPLY=($(compgen -W "rename delete" -- "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__sync)
            opts="-y -f -c -v -q -h --from --to --method --visibility --keep-id --canary --wave --pause --no-rollback --force --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --method)
                    COMPREPLY=($(compgen -W "auto stream glance-download" -- "${cur}"))
                    return 0
                    ;;
                --visibility)
                    COMPREPLY=($(compgen -W "private shared community public" -- "${cur}"))
                    return 0
                    ;;
                --canary)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wave)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__image__subcmd__unsync)
            opts="-y -f -c -v -q -h --run --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list scan find free help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__find)
            opts="-f -c -v -q -h --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__free)
            opts="-f -c -v -q -h --prefix-length --within --count --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --prefix-length)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --within)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__help)
            opts="list scan find free help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__help__subcmd__find)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__help__subcmd__free)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__help__subcmd__scan)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__list)
            opts="-f -c -v -q -h --version --kind --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --version)
                    COMPREPLY=($(compgen -W "4 6" -- "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -W "subnet fixed floating gateway" -- "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__ip__subcmd__scan)
            opts="-f -c -v -q -h --all-projects --ignore --routed --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --ignore)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --routed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list sync import delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__delete)
            opts="-y -f -c -v -q -h --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__help)
            opts="list sync import delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__import)
            opts="-y -f -c -v -q -h --name --public-key --to --replace --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__list)
            opts="-f -c -v -q -h --name --exit-code --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__keypair__subcmd__sync)
            opts="-y -f -c -v -q -h --from --to --replace --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__man)
            opts="-f -c -v -q -h --dir --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__network)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__network__subcmd__help)
            opts="list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__network__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__network__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__network__subcmd__list)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help show balance check help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__balance)
            opts="-y -f -c -v -q -h --limits --strategy --project --allow-missing-projects --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --limits)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --strategy)
                    COMPREPLY=($(compgen -W "soft hard" -- "${cur}"))
                    return 0
                    ;;
                --project)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__check)
            opts="-f -c -v -q -h --limits --strategy --project --allow-missing-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --limits)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --strategy)
                    COMPREPLY=($(compgen -W "soft hard" -- "${cur}"))
                    return 0
                    ;;
                --project)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__help)
            opts="show balance check help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__help__subcmd__balance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__quota__subcmd__show)
            opts="-f -c -v -q -h --project --service --limits --total --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --project)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service)
                    COMPREPLY=($(compgen -W "compute network volume image" -- "${cur}"))
                    return 0
                    ;;
                --limits)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list diff sync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__diff)
            opts="-f -c -v -q -h --from --to --exit-code --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__help)
            opts="list diff sync help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__list)
            opts="-f -c -v -q -h --name --exit-code --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__secgroup__subcmd__sync)
            opts="-y -f -c -v -q -h --from --to --prune --dry-run --exit-code --yes --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server__subcmd__help)
            opts="list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server__subcmd__list)
            opts="-f -c -v -q -h --status --name --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__server__subcmd__show)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__sites)
            opts="-f -c -v -q -h --check --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__usage)
            opts="-f -c -v -q -h --start --end --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --start)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__volume)
            opts="-f -c -v -q -h --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__volume__subcmd__help)
            opts="list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__volume__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__volume__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        osprey__subcmd__volume__subcmd__list)
            opts="-f -c -v -q -h --all-projects --os-cloud --os-region-name --sites --os-interface --os-passcode --timeout --site-timeout --no-token-cache --concurrency --format --column --sort-column --verbose --quiet --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --os-cloud)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-region-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sites)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-interface)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --os-passcode)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --site-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "table json yaml csv value openmetrics" -- "${cur}"))
                    return 0
                    ;;
                --column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sort-column)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _osprey -o nosort -o bashdefault -o default osprey
else
    complete -F _osprey -o bashdefault -o default osprey
fi
