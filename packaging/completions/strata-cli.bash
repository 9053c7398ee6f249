# bash completion for strata-cli
_strata_cli()
{
    local cur prev words cword
    _init_completion || return
    local commands="images containers inspect history tree cat export packages efficiency findings ci reuse verify diff"
    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --format)
            case ${words[1]} in
                tree | images | containers) COMPREPLY=($(compgen -W "tsv json" -- "$cur")) ;;
                diff | findings) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
                ci) COMPREPLY=($(compgen -W "text junit sarif" -- "$cur")) ;;
                packages) COMPREPLY=($(compgen -W "text json cyclonedx" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
            esac
            return ;;
        --config | -o | --output)
            _filedir
            return ;;
        --image | --image-a | --image-b | --layer | --layer-a | --layer-b | --limit | \
        --containers | --container-size | --lowest-efficiency | --highest-wasted-bytes | \
        --highest-user-wasted-percent | --since | --base-layers | --wasted-bytes-floor | \
        --max-cache-bytes | --deny-path | --path)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        local options="--help"
        case ${words[1]} in
            images) options+=" --engine --format" ;;
            containers) options+=" --format" ;;
            inspect) options+=" --image --container --overlay --format" ;;
            efficiency) options+=" --image --container --format" ;;
            history | verify) options+=" --image --container" ;;
            tree) options+=" --image --container --layer --diff --since --format" ;;
            cat) options+=" --image --container --layer" ;;
            packages) options+=" --image --container --layer --format" ;;
            export) options+=" --image --container --layer --path -o" ;;
            findings) options+=" --image --container --exclude-base --base-layers --format" ;;
            ci) options+=" --image --container --config --lowest-efficiency --highest-wasted-bytes --highest-user-wasted-percent --wasted-bytes-floor --deny-secrets --max-cache-bytes --deny-path --exclude-base --base-layers --format" ;;
            reuse) options+=" --format --containers --container-size" ;;
            diff) options+=" --image-a --image-b --layer-a --layer-b --content --packages --path --limit --format" ;;
        esac
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    if [[ $cur == docker:* || $cur == podman:* ]]; then
        return
    fi
    _filedir
}
complete -F _strata_cli strata-cli
