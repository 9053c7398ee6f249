# bash completion for strata-cli
_strata_cli()
{
    local cur prev words cword
    _init_completion || return
    local commands="images inspect history tree efficiency ci reuse verify diff"
    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --format)
            case ${words[1]} in
                tree) COMPREPLY=($(compgen -W "tsv json" -- "$cur")) ;;
                diff) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
            esac
            return ;;
        --config)
            _filedir
            return ;;
        --image | --image-a | --image-b | --layer | --layer-a | --layer-b | --limit | \
        --containers | --container-size | --lowest-efficiency | --highest-wasted-bytes | \
        --highest-user-wasted-percent)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        local options="--help"
        case ${words[1]} in
            inspect | efficiency) options+=" --image --format" ;;
            history | verify) options+=" --image" ;;
            tree) options+=" --image --layer --diff --format" ;;
            ci) options+=" --image --config --lowest-efficiency --highest-wasted-bytes --highest-user-wasted-percent" ;;
            reuse) options+=" --format --containers --container-size" ;;
            diff) options+=" --image-a --image-b --layer-a --layer-b --content --limit --format" ;;
        esac
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    _filedir
}
complete -F _strata_cli strata-cli
