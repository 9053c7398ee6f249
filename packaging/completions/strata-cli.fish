# fish completion for strata-cli
set -l commands images containers inspect history tree cat export packages efficiency findings ci reuse verify diff
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a images -d 'every image of the location, like docker images'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a containers -d 'every container of the engine, like docker ps -a -s'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a inspect -d 'metadata, config and layers of an image'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a history -d 'like docker history --no-trunc, newest first'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a tree -d 'the merged filesystem as of a layer'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a efficiency -d 'dive score and wasted bytes'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a findings -d 'what to change in the Dockerfile'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a ci -d 'dive CI gate and rules on findings'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a reuse -d 'which layers the images share'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a verify -d 'check every layer against its digests'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a diff -d 'where the bytes went between two images'
complete -c strata-cli -l help -d 'show help'
complete -c strata-cli -n "__fish_seen_subcommand_from inspect history tree cat export packages efficiency findings ci verify" -l image -r -d 'which image'
complete -c strata-cli -n "__fish_seen_subcommand_from tree cat export packages" -l layer -r -d 'layer index, 0 = bottom'
complete -c strata-cli -n "__fish_seen_subcommand_from tree" -l diff -d 'only the changes the layer makes'
complete -c strata-cli -n "__fish_seen_subcommand_from tree images containers" -l format -x -a 'tsv json'
complete -c strata-cli -n "__fish_seen_subcommand_from images" -l engine -d 'the images of the running engine'
complete -c strata-cli -n "__fish_seen_subcommand_from inspect history tree cat export packages efficiency findings ci verify" -l container -d 'the location names an engine container'
complete -c strata-cli -n "__fish_seen_subcommand_from inspect" -l overlay -d 'the overlay2 folders of an engine image or container'
complete -c strata-cli -n "__fish_seen_subcommand_from inspect efficiency reuse" -l format -x -a 'text json'
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l format -x -a 'text json markdown'
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l config -r -F -d 'dive CI rules'
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l lowest-efficiency -x
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l highest-wasted-bytes -x
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l highest-user-wasted-percent -x
complete -c strata-cli -n "__fish_seen_subcommand_from reuse" -l containers -x
complete -c strata-cli -n "__fish_seen_subcommand_from reuse" -l container-size -x
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l image-a -x
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l image-b -x
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l layer-a -x
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l layer-b -x
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l content -d 'compare the bytes of files'
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l limit -x
complete -c strata-cli -n "__fish_seen_subcommand_from tree" -l since -x -d 'with --diff: the layers after N together'
complete -c strata-cli -n "__fish_seen_subcommand_from findings ci" -l exclude-base -d 'leave out the base image'
complete -c strata-cli -n "__fish_seen_subcommand_from findings ci" -l base-layers -x
complete -c strata-cli -n "__fish_seen_subcommand_from findings" -l format -x -a 'text json markdown'
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l format -x -a 'text junit sarif'
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l wasted-bytes-floor -x
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l deny-secrets -d 'fail on any secret'
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l max-cache-bytes -x
complete -c strata-cli -n "__fish_seen_subcommand_from ci" -l deny-path -x -d 'fail when a path matching GLOB ships'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a cat -d 'one file as of a layer, on standard output'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a export -d 'the merged filesystem as a tar or a new folder'
complete -c strata-cli -n "__fish_seen_subcommand_from export" -l path -r -d 'only this path and what is below it'
complete -c strata-cli -n "__fish_seen_subcommand_from export" -s o -l output -r -F -d 'OUT.tar, - or a new folder'
complete -c strata-cli -f -n "not __fish_seen_subcommand_from $commands" -a packages -d 'installed packages per layer, or an SBOM'
complete -c strata-cli -n "__fish_seen_subcommand_from packages" -l format -x -a 'text json cyclonedx'
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l packages -d 'compare installed packages'
complete -c strata-cli -n "__fish_seen_subcommand_from diff" -l path -r -d 'only this file, as a unified diff'
