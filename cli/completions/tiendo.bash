# bash completion for tiendo                                 -*- shell-script -*-
# Installed as share/bash-completion/completions/tiendo. Written by hand from
# `tiendo --help` and each subcommand's --help (cli/commands.cpp): keep the
# two in step.

_tiendo_files() {
  # Files whose name matches the extended glob $1 (e.g. '@(yaml|yml)'), and
  # directories to walk into.
  local IFS=$'\n' extglob
  extglob=$(shopt -p extglob)
  shopt -s extglob
  COMPREPLY+=($(compgen -d -- "$cur"))
  if [[ -n $1 ]]; then
    COMPREPLY+=($(compgen -f -X "!*.$1" -- "$cur"))
  else
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
  eval "$extglob"
  compopt -o filenames 2>/dev/null
  return 0
}

_tiendo() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD - 1]}"
  local commands="schedule check gantt network calendar explain import status whatif risk baseline
                  export portfolio agenda serve"
  COMPREPLY=()

  # The subcommand: the first word after `tiendo` that is not an option.
  local i command="" positionals=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *)
        if [[ -z $command ]]; then
          command=${COMP_WORDS[i]}
        fi
        ;;
    esac
  done

  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return 0
  fi

  # Values of the options that take one.
  case $prev in
    -l | --lang)
      COMPREPLY=($(compgen -W "vi en" -- "$cur"))
      return 0
      ;;
    --distribution)
      COMPREPLY=($(compgen -W "triangular pert" -- "$cur"))
      return 0
      ;;
    -f | --format)
      case $command in
        schedule) COMPREPLY=($(compgen -W "table json csv" -- "$cur")) ;;
        check | calendar | explain) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        portfolio) COMPREPLY=($(compgen -W "text json csv" -- "$cur")) ;;
        agenda) COMPREPLY=($(compgen -W "text json csv pdf svg" -- "$cur")) ;;
        status) COMPREPLY=($(compgen -W "text json pdf" -- "$cur")) ;;
        whatif | risk) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        export) COMPREPLY=($(compgen -W "ics xlsx mspdi docx" -- "$cur")) ;;
      esac
      return 0
      ;;
    -o | --output)
      case $command in
        gantt | network) _tiendo_files '@(png|svg|pdf)' ;;
        import) _tiendo_files '@(yaml|yml)' ;;
        export) _tiendo_files '@(ics|xlsx|xml|docx)' ;;
        *) _tiendo_files ;;
      esac
      return 0
      ;;
    --page)
      COMPREPLY=($(compgen -W "A4 A3" -- "$cur"))
      return 0
      ;;
    --scale)
      COMPREPLY=($(compgen -W "auto day week month" -- "$cur"))
      return 0
      ;;
    --group-by)
      COMPREPLY=($(compgen -W "task owner lead" -- "$cur"))
      return 0
      ;;
    --links)
      COMPREPLY=($(compgen -W "auto all driving critical none" -- "$cur"))
      return 0
      ;;
    --level)
      COMPREPLY=($(compgen -W "plans tasks" -- "$cur"))
      return 0
      ;;
    --fit)
      COMPREPLY=($(compgen -W "none page slide" -- "$cur"))
      return 0
      ;;
    --columns)
      COMPREPLY=($(compgen -W "stt,name,owner,lead stt,name name,owner,lead" -- "$cur"))
      return 0
      ;;
    --dpi | --title | --from | --to | --status-date | --phrase | --year | --committee | --port | --host | \
      --baseline | --name | --delay | --cancel-meeting | --move-event)
      return 0 # free text, a number or a date
      ;;
  esac

  local options
  case $command in
    schedule | check)
      options="--help --lang --format --output --lenient --strict --status-date --baseline"
      ;;
    status)
      options="--help --lang --format --output --strict --status-date --baseline"
      ;;
    whatif)
      options="--help --lang --format --output --strict --status-date --baseline --delay
               --cancel-meeting --move-event"
      ;;
    risk)
      options="--help --lang --format --output --strict --status-date --runs --seed --distribution --chart"
      ;;
    baseline)
      if ((COMP_CWORD == 2)); then
        COMPREPLY=($(compgen -W "save list" -- "$cur"))
        return 0
      fi
      options="--help --name --status-date"
      ;;
    export)
      options="--help --format --output --lang --steps --place --lenient --strict"
      ;;
    gantt)
      options="--help --lang --output --dpi --page --title --critical-only --from --to --scale
               --group-by --status-date --baseline --columns --links --no-links --level --fit
               --lenient"
      ;;
    network)
      options="--help --lang --output --dpi --page --title --critical-only --lenient"
      ;;
    calendar)
      options="--help --format --lang --output"
      ;;
    explain)
      options="--help --phrase --year --format --lang --output --lenient --guesses"
      ;;
    import)
      options="--help --output --title"
      ;;
    portfolio)
      options="--help --format --lang --output"
      ;;
    agenda)
      options="--help --format --lang --output --committee --from --to"
      ;;
    serve)
      options="--help --port --host --open"
      ;;
    *)
      return 0
      ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return 0
  fi

  # Positionals.
  case $command in
    calendar)
      # CALENDAR YEAR: count the words before this one that are not options
      # or their values.
      for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
          calendar) ;;
          -f | --format | -l | --lang | -o | --output) ((i++)) ;;
          -*) ;;
          *) ((positionals++)) ;;
        esac
      done
      if ((positionals == 0)); then
        COMPREPLY=($(compgen -W "vn" -- "$cur"))
      fi
      ;;
    import)
      _tiendo_files '@(docx|odt|xlsx|ods|html|htm|tsv|csv|txt|xml|sm)'
      ;;
    baseline)
      if ((COMP_CWORD == 2)); then
        COMPREPLY=($(compgen -W "save list" -- "$cur"))
      else
        _tiendo_files '@(yaml|yml)'
      fi
      ;;
    portfolio | agenda | serve)
      COMPREPLY=($(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
      ;;
    *)
      _tiendo_files '@(yaml|yml)'
      ;;
  esac
  return 0
}

complete -F _tiendo tiendo
